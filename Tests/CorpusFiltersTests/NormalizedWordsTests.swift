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

  /// The line keys from the words' pass equal ``LineNormalizer``'s, line by line, with MinHash
  /// on or off, and the line counter counts the same with them as without.
  @Test func lineKeysFromTheWordsEqualTheLineNormalizers() throws {
    let alphabet: [String] = [
      "a", "B", "7", " ", "\n", "\n\n", "\r\n", "\t", ".", "-", "æ", "Ø", "É", "ß", "\u{A0}", "\u{2028}", "\u{85}",
      "İ", "ﬁ", "€", "中", "😀", "e\u{301}",
    ]
    var rng = SplitMix64(seed: 9)
    var normalizer = LineNormalizer()
    var minhash = DedupSigner(config: DedupConfig(), pipelineSeed: 1)
    var exactConfig = DedupConfig()
    exactConfig.minhash.enabled = false
    var exactOnly = DedupSigner(config: exactConfig, pipelineSeed: 1)
    var counting = OverrepresentedConfig()
    counting.minLength = 1
    let policy = OverrepresentedPolicy(config: counting, sources: [("web", true)])
    let given = LineCountAccumulator(taskIndex: 0, policy: policy)
    let normalized = LineCountAccumulator(taskIndex: 0, policy: policy)
    var keys: [LineKey] = []
    for document in 0..<1500 {
      var text = (0..<Int(rng.next() % 40)).map { _ in
        rng.next() % 2 == 0
          ? String(UnicodeScalar(UInt8(97 + rng.next() % 26))) : alphabet[Int(rng.next() % UInt64(alphabet.count))]
      }.joined()
      let expected = text.withUTF8 { bytes in
        var keys: [LineKey] = []
        TextLines.forEach(bytes) { keys.append(normalizer.key(UnsafeBufferPointer(rebasing: bytes[$0]))) }
        return keys
      }
      _ = minhash.sign(text, lineKeys: &keys)
      #expect(keys == expected, "\(text.debugDescription)")
      _ = exactOnly.sign(text, lineKeys: &keys)
      #expect(keys == expected, "\(text.debugDescription)")
      try given.add(text: text, documentIndex: document, group: 0, domain: 1, lineKeys: keys)
      try normalized.add(text: text, documentIndex: document, group: 0, domain: 1)
    }
    #expect(given.countedLines == normalized.countedLines && given.entryCount == normalized.entryCount)
  }

  /// Runs of ASCII letters and digits shorter and longer than the scan's 16-byte vectors, ending
  /// at every kind of byte and near the end of the text, and more lines than the first line
  /// marks hold: the words, the line keys and the exact key follow the definition.
  @Test(arguments: [1, 2, 3])
  func longRunsAndManyLinesFollowTheDefinition(seed: UInt64) {
    let characters = Array("aZ09mQ5xY")
    let separators = [" ", "  ", "\n", "\n\n", ", ", ".", "-", "æ", "Ø", "é", "ß", "€", "\u{A0}", "İ", "\t", "😀"]
    var rng = SplitMix64(seed: seed)
    var words = NormalizedWords()
    var normalizer = LineNormalizer()
    var signer = DedupSigner(config: DedupConfig(), pipelineSeed: 1)
    var keys: [LineKey] = []
    for _ in 0..<300 {
      let text = (0..<Int(rng.next() % 400)).map { _ in
        let run = String((0..<Int(rng.next() % 40)).map { _ in characters[Int(rng.next() % UInt64(characters.count))] })
        return run + separators[Int(rng.next() % UInt64(separators.count))]
      }.joined()
      let hashSeed = rng.next()
      #expect(Self.hashes(text, seed: hashSeed, words: &words) == Self.reference(text, seed: hashSeed))
      let signature = signer.sign(text, lineKeys: &keys)
      var copy = text
      let expected = copy.withUTF8 { bytes in
        var keys: [LineKey] = []
        TextLines.forEach(bytes) { keys.append(normalizer.key(UnsafeBufferPointer(rebasing: bytes[$0]))) }
        return keys
      }
      #expect(keys == expected)
      #expect(signature.exact == copy.withUTF8 { normalizer.exactKey($0) })
    }
  }
}
