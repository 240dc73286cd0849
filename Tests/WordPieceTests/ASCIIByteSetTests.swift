import Testing

@testable import WordPiece

@Suite struct ASCIIByteSetTests {
  static let options = [
    WordPieceOptions(), WordPieceOptions(lowercase: true), WordPieceOptions(profile: .bert),
    WordPieceOptions(profile: .bert, lowercase: true),
  ]

  /// The leading bytes of `word` (little-endian) for which `contains` holds.
  static func run(_ word: UInt64, _ contains: (UInt8) -> Bool) -> Int {
    var n = 0
    while n < 8, contains(UInt8(truncatingIfNeeded: word >> (8 * UInt64(n)))) { n += 1 }
    return n
  }

  @Test("The pre-tokenizer's plain bytes: every byte at every position", arguments: options)
  func plainBytes(options: WordPieceOptions) {
    let preTokenizer = BertPreTokenizer(options: options)
    let isPlain = { (b: UInt8) in b < 0x80 && preTokenizer.ascii[Int(b)] == 0 }
    let filler = UInt64(0x61) * 0x0101_0101_0101_0101  // "aaaaaaaa"
    for position in 0..<8 {
      for b in 0...255 as ClosedRange<UInt64> {
        let shift = 8 * UInt64(position)
        let word = filler & ~(0xFF << shift) | b << shift
        #expect(preTokenizer.plain.run(word) == Self.run(word, isPlain), "byte \(b) at \(position)")
      }
    }
    var rng = SplitMix64(state: 4)
    for _ in 0..<10_000 {
      let word = rng.next() & 0x7F7F_7F7F_7F7F_7F7F
      #expect(preTokenizer.plain.run(word) == Self.run(word, isPlain))
    }
  }

  @Test("A set of more than three ranges keeps the first three")
  func manyRanges() {
    let set = ASCIIByteSet { $0 == 0x41 || $0 == 0x43 || $0 == 0x45 || $0 == 0x47 }
    let word = { (text: String) in text.utf8.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
    #expect(set.run(word("ACEGACEG")) == 3)
    #expect(set.run(word("AAAAAAAA")) == 8)
    #expect(set.run(word("GAAAAAAA")) == 0)
    #expect(ASCIIByteSet { _ in false }.run(word("AAAAAAAA")) == 0)
    #expect(ASCIIByteSet { _ in true }.run(word("\u{7F}\u{0}AAAAAA")) == 8)
    #expect(ASCIIByteSet { _ in true }.run(0x80) == 0)
  }
}
