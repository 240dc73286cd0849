/// A set of ASCII bytes held as up to three ranges, tested eight bytes at a time.
///
/// ``BertPreTokenizer`` keeps the bytes that continue a word unchanged (letters and digits,
/// or lower-case letters and digits when lower-casing) and measures a run of them with one
/// 64-bit step instead of a table lookup and a branch per byte. A set of more than three
/// ranges keeps its first three: a subset, which only shortens the runs found.
struct ASCIIByteSet: Sendable {
  /// Per range, the bytes added to each byte's low seven bits.
  ///
  /// `0x80 - lo` sets the high bit of bytes ≥ lo, `0x7F - hi` that of bytes > hi (no carry
  /// leaves a byte). An unused range adds 0 and never matches.
  private let atLeast: (UInt64, UInt64, UInt64)
  private let above: (UInt64, UInt64, UInt64)

  private static let lowSeven: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
  private static let highBits: UInt64 = 0x8080_8080_8080_8080

  /// The bytes `b < 0x80` for which `contains(b)` holds.
  init(_ contains: (UInt8) -> Bool) {
    var ranges: [(lo: UInt64, hi: UInt64)] = []
    var b: UInt8 = 0
    while b < 0x80 {
      guard contains(b) else {
        b += 1
        continue
      }
      let lo = b
      while b < 0x80, contains(b) { b += 1 }
      ranges.append((UInt64(lo), UInt64(b - 1)))
    }
    var add: [(atLeast: UInt64, above: UInt64)] = Array(repeating: (0, 0), count: 3)
    for (k, range) in ranges.prefix(3).enumerated() {
      add[k] = ((0x80 - range.lo) &* 0x0101_0101_0101_0101, (0x7F - range.hi) &* 0x0101_0101_0101_0101)
    }
    atLeast = (add[0].atLeast, add[1].atLeast, add[2].atLeast)
    above = (add[0].above, add[1].above, add[2].above)
  }

  /// How many of the eight bytes of `word` (little-endian: its first byte is the low one),
  /// from the first on, are in the set: 0…8.
  ///
  /// - Complexity: O(1), about 20 ALU operations and no branch.
  @inline(__always)
  func run(_ word: UInt64) -> Int {
    let low = word & ASCIIByteSet.lowSeven
    let inRanges =
      (low &+ atLeast.0) & ~(low &+ above.0) | (low &+ atLeast.1) & ~(low &+ above.1)
      | (low &+ atLeast.2) & ~(low &+ above.2)
    let outside = ~(inRanges & ~word) & ASCIIByteSet.highBits
    return outside.trailingZeroBitCount &>> 3
  }
}
