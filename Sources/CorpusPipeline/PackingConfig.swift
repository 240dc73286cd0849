import CorpusIO
import CorpusSources
import Shards

/// `packing`: how token streams become fixed-length examples (``ExampleBuilder``).
public struct PackingConfig: Codable, Sendable, Equatable {
  /// Which sources a packing option applies to: `true` (the option's default sources),
  /// `false` (none), or a list of source names.
  public enum SourceSelection: Sendable, Equatable {
    case defaults
    case none
    case named(Set<String>)

    func contains(_ source: SourceConfig, byDefault: (SourceType) -> Bool) -> Bool {
      switch self {
      case .defaults: byDefault(source.type)
      case .none: false
      case .named(let names): names.contains(source.name)
      }
    }

    init(from c: KeyedDecodingContainer<CodingKeys>, key: CodingKeys) throws {
      if let flag = try? c.decodeIfPresent(Bool.self, forKey: key) {
        self = flag ? .defaults : .none
      } else if let names = try c.decodeStrings(forKey: key) {
        self = .named(Set(names))
      } else {
        self = .defaults
      }
    }

    func encode(to c: inout KeyedEncodingContainer<CodingKeys>, key: CodingKeys) throws {
      switch self {
      case .defaults: try c.encode(true, forKey: key)
      case .none: try c.encode(false, forKey: key)
      case .named(let names): try c.encode(names.sorted(), forKey: key)
      }
    }
  }

  /// Tokens per example, `[CLS]`, `[SEP]` and padding included.
  public var seqLen = 256
  /// `lossless` (no token dropped) or `electra` (google-research/electra exactly, after
  /// `random.seed(seed)`).
  public var mode = ExampleBuilder.Mode.lossless
  /// Sources whose lines are split into sentences by the Danish splitter; by default the
  /// paragraph-level ones (all but Leipzig and OPUS).
  public var splitSentences = SourceSelection.defaults
  /// Sources whose documents are packed as one running text, without a document boundary
  /// (which ends an example) after each; by default the sentence lists (Leipzig, OPUS), whose
  /// "documents" are single sentences and would otherwise become one short example each.
  public var joinDocuments = SourceSelection.defaults

  /// The defaults: 256 tokens, lossless, paragraph sources split into sentences, sentence
  /// lists joined.
  public init() {}

  /// Whether the lines of `source` are split into sentences.
  public func splitsSentences(of source: SourceConfig) -> Bool {
    splitSentences.contains(source) { !Self.isSentenceList($0) }
  }

  /// Whether the documents of `source` are packed without boundaries between them.
  public func joinsDocuments(of source: SourceConfig) -> Bool {
    joinDocuments.contains(source, byDefault: Self.isSentenceList)
  }

  static func isSentenceList(_ type: SourceType) -> Bool { type == .leipzig || type == .opus }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case seqLen = "seq_len", mode, splitSentences = "split_sentences", joinDocuments = "join_documents"
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    seqLen = try c.decodeInt(forKey: .seqLen, minimum: 5) ?? seqLen
    mode = try c.decodeChoice(ExampleBuilder.Mode.self, forKey: .mode) ?? mode
    splitSentences = try SourceSelection(from: c, key: .splitSentences)
    joinDocuments = try SourceSelection(from: c, key: .joinDocuments)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(seqLen, forKey: .seqLen)
    try c.encode(mode, forKey: .mode)
    try splitSentences.encode(to: &c, key: .splitSentences)
    try joinDocuments.encode(to: &c, key: .joinDocuments)
  }
}
