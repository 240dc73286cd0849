/// A problem in a filter's own files: a sidecar that cannot be written or read, a sidecar that
/// fails its checksum, sidecars made with different parameters, or an invalid argument.
///
/// Rule decisions are never errors; they are results (``AdVerdict``, ``QualityVerdict``).
public struct FilterError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What kind of problem this is.
  public enum Kind: String, Sendable, CaseIterable {
    /// Opening, reading, writing or renaming a file failed.
    case io
    /// A sidecar's magic, version, size or checksum is wrong: it was truncated or damaged.
    case corruptSidecar = "corrupt_sidecar"
    /// Sidecars that must agree (e.g. MinHash parameters) do not.
    case incompatibleSidecars = "incompatible_sidecars"
    /// An argument is out of range (e.g. more documents than the reducer can index).
    case invalidArgument = "invalid_argument"
  }

  /// The category.
  public var kind: Kind
  /// What went wrong and, where possible, how to fix it.
  public var message: String
  /// The file concerned, when there is one.
  public var path: String?

  /// Creates an error.
  public init(_ kind: Kind, _ message: String, path: String? = nil) {
    self.kind = kind
    self.message = message
    self.path = path
  }

  public var description: String {
    if let path { return "\(kind.rawValue): \(path): \(message)" }
    return "\(kind.rawValue): \(message)"
  }
}
