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

  /// What one rule removed; `nil` where it counted nothing of that kind (the statistics then
  /// have no entry for the rule, rather than a 0).
  private struct RuleCounts {
    var documents: Int?
    var lines: Int?
    var characters: Int?

    mutating func add(documents: Int? = nil, lines: Int? = nil, characters: Int?) {
      if let documents { self.documents = (self.documents ?? 0) + documents }
      if let lines { self.lines = (self.lines ?? 0) + lines }
      if let characters { self.characters = (self.characters ?? 0) + characters }
    }
  }

  let source: String
  private let audit: RemovalAudit
  private var tally = RemovedLineTally()
  private var counts: [String: RuleCounts] = [:]
  /// The per-rule line counts of the document being recorded (storage kept across documents).
  private var documentLines: [(rule: String, lines: Int, characters: Int)] = []

  init(source: String, audit: RemovalAudit) {
    self.source = source
    self.audit = audit
  }

  /// A removed document. Its characters count under `rule` unless `countCharacters` is false
  /// (an empty document, or one whose lines were all counted as removed lines).
  func document(_ document: Document, rule: String, score: Double? = nil, countCharacters: Bool = true) throws {
    counts[rule, default: RuleCounts()].add(
      documents: 1, characters: countCharacters ? UTF8Scalar.count(document.text) : nil)
    try audit.add(.document, source: source, id: document.id, rule: rule, score: score, text: document.text)
  }

  /// The removed lines of `document`: line `i` (LF-separated) by rule `reasons[i]`, when not nil.
  ///
  /// - Complexity: O(n) in the text length, plus a string per removed line new to the tally or
  ///   kept by the audit (one string for both).
  func lines(of document: Document, reasons: [String?]) throws {
    var text = document.text
    var index = 0
    // Per rule: lines and characters, added to the task's counts once per document; the
    // buffer is moved out of the recorder while in use (no copy, no check per line).
    var perRule = documentLines
    documentLines = []
    defer {
      perRule.removeAll(keepingCapacity: true)
      documentLines = perRule
    }
    try text.withUTF8 { bytes in
      try TextLines.forEach(bytes) { range in
        defer { index += 1 }
        guard index < reasons.count, let rule = reasons[index] else { return }
        let line = UnsafeBufferPointer(rebasing: bytes[range])
        let characters = UTF8Scalar.count(line)
        if let k = perRule.firstIndex(where: { $0.rule == rule }) {
          perRule[k].lines += 1
          perRule[k].characters += characters
        } else {
          perRule.append((rule, 1, characters))
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
    for count in perRule {
      counts[count.rule, default: RuleCounts()].add(lines: count.lines, characters: count.characters)
    }
  }

  /// Adds the counts to the task's statistics.
  func addCounts(to stats: inout SourceStats) {
    for (rule, count) in counts {
      if let documents = count.documents { stats.removed[rule, default: 0] += documents }
      if let lines = count.lines { stats.removedLines[rule, default: 0] += lines }
      if let characters = count.characters { stats.removedCharacters[rule, default: 0] += characters }
    }
  }

  /// Completes the audit file, if any, and returns what the runner merges.
  func finish() throws(CorpusIOError) -> Summary {
    Summary(
      auditDocuments: audit.documents, auditLines: audit.lines, auditFile: try audit.finish(), tally: tally)
  }

  /// Removes an unfinished audit file.
  func abandon() { audit.abandon() }
}
