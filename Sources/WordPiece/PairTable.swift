/// An open-addressing hash table of pairs: count, word-list index and a mark per pair.
///
/// Pairs are never removed (a count of 0 means absent); keys are never `UInt64.max`.
struct PairTable {
  private(set) var keys: [UInt64] = Array(repeating: .max, count: 1 << 16)
  var counts: [Int64] = Array(repeating: 0, count: 1 << 16)
  var lists: [Int32] = Array(repeating: -1, count: 1 << 16)
  var marks: [UInt32] = Array(repeating: 0, count: 1 << 16)
  private var used = 0
  private var shift: UInt64 = 64 - 16

  @inline(__always)
  private func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

  /// The slot of `key`, or `nil`.
  @inline(__always)
  func find(_ key: UInt64) -> Int? {
    let mask = keys.count - 1
    var i = home(key)
    while true {
      let k = keys[i]
      if k == key { return i }
      if k == .max { return nil }
      i = (i &+ 1) & mask
    }
  }

  /// The slot of `key`, inserting it (count 0) when absent.
  @inline(__always)
  mutating func slot(_ key: UInt64) -> (Int, inserted: Bool) {
    let mask = keys.count - 1
    var i = home(key)
    while true {
      let k = keys[i]
      if k == key { return (i, false) }
      if k == .max { break }
      i = (i &+ 1) & mask
    }
    if (used + 1) * 2 > keys.count {
      grow()
      return slot(key)
    }
    keys[i] = key
    used += 1
    return (i, true)
  }

  private mutating func grow() {
    let old = (keys, counts, lists, marks)
    let size = keys.count * 2
    keys = Array(repeating: .max, count: size)
    counts = Array(repeating: 0, count: size)
    lists = Array(repeating: -1, count: size)
    marks = Array(repeating: 0, count: size)
    shift -= 1
    for j in 0..<old.0.count where old.0[j] != .max {
      var i = home(old.0[j])
      while keys[i] != .max { i = (i &+ 1) & (size - 1) }
      keys[i] = old.0[j]
      counts[i] = old.1[j]
      lists[i] = old.2[j]
      marks[i] = old.3[j]
    }
  }

  func forEach(_ body: (UInt64, Int64) -> Void) {
    for i in 0..<keys.count where keys[i] != .max { body(keys[i], counts[i]) }
  }
}
