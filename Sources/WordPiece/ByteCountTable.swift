import CPrefetch

/// An open-addressing hash table from byte strings to counts, laid out for word counting.
///
/// A slot is 32 bytes, two to a cache line. A key of up to ``ShortKey/maxLength`` bytes
/// (nearly every word) lives in its slot, next to its count, so that finding it reads one
/// cache line. Longer keys live back to back in a byte arena; their slot holds the arena
/// offset and the length, and a tag of hash bits spares most arena reads. Linear probing from
/// the hash's low bits, load ≤ 1/2.
///
/// A value type: copies share the slots until one of them changes (copy-on-write).
struct ByteCountTable: Sendable {
  /// One slot; `key2 == 0` marks it empty.
  struct Slot {
    /// A short key's bytes 0..<8 and 8..<16 (little-endian, zero-padded), or a long key's
    /// arena offset and length.
    var key0: UInt64
    var key1: UInt64
    /// The tag in the high half (never 0), a short key's bytes 16..<20 in the low half.
    var key2: UInt64
    var count: Int64

    static let empty = Slot(key0: 0, key1: 0, key2: 0, count: 0)

    /// The length the tag holds: a short key's length, or ``longLength``.
    var tagLength: Int { Int(truncatingIfNeeded: key2 &>> 32 & 31) }
  }

  /// The tag length of a long key.
  static let longLength = 31

  /// The high half of a slot's third word: the top 27 bits of `hash` (not those that choose
  /// the home slot) and `length`, a short key's length or ``longLength``.
  @inline(__always)
  static func tag(_ hash: UInt64, _ length: Int) -> UInt64 {
    hash & 0xFFFF_FFE0_0000_0000 | UInt64(truncatingIfNeeded: length) &<< 32
  }

  /// The slot memory, 64-byte aligned; freed with the last table that shares it.
  private final class Slots: @unchecked Sendable {  // written only by a uniquely referencing table
    let base: UnsafeMutablePointer<Slot>
    /// A power of two, at least 2.
    let capacity: Int

    /// The slots of every empty table, never written.
    static let none = Slots(capacity: 2)

    init(capacity: Int) {
      precondition(capacity.nonzeroBitCount == 1 && capacity >= 2)
      self.capacity = capacity
      base = UnsafeMutableRawPointer.allocate(byteCount: capacity * MemoryLayout<Slot>.stride, alignment: 64)
        .bindMemory(to: Slot.self, capacity: capacity)
      base.initialize(repeating: .empty, count: capacity)
    }

    deinit { base.deallocate() }

    /// The home slot of a key whose hash is `hash`: its low bits, so that the keys of one
    /// table, read in slot order, spread evenly over another's slots.
    @inline(__always)
    func home(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash) & (capacity &- 1) }

