import Electra
import Foundation
import Testing

@Suite struct ScoringTests {
  @Test("AUC equals the share of positive–negative pairs ranked right (ties ½)")
  func auc() {
    var random = ElectraRandom(seed: 5)
    let scores: [(Float, Bool)] = (0..<300).map { _ in
      (Float(random.next() % 20) / 4, random.next() % 3 == 0)  // many ties
    }
    var pairs = 0.0
    var wins = 0.0
    for (p, isPositive) in scores where isPositive {
      for (n, isNegative) in scores where !isNegative {
        pairs += 1
        wins += p > n ? 1 : (p == n ? 0.5 : 0)
      }
    }
    #expect(abs(ElectraEvaluation.areaUnderROC(scores) - wins / pairs) < 1e-12)
    #expect(ElectraEvaluation.areaUnderROC([(1, true), (2, true)]) == 0.5)
  }

  @Test("learning rate: 0 at step 0, linear warmup, linear decay to 0 at the last step")
  func schedule() {
    func lr(_ step: Int) -> Float {
      ElectraAdamW.learningRate(step: step, peak: 1e-3, warmupSteps: 10, totalSteps: 100)
    }
    #expect(lr(0) == 0)
    #expect(abs(lr(5) - 0.5e-3 * 0.95) < 1e-9)
    #expect(abs(lr(10) - 0.9e-3) < 1e-9)
    #expect(abs(lr(55) - 0.45e-3) < 1e-9)
    #expect(lr(100) == 0)
  }

  @Test("shard evaluation: counts add up, rates are in range, same seed gives the same numbers")
  func evaluation() throws {
    let directory = SampleShards.temporaryDirectory("score")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try SampleShards.build(in: directory, seqLen: 32)
    let dataset = try ShardDataset(directory: directory)
    var config = ElectraConfig(vocabSize: dataset.vocabSize, embeddingSize: 16, hiddenSize: 32, layers: 1, heads: 2)
    config.maxPositionEmbeddings = 32
    let discriminator = try ElectraForPreTraining(config: config)
    let generator = try ElectraForMaskedLM(config: config.generator())
    discriminator.initializeWeights(seed: 1)
    generator.initializeWeights(seed: 2)
    let pair = try ElectraPair(generator: generator, discriminator: discriminator, special: dataset.special, maskID: 4)
    let a = try ElectraEvaluation.run(pair: pair, dataset: dataset, examples: 20, batchSize: 8, seed: 9)
    let b = try ElectraEvaluation.run(pair: pair, dataset: dataset, examples: 20, batchSize: 8, seed: 9)
    #expect(a == b)
    var real = 0
    for i in 0..<20 { real += try dataset.example(at: i).attentionMask.reduce(0) { $0 + Int($1) } }
    #expect(a.positions == real)
    #expect(a.maskedSlots > 0 && a.replaced <= a.maskedSlots)
    // An untrained generator almost never guesses right: nearly every masked slot is replaced.
    #expect(Double(a.replaced) > 0.9 * Double(a.maskedSlots))
    for rate in [a.discriminatorAccuracy, a.precision, a.recall, a.auc, a.mlmAccuracy] {
      #expect(rate >= 0 && rate <= 1)
    }
    #expect(abs(a.mlmLoss - log(Double(dataset.vocabSize))) < 1.5, "untrained MLM loss \(a.mlmLoss) near ln V")
  }
}
