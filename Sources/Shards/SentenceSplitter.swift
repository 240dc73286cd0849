/// Splits Danish text into sentences, working on UTF-8 bytes (and single Unicode scalars where
/// letter case matters), never on `Character`s.
///
/// A sentence ends after a run of terminators (`.`, `!`, `?`, `…`) and any closing quotes or
/// brackets (`"` `'` `)` `]` `»` `«` `”` `’`), when whitespace follows and the next word — after
/// opening quotes, brackets or dashes — does not start with a lowercase letter. A single `.`
/// does **not** end a sentence when the word before it is:
/// - an abbreviation that introduces more text (``AbbreviationKind/neverFinal``: `f.eks.`,
///   `bl.a.`, `dvs.`, `ca.`, `nr.`, `jf.`, `pga.`, `mht.`, `evt.`, `inkl.`, `kl.`, `hr.`, `dr.`,
///   months such as `jan.`, …), compared case-insensitively (`Ca. 200` stays together);
/// - an abbreviation that may end a sentence (``AbbreviationKind/mayEndSentence``: `osv.`,
///   `etc.`, `m.m.`, `kr.`, `pct.`, `mio.`, …) and the next word starts with a digit rather than
///   a capital (`kr. 100`);
/// - an initial or a run of initials (`H.C. Andersen`, `J. F. Kennedy`);
/// - a number of one or two digits, or a date with dots, and the next word starts with a digit
///   (ordinals and dates: `3. 4. og 5. klasse`, `1.1. 2020`); before a lowercase word
///   (`3. juni`) no rule is needed;
/// - the first word of the sentence and a number of at most three digits, or a Roman numeral
///   (an enumeration such as `1. Indledning`).
///
/// Periods inside tokens never split: decimals (`3.5`, `kl. 14.30`), URLs and e-mail addresses
/// (`www.dr.dk`, `https://x.dk/a.b?c=1`), abbreviations written without spaces (`f.eks.`). A
/// sentence that would hold no letter or digit (a line starting with `...`) is not split off.
///
/// Line feeds are whitespace here; split documents into lines first (``splitLines(_:)`` does
/// both). Whitespace is ASCII space, TAB, CR, VT, FF, LF, and U+0085, U+00A0, U+2000–U+200A,
/// U+2028, U+2029, U+202F, U+205F, U+3000.
///
/// ```swift
/// SentenceSplitter.danish.split("Han kom d. 3. juni kl. 14.30, dvs. for sent. Bl.a. fordi toget var forsinket.")
/// // ["Han kom d. 3. juni kl. 14.30, dvs. for sent.", "Bl.a. fordi toget var forsinket."]
/// ```
///
/// - Complexity: O(n) in the bytes of the text; an abbreviation lookup (a hash of the word
///   before the period) per single `.` followed by whitespace.
public struct SentenceSplitter: Sendable {
  /// How an abbreviation behaves before a possible sentence boundary.
  public enum AbbreviationKind: Sendable, Hashable {
    /// Always followed by more of the same sentence (`f.eks.`, `ca.`, `hr.`): never a boundary.
    case neverFinal
    /// Often ends a sentence (`osv.`, `kr.`): a boundary before a capitalized word only, not
    /// before a digit.
    case mayEndSentence
  }

  /// Abbreviations by their lowercase UTF-8 bytes without the final period (`f.eks`).
  private let abbreviations: [[UInt8]: AbbreviationKind]

  /// A splitter with `abbreviations`: keys without the final period, any case (they are
  /// lowercased; `Æ Ø Å` and the other Latin-1 capitals included).
  public init(abbreviations: [String: AbbreviationKind]) {
    var map: [[UInt8]: AbbreviationKind] = [:]
    for (word, kind) in abbreviations {
      var bytes = Array(word.utf8)
      if bytes.last == UInt8(ascii: ".") { bytes.removeLast() }
      map[Self.lowercased(bytes[...])] = kind
    }
    self.abbreviations = map
  }

  /// The Danish abbreviations listed in ``danishAbbreviations``.
  public static let danish = SentenceSplitter(abbreviations: danishAbbreviations)

  /// Common Danish abbreviations (Retskrivningsordbogen's list, trimmed to those that occur
  /// before a space): those that introduce more text, and those that often end a sentence.
  public static let danishAbbreviations: [String: AbbreviationKind] = {
    let neverFinal = """
      f.eks fx f.x bl.a dvs d.v.s ca jf jvf pga p.g.a mht m.h.t evt inkl incl ekskl excl hhv vha v.h.a \
      iflg ifm i.f.m vedr ang nr kl pkt tlf hr fr frk dr prof mr mrs st sdr ndr gl sml s.m.p a.h.t \
      m.a.o bd kap afs pr gns str jan feb febr mar apr aug sep sept okt nov dec e.g i.e vs cf adr att \
      afd vol
      """
    let mayEnd = """
      osv o.s.v etc m.m mm mv m.v o.l ol m.fl mfl kr pct mio mia mill mrd ff resp o.a t.h t.v red mdr \
      md min sek stk f.kr e.kr fvt ph.d cand.mag cand.scient cand.polit cand.jur mag.art lic lign o.lign
      """
    var map: [String: AbbreviationKind] = [:]
    for word in mayEnd.split(whereSeparator: { $0 == " " || $0 == "\n" }) { map[String(word)] = .mayEndSentence }
    for word in neverFinal.split(whereSeparator: { $0 == " " || $0 == "\n" }) { map[String(word)] = .neverFinal }
    return map
  }()

