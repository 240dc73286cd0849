import CByteScan

/// Eight bytes at a time ("SIMD within a register") for the byte scanners.
enum SWAR {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let highBits: UInt64 = 0x8080_8080_8080_8080
  private static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

  /// The high bit of each byte of `x` that is zero, and no other bit.
  @inline(__always)
  static func zeroBytes(_ x: UInt64) -> UInt64 {
    ~(((x & low7) &+ low7) | x | low7)
  }

  /// The high bit of each byte of `word` that equals `byte`.
  @inline(__always)
  static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    zeroBytes(word ^ (UInt64(byte) &* ones))
  }

  @inline(__always)
  static func load(_ p: UnsafePointer<UInt8>, _ i: Int) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
  }

  /// The high bit of each byte of `word` that is not printable ASCII (0x20–0x7E): C0
  /// controls, DEL and every byte of a non-ASCII character.
  @inline(__always)
  static func notPrintable(_ word: UInt64) -> UInt64 {
    let low = word & low7  // ≤ 0x7F per byte: the additions below never carry into a neighbour
    return (~(low &+ 0x60 &* ones) | (low &+ ones) | word) & highBits
  }

  /// The index of the last `byte` in `p[0..<end]`, or `nil`.
  ///
  /// - Complexity: O(bytes searched / 8).
  static func lastIndex(of byte: UInt8, _ p: UnsafePointer<UInt8>, before end: Int) -> Int? {
    var i = end
    while i >= 8 {
      let hits = equal(load(p, i - 8), byte)
      if hits != 0 { return i - 8 + (63 - hits.leadingZeroBitCount) >> 3 }
      i -= 8
    }
    while i > 0 {
      i -= 1
      if p[i] == byte { return i }
    }
    return nil
  }

  /// The first index at or after `i` whose byte is not printable ASCII (0x20–0x7E), or `n`;
  /// with `danishLetters`, some `æøåÆØÅ` on the way may be stepped over too (those whose two
  /// bytes share a sixteen-byte block), for a caller to which they are as plain as ASCII.
  ///
  /// - Complexity: O(bytes skipped / 16): sixteen bytes at a time (SSE2), the last sixteen
  ///   eight and one at a time.
  @inline(__always)
  static func skipPrintableASCII(
    _ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int, danishLetters: Bool = false
  ) -> Int {
    var i = dacorpus_skip_printable_ascii(p, i, n, danishLetters ? 1 : 0)
    if i + 17 <= n { return i }
    while i + 8 <= n {
      let word = load(p, i)
      let stop = notPrintable(word)
      if stop != 0 { return i + stop.trailingZeroBitCount >> 3 }
      i += 8
    }
    while i < n && p[i] >= 0x20 && p[i] < 0x7F { i += 1 }
    return i
  }
}
