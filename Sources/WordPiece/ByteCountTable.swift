/// An open-addressing hash table from byte strings to counts.
///
/// Keys live back to back in one byte arena; slots hold an index into the entry list, whose
/// entries hold the key's hash, offset and length and the count. Linear probing, load ≤ 1/2.
struct ByteCountTable: Sendable {
  struct Entry: Sendable {
    var hash: UInt64
    var offset: Int
    var length: Int
    var count: Int64
  }

  private(set) var arena: [UInt8] = []
  private(set) var entries: [Entry] = []
  private var slots: [Int32] = Array(repeating: -1, count: 1024)
  private(set) var total: Int64 = 0

  var count: Int { entries.count }

  /// Adds `amount` to the count of the key `p[0..<n]`.
  ///
  /// - Complexity: O(n) expected.
  @inline(__always)
  mutating func add(_ p: UnsafePointer<UInt8>, _ n: Int, _ amount: Int64) {
    total &+= amount
    let h = hashBytes(p, n)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: h) & mask
    while true {
      let index = Int(slots[slot])
      if index < 0 { break }
      if entries[index].hash == h, entries[index].length == n, equalsArena(entries[index].offset, p, n) {
        entries[index].count &+= amount
        return
      }
      slot = (slot &+ 1) & mask
    }
    slots[slot] = Int32(truncatingIfNeeded: entries.count)
    entries.append(Entry(hash: h, offset: arena.count, length: n, count: amount))
    arena.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
    if entries.count * 2 > slots.count { grow() }
  }

  @inline(__always)
  private func equalsArena(_ offset: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    arena.withUnsafeBufferPointer { a in
      guard let base = a.baseAddress else { return n == 0 }
      return memoryEquals(base + offset, p, n)
    }
  }

  private mutating func grow() {
    let size = slots.count * 2
    var grown = [Int32](repeating: -1, count: size)
    for (index, entry) in entries.enumerated() {
      var slot = Int(truncatingIfNeeded: entry.hash) & (size - 1)
      while grown[slot] >= 0 { slot = (slot + 1) & (size - 1) }
      grown[slot] = Int32(index)
    }
    slots = grown
  }

  func forEach(_ body: (UnsafeBufferPointer<UInt8>, Int64) throws -> Void) rethrows {
    try arena.withUnsafeBufferPointer { a in
      for entry in entries {
        try body(UnsafeBufferPointer(rebasing: a[entry.offset..<entry.offset + entry.length]), entry.count)
      }
    }
  }
}

/// Byte equality of two ranges.
@inline(__always)
func memoryEquals(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
  var i = 0
  while i + 8 <= n {
    if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self)
      != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self)
    {
      return false
    }
    i += 8
  }
  while i < n {
    if a[i] != b[i] { return false }
    i += 1
  }
  return true
}

/// A fast, seedless 64-bit hash of bytes (multiply-xorshift over 8-byte words).
///
/// Seedless so that a table's layout, and anything derived from its order, is the same on
/// every run.
@inline(__always)
func hashBytes(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
  var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
  var i = 0
  while i + 8 <= n {
    let v = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
    h = (h ^ v) &* 0xBF58_476D_1CE4_E5B9
    h ^= h >> 29
    i += 8
  }
  if i < n {
    var v: UInt64 = 0
    var shift: UInt64 = 0
    while i < n {
      v |= UInt64(p[i]) << shift
      shift += 8
      i += 1
    }
    h = (h ^ v) &* 0x94D0_49BB_1331_11EB
  }
  h ^= h >> 31
  h = h &* 0xBF58_476D_1CE4_E5B9
  return h ^ (h >> 32)
}
