/// A problem reading or writing shards.
///
/// A malformed safetensors header, a TFRecord whose CRC does not match, a token id that does
/// not fit the chosen dtype, a failed write. It carries the file
/// and byte offset where it was found, when known.
public struct ShardsError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What kind of problem this is.
  public enum Kind: String, Sendable, Codable, CaseIterable {
    /// An argument or configuration value is out of range (the message says which and why).
    case invalidArgument = "invalid_argument"
    /// A safetensors header is not the JSON the format requires.
    case invalidHeader = "invalid_header"
    /// A tensor's dtype, shape or offsets are inconsistent, or a tensor is missing.
    case invalidTensor = "invalid_tensor"
    /// The file is shorter or longer than its header says.
    case sizeMismatch = "size_mismatch"
    /// A stored checksum (TFRecord CRC-32C, manifest SHA-256) does not match the data.
    case checksumMismatch = "checksum_mismatch"
    /// The file ends in the middle of a record.
    case truncated = "truncated"
    /// A TFRecord payload is not a valid `tf.train.Example`.
    case invalidRecord = "invalid_record"
    /// Opening, mapping or reading a file failed.
    case readFailed = "read_failed"
    /// Creating, writing or renaming a file failed.
    case writeFailed = "write_failed"
  }

  /// The category of the problem.
  public var kind: Kind
  /// A human-readable explanation, saying what would fix it where that is known.
  public var message: String
  /// The file concerned, when there is one.
  public var path: String?
  /// Byte offset in ``path`` where the problem was found.
  public var offset: Int64?

  /// Creates an error of `kind` with `message`, found in `path` at `offset`.
  public init(_ kind: Kind, _ message: String, path: String? = nil, offset: Int64? = nil) {
    self.kind = kind
    self.message = message
    self.path = path
    self.offset = offset
  }

  public var description: String {
    var text = kind.rawValue
    if let path { text += " in '\(path)'" }
    if let offset { text += " at byte \(offset)" }
    return text + ": " + message
  }
}
