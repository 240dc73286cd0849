extension XXHash64 {
  /// The hash of the `count` bytes at `base` with `seed`, for short inputs followed by slack:
  /// below 16 bytes without a branch on `count` (each step computed, then kept or dropped by a
  /// conditional move), as word lengths are unpredictable and a mispredicted branch costs more
  /// than the steps it would skip.
  ///
  /// - Precondition: the 8 bytes after the `count` are readable (they do not change the hash).
  /// - Complexity: O(count); below 16 bytes one 8-byte, one 4-byte and three byte steps and the
  ///   avalanche, whatever `count`.
  @inline(__always)
  static func hashPadded(_ base: UnsafeRawPointer, count: Int, seed: UInt64) -> UInt64 {
    if count >= 32 { return hash(UnsafeRawBufferPointer(start: base, count: count), seed: seed) }
    var h = seed &+ prime5 &+ UInt64(truncatingIfNeeded: count)
    var i = 0
    if count >= 16 {
      h = tail8(tail8(h, base, 0), base, 8)
      i = 16
    }
    let eight = tail8(h, base, i)
    h = count & 8 != 0 ? eight : h
    i = count & ~7
    let four = tail4(h, base, i)
    h = count & 4 != 0 ? four : h
    i = count & ~3
    for j in 0..<3 {
      let one = tail1(h, base, i &+ j)
      h = j < count & 3 ? one : h
    }
    return avalanche(h)
  }
}
