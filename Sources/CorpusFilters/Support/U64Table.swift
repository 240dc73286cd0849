/// A reusable open-addressing hash table from 64-bit keys to a count and a first index, cleared
/// in O(1) by bumping a generation stamp. Keys are already hashes, so they index directly.
///
/// One per worker (scratch state of ``QualityFilter``).
struct U64Table {
  private var keys: [UInt64] = []
  private var counts: [Int32] = []
  private var firsts: [Int32] = []
  private var stamps: [UInt32] = []
  private var generation: UInt32 = 0
  private var mask = 0

  /// Empties the table, sized for about `expected` keys.
  mutating func reset(expected: Int) {
    var capacity = 16
    while capacity < expected * 2 { capacity <<= 1 }
    if capacity > keys.count {
      keys = Array(repeating: 0, count: capacity)
      counts = Array(repeating: 0, count: capacity)
      firsts = Array(repeating: 0, count: capacity)
      stamps = Array(repeating: 0, count: capacity)
      generation = 0
    }
    mask = keys.count - 1
    generation &+= 1
    if generation == 0 {
      for i in stamps.indices { stamps[i] = 0 }
      generation = 1
    }
  }

  @inline(__always)
  private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: ((key ^ (key >> 29)) &* 0xBF58_476D_1CE4_E5B9) >> 20) & mask }

  /// Adds one to `key`'s count (first seen at `index`) and returns the new count.
  @inline(__always)
  mutating func increment(_ key: UInt64, index: Int) -> Int {
    var s = slot(key)
    while true {
      if stamps[s] != generation {
        stamps[s] = generation
        keys[s] = key
        counts[s] = 1
        firsts[s] = Int32(truncatingIfNeeded: index)
        return 1
      }
      if keys[s] == key {
        counts[s] &+= 1
        return Int(counts[s])
      }
      s = (s + 1) & mask
    }
  }

  /// Inserts `key`; returns whether it was new.
  @inline(__always)
  mutating func insert(_ key: UInt64) -> Bool {
    increment(key, index: 0) == 1
  }

  /// Whether `key` is present.
  @inline(__always)
  func contains(_ key: UInt64) -> Bool {
    var s = slot(key)
    while stamps[s] == generation {
      if keys[s] == key { return true }
      s = (s + 1) & mask
    }
    return false
  }

  /// The largest count, ties broken by the smallest first index (Python `Counter.most_common(1)`
  /// keeps insertion order among equal counts), and that key's first index.
  func top() -> (count: Int, first: Int) {
    var best = 0
    var first = Int.max
    for s in 0..<keys.count where stamps[s] == generation {
      let c = Int(counts[s])
      let f = Int(firsts[s])
      if c > best || (c == best && f < first) {
        best = c
        first = f
      }
    }
    return (best, first)
  }
}
