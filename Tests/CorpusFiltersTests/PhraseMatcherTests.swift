import Testing

@testable import CorpusFilters

/// ``PhraseMatcher/scan(_:)`` and ``PhraseMatcher/scanUnfolded(_:)`` against a naive search:
/// every phrase tried at every position of the folded line, with the word-boundary rules, on
/// edge cases and random lines.
@Suite struct PhraseMatcherTests {
  /// Overlapping phrases (one a suffix or prefix of another), the same phrase in two
  /// categories, prefix phrases, phrases starting with punctuation, one-letter phrases.
  static let phrases: [(String, UInt8)] = [
    ("del", 3), ("del på facebook", 2), ("på facebook", 4), ("læs mere", 2), ("mere", 4), ("rabatkode*", 4),
    ("<script*", 5), ("[if*", 5), ("e-mail", 0), ("annonce", 2), ("annonce", 3), ("a", 1), ("a a", 6), ("aa*", 7),
    ("inkl. moms", 4), ("Læg i kurv", 7), ("ØL", 3),
  ]

  static let pieces = [
    "del", "Del", "DEL", "delvis", "handel", "på", "facebook", "Facebook.", "læs", "LÆS", "mere", "mere,",
    "rabatkode", "rabatkoden", "<script>", "<SCRIPT", "x<script", "[if", "[IF", "e-mail", "email", "annonce", "a",
    "aa", "aaa", " ", "  ", "\t", ".", ",", ":", "-", "»", "\u{A0}", "inkl.", "moms", "læg", "i", "kurv", "kurven",
    "øl", "Øl", "ølen", "7", "æ", "…",
  ]

  static let edgeCases =
    pieces + ["", " ", "del på facebook", "Del på Facebook del", "a a a", "aaa a", "læs mere.", "»Del«", "x-del-x"]

  static let randomLines = randomTexts(
    count: 3000, seed: 17, pieces: pieces, separators: [" "], maxPieces: 10, separatorChance: 0.5)

  /// Pieces for the unfolded scan: upper-case Latin-1, non-ASCII punctuation and white space next
  /// to phrases, letters and digits outside Latin-1, `×` and `÷`.
  static let unfoldedPieces =
    pieces + [
      "LÆG", "Læg", "KURV", "ØL", "Æ", "é", "É", "ß", "ÿ", "ü", "“", "”", "–", "—", "©", "·", "€", "°", "½", "²",
      "\u{2028}", "\u{200B}", "\u{AD}", "\r", "\u{B}", "×", "÷", "ą", "Ω", "日本", "😀", "ª", "Ã¦", "  \t ",
    ]

  static let unfoldedSeparators = [" ", "  ", "\t", " – ", "–", "\u{A0}", "”", " \u{2009}", "·"]

  static let unfoldedLines =
    edgeCases + unfoldedPieces
    + randomTexts(
      count: 4000, seed: 23, pieces: unfoldedPieces, separators: unfoldedSeparators, maxPieces: 12,
      separatorChance: 0.6)

  /// Lines long enough to be scanned as two halves (``PhraseMatcher/splitLength``), among them
  /// phrases whose white space runs across the middle for longer than the second half's warm-up
  /// (so its row there differs and the half is scanned again).
  static let longLines: [String] = {
    let gap = String(repeating: " ", count: 3 * PhraseMatcher.warmUp)
    let crossing = [
      String(repeating: "y ", count: 30) + "del" + gap + "på facebook" + String(repeating: " z", count: 30),
      String(repeating: "ø ", count: 30) + "Læs" + gap + "\t MERE." + String(repeating: " æ", count: 30),
      // Many overlapping hits across the middle (fewer than the 255 a count holds).
      "del " + String(repeating: "a ", count: PhraseMatcher.splitLength / 2 + 20) + "aa",
    ]
    let random = randomTexts(
      count: 300, seed: 29, pieces: unfoldedPieces, separators: unfoldedSeparators, maxPieces: 120,
      separatorChance: 0.6)
    return crossing + random.filter { $0.utf8.count >= PhraseMatcher.splitLength }
  }()

