/// The ELECTRA generator, as transformers' `ElectraForMaskedLM` (eval mode): the encoder,
/// `generator_predictions` (`dense` H→E, GELU, `LayerNorm`), and `generator_lm_head` E→V whose
/// weight is the word-embedding table (tied; only its bias `[V]` is a parameter of its own).
///
/// The LM head runs only at the rows asked for, as google-research/electra does at the masked
/// positions. Not thread-safe; activations of the last ``forward(_:rows:)`` stay for
/// ``backward(_:)``.
public final class ElectraForMaskedLM: ElectraModel {
  public let config: ElectraConfig
  /// The weights, under transformers' state-dict names.
  public let parameters: ParameterSet
  /// Gradients, same layout; ``backward(_:)`` adds to them.
  public let gradients: ParameterSet
  let encoder: ElectraEncoder
  private let head: Head
  private let headGradients: Head
  private let workspace = Workspace()
  private var selected: [Int] = []
  /// The model whose embedding tables this one uses, kept alive while shared.
  private var embeddingOwner: ElectraForPreTraining?

  private struct Head {
    var dense, denseBias, norm, normBias, outputBias: UnsafeMutablePointer<Float>
    init(_ set: ParameterSet) {
      dense = set["generator_predictions.dense.weight"]
      denseBias = set["generator_predictions.dense.bias"]
      norm = set["generator_predictions.LayerNorm.weight"]
      normBias = set["generator_predictions.LayerNorm.bias"]
      outputBias = set["generator_lm_head.bias"]
    }
  }

  /// The state-dict layout for `config` (without the tied `generator_lm_head.weight`).
  static func layout(_ config: ElectraConfig) -> [(name: String, shape: [Int])] {
    let e = config.embeddingSize
    return EncoderWeights.layout(config) + [
      ("generator_predictions.LayerNorm.weight", [e]), ("generator_predictions.LayerNorm.bias", [e]),
      ("generator_predictions.dense.weight", [e, config.hiddenSize]), ("generator_predictions.dense.bias", [e]),
      ("generator_lm_head.bias", [config.vocabSize]),
    ]
  }

  /// A model with `config` and all weights zero (see ``initializeWeights(seed:)``).
  ///
  /// - Throws: ``ElectraError`` if `config` is invalid or OpenBLAS cannot be loaded.
  public init(config: ElectraConfig) throws(ElectraError) {
    try config.validate()
    try BLAS.load()
    self.config = config
    parameters = ParameterSet(Self.layout(config))
    gradients = ParameterSet(sameLayoutAs: parameters)
    encoder = ElectraEncoder(config: config, values: parameters, gradients: gradients)
    head = Head(parameters)
    headGradients = Head(gradients)
  }

  /// Training-mode dropout: when set, ``forward(_:rows:)`` drops with the config's
  /// `hidden_dropout_prob` and `attention_probs_dropout_prob`, drawing masks from this
  /// generator (which advances); `nil` (the default) is eval mode.
  public var dropoutRandom: ElectraRandom? {
    get { encoder.dropoutRandom }
    set { encoder.dropoutRandom = newValue }
  }

  /// Makes this generator use `discriminator`'s embeddings, as ELECTRA trains the pair.
  ///
  /// The word, position and token-type tables and the embedding LayerNorm (values and
  /// gradients) become the discriminator's. The two configs must agree on the embedding shapes. This model's own copies are then unused until ``save(to:)``
  /// copies the shared values back into them.
  public func shareEmbeddings(with discriminator: ElectraForPreTraining) throws(ElectraError) {
    let a = config
    let b = discriminator.config
    guard a.vocabSize == b.vocabSize, a.embeddingSize == b.embeddingSize,
      a.maxPositionEmbeddings == b.maxPositionEmbeddings, a.typeVocabSize == b.typeVocabSize
    else { throw ElectraError(.invalidConfig, "generator and discriminator embeddings differ in shape") }
    encoder.weights.shareEmbeddings(with: discriminator.encoder.weights)
    encoder.gradients.shareEmbeddings(with: discriminator.encoder.gradients)
    embeddingOwner = discriminator
  }

  /// Writes `config.json` and `model.safetensors` into `directory` (shared embeddings included).
  public func save(to directory: String) throws(ElectraError) {
    if let owner = embeddingOwner {
      for name in EncoderWeights.sharedEmbeddingNames {
        guard let entry = parameters.entry(name) else { continue }
        parameters[name].update(from: owner.parameters[name], count: entry.count)
      }
    }
    var config = config
    config.architectures = ["ElectraForMaskedLM"]
    try Checkpoint.save(parameters, config: config, to: directory)
  }

