/// Eight bytes at a time in a 64-bit word ("SIMD within a register"), for the filters' byte
/// scanners. Tests on bytes set each byte's high bit; a byte masked to seven bits first never
/// carries into its neighbour.
enum SWAR {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let highBits: UInt64 = 0x8080_8080_8080_8080
  static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

  /// The eight bytes at `p`, the first in the lowest byte.
  @inline(__always)
  static func load(_ p: UnsafePointer<UInt8>) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
  }

  /// The high bit of each byte of `low` (bytes ≤ 0x7F) in `lo...hi`.
  @inline(__always)
  static func inRange(_ low: UInt64, _ lo: UInt8, _ hi: UInt8) -> UInt64 {
    let atLeast = low &+ UInt64(0x80 - lo) &* ones
    let above = low &+ UInt64(0x7F - hi) &* ones
    return atLeast & ~above & highBits
  }

  /// How many bytes of `mask` have their high bit set (no other bits may be set): one
  /// multiplication adds the bits up in the top byte, where `nonzeroBitCount` is a dozen
  /// instructions on baseline x86-64 (no `popcnt`).
  @inline(__always)
  static func countHighBits(_ mask: UInt64) -> Int {
    Int(truncatingIfNeeded: ((mask >> 7) &* ones) >> 56)
  }
}
