import CorpusFilters
import CorpusIO
import CorpusSources

/// Records one task's removals, the same way in every phase: counts them by rule (documents,
/// lines, characters), tallies the removed lines for the report's top list, and hands them to
/// the task's ``RemovalAudit``.
final class RemovalRecorder {
  /// What a task hands back to the runner.
  struct Summary: Sendable {
    var auditDocuments: BottomKSample
    var auditLines: BottomKSample
    /// The task's audit file (`audit.removed: all`).
    var auditFile: String?
    var tally: RemovedLineTally
  }

  let source: String
  private let audit: RemovalAudit
  private var tally = RemovedLineTally()
  private var documents: [String: Int] = [:]
  private var lines: [String: Int] = [:]
  private var characters: [String: Int] = [:]

  init(source: String, audit: RemovalAudit) {
    self.source = source
    self.audit = audit
  }

  /// A removed document. Its characters count under `rule` unless `countCharacters` is false
  /// (an empty document, or one whose lines were all counted as removed lines).
  func document(_ document: Document, rule: String, score: Double? = nil, countCharacters: Bool = true) throws {
    documents[rule, default: 0] += 1
    if countCharacters { characters[rule, default: 0] += UTF8Scalar.count(document.text) }
    try audit.add(.document, source: source, id: document.id, rule: rule, score: score, text: document.text)
  }

  /// The removed lines of `document`: line `i` (LF-separated) by rule `reasons[i]`, when not nil.
  ///
  /// - Complexity: O(n) in the text length, plus a string per removed line new to the tally or
  ///   kept by the audit (one string for both).
  func lines(of document: Document, reasons: [String?]) throws {
    var text = document.text
    var index = 0
    // Per rule: lines and characters, added to the task's counts once per document.
    var counts: [(rule: String, lines: Int, characters: Int)] = []
    try text.withUTF8 { bytes in
      try TextLines.forEach(bytes) { range in
        defer { index += 1 }
        guard index < reasons.count, let rule = reasons[index] else { return }
        let line = UnsafeBufferPointer(rebasing: bytes[range])
        let characters = UTF8Scalar.count(line)
        if let k = counts.firstIndex(where: { $0.rule == rule }) {
          counts[k].lines += 1
          counts[k].characters += characters
        } else {
          counts.append((rule, 1, characters))
        }
        // The line's string, made at most once: a line of the text is well-formed.
        var made: String?
        func text() -> String {
          if let made { return made }
          let string = String(wellFormedUTF8: line)
          made = string
          return string
        }
        tally.add(rule: rule, line: line, text: text)
        try audit.add(.line, source: source, id: document.id, line: index, rule: rule, text: text())
      }
    }
    for count in counts {
      lines[count.rule, default: 0] += count.lines
      characters[count.rule, default: 0] += count.characters
    }
  }

  /// Adds the counts to the task's statistics.
  func addCounts(to stats: inout SourceStats) {
    stats.removed.merge(documents, uniquingKeysWith: +)
    stats.removedLines.merge(lines, uniquingKeysWith: +)
    stats.removedCharacters.merge(characters, uniquingKeysWith: +)
  }

  /// Completes the audit file, if any, and returns what the runner merges.
  func finish() throws(CorpusIOError) -> Summary {
    Summary(
      auditDocuments: audit.documents, auditLines: audit.lines, auditFile: try audit.finish(), tally: tally)
  }

  /// Removes an unfinished audit file.
  func abandon() { audit.abandon() }
}
