import Testing

@testable import CorpusFilters

/// ``NormalizedWords``'s table paths give the words of the definition: the text split at white
/// space, each token normalized as a line, empty ones dropped, each hashed with xxHash64.
@Suite struct NormalizedWordsTests {
  /// The definition, scalar by scalar through ``LineNormalizer``.
  static func reference(_ text: String, seed: UInt64) -> [UInt64] {
    var normalizer = LineNormalizer()
    var tokens = [""]
    for scalar in text.unicodeScalars {
      if scalar.properties.isWhitespace {
        tokens.append("")
      } else {
        tokens[tokens.count - 1].unicodeScalars.append(scalar)
      }
    }
    return tokens.map { normalizer.normalized($0) }.filter { !$0.isEmpty }.map { XXHash64.hash($0, seed: seed) }
  }

  static func hashes(_ text: String, seed: UInt64, words: inout NormalizedWords) -> [UInt64] {
    text.withUTF8Bytes { words.collect($0, seed: seed) }
    return words.withHashes { Array($0) }
  }

  @Test(
    arguments: [
      "", " ", "Hej, VERDEN 2024!", "ÆBLER og Øl på Åen ×÷ ß ÿ À", "Ǆemal ΣΟΦΙΑ İstanbul ﬁne",
      "e\u{301}n café\u{200B}\tslut\u{A0}nu\u{2003}her\u{2028}der", "١٢٣ ߀ ＡＢＣ ½ € 中文 😀",
      "ord-med-bindestreger og et ord på præcis toogtredive tegn: abcdefghijklmnopqrstuvwxyzæøåab",
    ])
  func wordsFollowTheDefinition(text: String) {
    var words = NormalizedWords()
    #expect(Self.hashes(text, seed: 7, words: &words) == Self.reference(text, seed: 7))
  }

  @Test func randomTextsOfAwkwardScalarsFollowTheDefinition() {
    let alphabet: [String] = [
      "a", "B", "z", "Z", "0", "9", " ", "  ", "\n", "\t", ".", ",", "-", "!", "æ", "Ø", "å", "É", "ß", "×", "÷",
      "\u{A0}", "\u{2003}", "\u{200B}", "Σ", "ς", "İ", "ﬁ", "Ǆ", "١", "＠", "€", "½", "e\u{301}", "中", "😀",
    ]
    var rng = SplitMix64(seed: 5)
    var words = NormalizedWords()
    for _ in 0..<2000 {
      let text = (0..<Int(rng.next() % 60)).map { _ in
        rng.next() % 2 == 0
          ? String(UnicodeScalar(UInt8(97 + rng.next() % 26))) : alphabet[Int(rng.next() % UInt64(alphabet.count))]
      }.joined()
      let seed = rng.next()
      #expect(Self.hashes(text, seed: seed, words: &words) == Self.reference(text, seed: seed), "\(text)")
    }
  }
}
