import Testing

@testable import CorpusFilters

/// ``StopWords`` against a `Set` of the words, on lists of every size (empty included) and on
/// words in the list, near misses and random others.
@Suite struct StopWordsTests {
  static let alphabet = ["a", "b", "e", "i", "n", "o", "r", "t", "æ", "ø", "å", ".", "-"]

  static func randomWord(_ generator: inout SplitMix64) -> String {
    (0..<Int.random(in: 1...10, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
  }

  @Test(arguments: [0, 1, 2, 3, 5, 20, 100, 1000])
  func membershipEqualsASet(count: Int) {
    var generator = SplitMix64(seed: UInt64(count))
    let words = (0..<count).map { _ in Self.randomWord(&generator) }
    let stopWords = StopWords(words)
    let reference = Set(words)
    let probes =
      words + words.map { $0 + "a" } + words.map { String($0.dropLast()) }.filter { !$0.isEmpty }
      + (0..<2000).map { _ in Self.randomWord(&generator) }
    for word in probes {
      #expect(stopWords.contains(TokenHash.hash(word), bytes: word.utf8.count) == reference.contains(word), "\(word)")
    }
  }

  @Test func danishListAndEmptyWords() {
    let stopWords = StopWords(QualityRules.fineweb2DanishStopWords + [""])
    for word in QualityRules.fineweb2DanishStopWords {
      #expect(stopWords.contains(TokenHash.hash(word), bytes: word.utf8.count))
    }
    for word in ["I", "ogs", "p", "blevet", "e", "."] {
      #expect(!stopWords.contains(TokenHash.hash(word), bytes: word.utf8.count), "\(word)")
    }
    #expect(!StopWords().contains(TokenHash.hash("i"), bytes: 1))
  }
}