  /// Per category: hit count, whether a hit touches an edge, whether one starts the line.
  typealias Summary = [(count: Int, edge: Bool, start: Bool)]

  func summary(_ hits: PhraseMatcher.Hits) -> Summary {
    (0..<8).map { c in (hits.count(UInt8(c)), hits.touchesEdge(UInt8(c)), hits.startsLine(UInt8(c))) }
  }

  func reference(_ text: [UInt8]) -> Summary {
    var fold = MatchText()
    var result: Summary = Array(repeating: (0, false, false), count: 8)
    let firstWord = text.firstIndex(where: PhraseMatcher.isWordByte) ?? text.count
    let lastWord = text.lastIndex(where: PhraseMatcher.isWordByte) ?? -1
    for (phrase, category) in Self.phrases {
      let prefix = phrase.hasSuffix("*")
      let bytes = fold.fold(prefix ? String(phrase.dropLast()) : phrase)
      guard bytes.count <= text.count else { continue }
      for start in 0...(text.count - bytes.count) where Array(text[start..<(start + bytes.count)]) == bytes {
        let end = start + bytes.count
        if start > 0 && PhraseMatcher.isWordByte(text[start - 1]) { continue }
        if !prefix && end < text.count && PhraseMatcher.isWordByte(text[end]) { continue }
        result[Int(category)].count += 1
        if start <= firstWord { result[Int(category)].start = true }
        if start <= firstWord || end - 1 >= lastWord { result[Int(category)].edge = true }
      }
    }
    return result
  }

  func check(_ line: String) {
    let matcher = PhraseMatcher(phrases: Self.phrases)
    var fold = MatchText()
    var copy = line
    let folded = copy.withUTF8 { fold.withFolded($0) { Array($0) } }
    let hits = folded.withUnsafeBufferPointer { matcher.scan($0) }
    #expect(summary(hits).elementsEqual(reference(folded)) { $0 == $1 }, "\(line)")
  }

  @Test(arguments: edgeCases) func edgeCaseEqualsNaiveSearch(line: String) { check(line) }

  /// Whether `line` must be folded before matching: a letter or digit outside ASCII and
  /// U+00C0–U+00FF, or `×` or `÷`.
  func needsFolding(_ line: String) -> Bool {
    let classes = ScalarClassifier()
    return line.unicodeScalars.contains { scalar in
      let v = scalar.value
      if v == 0xD7 || v == 0xF7 { return true }
      return v >= 0x80 && !(0xC0...0xFF).contains(v) && !classes.classify(v).isDisjoint(with: [.letter, .digit])
    }
  }

  /// The unfolded scan of `line` against the naive search on its folded text (or `nil` exactly
  /// when it must be folded).
  func checkUnfolded(_ line: String) {
    let matcher = PhraseMatcher(phrases: Self.phrases)
    var fold = MatchText()
    var copy = line
    let folded = copy.withUTF8 { fold.withFolded($0) { Array($0) } }
    let hits = copy.withUTF8 { matcher.scanUnfolded($0) }
    #expect((hits == nil) == needsFolding(line), "\(line)")
    if let hits { #expect(summary(hits).elementsEqual(reference(folded)) { $0 == $1 }, "\(line)") }
  }

  @Test func unfoldedScanEqualsNaiveSearchOnTheFoldedLine() {
    for line in Self.unfoldedLines { checkUnfolded(line) }
  }

  @Test func randomLinesEqualNaiveSearch() {
    for line in Self.randomLines { check(line) }
  }

  @Test func longLinesScannedInTwoHalvesEqualNaiveSearch() {
    #expect(Self.longLines.count > 100)
    for line in Self.longLines {
      checkUnfolded(line)
      check(line)
    }
  }
}
