/// The ELECTRA encoder, `ElectraModel` in transformers.
///
/// Embeddings → LayerNorm → optional projection E→H → post-LN blocks. Forward keeps every
/// activation the hand-written backward pass needs.
///
/// Shapes, with `R = batch · seqLen`: input ids, token types, mask `[batch, seqLen]`;
/// ``output`` `[R, H]`. Parameter gradients are accumulated (`+=`) into ``gradients``.
///
/// With ``dropoutRandom`` set, forward applies transformers' training-mode dropout
/// (`hidden_dropout_prob` after the embedding LayerNorm and on both block outputs before their
/// residual sums, `attention_probs_dropout_prob` on the attention probabilities), drawing the
/// masks from it, and keeps the masks for the backward pass.
final class ElectraEncoder {
  let config: ElectraConfig
  var weights: EncoderWeights
  var gradients: EncoderWeights

  private let activations = Workspace()
  private let scratch = Workspace()
  private(set) var batch = 0
  private(set) var seqLen = 0
  private var ids: [Int32] = []
  private var types: [Int32] = []
  private var keyBias: [Float] = []
  /// The source of dropout masks; `nil` runs in eval mode (no dropout).
  var dropoutRandom: ElectraRandom?
  /// Whether the last forward pass applied dropout (and so stored masks).
  private var dropping = false

  init(config: ElectraConfig, values: ParameterSet, gradients: ParameterSet) {
    self.config = config
    weights = EncoderWeights(config, in: values)
    self.gradients = EncoderWeights(config, in: gradients)
  }

  private var rows: Int { batch * seqLen }

  /// Per-layer activation pointers, carved from the workspace.
  private struct LayerActivations {
    var q, k, v, context, sum1, norm1, intermediate, gelu, sum2, output: UnsafeMutablePointer<Float>
    var mean1, rstd1, mean2, rstd2, probs: UnsafeMutablePointer<Float>
    /// Dropout factors of the probabilities and of the two block outputs; `nil` without dropout.
    var probsMask, attentionOutputMask, outputMask: UnsafeMutablePointer<Float>?
  }

  private var layerStride: Int {
    let h = config.hiddenSize
    let f = config.intermediateSize
    let probs = batch * config.numAttentionHeads * seqLen * seqLen
    return rows * (8 * h + 2 * f + 4) + probs + (dropping ? probs + 2 * rows * h : 0)
  }

  private var embeddingStride: Int {
    2 * rows * config.embeddingSize + 2 * rows
      + (config.embeddingSize != config.hiddenSize ? rows * config.hiddenSize : 0)
      + (dropping ? rows * config.embeddingSize : 0)
  }

  /// `[R, E]` summed embeddings, `[R, E]` normalised, `[R]` mean and rstd, `[R, H]` projected.
  private var embeddingSum: UnsafeMutablePointer<Float> { activations.pointer }
  private var embeddingNormed: UnsafeMutablePointer<Float> { activations.pointer + rows * config.embeddingSize }
  private var embeddingMean: UnsafeMutablePointer<Float> { embeddingNormed + rows * config.embeddingSize }
  private var embeddingRstd: UnsafeMutablePointer<Float> { embeddingMean + rows }
  /// The encoder's input `[R, H]`: the projection, or the normalised embeddings when `E == H`.
  private var encoderInput: UnsafeMutablePointer<Float> {
    config.embeddingSize != config.hiddenSize ? embeddingRstd + rows : embeddingNormed
  }
  /// `[R, E]` dropout factors of the normalised embeddings (only with dropout).
  private var embeddingMask: UnsafeMutablePointer<Float> {
    embeddingRstd + rows + (config.embeddingSize != config.hiddenSize ? rows * config.hiddenSize : 0)
  }

  private func layer(_ i: Int) -> LayerActivations {
    let h = rows * config.hiddenSize
    let f = rows * config.intermediateSize
    var p = activations.pointer + embeddingStride + i * layerStride
    func take(_ n: Int) -> UnsafeMutablePointer<Float> {
      defer { p += n }
      return p
    }
    let probs = batch * config.numAttentionHeads * seqLen * seqLen
    var a = LayerActivations(
      q: take(h), k: take(h), v: take(h), context: take(h), sum1: take(h), norm1: take(h),
      intermediate: take(f), gelu: take(f), sum2: take(h), output: take(h),
      mean1: take(rows), rstd1: take(rows), mean2: take(rows), rstd2: take(rows),
      probs: take(probs))
    if dropping {
      a.probsMask = take(probs)
      a.attentionOutputMask = take(h)
      a.outputMask = take(h)
    }
    return a
  }

  /// The last block's output `[R, H]`, valid after ``forward(_:)``.
  var output: UnsafeMutablePointer<Float> {
    config.numHiddenLayers > 0 ? layer(config.numHiddenLayers - 1).output : encoderInput
  }

