import CorpusSources
import CorpusText
import Shards

/// `out/report.json`: what went in, what came out, and what was rejected, per source.
///
/// It holds no timestamps or timings, so the same config and inputs give the same bytes.
public struct BuildReport: Codable, Sendable, Equatable {
  /// The tool that wrote the report.
  public var tool = ToolInfo()
  /// The effective config.
  public var config: PipelineConfig
  /// Per source, in config order.
  public var sources: [SourceStats]
  /// Every clean-text part written, in task order.
  public var parts: [PartRecord]
  /// The first issues found (see ``SourceStats/issues`` for complete counts).
  public var issues: [IssueRecord]
  /// The corpus-wide decisions: over-represented lines, duplicates, vocabulary.
  public var reduce: ReduceSummary?
  /// The most frequent removed lines, by rule.
  public var topRemovedLines: [RemovedLineCount] = []
  /// Files holding removed documents and lines (`audit`), relative to the output directory.
  public var removedFiles: [String] = []
  /// What packing took in and made.
  public var packing: ExampleBuilder.Counts?
  /// The tensor shards written (also in `manifest.json`).
  public var shards: [ShardFileRecord] = []

  /// Sums over all sources.
  public var totals: SourceStats

  /// Creates a report; ``totals`` is summed from `sources`.
  public init(config: PipelineConfig, sources: [SourceStats], parts: [PartRecord], issues: [IssueRecord]) {
    self.config = config
    self.sources = sources
    self.parts = parts
    self.issues = issues
    totals = sources.reduce(into: SourceStats(name: "total")) { $0.add($1) }
  }

  enum CodingKeys: String, CodingKey {
    case tool, config, sources, parts, issues, reduce, packing, shards, totals
    case topRemovedLines = "top_removed_lines"
    case removedFiles = "removed_files"
  }

  /// Name and version of the producing tool.
  public struct ToolInfo: Codable, Sendable, Equatable {
    public var name = "dacorpus"
    public var version = dacorpusVersion
  }
}

/// The version written into reports and printed by `dacorpus --version`.
public let dacorpusVersion = "0.1.0"

/// Counts for one source (or for all, as ``BuildReport/totals``).
public struct SourceStats: Codable, Sendable, Equatable {
  /// The source label.
  public var name: String
  /// Input files read (a 21.09 text+meta pair counts as two).
  public var files = 0
  /// Input bytes read (compressed sizes).
  public var bytesRead: Int64 = 0
  /// Records the inputs held: documents read plus rejected records.
  public var records = 0
  /// Documents written (read, less those removed by later stages).
  public var documents = 0
  /// Unicode scalars in the documents' text.
  public var characters = 0
  /// Records rejected, for any reason.
  public var rejected = 0
  /// Issues by kind (`invalid_utf8`, `malformed_json`, `truncated_stream`, …).
  public var issues: [String: Int] = [:]
  /// Records left out by a reader option, by reason.
  public var skipped: [String: Int] = [:]
  /// Input units by detected format.
  public var formats: [String: Int] = [:]
  /// Documents removed after reading, by stage and reason (`normalize.empty`, …).
  public var removed: [String: Int] = [:]
  /// What normalization repaired, transliterated and dropped.
  public var normalize = NormalizationStats()
  /// Lines removed from documents that were kept, by rule (`ads.price`, `overrepresented`, …).
  public var removedLines: [String: Int] = [:]
  /// Unicode scalars removed, by rule: whole documents (``removed``) and lines (``removedLines``).
  public var removedCharacters: [String: Int] = [:]
  /// Content tokens of the final text (no `[CLS]`, `[SEP]` or padding).
  public var tokens = 0
  /// Of those, `[UNK]`.
  public var unknownTokens = 0
  /// Examples whose first segment came from this source.
  public var examples = 0

  /// Empty counts for `name`.
  public init(name: String) { self.name = name }

