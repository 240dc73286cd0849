/// A 128-bit hash value: `low` and `high` 64-bit halves.
public struct Hash128: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The low 64 bits (MurmurHash3's `h1`).
  public var low: UInt64
  /// The high 64 bits (MurmurHash3's `h2`).
  public var high: UInt64

  /// Creates a value from its halves.
  public init(low: UInt64, high: UInt64) {
    self.low = low
    self.high = high
  }

  public static func < (a: Hash128, b: Hash128) -> Bool {
    (a.high, a.low) < (b.high, b.low)
  }

  /// 32 lowercase hex digits, high half first (as Python's `'%032x' % int`).
  public var description: String {
    func hex(_ v: UInt64) -> String {
      let s = String(v, radix: 16)
      return String(repeating: "0", count: 16 - s.count) + s
    }
    return hex(high) + hex(low)
  }
}

/// MurmurHash3 x64 128-bit (Austin Appleby's reference `MurmurHash3_x64_128`), little-endian
/// reads on every platform.
///
/// Its value as one 128-bit number, `high << 64 | low`, equals Python
/// `mmh3.hash128(data, seed, x64arch=True, signed=False)`; the tests check vectors made with it.
///
/// - Complexity: O(n) in the input length.
public enum MurmurHash3 {
  /// The 128-bit hash of `bytes` with a 32-bit `seed`.
  public static func hash128(_ bytes: UnsafeRawBufferPointer, seed: UInt32 = 0) -> Hash128 {
    let c1: UInt64 = 0x87C3_7B91_1142_53D5
    let c2: UInt64 = 0x4CF5_AD43_2745_937F
    var h1 = UInt64(seed)
    var h2 = UInt64(seed)
    let count = bytes.count
    guard let base = bytes.baseAddress else { return finalize(h1, h2, length: 0) }
    var offset = 0
    while offset + 16 <= count {
      var k1 = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      var k2 = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
      k1 = k1 &* c1
      k1 = rotl(k1, 31)
      k1 = k1 &* c2
      h1 ^= k1
      h1 = rotl(h1, 27)
      h1 = h1 &+ h2
      h1 = h1 &* 5 &+ 0x52DC_E729
      k2 = k2 &* c2
      k2 = rotl(k2, 33)
      k2 = k2 &* c1
      h2 ^= k2
      h2 = rotl(h2, 31)
      h2 = h2 &+ h1
      h2 = h2 &* 5 &+ 0x3849_5AB5
      offset += 16
    }
    let rest = count - offset
    if rest > 0 {
      var k1: UInt64 = 0
      var k2: UInt64 = 0
      for i in stride(from: rest - 1, through: 0, by: -1) {
        let byte = UInt64(base.load(fromByteOffset: offset + i, as: UInt8.self))
        if i >= 8 { k2 ^= byte << UInt64((i - 8) * 8) } else { k1 ^= byte << UInt64(i * 8) }
      }
      if rest > 8 {
        k2 = k2 &* c2
        k2 = rotl(k2, 33)
        k2 = k2 &* c1
        h2 ^= k2
      }
      k1 = k1 &* c1
      k1 = rotl(k1, 31)
      k1 = k1 &* c2
      h1 ^= k1
    }
    return finalize(h1, h2, length: UInt64(count))
  }

  /// The 128-bit hash of the UTF-8 bytes of `string`.
  public static func hash128(_ string: String, seed: UInt32 = 0) -> Hash128 {
    var copy = string
    return copy.withUTF8 { hash128(UnsafeRawBufferPointer($0), seed: seed) }
  }

  @inline(__always) static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }

  /// The 64-bit finalizer (`fmix64`): a bijective avalanche mix.
  @inline(__always) public static func fmix64(_ value: UInt64) -> UInt64 {
    var k = value
    k ^= k >> 33
    k = k &* 0xFF51_AFD7_ED55_8CCD
    k ^= k >> 33
    k = k &* 0xC4CE_B9FE_1A85_EC53
    k ^= k >> 33
    return k
  }

  static func finalize(_ a: UInt64, _ b: UInt64, length: UInt64) -> Hash128 {
    var h1 = a ^ length
    var h2 = b ^ length
    h1 = h1 &+ h2
    h2 = h2 &+ h1
    h1 = fmix64(h1)
    h2 = fmix64(h2)
    h1 = h1 &+ h2
    h2 = h2 &+ h1
    return Hash128(low: h1, high: h2)
  }
}
