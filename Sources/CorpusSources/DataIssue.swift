import CorpusIO

/// A problem found in the input data: a record that could not be read, or a stream that broke.
///
/// Issues are data, not crashes: each is counted by ``Kind`` and reported with the file and
/// the line or byte offset where it was found; reading goes on with the next record or file.
public struct DataIssue: Sendable, Equatable, CustomStringConvertible {
  /// The categories of problems, as counted in `report.json`.
  public enum Kind: String, Sendable, Codable, CaseIterable, Comparable {
    case missingFile = "missing_file"
    case readFailed = "read_failed"
    case truncatedStream = "truncated_stream"
    case corruptStream = "corrupt_stream"
    case badArchive = "bad_archive"
    case invalidUTF8 = "invalid_utf8"
    case malformedJSON = "malformed_json"
    case malformedXML = "malformed_xml"
    case malformedRecord = "malformed_record"
    case missingField = "missing_field"
    case offsetMismatch = "offset_mismatch"
    case recordTooLarge = "record_too_large"
    case unknownFormat = "unknown_format"

    public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }

    /// The issue kind that corresponds to a byte-level read error.
    public init(_ kind: CorpusIOError.Kind) {
      switch kind {
      case .missingFile: self = .missingFile
      case .readFailed, .writeFailed: self = .readFailed
      case .truncated: self = .truncatedStream
      case .corrupt: self = .corruptStream
      case .badArchive: self = .badArchive
      case .tooLarge: self = .recordTooLarge
      }
    }
  }

  /// Where in a file an issue was found.
  public enum Location: Sendable, Equatable, CustomStringConvertible {
    /// A 1-based line of the decoded stream (of a member, for archives).
    case line(Int64)
    /// A byte offset in the decoded stream.
    case byte(Int64)
    /// The whole file.
    case file

    public var description: String {
      switch self {
      case .line(let n): "line \(n)"
      case .byte(let n): "byte \(n)"
      case .file: "file"
      }
    }
  }

  /// What went wrong.
  public var kind: Kind
  /// The input file (for archives, `archive.tar.gz:member`).
  public var file: String
  /// Where in `file`.
  public var location: Location
  /// A human-readable explanation.
  public var message: String
  /// Whether the record was dropped (`true`) or kept after repair (`false`).
  public var rejected: Bool

  /// Creates an issue.
  public init(_ kind: Kind, file: String, at location: Location, _ message: String, rejected: Bool = true) {
    self.kind = kind
    self.file = file
    self.location = location
    self.message = message
    self.rejected = rejected
  }

  /// An issue for a byte-level read error in `file`.
  public init(_ error: CorpusIOError, file: String) {
    self.init(Kind(error.kind), file: file, at: error.offset.map { .byte($0) } ?? .file, error.message)
  }

  public var description: String { "\(file): \(location): \(kind.rawValue): \(message)" }
}