  private var m: Int { selected.count }
  private var e: Int { config.embeddingSize }
  private var h: Int { config.hiddenSize }
  private var gathered: UnsafeMutablePointer<Float> { workspace.pointer }
  private var denseOut: UnsafeMutablePointer<Float> { gathered + m * h }
  private var geluOut: UnsafeMutablePointer<Float> { denseOut + m * e }
  private var normed: UnsafeMutablePointer<Float> { geluOut + m * e }
  private var mean: UnsafeMutablePointer<Float> { normed + m * e }
  private var rstd: UnsafeMutablePointer<Float> { mean + m }
  private var logitBuffer: UnsafeMutablePointer<Float> { rstd + m }

  /// The logits `[rows, V]` of the last ``forward(_:rows:)``; valid until the next call.
  public var logits: UnsafeMutableBufferPointer<Float> { .init(start: logitBuffer, count: m * config.vocabSize) }

  /// Runs the encoder on `batch` and the LM head at `rows`; returns ``logits`` `[rows.count, V]`.
  ///
  /// `rows` are flat indices `b · seqLen + t`; `nil` means all positions, as transformers does.
  @discardableResult
  public func forward(
    _ batch: ElectraBatch, rows: [Int]? = nil
  ) throws(ElectraError) -> UnsafeMutableBufferPointer<Float> {
    try batch.validate(for: config)
    if let rows {
      guard rows.allSatisfy({ $0 >= 0 && $0 < batch.count }) else {
        throw ElectraError(.invalidInput, "LM-head rows must be in 0..<\(batch.count)")
      }
    }
    selected = rows ?? Array(0..<batch.count)
    encoder.forward(batch)
    let v = config.vocabSize
    _ = workspace.reserve(m * (h + 3 * e + 2 + v) + m * (e + h) + batch.count * h)
    let hidden = encoder.output
    for (i, row) in selected.enumerated() { (gathered + i * h).update(from: hidden + row * h, count: h) }
    Linear.forward(
      x: gathered, weight: head.dense, bias: head.denseBias, y: denseOut, rows: m, inFeatures: h, outFeatures: e)
    GELU.forward(x: denseOut, y: geluOut, count: m * e)
    LayerNorm.forward(
      x: geluOut, gamma: head.norm, beta: head.normBias, y: normed, mean: mean, rstd: rstd, rows: m, width: e,
      eps: Float(config.layerNormEps))
    Linear.forward(
      x: normed, weight: encoder.weights.word, bias: head.outputBias, y: logitBuffer, rows: m, inFeatures: e,
      outFeatures: v)
    return logits
  }

  /// Backpropagates `dLogits` `[rows, V]` (may be ``logits`` itself) through the last
  /// ``forward(_:rows:)``, adding to ``gradients`` (and to the shared word table's gradient).
  public func backward(_ dLogits: UnsafePointer<Float>) {
    let v = config.vocabSize
    let dNormed = logitBuffer + m * v
    let dGathered = dNormed + m * e
    Linear.backward(
      dy: dLogits, x: normed, weight: encoder.weights.word, dx: dNormed, dWeight: encoder.gradients.word,
      dBias: headGradients.outputBias, rows: m, inFeatures: e, outFeatures: v)
    LayerNorm.backward(
      dy: dNormed, x: geluOut, gamma: head.norm, mean: mean, rstd: rstd, dx: dNormed, dGamma: headGradients.norm,
      dBeta: headGradients.normBias, rows: m, width: e)
    GELU.backward(x: denseOut, dy: dNormed, dx: dNormed, count: m * e)
    Linear.backward(
      dy: dNormed, x: gathered, weight: head.dense, dx: dGathered, dWeight: headGradients.dense,
      dBias: headGradients.denseBias, rows: m, inFeatures: h, outFeatures: e)
    let dHidden = dGathered + m * h
    dHidden.update(repeating: 0, count: encoder.batch * encoder.seqLen * h)
    for (i, row) in selected.enumerated() {
      let target = dHidden + row * h
      let source = dGathered + i * h
      for j in 0..<h { target[j] += source[j] }
    }
    encoder.backward(dHidden)
  }
}
