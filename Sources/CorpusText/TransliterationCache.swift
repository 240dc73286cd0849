/// A per-worker memo of short transliterations whose result depends only on their own bytes.
///
/// Runs of Latin, Common and Inherited characters (typographic quotes, dashes, accented letters)
/// bounded by kept characters. Typical Danish text repeats a few dozen of them, so nearly every run
/// is answered here instead of by ICU.
///
/// Keys and values live in one byte arena; the table is open-addressed. When it holds
/// ``maximumEntries`` entries or the arena passes ``maximumArenaBytes``, ``isFull`` is true
/// and the owner empties it with ``removeAll()``.
///
/// Each entry counts how often it was inserted or found (``forEachKey(_:)``), so that the
/// owner can count the code points of its keys once per entry instead of once per use.
struct TransliterationCache {
  /// Longest key that is cached, in bytes.
  static let maximumKeyLength = 64
  static let maximumEntries = 1 << 14
  static let maximumArenaBytes = 1 << 21

  private struct Entry {
    var hash: UInt64
    var keyStart: Int32
    var keyLength: Int32
    var valueStart: Int32
    var valueLength: Int32
    var valueIsKept: Bool
    var uses: Int
  }

  private var slots: [Int32] = Array(repeating: -1, count: maximumEntries * 2)
  private var entries: [Entry] = []
  private(set) var arena: [UInt8] = []

  /// FNV-1a.
  @inline(__always)
  static func hash(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for i in 0..<count { h = (h ^ UInt64(p[i])) &* 0x100_0000_01B3 }
    return h
  }

  /// Whether the owner must call ``removeAll()`` before the next ``insert(_:_:hash:value:valueIsKept:)``.
  var isFull: Bool { entries.count >= Self.maximumEntries || arena.count >= Self.maximumArenaBytes }

  /// The cached value for the key `p[0..<count]`, counted as a use: its range in ``arena``
  /// and whether every scalar of it is kept.
  ///
  /// - Complexity: O(count) expected.
  mutating func lookup(_ p: UnsafePointer<UInt8>, _ count: Int, hash: UInt64) -> (range: Range<Int>, isKept: Bool)? {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let index = Int(slots[slot])
      if index < 0 { return nil }
      let entry = entries[index]
      if entry.hash == hash && Int(entry.keyLength) == count {
        let equal = arena.withUnsafeBufferPointer { a -> Bool in
          guard let base = a.baseAddress else { return count == 0 }
          for i in 0..<count where base[Int(entry.keyStart) + i] != p[i] { return false }
          return true
        }
        if equal {
          entries[index].uses += 1
          let start = Int(entry.valueStart)
          return (start..<start + Int(entry.valueLength), entry.valueIsKept)
        }
      }
      slot = (slot + 1) & mask
    }
  }

  /// Empties the cache.
  mutating func removeAll() {
    entries.removeAll(keepingCapacity: true)
    arena.removeAll(keepingCapacity: true)
    for i in slots.indices { slots[i] = -1 }
  }

  /// Calls `body` with the key and the uses of every entry used since it was inserted or
  /// since ``resetUses()``.
  func forEachKey(_ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
    arena.withUnsafeBufferPointer { arena in
      for entry in entries where entry.uses > 0 {
        body(UnsafeBufferPointer(rebasing: arena[Int(entry.keyStart)..<Int(entry.keyStart + entry.keyLength)]), entry.uses)
      }
    }
  }

  /// Sets the uses of every entry to zero.
  mutating func resetUses() {
    for i in entries.indices { entries[i].uses = 0 }
  }

  /// Stores `value` for the key `p[0..<count]` (not yet present, and the cache not
  /// ``isFull``), counted as a use.
  mutating func insert(_ p: UnsafePointer<UInt8>, _ count: Int, hash: UInt64, value: [UInt8], valueIsKept: Bool) {
    let keyStart = arena.count
    arena.append(contentsOf: UnsafeBufferPointer(start: p, count: count))
    let valueStart = arena.count
    arena.append(contentsOf: value)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] >= 0 { slot = (slot + 1) & mask }
    slots[slot] = Int32(entries.count)
    entries.append(
      Entry(
        hash: hash, keyStart: Int32(keyStart), keyLength: Int32(count), valueStart: Int32(valueStart),
        valueLength: Int32(value.count), valueIsKept: valueIsKept, uses: 1))
  }
}
