/// A problem reading bytes: a missing file, a truncated or corrupt compressed stream, a bad tar
/// header. It carries the byte offset where it was found, so reports can point at it.
public struct CorpusIOError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What kind of problem this is; the kinds are the categories counted in reports.
  public enum Kind: String, Sendable, Codable, CaseIterable {
    /// The file does not exist or cannot be opened.
    case missingFile = "missing_file"
    /// Reading the file failed at the operating-system level.
    case readFailed = "read_failed"
    /// A compressed stream ended before its end marker.
    case truncated = "truncated_stream"
    /// A compressed stream contains data its decoder rejects.
    case corrupt = "corrupt_stream"
    /// A tar header or member is unreadable.
    case badArchive = "bad_archive"
    /// A record or stream exceeds a configured size limit.
    case tooLarge = "too_large"
    /// Writing output failed.
    case writeFailed = "write_failed"
  }

  /// The category of the problem.
  public var kind: Kind
  /// A human-readable explanation.
  public var message: String
  /// Byte offset where the problem was detected (in the decoded stream unless stated).
  public var offset: Int64?

  /// Creates an error of `kind` with `message`, found at `offset`.
  public init(_ kind: Kind, _ message: String, offset: Int64? = nil) {
    self.kind = kind
    self.message = message
    self.offset = offset
  }

  public var description: String {
    if let offset { return "\(kind.rawValue) at byte \(offset): \(message)" }
    return "\(kind.rawValue): \(message)"
  }
}