  // MARK: Splitting

  /// The sentences of `text`, trimmed of surrounding whitespace; empty ones are dropped.
  public func split(_ text: String) -> [String] {
    var text = text
    return text.withUTF8 { bytes in
      sentenceRanges(bytes).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
    }
  }

  /// The sentences of every line of `text` (lines split on LF), in order; blank lines vanish.
  public func splitLines(_ text: String) -> [String] {
    var text = text
    return text.withUTF8 { bytes in
      var sentences: [String] = []
      var lineStart = 0
      while lineStart <= bytes.count {
        var lineEnd = lineStart
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
        let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
        for range in sentenceRanges(line) {
          sentences.append(String(decoding: UnsafeBufferPointer(rebasing: line[range]), as: UTF8.self))
        }
        lineStart = lineEnd + 1
      }
      return sentences
    }
  }

  /// Byte ranges of the sentences in `bytes` (UTF-8), trimmed of whitespace, in order.
  public func sentenceRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    let n = bytes.count
    var ranges: [Range<Int>] = []
    var start = skipWhitespace(bytes, 0)
    var i = start
    while i < n {
      let terminatorLength = Self.terminatorLength(bytes, i)
      guard terminatorLength > 0 else {
        i += 1
        continue
      }
      let runStart = i
      var j = i
      var terminators = 0
      while j < n {
        let length = Self.terminatorLength(bytes, j)
        guard length > 0 else { break }
        j += length
        terminators += 1
      }
      let singlePeriod = terminators == 1 && bytes[runStart] == UInt8(ascii: ".")
      while j < n {
        let length = Self.closerLength(bytes, j)
        guard length > 0 else { break }
        j += length
      }
      guard j < n, whitespaceLength(bytes, j) > 0 else {
        i = j
        continue
      }
      let next = skipWhitespace(bytes, j)
      if next < n, isBoundary(bytes, sentenceStart: start, runStart: runStart, singlePeriod: singlePeriod, next: next) {
        ranges.append(start..<j)
        start = next
      }
      i = next
    }
    var end = n
    while end > start {
      var k = end - 1
      while k > start, bytes[k] & 0xC0 == 0x80 { k -= 1 }
      guard whitespaceLength(bytes, k) == end - k else { break }
      end = k
    }
    if end > start { ranges.append(start..<end) }
    return ranges
  }

  /// Whether the terminator run at `runStart` (sentence from `sentenceStart`, next word at
  /// `next`) ends a sentence.
  private func isBoundary(
    _ bytes: UnsafeBufferPointer<UInt8>, sentenceStart: Int, runStart: Int, singlePeriod: Bool, next: Int
  ) -> Bool {
    // The next word's first letter or digit, after opening punctuation.
    var k = next
    while k < bytes.count {
      let length = Self.openerLength(bytes, k)
      guard length > 0 else { break }
      k += length
    }
    guard k < bytes.count else { return true }
    let first = Self.scalar(bytes, k)
    let properties = first.properties
    if properties.isLowercase { return false }
    let nextIsDigit = properties.numericType != nil
    let nextIsUpper = properties.isUppercase || properties.isAlphabetic && !properties.isLowercase

    // The sentence so far must hold a letter or digit.
    var hasWord = false
    var p = sentenceStart
    while p < runStart {
      if Self.isWordByte(bytes[p]) {
        hasWord = true
        break
      }
      p += 1
    }
    guard hasWord else { return false }
    guard singlePeriod else { return true }

    // The word before the period, without opening punctuation.
    var wordStart = runStart
    while wordStart > sentenceStart {
      var q = wordStart - 1
      while q > sentenceStart, bytes[q] & 0xC0 == 0x80 { q -= 1 }
      if whitespaceLength(bytes, q) > 0 { break }
      wordStart = q
    }
    while wordStart < runStart {
      let length = Self.openerLength(bytes, wordStart)
      guard length > 0 else { break }
      wordStart += length
    }
    let word = bytes[wordStart..<runStart]
    guard !word.isEmpty else { return true }

    if let kind = abbreviations[Self.lowercased(word)] {
      switch kind {
      case .neverFinal: return false
      case .mayEndSentence: return nextIsUpper
      }
    }
    if Self.isInitials(word) { return false }
    // Ordinals and dates before a digit: `3. 4.`, `1.1. 2020`, `24.12. 2019` (a plain year or
    // count of three or more digits before a digit still ends a sentence: `i 2019. 2020 blev…`).
    let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
    if nextIsDigit, word.last.map(isDigit) == true, word.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") }),
      word.contains(UInt8(ascii: ".")) || word.count <= 2
    {
      return false
    }
    let isFirstWord = wordStart == sentenceStart
    if isFirstWord, word.count <= 3, word.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return false }
    if isFirstWord, Self.isRomanNumeral(word) { return false }
    return true
  }

  // MARK: Byte classes

  private static func isWordByte(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte >= 0xC0
  }

  /// `A.`, `H.C`, `J.F.K`: one letter, or letters each followed by a dot.
  private static func isInitials(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    var i = word.startIndex
    var letters = 0
    while i < word.endIndex {
      let scalar = Self.scalar(word.base, i)
      guard scalar.properties.isAlphabetic else { return false }
      i += UTF8.width(scalar)
      letters += 1
      if i < word.endIndex {
        guard word.base[i] == UInt8(ascii: ".") else { return false }
        i += 1
      }
    }
    return letters >= 1
  }

  private static func isRomanNumeral(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    !word.isEmpty && word.count <= 5 && word.allSatisfy { "IVXLC".utf8.contains($0) }
  }

  /// `.` `!` `?` (1 byte) or `…` U+2026 (3 bytes); 0 otherwise.
  private static func terminatorLength(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    switch bytes[i] {
    case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"): return 1
    case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA6: return 3
    default: return 0
    }
  }

  /// Closing quotes and brackets: `"` `'` `)` `]` `»` `«` `”` `’` `“`.
  private static func closerLength(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    switch bytes[i] {
    case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "]"): return 1
    case 0xC2 where i + 1 < bytes.count && (bytes[i + 1] == 0xBB || bytes[i + 1] == 0xAB): return 2
    case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (0x98...0x9D).contains(bytes[i + 2]): return 3
    default: return 0
    }
  }

  /// Opening quotes, brackets and dashes: `"` `'` `(` `[` `»` `«` `„` `“` `‘` `-` `–` `—`.
  private static func openerLength(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    switch bytes[i] {
    case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "-"): return 1
    case 0xC2 where i + 1 < bytes.count && (bytes[i + 1] == 0xBB || bytes[i + 1] == 0xAB): return 2
    case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (0x93...0x9E).contains(bytes[i + 2]): return 3
    default: return 0
    }
  }

  /// Length of the whitespace scalar at `i`, 0 when there is none.
  private func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    guard i < bytes.count else { return 0 }
    switch bytes[i] {
    case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return 1
    case 0xC2 where i + 1 < bytes.count && (bytes[i + 1] == 0xA0 || bytes[i + 1] == 0x85): return 2
    case 0xE2 where i + 2 < bytes.count:
      let (b1, b2) = (bytes[i + 1], bytes[i + 2])
      if b1 == 0x80, b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF { return 3 }
      if b1 == 0x81, b2 == 0x9F { return 3 }
      return 0
    case 0xE3 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80: return 3
    default: return 0
    }
  }

  private func skipWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    var i = i
    while i < bytes.count {
      let length = whitespaceLength(bytes, i)
      guard length > 0 else { break }
      i += length
    }
    return i
  }

  /// The scalar starting at `i` (U+FFFD for ill-formed UTF-8).
  private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Unicode.Scalar {
    let lead = bytes[i]
    let replacement = Unicode.Scalar(0xFFFD as UInt32) ?? " "
    if lead < 0x80 { return Unicode.Scalar(lead) }
    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
    guard length > 0, i + length <= bytes.count else { return replacement }
    var value = UInt32(lead) & (0xFF >> UInt32(length + 1))
    for k in 1..<length {
      let byte = bytes[i + k]
      guard byte & 0xC0 == 0x80 else { return replacement }
      value = value << 6 | UInt32(byte & 0x3F)
    }
    return Unicode.Scalar(value) ?? replacement
  }

  /// ASCII and Latin-1 capitals (`ÆØÅ` and others, U+00C0–U+00DE except ×) lowercased; other
  /// bytes unchanged.
  private static func lowercased(_ word: some Collection<UInt8>) -> [UInt8] {
    var out = Array(word)
    var i = 0
    while i < out.count {
      let byte = out[i]
      if byte >= 0x41, byte <= 0x5A {
        out[i] = byte | 0x20
      } else if byte == 0xC3, i + 1 < out.count, out[i + 1] >= 0x80, out[i + 1] <= 0x9E, out[i + 1] != 0x97 {
        out[i + 1] += 0x20
        i += 1
      }
      i += 1
    }
    return out
  }
}
