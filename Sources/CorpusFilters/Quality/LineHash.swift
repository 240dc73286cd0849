/// The 64-bit hash by which ``QualityFilter``'s repetition rules tell lines and paragraphs apart
/// (only equal hashes within one document are compared).
///
/// Up to 16 bytes it is the ``TokenHash``; longer pieces are read 16 bytes at a time, each pair
/// of words folded into the running value by one full-width multiplication (the high and low
/// halves xored, as wyhash does), the last 16 bytes (overlapping the previous block) with the
/// length, then mixed by `fmix64`: half the instructions per byte of xxHash64, whose four
/// lanes and tail steps lines of a few hundred bytes do not amortize.
enum LineHash {
  /// Constants xored into the multiplied words (wyhash's), so that no text word is zero.
  static let secrets: (UInt64, UInt64) = (0xA076_1D64_78BD_642F, 0xE703_7ED1_A0B4_28DB)

  /// The high and low halves of `a × b`, xored.
  @inline(__always)
  static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
    let product = a.multipliedFullWidth(by: b)
    return product.high ^ product.low
  }

  /// The hash of `bytes` (0 for none).
  ///
  /// - Complexity: O(n): one multiplication per 16 bytes.
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let n = bytes.count
    guard let p = bytes.baseAddress, n > 0 else { return 0 }
    if n <= 16 { return TokenHash.hash(p, count: n, readable: n) }
    var h: UInt64 = 0
    var i = 0
    while i &+ 16 < n {
      h = fold(SWAR.load(p + i) ^ secrets.0 ^ h, SWAR.load(p + (i &+ 8)) ^ secrets.1)
      i &+= 16
    }
    let last = fold(SWAR.load(p + (n &- 16)) ^ secrets.0 ^ h, SWAR.load(p + (n &- 8)) ^ secrets.1 ^ UInt64(n))
    return MurmurHash3.fmix64(last)
  }
}
