/// The ad filter's result for one document.
public struct AdVerdict: Sendable, Equatable {
  /// Per line (LF-split, see ``TextLines``), the rule that removes it, or `nil`.
  public var rules: [AdRule?]
  /// Words (tokens with a letter or digit) in the removed lines, and in the whole document.
  public var removedWords: Int
  public var totalWords: Int
  /// Whether the removed share of words passes `drop_document_share`: drop the document.
  public var dropDocument: Bool

  /// The removed share of words (0 for a document without words).
  public var removedShare: Double { totalWords == 0 ? 0 : Double(removedWords) / Double(totalWords) }

  /// The removals as rule names.
  public var removal: LineRemoval { LineRemoval(reasons: rules.map { $0?.rawValue }) }
}

/// Line-level removal of ads, commercial and boilerplate lines in Danish web text, with the
/// RefinedWeb/C4 line rules that fit Danish; a document losing more than
/// `drop_document_share` of its words this way is dropped (RefinedWeb's 5 % rule). The rules
/// are listed, with exactly what fires them, in ``AdRule``.
///
/// Design against false positives in prose: only unambiguous site speech (``AdRule/sitePhrase``)
/// removes a line of any length; commercial words, prices, contacts and calls to action need
/// a short line, a line that does not end like a sentence, or a combination of signals. So news
/// prose that mentions `tilbud`, a price or a web address survives.
///
/// A value type: compile it once from the config, then copy it to each worker (the evaluate
/// methods mutate scratch buffers).
public struct AdLineFilter: Sendable {
  /// The config compiled.
  public let config: AdsConfig
  private let matcher: PhraseMatcher
  private let counterWords: Set<[UInt8]>
  private let enabled: [Bool]
  private var text = MatchText()
  private var tokens: [LineToken] = []

  enum Category {
    static let site: UInt8 = 0
    static let policy: UInt8 = 1
    static let callToAction: UInt8 = 2
    static let navigation: UInt8 = 3
    static let commercial: UInt8 = 4
    static let code: UInt8 = 5
    static let lorem: UInt8 = 6
  }

  /// Words above which a price, contact or policy hit in a sentence-like line is kept.
  static let shortLineWords = 8
  /// Words up to which a call to action removes a line (RefinedWeb: 10).
  static let actionLineWords = 10
  /// Words up to which a navigation word removes a line that is not sentence-like.
  static let navigationLineWords = 4

  /// Compiles `config`.
  public init(config: AdsConfig = AdsConfig()) {
    self.config = config
    var phrases: [(String, UInt8)] = []
    phrases += config.lexicon.site.map { ($0, Category.site) }
    phrases += config.lexicon.policy.map { ($0, Category.policy) }
    phrases += config.lexicon.callToAction.map { ($0, Category.callToAction) }
    phrases += config.lexicon.navigation.map { ($0, Category.navigation) }
    phrases += config.lexicon.commercial.map { ($0, Category.commercial) }
    phrases += ["javascript*", "<script*", "[if*"].map { ($0, Category.code) }
    phrases += [("lorem ipsum", Category.lorem)]
    matcher = PhraseMatcher(phrases: phrases)
    var fold = MatchText()
    counterWords = Set(config.lexicon.counters.map { fold.fold($0) })
    let on = config.enabledRules
    enabled = AdRule.allCases.map { on.contains($0) }
  }

  @inline(__always) private func isOn(_ rule: AdRule) -> Bool {
    enabled[AdRule.allCases.firstIndex(of: rule) ?? 0]
  }

  /// Evaluates every line of `text` and the document drop.
  ///
  /// - Complexity: O(n) in the text length: one scan for signals and one automaton pass per line.
  public mutating func evaluate(_ document: String) -> AdVerdict {
    var rules: [AdRule?] = []
    var removedWords = 0
    var totalWords = 0
    document.withUTF8Bytes { bytes in
      TextLines.forEach(bytes) { range in
        let line = UnsafeBufferPointer(rebasing: bytes[range])
        let (rule, words) = evaluateLine(line)
        rules.append(rule)
        totalWords += words
        if rule != nil { removedWords += words }
      }
    }
    let drop = totalWords > 0 && Double(removedWords) / Double(totalWords) > config.dropDocumentShare
    return AdVerdict(rules: rules, removedWords: removedWords, totalWords: totalWords, dropDocument: drop)
  }

