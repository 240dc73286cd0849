import Electra
import Foundation
import Shards
import Testing
import WordPiece

/// Shards built from `samples/text/notes.txt` with the 2,000-token Danish vocabulary of the
/// WordPiece tests (`Tests/WordPieceTests/Fixtures/vocab-danish.txt`).
enum SampleShards {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  /// Builds `directory/shards/*.safetensors` and `directory/vocab.txt`; returns the vocabulary size.
  @discardableResult
  static func build(in directory: String, seqLen: Int = 64) throws -> Int {
    let vocabPath = packageRoot + "/Tests/WordPieceTests/Fixtures/vocab-danish.txt"
    let vocabulary = try WordPieceVocabulary(contentsOf: vocabPath)
    var encoder = try WordPieceEncoder(vocabulary: vocabulary)
    let text = try String(contentsOfFile: packageRoot + "/samples/text/notes.txt", encoding: .utf8)
    let special = SpecialTokens.bertOrder
    var builder = try ExampleBuilder(seqLen: seqLen, mode: .lossless, special: special, seed: 7)
    let writer = try ShardWriter(
      .init(
        directory: directory + "/shards",
        metadata: ShardMetadata(seqLen: seqLen, special: special, vocabSHA256: vocabulary.sha256, configSHA256: "test"),
        examplesPerShard: 16))
    for document in text.components(separatedBy: "\n\n") {
      let segments = document.split(separator: "\n").map { encoder.encode(String($0)) }
      try builder.addDocument(segments) { try writer.add($0) }
    }
    _ = try writer.finish()
    try FileManager.default.copyItem(atPath: vocabPath, toPath: directory + "/vocab.txt")
    return vocabulary.count
  }

  static func temporaryDirectory(_ name: String) -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("electra-\(name)-\(getpid())").path
    try? FileManager.default.removeItem(atPath: path)
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}

@Suite struct TrainingTests {
  /// The tiny pair (discriminator 128×4, generator 32×4) over the shards' vocabulary.
  func makeTrainer(_ dataset: ShardDataset, steps: Int) throws -> ElectraTrainer {
    let config = ElectraConfig.tiny(vocabSize: dataset.vocabSize)
    let discriminator = try ElectraForPreTraining(config: config)
    let generator = try ElectraForMaskedLM(config: config.generator())
    discriminator.initializeWeights(seed: 1)
    generator.initializeWeights(seed: 2)
    let pair = try ElectraPair(
      generator: generator, discriminator: discriminator, special: dataset.special, maskID: dataset.special.mask!)
    return try ElectraTrainer(
      pair: pair, dataset: dataset,
      options: .init(steps: steps, batchSize: 4, learningRate: 2e-3, warmupSteps: 5, seed: 42))
  }

  @Test("masking follows ELECTRA: 15 % of real tokens, never [CLS]/[SEP]/padding, 85 % [MASK]")
  func masking() throws {
    let directory = SampleShards.temporaryDirectory("masking")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try SampleShards.build(in: directory)
    let dataset = try ShardDataset(directory: directory)
    let batch = try dataset.batch(step: 0, batchSize: 32, shuffleSeed: nil)
    var random = ElectraRandom(seed: 3)
    let masking = Masking(batch, special: dataset.special, maskID: 4, random: &random)
    var masked = 0
    for b in 0..<batch.batchSize {
      let rows = masking.rows.filter { $0 / batch.seqLen == b }
      let real = (0..<batch.seqLen).filter { batch.attentionMask[b * batch.seqLen + $0] != 0 }.count
      #expect(rows.count == max(1, min(9, Int((Float(real) * 0.15).rounded(.toNearestOrEven)))))
      #expect(Set(rows).count == rows.count)
    }
    for row in masking.rows {
      #expect(batch.attentionMask[row] == 1)
      #expect(![2, 3].contains(batch.inputIDs[row]))
      if masking.maskedInputIDs[row] == 4 {
        masked += 1
      } else {
        #expect(masking.maskedInputIDs[row] == batch.inputIDs[row])
      }
    }
    let share = Double(masked) / Double(masking.rows.count)
    #expect(share > 0.7 && share < 0.97, "share of [MASK] \(share)")
    for i in 0..<batch.count where !masking.rows.contains(i) { #expect(masking.maskedInputIDs[i] == batch.inputIDs[i]) }
  }

  @Test("50 steps on sample shards: deterministic for a seed, resumable, and both losses fall")
  func deterministicTraining() throws {
    let directory = SampleShards.temporaryDirectory("train")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try SampleShards.build(in: directory, seqLen: 32)
    let dataset = try ShardDataset(directory: directory)
    #expect(dataset.count >= 16)

    let trainer = try makeTrainer(dataset, steps: 50)
    var logs: [ElectraTrainer.StepLog] = []
    for _ in 0..<50 {
      logs.append(try trainer.trainStep())
      if trainer.step == 25 { try trainer.saveCheckpoint(to: directory + "/checkpoint") }
    }
    let first = logs.prefix(5)
    let last = logs.suffix(5)
    func mean(_ s: ArraySlice<ElectraTrainer.StepLog>, _ f: (ElectraPair.StepResult) -> Float) -> Float {
      s.reduce(0) { $0 + f($1.result) } / Float(s.count)
    }
    #expect(mean(last, \.mlmLoss) < mean(first, \.mlmLoss) - 0.5, "MLM loss \(logs.map(\.result.mlmLoss))")
    #expect(
      mean(last, \.discriminatorLoss) < mean(first, \.discriminatorLoss) - 0.05,
      "disc loss \(logs.map(\.result.discriminatorLoss))")

    // The same seed from the step-25 checkpoint gives bit-identical losses and weights.
    let resumed = try ElectraTrainer(resumingFrom: directory + "/checkpoint", dataset: dataset)
    #expect(resumed.step == 25)
    for step in 25..<50 {
      let log = try resumed.trainStep()
      #expect(log.result == logs[step].result, "step \(step + 1)")
    }
    for entry in trainer.pair.discriminator.parameters.entries {
      #expect(
        resumed.pair.discriminator.parameters.array(entry.name)
          == trainer.pair.discriminator.parameters.array(entry.name),
        "\(entry.name)")
    }
  }
}