    /// A copy with the same slots.
    func copy() -> Slots {
      let copy = Slots(capacity: capacity)
      copy.base.update(from: base, count: capacity)
      return copy
    }
  }

  private var slots = Slots.none
  /// The bytes of the long keys.
  private var arena: [UInt8] = []
  /// Number of distinct keys.
  private(set) var count = 0
  /// Sum of all counts.
  private(set) var total: Int64 = 0

  /// An empty table; it allocates on the first ``add(_:_:_:)``.
  init() {}

  /// Adds `amount` to the count of the key `p[0..<n]` (`n > 0`).
  ///
  /// - Complexity: O(n) expected; a short key reads one cache line of the table.
  mutating func add(_ p: UnsafePointer<UInt8>, _ n: Int, _ amount: Int64) {
    makeUnique()
    total &+= amount
    if n <= ShortKey.maxLength {
      add(ShortKey(p, n), amount)
    } else {
      addLong(p, n, amount)
    }
  }

  /// Asks the processor to fetch the home slot of `key` ahead of an ``add(_:)`` of it.
  @inline(__always)
  func prefetch(_ key: ShortKey) {
    dacorpus_prefetch_for_write(slots.base + slots.home(key.hash))
  }

  /// Adds 1 to the count of each key of `keys` (at most 64).
  ///
  /// Meant for keys whose home slots were prefetched: first every key is counted if it is
  /// at home, without a branch on what the slot holds; the others (new keys, and keys a
  /// collision pushed further) then take the usual probe.
  ///
  /// - Complexity: O(`keys.count`) expected.
  mutating func add(_ keys: UnsafeBufferPointer<ShortKey>) {
    precondition(keys.count <= 64)
    makeUnique()
    total &+= Int64(keys.count)
    let base = slots.base
    var missed: UInt64 = 0
    for k in 0..<keys.count {
      let key = keys[k]
      let slot = base + slots.home(key.hash)
      let differs = (slot.pointee.key0 ^ key.key0) | (slot.pointee.key1 ^ key.key1) | (slot.pointee.key2 ^ key.key2)
      let found = differs == 0 ? 1 : 0
      slot.pointee.count &+= Int64(found)  // adds 0 to another key's count, or to an empty slot's
      missed |= UInt64(1 &- found) &<< UInt64(k)
    }
    while missed != 0 {
      add(keys[missed.trailingZeroBitCount], 1)
      missed &= missed &- 1
    }
  }

  /// Copies the slots if another table shares them.
  @inline(__always)
  private mutating func makeUnique() {
    if !isKnownUniquelyReferenced(&slots) { slots = slots.copy() }
  }

  /// Adds `amount` to the count of `key`; the slots are uniquely referenced and ``total`` is
  /// counted.
  @inline(__always)
  private mutating func add(_ key: ShortKey, _ amount: Int64) {
    let base = slots.base
    let mask = slots.capacity &- 1
    var i = slots.home(key.hash)
    while true {
      let slot = base + i
      if slot.pointee.key2 == key.key2, slot.pointee.key0 == key.key0, slot.pointee.key1 == key.key1 {
        slot.pointee.count &+= amount
        return
      }
      if slot.pointee.key2 == 0 { break }
      i = (i &+ 1) & mask
    }
    insert(Slot(key0: key.key0, key1: key.key1, key2: key.key2, count: amount), at: i)
  }

  /// ``add(_:_:)`` for a key longer than ``ShortKey/maxLength``.
  @inline(never)
  private mutating func addLong(_ p: UnsafePointer<UInt8>, _ n: Int, _ amount: Int64) {
    let hash = hashBytes(p, n)
    let key2 = ByteCountTable.tag(hash, ByteCountTable.longLength)
    let base = slots.base
    let mask = slots.capacity &- 1
    var i = slots.home(hash)
    while true {
      let slot = base + i
      if slot.pointee.key2 == key2, slot.pointee.key1 == UInt64(n), arenaEquals(Int(slot.pointee.key0), p, n) {
        slot.pointee.count &+= amount
        return
      }
      if slot.pointee.key2 == 0 { break }
      i = (i &+ 1) & mask
    }
    let offset = arena.count
    arena.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
    insert(Slot(key0: UInt64(offset), key1: UInt64(n), key2: key2, count: amount), at: i)
  }

  private func arenaEquals(_ offset: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    arena.withUnsafeBufferPointer { memoryEquals($0.baseAddress.unsafelyUnwrapped + offset, p, n) }
  }

  /// Puts a new key into the empty slot `i`, then keeps the load at most 1/2.
  @inline(never)
  private mutating func insert(_ slot: Slot, at i: Int) {
    slots.base[i] = slot
    count += 1
    if count * 2 > slots.capacity { grow(to: slots.capacity * 2) }
  }

  /// Adds every count of `other`.
  ///
  /// - Complexity: O(capacity of `other` + total long-key length) expected.
  mutating func add(contentsOf other: ByteCountTable) {
    makeUnique()
    total &+= other.total
    other.arena.withUnsafeBufferPointer { arena in
      for k in 0..<other.slots.capacity where other.slots.base[k].key2 != 0 {
        let slot = other.slots.base[k]
        let length = slot.tagLength
        if length == ByteCountTable.longLength {
          addLong(arena.baseAddress.unsafelyUnwrapped + Int(slot.key0), Int(slot.key1), slot.count)
        } else {
          add(ShortKey(slot.key0, slot.key1, slot.key2 & 0xFFFF_FFFF, length), slot.count)
        }
      }
    }
  }

  /// Moves the keys to `capacity` slots, hashing every key again.
  ///
  /// - Complexity: O(old capacity + `capacity` + total long-key length).
  private mutating func grow(to capacity: Int) {
    let grown = Slots(capacity: capacity)
    let mask = grown.capacity - 1
    arena.withUnsafeBufferPointer { arena in
      for k in 0..<slots.capacity where slots.base[k].key2 != 0 {
        let slot = slots.base[k]
        let length = slot.tagLength
        let hash =
          length == ByteCountTable.longLength
          ? hashBytes(arena.baseAddress.unsafelyUnwrapped + Int(slot.key0), Int(slot.key1))
          : ShortKey.hash(slot.key0, slot.key1, slot.key2 & 0xFFFF_FFFF, length)
        var i = grown.home(hash)
        while grown.base[i].key2 != 0 { i = (i &+ 1) & mask }
        grown.base[i] = slot
      }
    }
    slots = grown
  }

  /// Calls `body` with every key and its count, in an unspecified order.
  ///
  /// - Complexity: O(capacity + total key length).
  func forEach(_ body: (UnsafeBufferPointer<UInt8>, Int64) throws -> Void) rethrows {
    let short = UnsafeMutablePointer<UInt8>.allocate(capacity: 24)
    defer { short.deallocate() }
    try arena.withUnsafeBufferPointer { arena in
      for k in 0..<slots.capacity where slots.base[k].key2 != 0 {
        let slot = slots.base[k]
        let length = slot.tagLength
        if length == ByteCountTable.longLength {
          let offset = Int(slot.key0)
          try body(UnsafeBufferPointer(rebasing: arena[offset..<offset + Int(slot.key1)]), slot.count)
        } else {
          let bytes = UnsafeMutableRawPointer(short)
          bytes.storeBytes(of: slot.key0.littleEndian, as: UInt64.self)
          bytes.storeBytes(of: slot.key1.littleEndian, toByteOffset: 8, as: UInt64.self)
          bytes.storeBytes(of: slot.key2.littleEndian, toByteOffset: 16, as: UInt64.self)
          try body(UnsafeBufferPointer(start: short, count: length), slot.count)
        }
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
