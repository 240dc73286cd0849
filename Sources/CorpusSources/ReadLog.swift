import CorpusIO

/// Thrown to stop reading when an issue is fatal (`--strict`).
public struct StrictModeError: Error, CustomStringConvertible {
  /// The issue that stopped the run.
  public let issue: DataIssue

  /// Stops on `issue`.
  public init(issue: DataIssue) { self.issue = issue }

  public var description: String { "stopped by --strict: \(issue)" }
}

/// What a reader tells its caller besides documents: records seen, issues found.
///
/// One log belongs to one reading task; logs of several tasks are merged into a report.
/// Not thread-safe: give each task its own.
public final class ReadLog {
  /// Issues of each kind.
  public private(set) var issueCounts: [DataIssue.Kind: Int] = [:]
  /// The first `keepIssues` issues, in order, for reports.
  public private(set) var issues: [DataIssue] = []
  /// Records the input held (documents emitted plus records rejected).
  public var recordsRead = 0
  /// Records that were rejected, by any issue.
  public private(set) var recordsRejected = 0
  /// Records deliberately not turned into documents, by reader option (e.g. `disambiguation`).
  public private(set) var skipCounts: [String: Int] = [:]
  /// Bytes of the input files consumed (compressed size), counted when a file is done.
  public private(set) var bytesRead: Int64 = 0
  /// Bytes of the current file already passed to ``onProgress``.
  private var inFlight: Int64 = 0

  /// How many issues are kept verbatim; the rest are only counted.
  public let keepIssues: Int
  /// When true, any issue throws ``StrictModeError``.
  public let strict: Bool
  /// Called for every issue as it is found (e.g. to print it).
  public var onIssue: ((DataIssue) -> Void)?
  /// Called with input bytes consumed since the previous call, for progress displays.
  public var onProgress: ((Int64) -> Void)?

  /// Creates an empty log.
  public init(keepIssues: Int = 100, strict: Bool = false, onIssue: ((DataIssue) -> Void)? = nil) {
    self.keepIssues = keepIssues
    self.strict = strict
    self.onIssue = onIssue
  }

  /// Records an issue; in strict mode throws after recording it.
  public func report(_ issue: DataIssue) throws(StrictModeError) {
    issueCounts[issue.kind, default: 0] += 1
    if issue.rejected { recordsRejected += 1 }
    if issues.count < keepIssues { issues.append(issue) }
    onIssue?(issue)
    if strict { throw StrictModeError(issue: issue) }
  }

  /// Records an issue about a record that was read and rejected.
  public func reject(_ issue: DataIssue) throws(StrictModeError) {
    recordsRead += 1
    try report(issue)
  }

  /// Notes that `consumed` bytes of the current file have been read so far.
  public func advance(to consumed: Int64) {
    guard consumed > inFlight else { return }
    onProgress?(consumed - inFlight)
    inFlight = consumed
  }

  /// Notes that the current file is done after `consumed` bytes.
  public func finishFile(consumed: Int64) {
    advance(to: consumed)
    bytesRead += max(consumed, inFlight)
    inFlight = 0
  }

  /// Counts a record that a reader option excludes; it is neither a document nor an issue.
  public func skipped(_ reason: String) {
    skipCounts[reason, default: 0] += 1
  }

  /// Total issues of every kind.
  public var issueTotal: Int { issueCounts.values.reduce(0, +) }
}
