/// How often each removed line was removed, by rule, for the report's top-K list.
///
/// Memory is bounded: once `capacity` distinct lines are held, only lines already held are
/// counted further. Lines repeated often enough to matter are met early, so the top of the
/// list is exact in practice; the report calls it a tally, not a census.
struct RemovedLineTally: Sendable {
  struct Line: Hashable, Sendable {
    var rule: String
    var text: String
  }

  let capacity: Int
  private(set) var counts: [Line: Int] = [:]

  init(capacity: Int = 50_000) { self.capacity = capacity }

  /// Counts one removal of `text` by `rule`.
  mutating func add(rule: String, text: some StringProtocol) {
    // At most 300 characters; a text of at most 300 UTF-8 bytes has no more (no grapheme walk).
    let line = Line(rule: rule, text: text.utf8.count <= 300 ? String(text) : String(text.prefix(300)))
    if let count = counts[line] {
      counts[line] = count + 1
    } else if counts.count < capacity {
      counts[line] = 1
    }
  }

  /// Adds another tally's counts.
  mutating func merge(_ other: RemovedLineTally) {
    for (line, count) in other.counts {
      if let mine = counts[line] {
        counts[line] = mine + count
      } else if counts.count < capacity {
        counts[line] = count
      }
    }
  }

  /// The `k` most removed lines, most first (ties by rule, then text).
  func top(_ k: Int) -> [RemovedLineCount] {
    counts.sorted { ($1.value, $0.key.rule, $0.key.text) < ($0.value, $1.key.rule, $1.key.text) }.prefix(k).map {
      RemovedLineCount(rule: $0.key.rule, text: $0.key.text, count: $0.value)
    }
  }
}
