/// Accumulates ``ShardStatistics`` over shard files of one format, streaming: one example at a
/// time, straight from the safetensors mapping or the TFRecord reader.
///
/// ```swift
/// var collector = ShardStatisticsCollector(format: .safetensors, seqLen: 256, vocabularySize: 32_000, unknownTokenID: 1)
/// for path in shardPaths { try collector.add(path: path) }
/// let statistics = collector.statistics(topTokens: 25)
/// ```
///
/// Each example is read by the packer's layout: its length is the run of leading ones of the
/// attention mask (`input_mask`), and segment B starts at the first token type 1 within it.
/// ``SafetensorsShard/validateLayout()`` checks that layout; this type does not.
///
/// - Complexity: O(seqLen) time per example; O(vocabularySize) memory.
public struct ShardStatisticsCollector: Sendable {
  private var statistics: ShardStatistics
  private var tokenCounts: [Int]
  private let unknownTokenID: Int64?

  /// A collector for files of `format` with examples of `seqLen`.
  ///
  /// `seqLen` and `binWidth` must be positive.
  ///
  /// - Parameters:
  ///   - vocabularySize: ids in `0..<vocabularySize` are counted per id; others count as
  ///     ``ShardStatistics/outOfVocabularyTokens``.
  ///   - unknownTokenID: `[UNK]`, when the vocabulary has one.
  ///   - binWidth: tokens per histogram bin.
  public init(format: ShardFormat, seqLen: Int, vocabularySize: Int, unknownTokenID: Int32?, binWidth: Int = 16) {
    statistics = ShardStatistics(format: format, seqLen: seqLen, binWidth: binWidth)
    tokenCounts = Array(repeating: 0, count: max(0, vocabularySize))
    self.unknownTokenID = unknownTokenID.map(Int64.init)
  }

  /// Adds every example of the file at `path`, read as the collector's format.
  ///
  /// - Throws: any error of ``SafetensorsShard/init(path:)`` or ``TFRecordReader``;
  ///   ``ShardsError/Kind/invalidTensor`` when a safetensors shard has another `seq_len`;
  ///   ``ShardsError/Kind/invalidRecord`` when a TFRecord is not an ELECTRA example of `seq_len`.
  public mutating func add(path: String) throws(ShardsError) {
    switch statistics.format {
    case .safetensors: try addSafetensors(path)
    case .tfrecord: try addTFRecord(path)
    }
    statistics.files += 1
  }

  /// The statistics so far, with the `topTokens` most frequent tokens.
  public func statistics(topTokens: Int) -> ShardStatistics {
    var result = statistics
    let ranked = tokenCounts.indices.filter { tokenCounts[$0] > 0 }.sorted {
      tokenCounts[$0] != tokenCounts[$1] ? tokenCounts[$0] > tokenCounts[$1] : $0 < $1
    }
    result.topTokens = ranked.prefix(max(0, topTokens)).map {
      ShardStatistics.TokenCount(id: Int32($0), count: tokenCounts[$0])
    }
    return result
  }

  private mutating func addSafetensors(_ path: String) throws(ShardsError) {
    let shard = try SafetensorsShard(path: path)
    let seqLen = statistics.seqLen
    guard shard.seqLen == seqLen else {
      throw ShardsError(.invalidTensor, "examples of \(shard.seqLen) tokens; expected seq_len \(seqLen)", path: path)
    }
    let ids = try shard.file.view("input_ids")
    let types = try shard.file.view("token_type_ids")
    let mask = try shard.file.view("attention_mask")
    withExtendedLifetime(shard.file) {
      for example in 0..<shard.count {
        let base = example * seqLen
        addExample(ids: { ids[base + $0] }, types: { types[base + $0] }, mask: { mask[base + $0] })
      }
    }
  }

  private mutating func addTFRecord(_ path: String) throws(ShardsError) {
    let seqLen = statistics.seqLen
    var reader = try TFRecordReader(path: path)
    while true {
      let offset = reader.offset
      guard let record = try reader.next() else { return }
      let example: TFExample
      do throws(ShardsError) {
        example = try TFExample(serialized: record)
      } catch {
        throw ShardsError(error.kind, error.message, path: path, offset: offset)
      }
      guard let ids = example.int64s("input_ids"), let types = example.int64s("segment_ids"),
        let mask = example.int64s("input_mask"), ids.count == seqLen, types.count == seqLen, mask.count == seqLen
      else {
        throw ShardsError(
          .invalidRecord, "not an example of seq_len \(seqLen) with input_ids, input_mask and segment_ids", path: path,
          offset: offset)
      }
      addExample(ids: { ids[$0] }, types: { types[$0] }, mask: { mask[$0] })
    }
  }

  /// Adds the example whose rows `ids`, `types` and `mask` return at a position `0..<seqLen`.
  @inline(__always)
  private mutating func addExample(ids: (Int) -> Int64, types: (Int) -> Int64, mask: (Int) -> Int64) {
    let seqLen = statistics.seqLen
    var length = 0
    while length < seqLen, mask(length) == 1 { length += 1 }
    var firstSegmentEnd = 1
    while firstSegmentEnd < length, types(firstSegmentEnd) != 1 { firstSegmentEnd += 1 }
    // Segment A sits between [CLS] and its [SEP]; segment B, if any, between the two [SEP]s.
    let firstEnd = max(1, firstSegmentEnd - 1)
    statistics.examples += 1
    statistics.padding += seqLen - length
    statistics.exampleLengths.add(length)
    statistics.segmentALengths.add(firstEnd - 1)
    count(ids, in: 1..<firstEnd)
    if firstSegmentEnd < length {
      statistics.twoSegmentExamples += 1
      statistics.segmentBLengths.add(length - 1 - firstSegmentEnd)
      count(ids, in: firstSegmentEnd..<(length - 1))
    }
  }

  @inline(__always)
  private mutating func count(_ ids: (Int) -> Int64, in positions: Range<Int>) {
    statistics.tokens += positions.count
    for position in positions {
      let id = ids(position)
      if id == unknownTokenID { statistics.unknownTokens += 1 }
      if id >= 0, id < Int64(tokenCounts.count) {
        tokenCounts[Int(id)] += 1
      } else {
        statistics.outOfVocabularyTokens += 1
      }
    }
  }
}