  /// Runs the encoder on `input` (already validated) and keeps the activations.
  func forward(_ input: ElectraBatch) {
    batch = input.batchSize
    seqLen = input.seqLen
    ids = input.inputIDs
    types = input.tokenTypeIDs
    keyBias = input.attentionMask.map { $0 != 0 ? 0 : Float(Attention.maskedKeyBias) }
    let hiddenDrop = Float(config.hiddenDropoutProb)
    let attentionDrop = Float(config.attentionProbsDropoutProb)
    dropping = dropoutRandom != nil && (hiddenDrop > 0 || attentionDrop > 0)
    var random = dropoutRandom ?? ElectraRandom(seed: 0)
    defer { if dropping { dropoutRandom = random } }
    _ = activations.reserve(embeddingStride + config.numHiddenLayers * layerStride)
    let e = config.embeddingSize
    let h = config.hiddenSize
    let f = config.intermediateSize
    let eps = Float(config.layerNormEps)
    let w = weights
    ids.withUnsafeBufferPointer { ids in
      types.withUnsafeBufferPointer { types in
        Embedding.forward(
          ids: ids.baseAddress!, types: types.baseAddress!, word: w.word, position: w.position,
          tokenType: w.tokenType, out: embeddingSum, batch: batch, seqLen: seqLen, width: e)
      }
    }
    LayerNorm.forward(
      x: embeddingSum, gamma: w.embeddingNorm, beta: w.embeddingNormBias, y: embeddingNormed,
      mean: embeddingMean, rstd: embeddingRstd, rows: rows, width: e, eps: eps)
    if dropping {
      Dropout.makeMask(embeddingMask, count: rows * e, p: hiddenDrop, random: &random)
      Dropout.apply(embeddingNormed, mask: embeddingMask, embeddingNormed, count: rows * e)
    }
    if let projection = w.projection {
      Linear.forward(
        x: embeddingNormed, weight: projection, bias: w.projectionBias, y: encoderInput, rows: rows,
        inFeatures: e, outFeatures: h)
    }
    let attentionScratch = dropping ? scratch.reserve(seqLen * seqLen) : nil
    var x = encoderInput
    for (i, lw) in w.layers.enumerated() {
      let a = layer(i)
      Linear.forward(x: x, weight: lw.query, bias: lw.queryBias, y: a.q, rows: rows, inFeatures: h, outFeatures: h)
      Linear.forward(x: x, weight: lw.key, bias: lw.keyBias, y: a.k, rows: rows, inFeatures: h, outFeatures: h)
      Linear.forward(x: x, weight: lw.value, bias: lw.valueBias, y: a.v, rows: rows, inFeatures: h, outFeatures: h)
      if let mask = a.probsMask {
        Dropout.makeMask(
          mask, count: batch * config.numAttentionHeads * seqLen * seqLen, p: attentionDrop, random: &random)
      }
      keyBias.withUnsafeBufferPointer { bias in
        Attention.forward(
          q: a.q, k: a.k, v: a.v, keyBias: bias.baseAddress!, probs: a.probs, probsDropout: a.probsMask,
          scratch: attentionScratch, context: a.context, batch: batch, seqLen: seqLen, hidden: h,
          heads: config.numAttentionHeads)
      }
      Linear.forward(
        x: a.context, weight: lw.attentionOutput, bias: lw.attentionOutputBias, y: a.sum1, rows: rows,
        inFeatures: h, outFeatures: h)
      if let mask = a.attentionOutputMask {
        Dropout.makeMask(mask, count: rows * h, p: hiddenDrop, random: &random)
        Dropout.apply(a.sum1, mask: mask, a.sum1, count: rows * h)
      }
      for j in 0..<(rows * h) { a.sum1[j] += x[j] }
      LayerNorm.forward(
        x: a.sum1, gamma: lw.attentionNorm, beta: lw.attentionNormBias, y: a.norm1, mean: a.mean1, rstd: a.rstd1,
        rows: rows, width: h, eps: eps)
      Linear.forward(
        x: a.norm1, weight: lw.intermediate, bias: lw.intermediateBias, y: a.intermediate, rows: rows,
        inFeatures: h, outFeatures: f)
      GELU.forward(x: a.intermediate, y: a.gelu, count: rows * f)
      Linear.forward(
        x: a.gelu, weight: lw.output, bias: lw.outputBias, y: a.sum2, rows: rows, inFeatures: f, outFeatures: h)
      if let mask = a.outputMask {
        Dropout.makeMask(mask, count: rows * h, p: hiddenDrop, random: &random)
        Dropout.apply(a.sum2, mask: mask, a.sum2, count: rows * h)
      }
      for j in 0..<(rows * h) { a.sum2[j] += a.norm1[j] }
      LayerNorm.forward(
        x: a.sum2, gamma: lw.outputNorm, beta: lw.outputNormBias, y: a.output, mean: a.mean2, rstd: a.rstd2,
        rows: rows, width: h, eps: eps)
      x = a.output
    }
  }

