import Testing

@testable import WordPiece

@Suite struct PreTokenizerTests {
  @Test("Generated tables decode to the expected shape")
  func tables() {
    #expect(UnicodeTables.shared.isWellFormed)
  }

  @Test("Lower-casing changes exactly A-Z among ASCII, to a-z", arguments: WordPieceOptions.Profile.allCases)
  func asciiLowercase(profile: WordPieceOptions.Profile) {
    let tables = UnicodeTables.shared
    let mapped = profile == .huggingFace ? UnicodeTables.Bit.hfLowercaseMapped : UnicodeTables.Bit.bertLowercaseMapped
    let map = profile == .huggingFace ? tables.hfLowercase : tables.bertLowercase
    for b in UInt32(0)..<128 {
      let isUpper = (0x41...0x5A).contains(b)
      #expect((tables.flags(b) & mapped != 0) == isUpper)
      if isUpper, let range = map.lookup(b) { #expect(Array(map.scalars[range]) == [b | 0x20]) }
    }
  }

  @Test("Words: whitespace removed, punctuation and CJK isolated, controls joined")
  func splitting() {
    let cased = BertPreTokenizer(options: WordPieceOptions())
    #expect(cased.words(in: "Hej, verden!") == ["Hej", ",", "verden", "!"])
    #expect(cased.words(in: "a\u{00AD}b\u{200B}c d") == ["abc", "d"])
    #expect(cased.words(in: "x中y") == ["x", "中", "y"])
    #expect(cased.words(in: " \t\u{3000} ") == [])
    #expect(cased.words(in: "") == [])
    let lower = BertPreTokenizer(options: WordPieceOptions(lowercase: true))
    #expect(lower.words(in: "ÆBLE Café") == ["æble", "cafe"])
  }

  @Test(
    "Words of any length split the same wherever they end",
    arguments: [
      WordPieceOptions(), WordPieceOptions(lowercase: true), WordPieceOptions(profile: .bert),
      WordPieceOptions(profile: .bert, lowercase: true),
    ])
  func wordLengths(options: WordPieceOptions) {
    // Letters, digits and æ/ø (which neither profile changes but lower-casing), spaces and
    // isolated punctuation: the words are easy to predict.
    let preTokenizer = BertPreTokenizer(options: options)
    let letters = Array("abcXYZ09æø")
    var rng = SplitMix64(state: 9)
    for _ in 0..<300 {
      var text = ""
      var expected: [String] = []
      for _ in 0..<Int(rng.next() % 6) {
        let length = 1 + Int(rng.next() % 30)
        let word = String((0..<length).map { _ in letters[Int(rng.next() % UInt64(letters.count))] })
        text += word
        expected.append(options.lowercase ? word.lowercased() : word)
        switch rng.next() % 3 {
        case 0: text += " "
        case 1:
          text += ","
          expected.append(",")
        default:
          text += "\t. "
          expected.append(".")
        }
      }
      #expect(preTokenizer.words(in: text) == expected, "\(text)")
      let trimmed = String(text.dropLast())  // the last word now ends at the end of the text
      #expect(preTokenizer.words(in: trimmed) == BertPreTokenizer(options: options).words(in: trimmed + " "))
    }
  }

  @Test("Invalid UTF-8 bytes are dropped like U+FFFD")
  func invalidBytes() throws {
    var encoder = try WordPieceEncoder(vocabulary: try Fixture.vocabulary("vocab-danish.txt"))
    var fromBytes: [Int32] = []
    let bytes: [UInt8] = [0x6F, 0x67, 0xFF, 0x20, 0xC3, 0x28, 0xE2, 0x82, 0x20, 0x61, 0xF0, 0x9F]
    bytes.withUnsafeBytes { encoder.encode(utf8: $0, into: &fromBytes) }
    let repaired = String(decoding: bytes, as: UTF8.self)
    #expect(fromBytes == encoder.encode(repaired))
  }
}
