import CorpusSources
import Foundation
import Synchronization

/// Prints data issues to stderr as they are found: the first `limit` in full, then only a
/// count at the end (the report holds them all).
final class IssuePrinter: Sendable {
  private let printed = Mutex(0)
  private let limit: Int

  init(limit: Int = 20) { self.limit = limit }

  func print(source: String, _ issue: DataIssue) {
    let shown = printed.withLock { count in
      count += 1
      return count <= limit
    }
    if shown { writeError("warning: [\(source)] \(issue)") }
  }

  /// A closing line when some issues were not printed.
  func finish() {
    let count = printed.withLock { $0 }
    if count > limit { writeError("warning: \(count - limit) more issues; see report.json") }
  }
}

/// Writes a line to stderr.
func writeError(_ line: String) {
  FileHandle.standardError.write(Data((line + "\n").utf8))
}
