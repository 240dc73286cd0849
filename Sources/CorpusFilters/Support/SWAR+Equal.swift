extension SWAR {
  /// The high bit of each byte of `word` that equals `byte` (any byte value, exact per byte).
  @inline(__always)
  static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let x = word ^ UInt64(byte) &* ones
    return ~(((x & low7) &+ low7) | x) & highBits
  }
}