  /// Adds `other`'s counts to these.
  public mutating func add(_ other: SourceStats) {
    files += other.files
    bytesRead += other.bytesRead
    records += other.records
    documents += other.documents
    characters += other.characters
    rejected += other.rejected
    issues.merge(other.issues, uniquingKeysWith: +)
    skipped.merge(other.skipped, uniquingKeysWith: +)
    formats.merge(other.formats, uniquingKeysWith: +)
    removed.merge(other.removed, uniquingKeysWith: +)
    normalize.merge(other.normalize)
    removedLines.merge(other.removedLines, uniquingKeysWith: +)
    removedCharacters.merge(other.removedCharacters, uniquingKeysWith: +)
    tokens += other.tokens
    unknownTokens += other.unknownTokens
    examples += other.examples
  }

  enum CodingKeys: String, CodingKey {
    case name, files, records, documents, characters, rejected, issues, skipped, formats, removed, normalize, tokens
    case examples
    case bytesRead = "bytes_read"
    case removedLines = "removed_lines"
    case removedCharacters = "removed_characters"
    case unknownTokens = "unknown_tokens"
  }
}

/// One output file.
public struct PartRecord: Codable, Sendable, Equatable {
  /// Path relative to the output directory.
  public var path: String
  /// The source label.
  public var source: String
  /// The input files it was made from.
  public var inputs: [String]
  /// The format the inputs were read as.
  public var format: String
  /// Documents in the part.
  public var documents: Int
  /// Unicode scalars of text in the part.
  public var characters: Int
  /// File size in bytes.
  public var bytes: Int64
  /// SHA-256 of the file, lowercase hex.
  public var sha256: String
}

/// A data issue as stored in the report.
public struct IssueRecord: Codable, Sendable, Equatable {
  public var source: String
  public var kind: String
  public var file: String
  public var location: String
  public var message: String
  public var rejected: Bool

  init(source: String, _ issue: DataIssue) {
    self.source = source
    kind = issue.kind.rawValue
    file = issue.file
    location = issue.location.description
    message = issue.message
    rejected = issue.rejected
  }
}

/// The reduce phase's decisions, as the report records them.
public struct ReduceSummary: Codable, Sendable, Equatable {
  /// Over-represented lines found.
  public var overrepresentedLines = 0
  /// Distinct (line, domain) keys counted.
  public var distinctLines = 0
  /// The most frequent over-represented lines.
  public var topOverrepresented: [RemovedLineCount] = []
  /// Documents signed for deduplication.
  public var signedDocuments = 0
  /// Exact and near duplicates removed, and clusters with more than one document.
  public var exactDuplicates = 0
  public var nearDuplicates = 0
  public var duplicateClusters = 0
  /// The vocabulary, when the tokenizer is on.
  public var vocab: VocabSummary?

  public init() {}

  enum CodingKeys: String, CodingKey {
    case vocab
    case overrepresentedLines = "overrepresented_lines"
    case distinctLines = "distinct_lines"
    case topOverrepresented = "top_overrepresented"
    case signedDocuments = "signed_documents"
    case exactDuplicates = "exact_duplicates"
    case nearDuplicates = "near_duplicates"
    case duplicateClusters = "duplicate_clusters"
  }
}

/// The vocabulary the shards use.
public struct VocabSummary: Codable, Sendable, Equatable {
  /// Path relative to the output directory (`vocab.txt`).
  public var path: String
  /// SHA-256 of the file.
  public var sha256: String
  /// Tokens in it.
  public var size: Int
  /// `train`, or the path it was loaded from.
  public var origin: String
  /// Words counted for training (0 when loaded).
  public var trainingWords: Int64
  /// Distinct words among them.
  public var distinctWords: Int

  enum CodingKeys: String, CodingKey {
    case path, sha256, size, origin
    case trainingWords = "training_words"
    case distinctWords = "distinct_words"
  }
}

/// A removed line and how often it was removed.
public struct RemovedLineCount: Codable, Sendable, Equatable {
  public var rule: String
  public var text: String
  public var count: Int
  /// Documents it occurred in, when known (over-represented lines).
  public var documents: Int?
}
