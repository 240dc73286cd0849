/// The 64-bit hash that tells the tokens of ``QualityTokens`` apart (the n-gram rules compare
/// only these hashes, and stop words are matched by them: ``StopWords``), and the lines and
/// paragraphs of ``QualityFilter``'s repetition rules.
///
/// Short tokens, most of a text, cost one or two mixes instead of a byte-by-byte hash:
/// - 1 to 7 bytes: the bytes (little-endian) with the count in the top byte, which no other
///   input of up to 7 bytes shares, mixed by `fmix64`, a bijection: two different short tokens
///   never have the same hash;
/// - 8 to 16 bytes: the first and the last eight bytes (which together cover every byte), the
///   first mixed and offset by the count, then combined with the last as
///   ``RepeatedNGrams/combine(_:_:)`` combines an n-gram with its last token;
/// - 17 bytes and more: 16 bytes at a time, each pair of words folded into the running value
///   by one full-width multiplication (``fold(_:_:)``, the high and low halves xored, as wyhash
///   does), the last 16 bytes (overlapping the previous block) with the count, then `fmix64`:
///   about half the instructions per byte of xxHash64, whose four lanes and tail steps lines of
///   a few hundred bytes do not amortize.
///
/// Hashes of inputs of different classes (or of different inputs of 8 bytes and more) are equal
/// only by the chance of two independent 64-bit hashes.
enum TokenHash {
  /// The multiplier of the 8-to-16-byte combination.
  static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
  /// Constants xored into the folded words (wyhash's), so that no text word is zero.
  static let secrets: (UInt64, UInt64) = (0xA076_1D64_78BD_642F, 0xE703_7ED1_A0B4_28DB)

  /// The hash of the `count` (≥ 1) bytes at `p`, of which `readable` (≥ `count`) may be read.
  ///
  /// - Complexity: O(1) up to 16 bytes, O(count) above.
  @inline(__always)
  static func hash(_ p: UnsafePointer<UInt8>, count: Int, readable: Int) -> UInt64 {
    if count < 8 { return short(readable >= 8 ? SWAR.load(p) : partialLoad(p, count: count), count: count) }
    if count <= 16 {
      let first = MurmurHash3.fmix64(SWAR.load(p)) &+ UInt64(truncatingIfNeeded: count)
      return MurmurHash3.fmix64(first &* multiplier ^ SWAR.load(p + (count &- 8)))
    }
    return long(p, count: count)
  }

  /// The hash of the token of `count` (1 to 7) bytes held in the low bytes of `word` (the bytes
  /// above them may be anything).
  ///
  /// - Complexity: O(1): a mask and `fmix64`.
  @inline(__always)
  static func short(_ word: UInt64, count: Int) -> UInt64 {
    MurmurHash3.fmix64(
      word & ((1 &<< UInt64(truncatingIfNeeded: count &* 8)) &- 1) | UInt64(truncatingIfNeeded: count) &<< 56)
  }

  /// The hash of the `count` (> 16) bytes at `p`.
  ///
  /// - Complexity: O(count): one multiplication per 16 bytes.
  @inline(never)
  static func long(_ p: UnsafePointer<UInt8>, count: Int) -> UInt64 {
    var h: UInt64 = 0
    var i = 0
    while i &+ 16 < count {
      h = fold(SWAR.load(p + i) ^ secrets.0 ^ h, SWAR.load(p + (i &+ 8)) ^ secrets.1)
      i &+= 16
    }
    let tail = SWAR.load(p + (count &- 8)) ^ secrets.1 ^ UInt64(truncatingIfNeeded: count)
    return MurmurHash3.fmix64(fold(SWAR.load(p + (count &- 16)) ^ secrets.0 ^ h, tail))
  }

  /// The high and low halves of `a × b`, xored.
  @inline(__always)
  static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
    let product = a.multipliedFullWidth(by: b)
    return product.high ^ product.low
  }

  /// The `count` (< 8) bytes at `p` in the low bytes of a word, read one at a time (for the end
  /// of a buffer, where eight bytes may not be readable).
  @inline(never)
  static func partialLoad(_ p: UnsafePointer<UInt8>, count: Int) -> UInt64 {
    var word: UInt64 = 0
    for k in 0..<count { word |= UInt64(p[k]) &<< UInt64(k &* 8) }
    return word
  }

  /// The hash of `bytes` (0 when empty: an empty line).
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    guard let p = bytes.baseAddress, bytes.count > 0 else { return 0 }
    return hash(p, count: bytes.count, readable: bytes.count)
  }

  /// The hash of the UTF-8 bytes of `string` (not empty).
  static func hash(_ string: String) -> UInt64 {
    var copy = string
    return copy.withUTF8 { hash($0) }
  }
}
