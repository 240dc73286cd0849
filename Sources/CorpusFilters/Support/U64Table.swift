/// One slot of ``U64Table``: all its fields in one cache line access.
struct U64Slot {
  var key: UInt64
  /// The generation that wrote the slot: any other means empty.
  var stamp: UInt32
  var count: Int32
  var first: Int32
}

/// Storage of ``U64Table``: a raw slot array, freed on deinit.
///
/// `@unchecked Sendable` invariant: the storage is written only through a ``U64Table`` whose
/// ``U64Table/reset(expected:)`` made sure (with `isKnownUniquelyReferenced`) that it owns the
/// storage alone; copies of a table therefore never write to shared storage.
final class U64Storage: @unchecked Sendable {
  let capacity: Int
  let slots: UnsafeMutablePointer<U64Slot>

  init(capacity: Int) {
    self.capacity = capacity
    slots = .allocate(capacity: capacity)
    slots.initialize(repeating: U64Slot(key: 0, stamp: 0, count: 0, first: 0), count: capacity)
  }

  deinit { slots.deallocate() }
}

/// A reusable open-addressing hash table from 64-bit keys (already hashes) to a count and a
/// first index, emptied in O(1) by bumping a generation stamp.
///
/// One per worker: scratch state of ``QualityFilter``.
struct U64Table: Sendable {
  private var storage = U64Storage(capacity: 16)
  private var generation: UInt32 = 0
  private var mask = 15

  /// Empties the table, sized for about `expected` keys.
  ///
  /// - Complexity: O(1), except when the storage must grow or is shared with a copy.
  mutating func reset(expected: Int) {
    var size = 16
    while size < expected * 2 { size <<= 1 }
    if size > storage.capacity || !isKnownUniquelyReferenced(&storage) {
      storage = U64Storage(capacity: max(size, storage.capacity))
      generation = 0
    }
    generation &+= 1
    if generation == 0 {
      for i in 0..<storage.capacity { storage.slots[i].stamp = 0 }
      generation = 1
    }
    mask = size - 1
  }

  @inline(__always)
  private func slot(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: ((key ^ (key >> 29)) &* 0xBF58_476D_1CE4_E5B9) >> 20) & mask
  }

  /// Adds one to `key`'s count (first seen at `index`); returns the new count and the index
  /// the key was first seen at.
  @inline(__always)
  mutating func increment(_ key: UInt64, index: Int) -> (count: Int, first: Int) {
    let s = storage.slots
    var i = slot(key)
    while true {
      if s[i].stamp != generation {
        s[i] = U64Slot(key: key, stamp: generation, count: 1, first: Int32(truncatingIfNeeded: index))
        return (1, index)
      }
      if s[i].key == key {
        s[i].count &+= 1
        return (Int(s[i].count), Int(s[i].first))
      }
      i = (i + 1) & mask
    }
  }

  /// Inserts `key`; returns whether it was new.
  @inline(__always)
  mutating func insert(_ key: UInt64) -> Bool {
    let s = storage.slots
    var i = slot(key)
    while true {
      if s[i].stamp != generation {
        s[i] = U64Slot(key: key, stamp: generation, count: 1, first: 0)
        return true
      }
      if s[i].key == key { return false }
      i = (i + 1) & mask
    }
  }

  /// Whether `key` is present.
  @inline(__always)
  func contains(_ key: UInt64) -> Bool {
    let s = storage.slots
    var i = slot(key)
    while s[i].stamp == generation {
      if s[i].key == key { return true }
      i = (i + 1) & mask
    }
    return false
  }
}
