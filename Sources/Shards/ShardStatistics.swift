/// What the examples of a build hold, read back from its shard files: lengths of the segments
/// and of the examples, padding, `[UNK]`s and the most frequent tokens.
///
/// Made by ``ShardStatisticsCollector``, or by ``read(_:in:seqLen:vocabularySize:unknownTokenID:binWidth:topTokens:)``
/// from the manifest's file records. Counts follow the packer's layout, `[CLS] A [SEP] B [SEP]`
/// then padding: *content tokens* are the positions of A and B.
///
/// ```json
/// { "format" : "safetensors", "files" : 3, "seq_len" : 256, "examples" : 1700, "two_segment_examples" : 1530,
///   "tokens" : 402310, "padding" : 28190, "unknown_tokens" : 12, "out_of_vocabulary_tokens" : 0,
///   "segment_a_lengths" : { "bin_width" : 16, "maximum" : 256, "counts" : [ … ] },
///   "segment_b_lengths" : { … }, "example_lengths" : { … },
///   "top_tokens" : [ { "id" : 1043, "count" : 9120, "token" : "og" }, … ] }
/// ```
public struct ShardStatistics: Sendable, Hashable, Codable {
  /// A token id and how often it occurs as a content token.
  public struct TokenCount: Sendable, Hashable, Codable {
    /// The token id.
    public var id: Int32
    /// Occurrences in the examples.
    public var count: Int
    /// The token's text, when a vocabulary was at hand to look it up.
    public var token: String?

    /// A count for `id`, with its text when known.
    public init(id: Int32, count: Int, token: String? = nil) {
      self.id = id
      self.count = count
      self.token = token
    }
  }

  /// The format of the files read.
  public var format: ShardFormat
  /// Files read.
  public var files = 0
  /// Example length.
  public var seqLen: Int
  /// Examples read.
  public var examples = 0
  /// Examples with a segment B.
  public var twoSegmentExamples = 0
  /// Content tokens: positions that are neither `[CLS]`, `[SEP]` nor padding.
  public var tokens = 0
  /// Padding positions.
  public var padding = 0
  /// Content tokens that are `[UNK]`.
  public var unknownTokens = 0
  /// Content tokens whose id is outside the vocabulary (a corrupt shard or a wrong vocabulary).
  public var outOfVocabularyTokens = 0
  /// Content tokens of segment A, per example.
  public var segmentALengths: LengthHistogram
  /// Content tokens of segment B, per two-segment example.
  public var segmentBLengths: LengthHistogram
  /// Positions that are not padding (`[CLS]` and `[SEP]` included), per example.
  public var exampleLengths: LengthHistogram
  /// The most frequent content tokens, most frequent first (ties: lower id first).
  public var topTokens: [TokenCount] = []

  /// Empty statistics for examples of `seqLen`, with histogram bins of `binWidth` tokens.
  public init(format: ShardFormat, seqLen: Int, binWidth: Int) {
    self.format = format
    self.seqLen = seqLen
    segmentALengths = LengthHistogram(maximum: seqLen, binWidth: binWidth)
    segmentBLengths = segmentALengths
    exampleLengths = segmentALengths
  }

  /// Padding positions as a share of all positions (0 when there are no examples).
  public var paddingFraction: Double { Self.share(padding, of: examples * seqLen) }
  /// Two-segment examples as a share of all examples.
  public var twoSegmentShare: Double { Self.share(twoSegmentExamples, of: examples) }
  /// `[UNK]` as a share of content tokens.
  public var unknownRate: Double { Self.share(unknownTokens, of: tokens) }

  static func share(_ part: Int, of whole: Int) -> Double { whole == 0 ? 0 : Double(part) / Double(whole) }

  /// Reads one copy of the examples in `records`: the safetensors files when there are any,
  /// else the TFRecord files; paths are relative to `directory` unless absolute.
  ///
  /// - Parameters:
  ///   - vocabularySize: ids at or above it count as ``outOfVocabularyTokens``.
  ///   - unknownTokenID: `[UNK]`, when the vocabulary has one.
  ///   - binWidth: tokens per histogram bin.
  ///   - topTokens: how many of the most frequent tokens to keep.
  /// - Throws: ``ShardsError/Kind/invalidArgument`` when `seqLen` or `binWidth` is not
  ///   positive; any error reading the files (see ``ShardStatisticsCollector``).
  /// - Complexity: O(examples × seqLen) time; O(vocabularySize) memory.
  public static func read(
    _ records: [ShardFileRecord], in directory: String, seqLen: Int, vocabularySize: Int, unknownTokenID: Int32?,
    binWidth: Int = 16, topTokens: Int = 25
  ) throws(ShardsError) -> ShardStatistics {
    guard seqLen > 0, binWidth > 0 else {
      throw ShardsError(.invalidArgument, "seq_len \(seqLen) and bin width \(binWidth) must be positive")
    }
    let format: ShardFormat = records.contains { $0.format == .safetensors } ? .safetensors : .tfrecord
    var collector = ShardStatisticsCollector(
      format: format, seqLen: seqLen, vocabularySize: vocabularySize, unknownTokenID: unknownTokenID,
      binWidth: binWidth)
    for record in records where record.format == format {
      try collector.add(path: record.path.hasPrefix("/") ? record.path : directory + "/" + record.path)
    }
    return collector.statistics(topTokens: topTokens)
  }

  enum CodingKeys: String, CodingKey {
    case format, files, examples, tokens, padding
    case seqLen = "seq_len"
    case twoSegmentExamples = "two_segment_examples"
    case unknownTokens = "unknown_tokens"
    case outOfVocabularyTokens = "out_of_vocabulary_tokens"
    case segmentALengths = "segment_a_lengths"
    case segmentBLengths = "segment_b_lengths"
    case exampleLengths = "example_lengths"
    case topTokens = "top_tokens"
  }
}