  /// Backpropagates `dOutput` `[R, H]` (the gradient of ``output``; overwritten) through the
  /// encoder of the last ``forward(_:)``, accumulating into the parameter gradients.
  func backward(_ dOutput: UnsafeMutablePointer<Float>) {
    let e = config.embeddingSize
    let h = config.hiddenSize
    let f = config.intermediateSize
    let rh = rows * h
    let s = scratch.reserve(6 * rh + rows * f + rows * max(e, h) + 2 * seqLen * seqLen)
    let dS = s
    let dA = s + rh
    let dq = s + 2 * rh
    let dk = s + 3 * rh
    let dv = s + 4 * rh
    let dContext = s + 5 * rh
    let dF = s + 6 * rh
    let dE = dF + rows * f
    let attentionScratch = dE + rows * max(e, h)
    let w = weights
    let g = gradients
    let dX = dOutput
    for i in stride(from: config.numHiddenLayers - 1, through: 0, by: -1) {
      let a = layer(i)
      let lw = w.layers[i]
      let lg = g.layers[i]
      let x = i == 0 ? encoderInput : layer(i - 1).output
      LayerNorm.backward(
        dy: dX, x: a.sum2, gamma: lw.outputNorm, mean: a.mean2, rstd: a.rstd2, dx: dS,
        dGamma: lg.outputNorm, dBeta: lg.outputNormBias, rows: rows, width: h)
      // The output projection's gradient: dS through the dropout mask (dA is free until below).
      let dOut =
        a.outputMask.map { mask in
          Dropout.apply(dS, mask: mask, dA, count: rh)
          return dA
        } ?? dS
      Linear.backward(
        dy: dOut, x: a.gelu, weight: lw.output, dx: dF, dWeight: lg.output, dBias: lg.outputBias,
        rows: rows, inFeatures: f, outFeatures: h)
      GELU.backward(x: a.intermediate, dy: dF, dx: dF, count: rows * f)
      dA.update(from: dS, count: rh)
      Linear.backward(
        dy: dF, x: a.norm1, weight: lw.intermediate, dx: dA, accumulate: true, dWeight: lg.intermediate,
        dBias: lg.intermediateBias, rows: rows, inFeatures: h, outFeatures: f)
      LayerNorm.backward(
        dy: dA, x: a.sum1, gamma: lw.attentionNorm, mean: a.mean1, rstd: a.rstd1, dx: dS,
        dGamma: lg.attentionNorm, dBeta: lg.attentionNormBias, rows: rows, width: h)
      // Likewise through the attention output's mask (dq is free until the attention backward).
      let dAttentionOut =
        a.attentionOutputMask.map { mask in
          Dropout.apply(dS, mask: mask, dq, count: rh)
          return dq
        } ?? dS
      Linear.backward(
        dy: dAttentionOut, x: a.context, weight: lw.attentionOutput, dx: dContext, dWeight: lg.attentionOutput,
        dBias: lg.attentionOutputBias, rows: rows, inFeatures: h, outFeatures: h)
      Attention.backward(
        dContext: dContext, q: a.q, k: a.k, v: a.v, probs: a.probs, probsDropout: a.probsMask, dq: dq, dk: dk, dv: dv,
        scratch: attentionScratch, batch: batch, seqLen: seqLen, hidden: h, heads: config.numAttentionHeads)
      dX.update(from: dS, count: rh)
      Linear.backward(
        dy: dq, x: x, weight: lw.query, dx: dX, accumulate: true, dWeight: lg.query, dBias: lg.queryBias,
        rows: rows, inFeatures: h, outFeatures: h)
      Linear.backward(
        dy: dk, x: x, weight: lw.key, dx: dX, accumulate: true, dWeight: lg.key, dBias: lg.keyBias,
        rows: rows, inFeatures: h, outFeatures: h)
      Linear.backward(
        dy: dv, x: x, weight: lw.value, dx: dX, accumulate: true, dWeight: lg.value, dBias: lg.valueBias,
        rows: rows, inFeatures: h, outFeatures: h)
    }
    var dEmbedding = dX
    if let projection = w.projection, let dProjection = g.projection {
      Linear.backward(
        dy: dX, x: embeddingNormed, weight: projection, dx: dE, dWeight: dProjection, dBias: g.projectionBias,
        rows: rows, inFeatures: e, outFeatures: h)
      dEmbedding = dE
    }
    if dropping { Dropout.apply(dEmbedding, mask: embeddingMask, dEmbedding, count: rows * e) }
    LayerNorm.backward(
      dy: dEmbedding, x: embeddingSum, gamma: w.embeddingNorm, mean: embeddingMean, rstd: embeddingRstd,
      dx: dEmbedding, dGamma: g.embeddingNorm, dBeta: g.embeddingNormBias, rows: rows, width: e)
    ids.withUnsafeBufferPointer { ids in
      types.withUnsafeBufferPointer { types in
        Embedding.backward(
          dOut: dEmbedding, ids: ids.baseAddress!, types: types.baseAddress!, dWord: g.word,
          dPosition: g.position, dTokenType: g.tokenType, batch: batch, seqLen: seqLen, width: e)
      }
    }
  }
}
