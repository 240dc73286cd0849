import CTokenKernels
import Testing

@testable import CorpusFilters

/// ``QualityTokens`` against a scalar-by-scalar reference of the documented tokenization, on
/// texts that put ASCII, Latin-1 letters, other scalars and white space at every position of the
/// kernel's sixteen-byte vectors (and the eight-byte words of the scalar path), from every scalar
/// boundary.
@Suite struct QualityTokensTests {
  static let stopWords = ["i", "og", "på", ".", "a...b"]

  static let texts: [String] = {
    let pieces = [
      "Køb", "på", "og", "i", "æøå", "ÆØÅ", "é", "2×3", "÷", "«citat»", "...", "..", "....", ".", "…", "#", "##tag",
      "e-mail", "1.000", "(a)", "Æbler,", "don't", "a...b", "€", "\u{7F}", "\u{1}", "\u{200B}", "x\u{301}", "𝔸",
      "abcdefghij", "Kommunalbestyrelsen", "ø.", ",,", "-", "a", "Z9",
      // Words that end, or hold a Latin-1 letter, across a vector's edge.
      "Ejendomsmæglerforeningernes", "æøåæøåæøåæøåæøåæøå", "abcdefghijklmno,", "abcdefghijklmnop.", "ÆbleÅÅ!",
      "abcdefghijklmnoæ", "Sønderjyllands-Amt", "Århus;",
    ]
    let spaces = [" ", " ", " ", "  ", "\n", "\n\n", "\t", "\u{A0}", "\u{2028}", "\r\n", "\u{3000}"]
    return pieces + spaces
      + randomTexts(count: 150, seed: 11, pieces: pieces, separators: spaces, maxPieces: 14, separatorChance: 0.75)
      + randomTexts(count: 20, seed: 12, pieces: pieces, separators: spaces, maxPieces: 40, separatorChance: 0.9)
  }()

  struct Measures: Equatable {
    var hashes: [UInt64] = []
    var lengths: [Int] = []
    var counts = QualityTokens.Counts()
    /// Continuation bytes before each LF, then in the whole text.
    var lineContinuations: [Int] = []
  }

  static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
      .finalPunctuation, .otherPunctuation, .control, .format:
      return true
    case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
      return scalar.isASCII
    default:
      return false
    }
  }

  /// The tokens and counts of `text`, scalar by scalar.
  static func reference(_ text: String) -> Measures {
    var m = Measures()
    let scalars = Array(text.unicodeScalars)
    m.counts.chars = scalars.count
    m.counts.newlines = scalars.filter { $0 == "\n" }.count
    m.counts.hashMarks = scalars.filter { $0 == "#" }.count
    var continuations = 0
    for s in scalars {
      if s == "\n" { m.lineContinuations.append(continuations) }
      continuations += String(s).utf8.count - 1
    }
    m.lineContinuations.append(continuations)
    var dots = 0
    for s in scalars + [" "] {
      if s == "." {
        dots += 1
      } else {
        m.counts.ellipses += dots / 3
        dots = 0
      }
      if s == "\u{2026}" { m.counts.ellipses += 1 }
    }
    func token(_ piece: ArraySlice<Unicode.Scalar>) {
      var string = ""
      string.unicodeScalars.append(contentsOf: piece)
      m.hashes.append(TokenHash.hash(string))
      m.lengths.append(piece.count)
      if stopWords.contains(string) { m.counts.stopTokens += 1 }
    }
    func punctuation(_ piece: ArraySlice<Unicode.Scalar>) {
      var i = piece.startIndex
      while i < piece.endIndex {
        var e = i + 1
        if piece[i] == "." { while e < piece.endIndex && piece[e] == "." { e += 1 } }
        token(piece[i..<e])
        i = e
      }
    }
    var i = 0
    while i < scalars.count {
      if scalars[i].properties.isWhitespace {
        i += 1
        continue
      }
      var e = i
      while e < scalars.count && !scalars[e].properties.isWhitespace { e += 1 }
      let chunk = scalars[i..<e]
      if let first = chunk.firstIndex(where: { !isPunctuation($0) }),
        let last = chunk.lastIndex(where: { !isPunctuation($0) })
      {
        punctuation(chunk[i..<first])
        token(chunk[first...last])
        m.counts.words += 1
        m.counts.wordLength += last + 1 - first
        if chunk[first...last].contains(where: { $0.properties.generalCategory.isLetter }) {
          m.counts.alphaTokens += 1
        }
        punctuation(chunk[(last + 1)..<e])
      } else {
        punctuation(chunk)
      }
      i = e
    }
    return m
  }

  static func measured(_ tokens: QualityTokens) -> Measures {
    Measures(
      hashes: Array(tokens.hashes[0..<tokens.count]),
      lengths: (0..<tokens.count).map { tokens.lengthPrefix[$0 + 1] - tokens.lengthPrefix[$0] }, counts: tokens.counts,
      lineContinuations: Array(tokens.lineContinuations[0...tokens.counts.newlines]))
  }

  /// The kernel variants this CPU runs.
  static let variants = [DAC_TOKEN_KERNEL_PORTABLE, DAC_TOKEN_KERNEL_AVX2].filter {
    dac_token_kernel_variant_available($0) != 0
  }

  @Test(arguments: variants)
  func tokensEqualTheReferenceFromEveryScalar(variant: Int32) {
    var tokens = QualityTokens(variant: variant)
    tokens.setStopWords(Self.stopWords)
    for text in Self.texts {
      let bytes = Array(text.utf8)
      var offset = 0
      for scalar in text.unicodeScalars {
        let suffix = String(decoding: bytes[offset...], as: UTF8.self)
        bytes.withUnsafeBufferPointer { tokens.measure(UnsafeBufferPointer(rebasing: $0[offset...])) }
        #expect(Self.measured(tokens) == Self.reference(suffix), "\(suffix.debugDescription)")
        offset += String(scalar).utf8.count
      }
    }
  }

  @Test(arguments: ["", " ", "\n", "a", ".", "...", "æ", "ø ", " å", "a b", "×", "\u{A0}"])
  func shortTexts(text: String) {
    var tokens = QualityTokens()
    tokens.setStopWords(Self.stopWords)
    var copy = text
    copy.withUTF8 { tokens.measure($0) }
    #expect(Self.measured(tokens) == Self.reference(text))
  }
}

extension Unicode.GeneralCategory {
  fileprivate var isLetter: Bool {
    switch self {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
    default: false
    }
  }
}
