/// The ELECTRA discriminator, as transformers' `ElectraForPreTraining` (eval mode): the encoder
/// and `discriminator_predictions` (`dense` H→H, GELU, `dense_prediction` H→1), one logit per
/// token — positive means "replaced".
///
/// Not thread-safe: one instance runs one batch at a time. Activations of the last
/// ``forward(_:)`` stay until the next one, for ``backward(_:)``.
public final class ElectraForPreTraining: ElectraModel {
  public let config: ElectraConfig
  /// The weights, under transformers' state-dict names.
  public let parameters: ParameterSet
  /// Gradients, same layout; ``backward(_:)`` adds to them.
  public let gradients: ParameterSet
  let encoder: ElectraEncoder
  private let head: Head
  private let headGradients: Head
  private let workspace = Workspace()

  private struct Head {
    var dense, denseBias, prediction, predictionBias: UnsafeMutablePointer<Float>
    init(_ set: ParameterSet) {
      dense = set["discriminator_predictions.dense.weight"]
      denseBias = set["discriminator_predictions.dense.bias"]
      prediction = set["discriminator_predictions.dense_prediction.weight"]
      predictionBias = set["discriminator_predictions.dense_prediction.bias"]
    }
  }

  /// The state-dict layout for `config`.
  static func layout(_ config: ElectraConfig) -> [(name: String, shape: [Int])] {
    let h = config.hiddenSize
    return EncoderWeights.layout(config) + [
      ("discriminator_predictions.dense.weight", [h, h]), ("discriminator_predictions.dense.bias", [h]),
      ("discriminator_predictions.dense_prediction.weight", [1, h]),
      ("discriminator_predictions.dense_prediction.bias", [1]),
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

  /// Training-mode dropout: when set, ``forward(_:)`` drops with the config's
  /// `hidden_dropout_prob` and `attention_probs_dropout_prob`, drawing masks from this
  /// generator (which advances); `nil` (the default) is eval mode.
  public var dropoutRandom: ElectraRandom? {
    get { encoder.dropoutRandom }
    set { encoder.dropoutRandom = newValue }
  }

  /// Writes `config.json` and `model.safetensors` into `directory`.
  public func save(to directory: String) throws(ElectraError) {
    var config = config
    config.architectures = ["ElectraForPreTraining"]
    try Checkpoint.save(parameters, config: config, to: directory)
  }

  private var rows: Int { encoder.batch * encoder.seqLen }
  private var denseOut: UnsafeMutablePointer<Float> { workspace.pointer }
  private var geluOut: UnsafeMutablePointer<Float> { workspace.pointer + rows * config.hiddenSize }
  private var logitBuffer: UnsafeMutablePointer<Float> { workspace.pointer + 2 * rows * config.hiddenSize }

  /// The logits `[batch · seqLen]` of the last ``forward(_:)``; valid until the next call.
  public var logits: UnsafeMutableBufferPointer<Float> { .init(start: logitBuffer, count: rows) }

  /// Runs the model; returns ``logits`` `[batch · seqLen]` (pre-sigmoid).
  @discardableResult
  public func forward(_ batch: ElectraBatch) throws(ElectraError) -> UnsafeMutableBufferPointer<Float> {
    try batch.validate(for: config)
    encoder.forward(batch)
    let h = config.hiddenSize
    _ = workspace.reserve(rows * (3 * h + 1))
    Linear.forward(
      x: encoder.output, weight: head.dense, bias: head.denseBias, y: denseOut, rows: rows, inFeatures: h,
      outFeatures: h)
    GELU.forward(x: denseOut, y: geluOut, count: rows * h)
    Linear.forward(
      x: geluOut, weight: head.prediction, bias: head.predictionBias, y: logitBuffer, rows: rows, inFeatures: h,
      outFeatures: 1)
    return logits
  }

  /// Backpropagates `dLogits` `[batch · seqLen]` through the last ``forward(_:)``, adding to
  /// ``gradients``.
  public func backward(_ dLogits: UnsafePointer<Float>) {
    let h = config.hiddenSize
    let dGelu = workspace.pointer + 2 * rows * h + rows
    // The head's pre-activation buffer is read for the last time by the GELU backward, so the
    // gradient of the encoder output reuses it.
    let dHidden = denseOut
    Linear.backward(
      dy: dLogits, x: geluOut, weight: head.prediction, dx: dGelu, dWeight: headGradients.prediction,
      dBias: headGradients.predictionBias, rows: rows, inFeatures: h, outFeatures: 1)
    GELU.backward(x: denseOut, dy: dGelu, dx: dGelu, count: rows * h)
    Linear.backward(
      dy: dGelu, x: encoder.output, weight: head.dense, dx: dHidden, dWeight: headGradients.dense,
      dBias: headGradients.denseBias, rows: rows, inFeatures: h, outFeatures: h)
    encoder.backward(dHidden)
  }
}
