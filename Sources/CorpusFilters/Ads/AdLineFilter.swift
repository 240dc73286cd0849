/// The ad filter's result for one document.
public struct AdVerdict: Sendable, Equatable {
  /// Per line (LF-split, see ``TextLines``), the rule that removes it, or `nil`.
  public var rules: [AdRule?]
  /// Words (tokens with a letter or digit) in the removed lines, and in the whole document.
  public var removedWords: Int
  public var totalWords: Int
  /// Words in the lines removed by the rules that count toward the drop (`drop_document_rules`).
  public var countedWords: Int
  /// Whether ``countedShare`` passes `drop_document_share`: drop the document.
  public var dropDocument: Bool

  /// The removed share of words (0 for a document without words).
  public var removedShare: Double { totalWords == 0 ? 0 : Double(removedWords) / Double(totalWords) }
  /// The share of words removed by the rules that count toward the drop.
  public var countedShare: Double { totalWords == 0 ? 0 : Double(countedWords) / Double(totalWords) }

  /// The removals as rule names.
  public var removal: LineRemoval { LineRemoval(reasons: rules.map { $0?.rawValue }) }
}

/// Line-level removal of ads, commercial and boilerplate lines in Danish web text, with the
/// RefinedWeb/C4 line rules that fit Danish; a document losing more than
/// `drop_document_share` of its words this way is dropped (RefinedWeb's 5 % rule).
///
/// The rules
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
  private let enabledMask: UInt32
  private let counts: [Bool]
  private var text = MatchText()
  /// The current line's tokens: the first `tokenCount`, the rest spare room.
  private var tokens: [LineToken] = []
  private var tokenCount = 0
  /// The indices of the current line's marked tokens (``LineToken/Facts/marks``): the first
  /// `markCount`, the rest spare room.
  private var marks: [Int] = []
  private var markCount = 0
  private let classes = ScalarClassifier()
  /// The line tokenizer's kernel variant (`DAC_TOKEN_KERNEL_*`).
  private let variant = LineTokenizer.bestVariant

  enum Category {
    static let site: UInt8 = 0
    static let policy: UInt8 = 1
    static let callToAction: UInt8 = 2
    static let navigation: UInt8 = 3
    static let commercial: UInt8 = 4
    static let code: UInt8 = 5
    static let lorem: UInt8 = 6
    static let shop: UInt8 = 7
  }

  /// Words above which a price, contact or policy hit in a sentence-like line is kept.
  static let shortLineWords = 8
  /// Words up to which a call to action removes a line (RefinedWeb: 10).
  static let actionLineWords = 10
  /// Words up to which a navigation word removes a line that is not sentence-like.
  static let navigationLineWords = 2

  /// Compiles `config`.
  public init(config: AdsConfig = AdsConfig()) {
    self.config = config
    var phrases: [(String, UInt8)] = []
    phrases += config.lexicon.site.map { ($0, Category.site) }
    phrases += config.lexicon.shop.map { ($0, Category.shop) }
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
    enabledMask = on.reduce(0) { $0 | 1 << $1.index }
    counts = AdRule.allCases.map { config.dropDocumentRules.contains($0) }
  }

  @inline(__always) private func isOn(_ rule: AdRule) -> Bool { enabledMask & (1 << rule.index) != 0 }

  /// Evaluates every line of `text` and the document drop.
  ///
  /// - Complexity: O(n) in the text length: one scan for signals and one automaton pass per line.
  public mutating func evaluate(_ document: String) -> AdVerdict {
    var rules: [AdRule?] = []
    var removedWords = 0
    var countedWords = 0
    var totalWords = 0
    document.withUTF8Bytes { bytes in
      TextLines.forEach(bytes) { range in
        let line = UnsafeBufferPointer(rebasing: bytes[range])
        let (rule, words) = evaluateLine(line)
        rules.append(rule)
        totalWords += words
        if let rule {
          removedWords += words
          if counts[rule.index] { countedWords += words }
        }
      }
    }
    let drop = totalWords > 0 && Double(countedWords) / Double(totalWords) > config.dropDocumentShare
    return AdVerdict(
      rules: rules, removedWords: removedWords, totalWords: totalWords, countedWords: countedWords, dropDocument: drop)
  }

  /// The rule removing `line` (no LF inside), or `nil`.
  public mutating func rule(forLine line: String) -> AdRule? {
    line.withUTF8Bytes { evaluateLine($0).rule }
  }

  /// The rule removing one line and the line's word count.
  mutating func evaluateLine(_ line: UnsafeBufferPointer<UInt8>) -> (rule: AdRule?, words: Int) {
    let s = signals(line)
    // No token: nothing but white space.
    if tokenCount == 0 { return (nil, 0) }
    let hits = matcher.scanUnfolded(line) ?? text.withFolded(line) { matcher.scan($0) }
    return (decide(s, hits), s.words)
  }

  /// Applies the rules in order of specificity; the first that fires and is on is recorded.
  ///
  /// Inlined: called on its own, it takes a copy of the whole filter per line.
  @inline(__always)
  private func decide(_ s: LineSignals, _ hits: PhraseMatcher.Hits) -> AdRule? {
    let w = s.words
    let short = w <= Self.shortLineWords || !s.sentenceLike
    if isOn(.code), s.braces || hits.count(Category.code) > 0 { return .code }
    if isOn(.loremIpsum), hits.count(Category.lorem) > 0 { return .loremIpsum }
    if isOn(.longWord), s.longWord { return .longWord }
    if isOn(.sitePhrase), hits.count(Category.site) > 0 { return .sitePhrase }
    if isOn(.shopPhrase), hits.count(Category.shop) > 0 { return .shopPhrase }
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
    if isOn(.callToAction), hits.count(Category.callToAction) > 0 {
      if w <= Self.actionLineWords, hits.touchesEdge(Category.callToAction) || !s.sentenceLike { return .callToAction }
      if hits.startsLine(Category.callToAction), !s.sentenceLike { return .callToAction }
    }
    if isOn(.navigation), hits.count(Category.navigation) > 0, !s.sentenceLike {
      if w <= Self.navigationLineWords || (hits.startsLine(Category.navigation) && s.labelColon) { return .navigation }
    }
    if isOn(.noLetters), s.letters == 0 { return .noLetters }
    if isOn(.uppercase), s.scalars > 0, Double(s.upper) > 0.5 * Double(s.scalars) { return .uppercase }
    if isOn(.oneWord), w == 1 { return .oneWord }
    return nil
  }

  /// Scans one line: character classes, tokens, and the token patterns.
  ///
  /// - Complexity: O(n) in the line length; no allocation once the token buffer has grown.
  private mutating func signals(_ line: UnsafeBufferPointer<UInt8>) -> LineSignals {
    var s = LineSignals()
    let n = line.count
    if tokens.count < n / 2 + 1 {
      tokens = Array(repeating: LineToken(start: 0, end: 0, facts: []), count: max(n / 2 + 1, 2 * tokens.count))
      marks = Array(repeating: 0, count: tokens.count)
    }
    let scan = tokens.withUnsafeMutableBufferPointer { buffer in
      marks.withUnsafeMutableBufferPointer { marks in
        LineTokenizer.scan(
          line, into: buffer.baseAddress.unsafelyUnwrapped, marks: marks.baseAddress.unsafelyUnwrapped,
          classes: classes,
          variant: variant
        )
      }
    }
    tokenCount = scan.count
    markCount = scan.markCount
    s.words = scan.words
    s.scalars = n - scan.continuations
    tokens.withUnsafeBufferPointer { tokens in
      if n > 1000 {
        s.longWord = tokens[0..<scan.count].contains {
          $0.end - $0.start > 1000 && UTF8Scalar.count(UnsafeBufferPointer(rebasing: line[$0.start..<$0.end])) > 1000
        }
      }
      if scan.count > 0, line[tokens[0].end - 1] == 0x3A { s.labelColon = true }
    }
    s.letters = scan.letters
    s.upper = scan.upper
    s.braces = scan.braces
    s.copyright = scan.copyright
    let terminal = Self.lastBeforeClosing(line, classes: classes)
    s.sentenceLike = terminal == 0x2E || terminal == 0x21 || terminal == 0x3F || terminal == 0x2026
    patterns(line, into: &s)
    return s
  }

  /// The line's last scalar that is neither white space nor closing (quotes, brackets), or 0.
  ///
  /// Static: a method would take a copy of the whole filter per line.
  ///
  /// - Complexity: O(k) in the bytes of that scalar and those after it.
  private static func lastBeforeClosing(_ line: UnsafeBufferPointer<UInt8>, classes: ScalarClassifier) -> UInt32 {
    // Most lines end with a letter, a digit or a full stop.
    if let last = line.last, ASCII.isAlphanumeric(last) || last == 0x2E { return UInt32(last) }
    var end = line.count
    while end > 0 {
      var start = end - 1
      while start > 0, line[start] & 0xC0 == 0x80 { start -= 1 }
      let value = UTF8Scalar.decode(line, at: start).value
      if !isClosing(value), !classes.classify(value).contains(.whitespace) { return value }
      end = start
    }
    return 0
  }

  @inline(__always) private static func isClosing(_ v: UInt32) -> Bool {
    v == 0x22 || v == 0x27 || v == 0x29 || v == 0x5D || v == 0xBB || v == 0x201D || v == 0x2019 || v == 0xAB
  }

  /// Prices, discounts, percentages and URLs or e-mail addresses at token `k` (of `count`);
  /// `consumed` is the last token taken as a price's amount or currency.
  ///
  /// Static: a method would take a copy of the whole filter per token.
  @inline(__always)
  private static func prices(
    at k: Int, of tokens: UnsafeBufferPointer<LineToken>, count: Int, in line: UnsafeBufferPointer<UInt8>,
    consumed: inout Int, into s: inout LineSignals
  ) {
    @inline(__always) func token(_ k: Int) -> UnsafeBufferPointer<UInt8> {
      UnsafeBufferPointer(rebasing: line[tokens[k].start..<tokens[k].end])
    }
    @inline(__always) func mayBeCurrency(_ k: Int) -> Bool {
      tokens[k].hasLetter || tokens[k].hasSign
    }
    let facts = tokens[k]
    if facts.hasDigit || facts.hasSign {
      let t = token(k)
      let core = TokenPatterns.trimmed(t)
      // Prices.
      if k > consumed {
        if facts.hasDigit, TokenPatterns.isDashPrice(t) || (mayBeCurrency(k) && TokenPatterns.isGluedPrice(core)) {
          s.prices += 1
        } else if facts.hasDigit, k + 1 < count, mayBeCurrency(k + 1), TokenPatterns.isNumber(core),
          TokenPatterns.isCurrency(token(k + 1))
        {
          s.prices += 1
          consumed = k + 1
        } else if !facts.hasDigit, k + 1 < count, tokens[k + 1].hasDigit, TokenPatterns.isCurrency(t),
          TokenPatterns.isNumber(TokenPatterns.trimmed(token(k + 1))) || TokenPatterns.isDashPrice(token(k + 1))
        {
          s.prices += 1
          consumed = k + 1
        }
      }
      if facts.hasDigit {
        let nextIsPercent = k + 1 < count && line[tokens[k + 1].start] == 0x25
        if TokenPatterns.isDiscount(t, nextIsPercent: nextIsPercent) {
          s.discounts += 1
        } else if TokenPatterns.hasPercent(t) || nextIsPercent {
          s.percents += 1
        }
      }
    } else if facts.hasLetter, mayBeCurrency(k), k + 1 < count, tokens[k + 1].hasDigit, k > consumed {
      // A currency written before the amount: `kr. 199`, `DKK 49,95`.
      let t = token(k)
      if TokenPatterns.isCurrency(t),
        TokenPatterns.isNumber(TokenPatterns.trimmed(token(k + 1))) || TokenPatterns.isDashPrice(token(k + 1))
      {
        s.prices += 1
        consumed = k + 1
      }
    }
    if facts.hasLetter,
      (facts.hasDot && TokenPatterns.isURL(token(k))) || (facts.hasAt && TokenPatterns.isEmail(token(k)))
    {
      s.contacts += 1
    }
  }

  /// Prices, discounts, percentages, contacts, counters, and the currency check of sentence-like.
  ///
  /// Prices and contacts are looked for only at the marked tokens (``LineToken/Facts/marks``)
  /// and at a token before a marked one with a digit (a currency before the amount: `kr. 199`,
  /// `DKK 49,95`): no other token can start one.
  ///
  /// - Complexity: O(m) in the bytes of the marked tokens and their neighbours, then O(1) but
  ///   for a two-word line's counter check.
  private mutating func patterns(_ line: UnsafeBufferPointer<UInt8>, into s: inout LineSignals) {
    let count = tokenCount
    let markCount = self.markCount
    guard count > 0 else { return }
    tokens.withUnsafeBufferPointer { tokens in
      marks.withUnsafeBufferPointer { marks in
        @inline(__always) func token(_ k: Int) -> UnsafeBufferPointer<UInt8> {
          UnsafeBufferPointer(rebasing: line[tokens[k].start..<tokens[k].end])
        }
        var consumed = -1
        // In token order: the token before a marked one with a digit when it is not marked itself.
        var visited = -1
        for index in 0..<markCount {
          let m = marks[index]
          if m > visited + 1, tokens[m].hasDigit {
            Self.prices(at: m - 1, of: tokens, count: count, in: line, consumed: &consumed, into: &s)
          }
          Self.prices(at: m, of: tokens, count: count, in: line, consumed: &consumed, into: &s)
          visited = m
        }
        // Phone numbers: runs of digit tokens making 8 digits as 8, 4+4, 2+2+2+2 or 2+2+4 (after
        // an optional +45, a digit token too), tried at each digit token not in a number found.
        var resume = 0
        for index in 0..<markCount {
          let k = marks[index]
          guard k >= resume, tokens[k].hasDigit else { continue }
          var j = k
          if !tokens[j].digitsOnly, TokenPatterns.isCountryCode(token(j)), j + 1 < count { j += 1 }
          guard tokens[j].hasDigit else {
            resume = k + 1
            continue
          }
          var sizes = (0, 0, 0, 0)
          var parts = 0
          var total = 0
          var m = j
          while m < count, parts < 4, total < 8, tokens[m].hasDigit {
            let d = TokenPatterns.digitRun(token(m))
            if d == 0 { break }
            switch parts {
            case 0: sizes.0 = d
            case 1: sizes.1 = d
            case 2: sizes.2 = d
            default: sizes.3 = d
            }
            parts += 1
            total += d
            m += 1
          }
          let phone =
            (parts == 1 && sizes.0 == 8) || (parts == 2 && sizes.0 == 4 && sizes.1 == 4)
            || (parts == 4 && sizes.0 == 2 && sizes.1 == 2 && sizes.2 == 2 && sizes.3 == 2)
            || (parts == 3 && sizes.0 == 2 && sizes.1 == 2 && sizes.2 == 4)
          if phone {
            s.contacts += 1
            resume = m
          } else {
            resume = k + 1
          }
        }
        // A sentence ending in a currency is a price line, not a sentence.
        if s.sentenceLike, case let last = tokens[count - 1], last.hasLetter || last.hasSign || last.hasDigit {
          let t = UnsafeBufferPointer(rebasing: line[last.start..<last.end])
          if TokenPatterns.isCurrency(t) || (last.hasDigit && TokenPatterns.isGluedPrice(TokenPatterns.trimmed(t))) {
            s.sentenceLike = false
          }
        }
        // Counter lines: NUMBER WORD.
        if s.words == 2 {
          var first = -1
          var second = -1
          for index in 0..<count where tokens[index].hasLetter || tokens[index].hasDigit {
            if first < 0 { first = index } else { second = index }
          }
          if first >= 0, second >= 0, tokens[first].hasDigit, TokenPatterns.isCounterNumber(token(first)) {
            var word: [UInt8] = []
            for b in TokenPatterns.trimmed(token(second)) { word.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
            s.counter = counterWords.contains(word)
          }
        }
      }
    }
  }
}
