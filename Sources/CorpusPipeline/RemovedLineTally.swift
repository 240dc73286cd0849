import CorpusFilters

/// How often each removed line was removed, by rule, for the report's top-K list.
///
/// Lines are told apart by rule and the xxHash64 of their first 300 characters (a 64-bit
/// collision would merge two lines); the text is made once, when a line is first met.
/// Memory is bounded: once `capacity` distinct lines are held, only lines already held are
/// counted further. Lines repeated often enough to matter are met early, so the top of the
/// list is exact in practice; the report calls it a tally, not a census.
struct RemovedLineTally: Sendable {
  struct Line: Hashable, Sendable {
    var rule: String
    /// xxHash64 of `text`'s UTF-8.
    var hash: UInt64

    /// Only the line's hash is hashed (lines of the same text under two rules are rare);
    /// equality still compares the rule.
    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
  }

  struct Count: Sendable {
    /// At most 300 characters of the line.
    var text: String
    var count: Int
  }

  let capacity: Int
  private(set) var counts: [Line: Count] = [:]

  init(capacity: Int = 50_000) { self.capacity = capacity }

  /// Counts one removal of the line `bytes` (UTF-8) by `rule`; `text` makes the line's string
  /// (a caller that needs it too makes it once).
  ///
  /// - Complexity: O(n) for one hash of the line; `text` is called only for a line not yet held.
  mutating func add(rule: String, line bytes: UnsafeBufferPointer<UInt8>, text: () -> String) {
    // A text of at most 300 UTF-8 bytes has at most 300 characters: no grapheme walk.
    if bytes.count <= 300 {
      add(Line(rule: rule, hash: XXHash64.hash(bytes)), text: text)
    } else {
      var text = String(text().prefix(300))
      add(text.withUTF8 { Line(rule: rule, hash: XXHash64.hash($0)) }) { text }
    }
  }

  private mutating func add(_ line: Line, text: () -> String) {
    if let index = counts.index(forKey: line) {
      counts.values[index].count += 1
    } else if counts.count < capacity {
      counts[line] = Count(text: text(), count: 1)
    }
  }

  /// Adds another tally's counts.
  mutating func merge(_ other: RemovedLineTally) {
    for (line, count) in other.counts {
      if let index = counts.index(forKey: line) {
        counts.values[index].count += count.count
      } else if counts.count < capacity {
        counts[line] = count
      }
    }
  }

  /// The `k` most removed lines, most first (ties by rule, then text).
  func top(_ k: Int) -> [RemovedLineCount] {
    counts.map { RemovedLineCount(rule: $0.key.rule, text: $0.value.text, count: $0.value.count) }
      .sorted { ($1.count, $0.rule, $0.text) < ($0.count, $1.rule, $1.text) }.prefix(k).map { $0 }
  }
}
