import Testing

@testable import WordPiece

/// ``WordPieceDecoder``: pieces joined as HF's WordPiece decoder joins them.
@Suite struct WordPieceDecoderTests {
  static let vocabulary = WordPieceVocabulary(tokens: [
    "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "Vejr", "##et", "er", "kold", "##t", ".", "##", "##s", "på",
  ])

  @Test(
    "## pieces glue to the piece before; others are space separated",
    arguments: [
      ([5, 6, 7, 8, 9, 10], "Vejret er koldt ."),
      ([6, 7], "##et er"),  // a segment that starts inside a word keeps the prefix
      ([5, 12, 12], "Vejrss"),
      ([13, 11, 7], "på ## er"),  // "##" alone is a token, not a prefix
      ([2, 5, 1, 3], "[CLS] Vejr [UNK] [SEP]"),
      ([], ""),
    ] as [([Int32], String)])
  func joins(ids: [Int32], text: String) {
    #expect(WordPieceDecoder(vocabulary: Self.vocabulary).decode(ids) == text)
  }

  @Test("Ids outside the vocabulary are shown as [#id]")
  func outside() {
    #expect(WordPieceDecoder(vocabulary: Self.vocabulary).decode([5, 99, -1, 6]) == "Vejr [#99] [#-1]et")
  }

  @Test("Decoding what the encoder made gives the pieces back")
  func roundTrip() throws {
    var encoder = try WordPieceEncoder(vocabulary: Self.vocabulary)
    let decoder = WordPieceDecoder(vocabulary: Self.vocabulary)
    #expect(decoder.decode(encoder.encode("Vejret er koldt.")) == "Vejret er koldt .")
  }
}
