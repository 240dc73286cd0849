import Shards

/// A batch of token sequences, row-major `[batch, seqLen]`.
public struct ElectraBatch: Sendable, Hashable {
  /// Token ids.
  public var inputIDs: [Int32]
  /// Segment ids (0 or 1).
  public var tokenTypeIDs: [Int32]
  /// 1 for real tokens, 0 for padding.
  public var attentionMask: [Int32]
  public var batchSize: Int
  public var seqLen: Int

  /// A batch of `batchSize` sequences; all three arrays hold `batchSize · seqLen` values.
  public init(inputIDs: [Int32], tokenTypeIDs: [Int32], attentionMask: [Int32], batchSize: Int, seqLen: Int) {
    precondition(
      inputIDs.count == batchSize * seqLen && tokenTypeIDs.count == inputIDs.count
        && attentionMask.count == inputIDs.count, "batch arrays must hold batchSize · seqLen values")
    self.inputIDs = inputIDs
    self.tokenTypeIDs = tokenTypeIDs
    self.attentionMask = attentionMask
    self.batchSize = batchSize
    self.seqLen = seqLen
  }

  /// The shard examples stacked; all must have the same length.
  public init(_ examples: [ShardExample]) {
    let seqLen = examples.first?.inputIDs.count ?? 0
    self.init(
      inputIDs: examples.flatMap(\.inputIDs), tokenTypeIDs: examples.flatMap(\.tokenTypeIDs),
      attentionMask: examples.flatMap(\.attentionMask), batchSize: examples.count, seqLen: seqLen)
  }

  /// Number of positions, `batchSize · seqLen`.
  public var count: Int { batchSize * seqLen }

  /// Checks the ids against a model's table sizes.
  func validate(for config: ElectraConfig) throws(ElectraError) {
    guard seqLen > 0, seqLen <= config.maxPositionEmbeddings else {
      throw ElectraError(.invalidInput, "sequence length \(seqLen) is outside 1…\(config.maxPositionEmbeddings)")
    }
    guard inputIDs.allSatisfy({ $0 >= 0 && Int($0) < config.vocabSize }) else {
      throw ElectraError(.invalidInput, "input ids must be in 0..<\(config.vocabSize) (the model's vocab_size)")
    }
    guard tokenTypeIDs.allSatisfy({ $0 >= 0 && Int($0) < config.typeVocabSize }) else {
      throw ElectraError(.invalidInput, "token type ids must be in 0..<\(config.typeVocabSize)")
    }
  }
}
