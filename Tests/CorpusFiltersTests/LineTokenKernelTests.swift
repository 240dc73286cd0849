import CTokenKernels
import Testing

@testable import CorpusFilters

/// The C kernel under ``LineTokenizer`` (`dac_line_tokens`, 64 bytes at a time, with the scalar
/// path for what it leaves), in each variant this CPU runs, against a loop that classifies one
/// scalar at a time with ``ScalarClassifier``: on lines of pieces that each kind of byte, token
/// and white space must meet at every position of a block, from every offset, and on random
/// mixes of the bytes each class mask must tell apart, cut at every start offset and every
/// length up to 80.
@Suite struct LineTokenKernelTests {
  static let classes = ScalarClassifier()

  /// The kernel variants this CPU runs.
  static let variants = [DAC_TOKEN_KERNEL_PORTABLE, DAC_TOKEN_KERNEL_AVX2].filter {
    dac_token_kernel_variant_available($0) != 0
  }

  /// One scalar at a time: what ``LineTokenizer`` must report, as ``LineTokenizerTests/Summary``.
  static func reference(_ bytes: [UInt8]) -> LineTokenizerTests.Summary {
    var summary = LineTokenizerTests.Summary()
    var start = -1
    var facts: LineToken.Facts = []
    func finish(_ end: Int) {
      if !facts.isDisjoint(with: .marks) { summary.marks.append(summary.tokens.count) }
      summary.tokens.append([start, end, Int(facts.rawValue)])
      if !facts.isDisjoint(with: [.letter, .digit]) { summary.words += 1 }
      start = -1
      facts = []
    }
    var i = 0
    bytes.withUnsafeBufferPointer { line in
      while i < line.count {
        let (value, length) = UTF8Scalar.decode(line, at: i)
        let cls = classes.classify(value)
        summary.continuations += length - 1
        if cls.contains(.whitespace) {
          if start >= 0 { finish(i) }
        } else {
          if start < 0 { start = i }
          if cls.contains(.letter) {
            facts.formUnion([.letter, .notDigit])
            summary.letters += 1
            if cls.contains(.upper) { summary.upper += 1 }
          } else if cls.contains(.digit) {
            facts.insert(value < 0x80 ? .digit : [.digit, .notDigit])
          } else {
            facts.insert(.notDigit)
            switch value {
            case 0x2E: facts.insert(.dot)
            case 0x40: facts.insert(.at)
            case 0x24: facts.insert(.sign)
            case 0x7B, 0x7D: summary.braces = true
            case 0xA9: summary.copyright = true
            default: if value >= 0x80 { facts.insert(.sign) }
            }
          }
        }
        i += length
      }
    }
    if start >= 0 { finish(bytes.count) }
    return summary
  }

  /// Scalars drawn mostly from ASCII letters and spaces.
  static let rare = [
    "\t", "\r", "\u{0B}", "7", "0", "9", ".", ",", "@", "$", "{", "}", "©", "-", "%", "\u{1F}", "\u{7F}", "æ", "ø",
    "å", "É", "Æ", "Ø", "Å", "ß", "ÿ", "À", "Þ", "×", "÷", "\u{A0}", "€", "–", "’", "日", "\u{2003}", "😀", "𝔸",
  ]

  static func randomBytes(_ rng: inout SplitMix64, count: Int) -> [UInt8] {
    var bytes: [UInt8] = []
    while bytes.count < count {
      switch rng.next() % 16 {
      case 0..<4: bytes += Array(rare[Int(rng.next() % UInt64(rare.count))].utf8)
      case 4..<7: bytes.append(0x20)
      case 7: bytes.append(UInt8(0x41 + rng.next() % 26))
      default: bytes.append(UInt8(0x61 + rng.next() % 26))
      }
    }
    return bytes
  }

  /// What must meet every position of a block: tokens of one byte and of more than 64 (letters,
  /// Latin-1 letters, digits and marks), `C3 xx` letters, `×` and `÷`, the marks and braces, other
  /// non-ASCII scalars (the scalar path's; some of them white space), and runs of each kind of
  /// ASCII white space.
  static let edgePieces = [
    "a", "Z", "7", ".", "@", "$", "{", "}", ",", "-", "\u{1F}", "\u{7F}", "æ", "Ø", "é", "À", "Þ", "ß", "ÿ", "×", "÷",
    "ø×", "÷å", "©", "\u{A0}", "€", "–", "’", "ā", "日", "😀", "\u{2003}", "1.299,95", "info@firma.dk", "$5",
    "{x}", "kr.", "2024", String(repeating: "abcdefghij", count: 7), String(repeating: "æØ", count: 20),
    String(repeating: "12.3@$", count: 12), String(repeating: "x", count: 64) + "é", " ", "\t", "\n", "\u{0B}",
    "\u{0C}", "\r", "  ", " \t\n\u{0B}\u{0C}\r ", "\r\n",
  ]

  /// Lines of 131 bytes and more in which `piece` stands alone, at both edges of words, twice
  /// in a row and at the line's end, after letters (so that every offset from 0 to 130 puts it
  /// at every position of a block).
  static func edgeLines(_ piece: String) -> [String] {
    let lead =
      "Forside Sport Debat Navne Kontakt bruger cookies til måling af annoncer i Danmark og på nettet hver dag "
    return [
      lead
        + "\(piece) ord\(piece) \(piece)ord ord\(piece)ord \(piece)\(piece) ØL \(piece)\(piece)\(piece) ende \(piece)",
      lead + "ab" + String(repeating: piece + "c", count: 30) + piece,
    ]
  }

  @Test(arguments: variants)
  func blockEdgesFromEveryOffset(variant: Int32) {
    for piece in Self.edgePieces {
      for line in Self.edgeLines(piece) {
        let bytes = Array(line.utf8)
        #expect(bytes.count > 130)
        for start in 0...bytes.count where start == bytes.count || bytes[start] & 0xC0 != 0x80 {
          let suffix = Array(bytes[start...])
          let (scanned, reference) = (LineTokenizerTests.scanned(suffix, variant: variant), Self.reference(suffix))
          #expect(scanned == reference, "\(String(decoding: suffix, as: UTF8.self).debugDescription)")
          if scanned != reference { return }
        }
      }
    }
  }

  @Test(arguments: variants, 0..<8)
  func everyStartAndLength(variant: Int32, seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    for _ in 0..<10 {
      let bytes = Self.randomBytes(&rng, count: 100)
      let boundaries = (0...bytes.count).filter { $0 == bytes.count || bytes[$0] & 0xC0 != 0x80 }
      for start in boundaries where start < 16 {
        for end in boundaries where end >= start && end - start <= 80 {
          let line = Array(bytes[start..<end])
          let (scanned, reference) = (LineTokenizerTests.scanned(line, variant: variant), Self.reference(line))
          #expect(scanned == reference, "\(String(decoding: line, as: UTF8.self).debugDescription)")
          if scanned != reference { return }
        }
      }
    }
  }

  /// Long lines: many blocks, and stops far into the line.
  @Test(arguments: variants)
  func longLines(variant: Int32) {
    var rng = SplitMix64(seed: 99)
    let bytes = Self.randomBytes(&rng, count: 12_000)
    for end in [4_079, 4_080, 4_081, 4_100, 8_200, 12_000] where end == bytes.count || bytes[end] & 0xC0 != 0x80 {
      let line = Array(bytes[0..<end])
      #expect(LineTokenizerTests.scanned(line, variant: variant) == Self.reference(line))
    }
  }
}
