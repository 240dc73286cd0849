import Shards

/// A generator and a discriminator trained together with the ELECTRA objective.
///
/// The generator fills masked positions by Gumbel sampling, the discriminator tells replaced
/// tokens from original ones; loss = MLM + ``discriminatorWeight`` × discriminator BCE. The
/// generator uses the discriminator's embedding tables and embedding LayerNorm.
public final class ElectraPair {
  public let generator: ElectraForMaskedLM
  public let discriminator: ElectraForPreTraining
  /// `[CLS]`, `[SEP]` (never masked) and `[MASK]`.
  public let special: SpecialTokens
  public let maskID: Int32
  /// λ of the objective (50 in ELECTRA).
  public var discriminatorWeight: Float = 50

  /// The losses and discriminator statistics of one step.
  public struct StepResult: Sendable, Hashable {
    /// Mean generator cross-entropy over the masked slots.
    public var mlmLoss: Float
    /// Mean discriminator sigmoid cross-entropy over real positions.
    public var discriminatorLoss: Float
    /// `mlmLoss + λ · discriminatorLoss`.
    public var totalLoss: Float
    /// Share of real positions the discriminator classifies right (logit > 0 ⇔ replaced).
    public var discriminatorAccuracy: Float
    /// Share of masked slots where the generator's argmax is the original token.
    public var generatorAccuracy: Float
    /// Real (attention-mask) positions in the batch.
    public var tokens: Int
  }

  /// Pairs `generator` and `discriminator` and makes the generator share the discriminator's
  /// embeddings (the discriminator's values win).
  public init(
    generator: ElectraForMaskedLM, discriminator: ElectraForPreTraining, special: SpecialTokens, maskID: Int32
  ) throws(ElectraError) {
    try generator.shareEmbeddings(with: discriminator)
    self.generator = generator
    self.discriminator = discriminator
    self.special = special
    self.maskID = maskID
  }

  /// Loads `directory/generator` and `directory/discriminator`.
  public convenience init(directory: String, special: SpecialTokens, maskID: Int32) throws(ElectraError) {
    try self.init(
      generator: ElectraForMaskedLM(directory: directory + "/generator"),
      discriminator: ElectraForPreTraining(directory: directory + "/discriminator"), special: special, maskID: maskID)
  }

  /// Writes `directory/generator` and `directory/discriminator` (transformers checkpoints).
  public func save(to directory: String) throws(ElectraError) {
    try generator.save(to: directory + "/generator")
    try discriminator.save(to: directory + "/discriminator")
  }

  /// Sets all gradients to zero.
  public func zeroGradients() {
    generator.gradients.zero()
    discriminator.gradients.zero()
  }

  /// One forward and backward pass of the objective on `batch`, masked by `masking`; gradients
  /// are added to both models' ``ParameterSet``s.
  ///
  /// The generator's replacements are sampled from its logits with `random` (Gumbel-max), or
  /// taken from `replacements` (one id per masked slot) when given — a fixed corruption for
  /// reproducing a reference. Labels: replaced ⇔ a masked slot's token differs from the original.
  public func accumulateGradients(
    batch: ElectraBatch, masking: Masking, replacements: [Int32]? = nil, random: inout ElectraRandom
  ) throws(ElectraError) -> StepResult {
    let rows = masking.rows
    if let replacements, replacements.count != rows.count {
      throw ElectraError(.invalidInput, "\(replacements.count) replacements for \(rows.count) masked slots")
    }
    var generatorInput = batch
    generatorInput.inputIDs = masking.maskedInputIDs
    let v = generator.config.vocabSize
    let logits = try generator.forward(generatorInput, rows: rows)
    let samples =
      replacements ?? GumbelSampler.sample(logits: logits.baseAddress!, rows: rows.count, classes: v, random: &random)
    var correct = 0
    for (i, row) in rows.enumerated() {
      let z = logits.baseAddress! + i * v
      var best = 0
      for c in 1..<v where z[c] > z[best] { best = c }
      if Int32(best) == batch.inputIDs[row] { correct += 1 }
    }
    let targets = rows.map { batch.inputIDs[$0] }
    let weights = [Float](repeating: 1, count: rows.count)
    let mlm = targets.withUnsafeBufferPointer { t in
      weights.withUnsafeBufferPointer { w in
        Losses.softmaxCrossEntropy(
          logits: logits.baseAddress!, targets: t.baseAddress!, weights: w.baseAddress!, rows: rows.count, classes: v,
          dLogits: logits.baseAddress!)
      }
    }
    generator.backward(logits.baseAddress!)

    var fake = batch
    var labels = [Int32](repeating: 0, count: batch.count)
    for (i, row) in rows.enumerated() {
      fake.inputIDs[row] = samples[i]
      labels[row] = samples[i] != batch.inputIDs[row] ? 1 : 0
    }
    let discLogits = try discriminator.forward(fake)
    var right = 0
    var tokens = 0
    for i in 0..<batch.count where batch.attentionMask[i] != 0 {
      tokens += 1
      if (discLogits[i] > 0) == (labels[i] == 1) { right += 1 }
    }
    let bce = labels.withUnsafeBufferPointer { l in
      batch.attentionMask.withUnsafeBufferPointer { m in
        Losses.binaryCrossEntropy(
          logits: discLogits.baseAddress!, labels: l.baseAddress!, mask: m.baseAddress!, count: batch.count,
          dLogits: discLogits.baseAddress!, scale: discriminatorWeight)
      }
    }
    discriminator.backward(discLogits.baseAddress!)
    return StepResult(
      mlmLoss: mlm, discriminatorLoss: bce, totalLoss: mlm + discriminatorWeight * bce,
      discriminatorAccuracy: Float(right) / Float(max(tokens, 1)),
      generatorAccuracy: Float(correct) / Float(max(rows.count, 1)), tokens: tokens)
  }
}
