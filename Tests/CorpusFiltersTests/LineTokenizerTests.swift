import Testing

@testable import CorpusFilters

/// ``LineTokenizer/scan(_:into:marks:classes:variant:)`` against a reference that steps through the line's
/// Unicode scalars with their properties, on edge cases and random lines, from every scalar
/// boundary (so every piece meets every position in an eight-byte word).
@Suite struct LineTokenizerTests {
  /// What the tokenizer reports, comparable.
  struct Summary: Equatable, CustomStringConvertible {
    var tokens: [[Int]] = []
    /// The indices of the tokens with a fact in ``LineToken/Facts/marks``.
    var marks: [Int] = []
    var letters = 0
    var upper = 0
    var continuations = 0
    var words = 0
    var braces = false
    var copyright = false

    var description: String {
      "tokens \(tokens) marks \(marks) letters \(letters) upper \(upper) continuations \(continuations) "
        + "words \(words) braces \(braces) copyright \(copyright)"
    }
  }

  /// What ``LineTokenizer/scan(_:into:marks:classes:variant:)`` reports for `bytes`, its kernel
  /// run as `variant`.
  static func scanned(_ bytes: [UInt8], variant: Int32 = LineTokenizer.bestVariant) -> Summary {
    var buffer = [LineToken](repeating: LineToken(start: 0, end: 0, facts: []), count: bytes.count / 2 + 1)
    var marks = [Int](repeating: -1, count: bytes.count / 2 + 1)
    let scan = bytes.withUnsafeBufferPointer { line in
      buffer.withUnsafeMutableBufferPointer { tokens in
        marks.withUnsafeMutableBufferPointer {
          LineTokenizer.scan(
            line, into: tokens.baseAddress!, marks: $0.baseAddress!, classes: ScalarClassifier(), variant: variant)
        }
      }
    }
    return Summary(
      tokens: buffer[0..<scan.count].map { [$0.start, $0.end, Int($0.facts.rawValue)] },
      marks: Array(marks[0..<scan.markCount]), letters: scan.letters,
      upper: scan.upper, continuations: scan.continuations,
      words: scan.words, braces: scan.braces, copyright: scan.copyright)
  }

  /// One scalar at a time, classes straight from `Unicode.Scalar.Properties`.
  static func reference(_ bytes: [UInt8]) -> Summary {
    var summary = Summary()
    var offset = 0
    var start = -1
    var facts: LineToken.Facts = []
    func finish(_ end: Int) {
      if !facts.isDisjoint(with: [.digit, .sign, .dot, .at]) { summary.marks.append(summary.tokens.count) }
      summary.tokens.append([start, end, Int(facts.rawValue)])
      if !facts.isDisjoint(with: [.letter, .digit]) { summary.words += 1 }
      start = -1
      facts = []
    }
    for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
      let length = String(scalar).utf8.count
      let properties = scalar.properties
      summary.continuations += length - 1
      if properties.isWhitespace {
        if start >= 0 { finish(offset) }
        offset += length
        continue
      }
      if start < 0 { start = offset }
      switch properties.generalCategory {
      case .uppercaseLetter, .titlecaseLetter:
        summary.letters += 1
        summary.upper += 1
        facts.formUnion([.letter, .notDigit])
      case .lowercaseLetter, .modifierLetter, .otherLetter:
        summary.letters += 1
        facts.formUnion([.letter, .notDigit])
      case .decimalNumber:
        facts.insert(.digit)
        if !scalar.isASCII { facts.insert(.notDigit) }
      default:
        facts.insert(.notDigit)
        switch scalar {
        case ".": facts.insert(.dot)
        case "@": facts.insert(.at)
        case "$": facts.insert(.sign)
        case "{", "}": summary.braces = true
        case "©": summary.copyright = true
        default: if !scalar.isASCII { facts.insert(.sign) }
        }
      }
      offset += length
    }
    if start >= 0 { finish(offset) }
    return summary
  }

  static let pieces = [
    "a", "Z", "ord", "ORD", "Ærø", "æøå", "ÆØÅ", "blåbær", "é", "ß", "ÿ", "À", "Þ", "×", "÷", "7", "2024", "1.299,95",
    "kr.", "$", "€", "£", "©", "{", "}", "@", "info@firma.dk", "www.x.dk", ".", ",", "-", "%", ":", "!", "…", "–",
    "’", "”", "»", "«", "ª", "µ", "²", "日本", "😀", "٣", "Ǆ", "\u{200B}", "\u{AD}", "\u{1C}", "\u{7F}",
  ]
  static let separators = [
    " ", " ", " ", "  ", "\t", "\r", "\u{0B}", "\u{0C}", "\u{A0}", "\u{85}", "\u{2003}", "\u{3000}", "",
  ]

  static let edgeCases: [String] = [
    "", " ", "   ", "a", "a ", " a", "abcdefg", "abcdefgh", "abcdefghi", "abcdefg æ", "abcdefgæ", "abcdefæ",
    "abcdefghæ", "abcdefg æøå ÆØÅ x", "æææææææææ", "ÆÆÆÆÆÆÆÆÆÆÆÆ", "abcdefg×", "abcdefg÷y", "abcdefg\u{A0}h",
    "12345678 1234 5678", "1.299,- kr.", "{ javascript }", "© 2024 Firma", String(repeating: "x", count: 1001),
    String(repeating: "ø", count: 1001), "ord\tord\u{0B}ord\u{0C}ord\rord", "a\u{2028}b\u{2029}c",
  ]

  static let randomLines = randomTexts(
    count: 400, seed: 23, pieces: pieces, separators: separators, maxPieces: 12, separatorChance: 2.0 / 3)

  /// Every suffix of `line` that starts on a scalar boundary.
  static func suffixes(_ line: String) -> [[UInt8]] {
    let bytes = Array(line.utf8)
    return (0...bytes.count).filter { $0 == bytes.count || bytes[$0] & 0xC0 != 0x80 }.map { Array(bytes[$0...]) }
  }

  @Test(arguments: edgeCases)
  func edgeCase(_ line: String) {
    for bytes in Self.suffixes(line) {
      #expect(
        Self.scanned(bytes) == Self.reference(bytes), "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
    }
  }

  @Test func randomLinesMatchTheReference() {
    for line in Self.randomLines {
      for bytes in Self.suffixes(line) {
        let (scanned, reference) = (Self.scanned(bytes), Self.reference(bytes))
        #expect(scanned == reference, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
        if scanned != reference { return }
      }
    }
  }
}
