/// The on-disk formats dacorpus reads; `reference/formats.md` describes each.
public enum SourceFormat: String, Sendable, Codable, CaseIterable {
  /// OSCAR 2019 shuffled release: every non-empty line is a record.
  case oscar2019Shuffled = "oscar2019-shuffled"
  /// OSCAR 2019 unshuffled (Hugging Face) parts: blank-line-separated documents.
  case oscar2019Unshuffled = "oscar2019-unshuffled"
  /// OSCAR 21.09: a text part read together with its `_meta` JSONL part.
  case oscar2109 = "oscar2109"
  /// OSCAR 22.01: document JSONL, gzip.
  case oscar2201 = "oscar2201"
  /// OSCAR 23.01: document JSONL, zstd.
  case oscar2301 = "oscar2301"
  /// A Leipzig Corpora Collection `.tar.gz` archive.
  case leipzig
  /// A linguatools Wikipedia monolingual corpus `.xml.bz2`.
  case wikipedia
  /// An OPUS `mono` file or one side of a Moses bitext: one sentence per line.
  case opus
  /// DaNewsroom JSONL.
  case danewsroom
  /// Plain text; a blank line separates documents.
  case text
  /// Dolma-style JSONL with `id`, `text` and optional `created`, `metadata`.
  case jsonl

  /// The source family a format belongs to, as named by `type:` in `pipeline.yaml`.
  public var family: SourceType {
    switch self {
    case .oscar2019Shuffled, .oscar2019Unshuffled, .oscar2109, .oscar2201, .oscar2301: .oscar
    case .leipzig: .leipzig
    case .wikipedia: .wikipedia
    case .opus: .opus
    case .danewsroom: .danewsroom
    case .text: .text
    case .jsonl: .jsonl
    }
  }
}

/// A source type as written in `pipeline.yaml` (`type:`); `auto` detects it per file.
public enum SourceType: String, Sendable, Codable, CaseIterable {
  case auto, oscar, leipzig, wikipedia, opus, danewsroom, text, jsonl
}

/// One unit of reading work: a file, plus the companion files it is read with
/// (an OSCAR 21.09 text part and its `_meta` part).
public struct InputUnit: Sendable, Equatable {
  /// The format the unit is read as.
  public var format: SourceFormat
  /// The main file.
  public var path: String
  /// Files read together with `path` (the `_meta` part for OSCAR 21.09).
  public var companions: [String]

  /// Creates a unit.
  public init(format: SourceFormat, path: String, companions: [String] = []) {
    self.format = format
    self.path = path
    self.companions = companions
  }

  /// Every file the unit reads.
  public var files: [String] { [path] + companions }
}
