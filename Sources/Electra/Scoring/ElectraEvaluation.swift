import Shards

/// The metrics of google-research/electra's evaluation (`run_pretraining.py`, `metric_fn`).
///
/// ``run(pair:dataset:examples:batchSize:seed:)`` corrupts each batch of shard examples with the
/// generator (seeded masking and Gumbel sampling, as in training), then measures both models.
/// No weights change.
public struct ElectraEvaluation: Sendable, Hashable {
  /// Mean generator cross-entropy over masked slots.
  public var mlmLoss = 0.0
  /// Share of masked slots where the generator's argmax is the original token.
  public var mlmAccuracy = 0.0
  /// Mean discriminator sigmoid cross-entropy over real positions.
  public var discriminatorLoss = 0.0
  /// Share of real positions classified right (logit > 0 ⇔ replaced).
  public var discriminatorAccuracy = 0.0
  /// Of the positions predicted replaced, the share that were.
  public var precision = 0.0
  /// Of the replaced positions, the share predicted replaced.
  public var recall = 0.0
  /// Area under the ROC curve of the replaced-probability over real positions (ties count ½).
  public var auc = 0.0
  /// Real positions scored, masked slots, replaced positions.
  public var positions = 0
  public var maskedSlots = 0
  public var replaced = 0

  /// Evaluates `pair` on the first `examples` examples of `dataset` in manifest order, in batches
  /// of `batchSize`, with masking and sampling from `seed`.
  public static func run(
    pair: ElectraPair, dataset: ShardDataset, examples: Int, batchSize: Int, seed: UInt64
  ) throws(ElectraError) -> ElectraEvaluation {
    var result = ElectraEvaluation()
    var scores: [(Float, Bool)] = []
    var mlmSum = 0.0
    var mlmRight = 0
    var bceSum = 0.0
    var right = 0
    var truePositive = 0
    var predictedPositive = 0
    let total = min(examples, dataset.count)
    var step = 0
    while step * batchSize < total {
      let size = min(batchSize, total - step * batchSize)
      var exampleList: [ShardExample] = []
      for i in 0..<size { exampleList.append(try dataset.example(at: step * batchSize + i)) }
      let batch = ElectraBatch(exampleList)
      var random = ElectraRandom(seed: seed, stream: UInt64(step))
      let masking = Masking(batch, special: pair.special, maskID: pair.maskID, random: &random)
      var generatorInput = batch
      generatorInput.inputIDs = masking.maskedInputIDs
      let v = pair.generator.config.vocabSize
      let logits = try pair.generator.forward(generatorInput, rows: masking.rows)
      let samples = GumbelSampler.sample(
        logits: logits.baseAddress!, rows: masking.rows.count, classes: v, random: &random)
      let targets = masking.rows.map { batch.inputIDs[$0] }
      let ones = [Float](repeating: 1, count: targets.count)
      for (i, target) in targets.enumerated() {
        let z = logits.baseAddress! + i * v
        var best = 0
        for c in 1..<v where z[c] > z[best] { best = c }
        if Int32(best) == target { mlmRight += 1 }
      }
      let mlm = Losses.softmaxCrossEntropy(
        logits: logits.baseAddress!, targets: targets, weights: ones, rows: targets.count, classes: v, dLogits: nil)
      mlmSum += Double(mlm) * Double(targets.count)
      result.maskedSlots += targets.count

      var fake = batch
      var labels = [Int32](repeating: 0, count: batch.count)
      for (i, row) in masking.rows.enumerated() {
        fake.inputIDs[row] = samples[i]
        labels[row] = samples[i] != batch.inputIDs[row] ? 1 : 0
      }
      let discLogits = try pair.discriminator.forward(fake)
      let real = batch.attentionMask.reduce(0) { $0 + Int($1 != 0 ? 1 : 0) }
      let bce = Losses.binaryCrossEntropy(
        logits: discLogits.baseAddress!, labels: labels, mask: batch.attentionMask, count: batch.count, dLogits: nil)
      bceSum += Double(bce) * Double(real)
      for i in 0..<batch.count where batch.attentionMask[i] != 0 {
        let predicted = discLogits[i] > 0
        let isReplaced = labels[i] == 1
        if predicted == isReplaced { right += 1 }
        if predicted { predictedPositive += 1 }
        if predicted && isReplaced { truePositive += 1 }
        if isReplaced { result.replaced += 1 }
        scores.append((discLogits[i], isReplaced))
      }
      result.positions += real
      step += 1
    }
    result.mlmLoss = mlmSum / Double(max(result.maskedSlots, 1))
    result.mlmAccuracy = Double(mlmRight) / Double(max(result.maskedSlots, 1))
    result.discriminatorLoss = bceSum / Double(max(result.positions, 1))
    result.discriminatorAccuracy = Double(right) / Double(max(result.positions, 1))
    result.precision = Double(truePositive) / Double(max(predictedPositive, 1))
    result.recall = Double(truePositive) / Double(max(result.replaced, 1))
    result.auc = areaUnderROC(scores)
    return result
  }

  /// The probability that a random positive outscores a random negative (Mann–Whitney U, ties ½);
  /// 0.5 when one class is empty.
  public static func areaUnderROC(_ scores: [(Float, Bool)]) -> Double {
    let sorted = scores.sorted { $0.0 < $1.0 }
    let positives = sorted.reduce(0) { $0 + ($1.1 ? 1 : 0) }
    let negatives = sorted.count - positives
    guard positives > 0, negatives > 0 else { return 0.5 }
    var rankSum = 0.0
    var i = 0
    while i < sorted.count {
      var j = i
      while j + 1 < sorted.count, sorted[j + 1].0 == sorted[i].0 { j += 1 }
      let averageRank = Double(i + j) / 2 + 1
      for k in i...j where sorted[k].1 { rankSum += averageRank }
      i = j + 1
    }
    return (rankSum - Double(positives) * Double(positives + 1) / 2) / (Double(positives) * Double(negatives))
  }
}
