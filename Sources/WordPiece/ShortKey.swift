/// A key of 1…``maxLength`` bytes in the three words that ``ByteCountTable`` keeps in a slot,
/// with its hash.
///
/// Hashing a key needs only its bytes, so a sink can hash words as they arrive and look up a
/// batch of them later (``CountingSink``).
struct ShortKey {
  /// The longest short key: nearly every word.
  static let maxLength = 20

  /// Bytes 0..<8 and 8..<16, little-endian, zero-padded.
  var key0: UInt64
  var key1: UInt64
  /// Bytes 16..<20 in the low half, the tag (``ByteCountTable/tag(_:_:)``) in the high half.
  var key2: UInt64
  /// The home slot comes from the low bits.
  var hash: UInt64

  /// The key `p[0..<n]`, `1 ≤ n ≤ maxLength`, read without touching a byte outside it.
  ///
  /// - Complexity: O(1): at most three (possibly overlapping) loads and the hash.
  @inline(__always)
  init(_ p: UnsafePointer<UInt8>, _ n: Int) {
    let raw = UnsafeRawPointer(p)
    if n > 16 {
      // Bytes n-4..<n, of which those below 16 shift out.
      let last = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)))
      self.init(
        UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)),
        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
        last &>> UInt64(truncatingIfNeeded: (20 &- n) &* 8), n)
    } else if n >= 8 {
      let first = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
      // Bytes n-8..<n, of which those below 8 shift out.
      let last = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self))
      self.init(first, n == 8 ? 0 : last &>> UInt64(truncatingIfNeeded: (16 &- n) &* 8), 0, n)
    } else if n >= 4 {
      let first = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
      let last = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)))
      self.init(first | (last &>> UInt64(truncatingIfNeeded: (8 &- n) &* 8)) &<< 32, 0, 0, n)
    } else {
      // The first, middle and last byte, which coincide for n < 3.
      let middle = n &>> 1
      let word =
        UInt64(p[0]) | UInt64(p[middle]) &<< UInt64(truncatingIfNeeded: middle &* 8)
        | UInt64(p[n &- 1]) &<< UInt64(truncatingIfNeeded: (n &- 1) &* 8)
      self.init(word, 0, 0, n)
    }
  }

  /// The key `p[0..<n]`, `1 ≤ n ≤ maxLength`, where all of `p[0..<24]` may be read: three
  /// loads, masked, and no branch on the length.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  init(readingTwentyFour p: UnsafePointer<UInt8>, _ n: Int) {
    let raw = UnsafeRawPointer(p)
    self.init(
      UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) & ShortKey.lowBytes(min(n, 8)),
      UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & ShortKey.lowBytes(min(n &- 8, 8)),
      UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)) & ShortKey.lowBytes(n &- 16), n)
  }

  /// The key of zero-padded words `key0`, `key1`, `bytes16` (bytes 16..<20) and length `n`.
  @inline(__always)
  init(_ key0: UInt64, _ key1: UInt64, _ bytes16: UInt64, _ n: Int) {
    self.key0 = key0
    self.key1 = key1
    hash = ShortKey.hash(key0, key1, bytes16, n)
    key2 = bytes16 | ByteCountTable.tag(hash, n)
  }

  /// A seedless 64-bit hash of a key's words and length.
  ///
  /// Two folded 128-bit multiplications. The constants each hold a byte 0xFF, which UTF-8
  /// never does, so that no word zeroes a factor.
  @inline(__always)
  static func hash(_ key0: UInt64, _ key1: UInt64, _ bytes16: UInt64, _ n: Int) -> UInt64 {
    let h = foldedMultiply(key0 ^ 0xFF7A_3C6E_F372_FE94, key1 ^ 0xFFA5_4FF5_3A5F_1D36)
    return foldedMultiply(h ^ bytes16, 0xFF1F_83D9_ABFB_41BD ^ UInt64(truncatingIfNeeded: n))
  }

  /// A mask of the low `k` bytes of a word (`k ≤ 8`; none for `k ≤ 0`), without a branch.
  @inline(__always)
  private static func lowBytes(_ k: Int) -> UInt64 {
    UInt64.max &>> UInt64(truncatingIfNeeded: (8 &- k) &* 8)  // any shift for k ≤ 0: masked off
      & UInt64(bitPattern: Int64(truncatingIfNeeded: (0 &- k) &>> 63))  // all ones for k > 0
  }
}

/// The high and low halves of the 128-bit product, exclusive-or'ed.
@inline(__always)
private func foldedMultiply(_ a: UInt64, _ b: UInt64) -> UInt64 {
  let product = a.multipliedFullWidth(by: b)
  return product.high ^ product.low
}
