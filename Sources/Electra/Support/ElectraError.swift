/// A problem loading, saving, training or scoring an ELECTRA model.
public struct ElectraError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What kind of problem this is.
  public enum Kind: String, Sendable, CaseIterable {
    /// `config.json` is malformed or asks for something this module does not implement.
    case invalidConfig = "invalid_config"
    /// A checkpoint lacks a tensor, has one of the wrong shape or dtype, or an unknown one.
    case invalidCheckpoint = "invalid_checkpoint"
    /// Input ids, shapes or options are out of range (the message says which).
    case invalidInput = "invalid_input"
    /// A file could not be read.
    case readFailed = "read_failed"
    /// A file could not be written.
    case writeFailed = "write_failed"
    /// OpenBLAS could not be loaded (see ``BLAS/load()``).
    case blasUnavailable = "blas_unavailable"
  }

  public var kind: Kind
  /// What went wrong and, where known, what would fix it.
  public var message: String
  /// The file concerned, when there is one.
  public var path: String?

  public init(_ kind: Kind, _ message: String, path: String? = nil) {
    self.kind = kind
    self.message = message
    self.path = path
  }

  public var description: String {
    kind.rawValue + (path.map { " in '\($0)'" } ?? "") + ": " + message
  }
}