  /// The rule removing `line` (no LF inside), or `nil`.
  public mutating func rule(forLine line: String) -> AdRule? {
    line.withUTF8Bytes { evaluateLine($0).rule }
  }

  /// The rule removing one line and the line's word count.
  mutating func evaluateLine(_ line: UnsafeBufferPointer<UInt8>) -> (rule: AdRule?, words: Int) {
    let s = signals(line)
    if s.visible == 0 { return (nil, 0) }
    let hits = text.withFolded(line) { matcher.scan($0) }
    return (decide(s, hits), s.words)
  }

  /// Applies the rules in order of specificity; the first that fires and is on is recorded.
  private func decide(_ s: LineSignals, _ hits: PhraseMatcher.Hits) -> AdRule? {
    let w = s.words
    let short = w <= Self.shortLineWords || !s.sentenceLike
    if isOn(.code), s.braces || hits.count(Category.code) > 0 { return .code }
    if isOn(.loremIpsum), hits.count(Category.lorem) > 0 { return .loremIpsum }
    if isOn(.longWord), s.longWord { return .longWord }
    if isOn(.sitePhrase), hits.count(Category.site) > 0 { return .sitePhrase }
    if isOn(.policy), hits.count(Category.policy) > 0 || s.copyright, short { return .policy }
    if isOn(.counter), s.counter { return .counter }
    if isOn(.price) {
      let p = s.prices + s.discounts
      if p > 0, short { return .price }
      if s.prices >= 3, Double(s.prices) >= 0.15 * Double(max(w, 1)) { return .price }
    }
    if isOn(.contact), s.contacts > 0, short || Double(s.contacts) >= 0.25 * Double(max(w, 1)) { return .contact }
    if isOn(.commercial) {
      let c = hits.count(Category.commercial)
      let signals = c + s.prices + s.discounts + (c > 0 ? s.percents : 0)
      if signals >= 2, !s.sentenceLike || Double(signals) >= 0.25 * Double(max(w, 1)) { return .commercial }
      if c > 0, w <= 3, !s.sentenceLike { return .commercial }
    }
    if isOn(.callToAction), hits.count(Category.callToAction) > 0, w <= Self.actionLineWords,
      hits.touchesEdge(Category.callToAction) || !s.sentenceLike
    {
      return .callToAction
    }
    if isOn(.navigation), hits.count(Category.navigation) > 0, w <= Self.navigationLineWords, !s.sentenceLike {
      return .navigation
    }
    if isOn(.noLetters), s.letters == 0 { return .noLetters }
    if isOn(.uppercase), s.scalars > 0, Double(s.upper) > 0.5 * Double(s.scalars) { return .uppercase }
    if isOn(.oneWord), w == 1 { return .oneWord }
    return nil
  }

  /// Scans one line: character classes, tokens, and the token patterns.
  private mutating func signals(_ line: UnsafeBufferPointer<UInt8>) -> LineSignals {
    var s = LineSignals()
    tokens.removeAll(keepingCapacity: true)
    var tokenStart = -1
    var hasLetter = false
    var hasDigit = false
    var tokenScalars = 0
    var lastVisible: UInt32 = 0
    var lastVisibleBeforeQuotes: UInt32 = 0
    var i = 0
    let n = line.count
    func endToken(_ end: Int) {
      if tokenStart >= 0 {
        tokens.append(LineToken(start: tokenStart, end: end, hasLetter: hasLetter, hasDigit: hasDigit))
        if hasLetter || hasDigit { s.words += 1 }
        if tokenScalars > 1000 { s.longWord = true }
      }
      tokenStart = -1
      hasLetter = false
      hasDigit = false
      tokenScalars = 0
    }
    while i < n {
      let start = i
      let (value, length) = UTF8Scalar.decode(line, at: i)
      i += length
      s.scalars += 1
      let cls = UnicodeClass.classify(value)
      if cls.contains(.whitespace) {
        endToken(start)
        continue
      }
      s.visible += 1
      if tokenStart < 0 { tokenStart = start }
      tokenScalars += 1
      if cls.contains(.letter) {
        hasLetter = true
        s.letters += 1
        if cls.contains(.upper) { s.upper += 1 }
      } else if cls.contains(.digit) {
        hasDigit = true
      } else if value == 0x7B || value == 0x7D {
        s.braces = true
      } else if value == 0xA9 {
        s.copyright = true
      }
      lastVisible = value
      if !Self.isClosing(value) { lastVisibleBeforeQuotes = value }
    }
    endToken(n)
    _ = lastVisible
    let terminal = lastVisibleBeforeQuotes
    s.sentenceLike = terminal == 0x2E || terminal == 0x21 || terminal == 0x3F || terminal == 0x2026
    patterns(line, into: &s)
    return s
  }

  @inline(__always) private static func isClosing(_ v: UInt32) -> Bool {
    v == 0x22 || v == 0x27 || v == 0x29 || v == 0x5D || v == 0xBB || v == 0x201D || v == 0x2019 || v == 0xAB
  }

  /// Prices, discounts, percentages, contacts, counters, and the currency check of sentence-like.
  private func patterns(_ line: UnsafeBufferPointer<UInt8>, into s: inout LineSignals) {
    let count = tokens.count
    guard count > 0 else { return }
    func token(_ k: Int) -> UnsafeBufferPointer<UInt8> {
      UnsafeBufferPointer(rebasing: line[tokens[k].start..<tokens[k].end])
    }
    var consumed = -1
    var k = 0
    while k < count {
      let t = token(k)
      let core = TokenPatterns.trimmed(t)
      let digitsOrSigns = tokens[k].hasDigit || t.contains(0x24) || t.contains(0xE2) || t.contains(0xC2)
      if digitsOrSigns || tokens[k].hasLetter {
        // Prices.
        if k > consumed {
          if TokenPatterns.isDashPrice(t) || TokenPatterns.isGluedPrice(core) {
            s.prices += 1
          } else if TokenPatterns.isNumber(core), k + 1 < count, TokenPatterns.isCurrency(token(k + 1)) {
            s.prices += 1
            consumed = k + 1
          } else if TokenPatterns.isCurrency(t), k + 1 < count, TokenPatterns.isNumber(TokenPatterns.trimmed(token(k + 1)))
            || (k + 1 < count && TokenPatterns.isDashPrice(token(k + 1)))
          {
            s.prices += 1
            consumed = k + 1
          }
        }
        if tokens[k].hasDigit {
          let nextIsPercent = k + 1 < count && token(k + 1).first == 0x25
          if TokenPatterns.isDiscount(t, nextIsPercent: nextIsPercent) {
            s.discounts += 1
          } else if TokenPatterns.hasPercent(t) || nextIsPercent {
            s.percents += 1
          }
        }
        if tokens[k].hasLetter, TokenPatterns.isURL(t) || TokenPatterns.isEmail(t) { s.contacts += 1 }
      }
      k += 1
    }
    // Phone numbers: runs of digit tokens making 8 digits as 8, 4+4, 2+2+2+2 or 2+2+4 (after an
    // optional +45).
    k = 0
    while k < count {
      var j = k
      if TokenPatterns.isCountryCode(token(j)), j + 1 < count { j += 1 }
      var sizes: [Int] = []
      var m = j
      while m < count, sizes.count < 4 {
        let d = TokenPatterns.digitRun(token(m))
        if d == 0 { break }
        sizes.append(d)
        m += 1
        if sizes.reduce(0, +) >= 8 { break }
      }
      if sizes == [8] || sizes == [4, 4] || sizes == [2, 2, 2, 2] || sizes == [2, 2, 4] {
        s.contacts += 1
        k = m
      } else {
        k += 1
      }
    }
    // A sentence ending in a currency is a price line, not a sentence.
    if s.sentenceLike, let last = tokens.last {
      let t = UnsafeBufferPointer(rebasing: line[last.start..<last.end])
      if TokenPatterns.isCurrency(t) || TokenPatterns.isGluedPrice(TokenPatterns.trimmed(t)) { s.sentenceLike = false }
    }
    // Counter lines: NUMBER WORD.
    var words: [Int] = []
    for (index, t) in tokens.enumerated() where t.hasLetter || t.hasDigit { words.append(index) }
    if words.count == 2, TokenPatterns.isCounterNumber(token(words[0])) {
      var fold = MatchText()
      let word = fold.withFolded(TokenPatterns.trimmed(token(words[1]))) { Array($0) }
      s.counter = counterWords.contains(word)
    }
  }
}
