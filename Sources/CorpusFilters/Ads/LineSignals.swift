import CTokenKernels

/// What the ad filter measures on one line, in one scan of its bytes (see ``AdRule`` for how
/// the rules combine them).
struct LineSignals {
  /// Whitespace-separated tokens with a letter or a digit.
  var words = 0
  /// Unicode scalars, and those that are upper-case letters / letters.
  var scalars = 0
  var upper = 0
  var letters = 0
  /// Prices, discounts (`-30%`), percentages.
  var prices = 0
  var discounts = 0
  var percents = 0
  /// URLs, e-mail addresses, Danish phone numbers.
  var contacts = 0
  /// `{` or `}` present; `©` present; a word over 1,000 scalars.
  var braces = false
  var copyright = false
  var longWord = false
  /// Ends like a sentence.
  var sentenceLike = false
  /// A `NUMBER COUNTER-WORD` line.
  var counter = false
  /// The first token ends with `:` (a label: `Foto:`, `Pris:`).
  var labelColon = false
}

/// A token of a line: byte range (`start`, `end`) and a few facts gathered while scanning
/// (``LineTokenizer``); the C kernel's `dac_line_token`, which writes them.
typealias LineToken = dac_line_token

extension LineToken {
  init(start: Int, end: Int, facts: Facts) {
    self.init(start: start, end: end, fact_bits: facts.rawValue)
  }

  var facts: Facts { Facts(rawValue: fact_bits) }

  /// What a token's scalars hold, one bit each (the kernel's `DAC_TOKEN_*` bits).
  struct Facts: OptionSet {
    let rawValue: UInt8
    static let letter = Facts(rawValue: UInt8(DAC_TOKEN_LETTER))
    static let digit = Facts(rawValue: UInt8(DAC_TOKEN_DIGIT))
    /// A scalar that is not an ASCII digit.
    static let notDigit = Facts(rawValue: UInt8(DAC_TOKEN_NOT_DIGIT))
    static let dot = Facts(rawValue: UInt8(DAC_TOKEN_DOT))
    static let at = Facts(rawValue: UInt8(DAC_TOKEN_AT))
    /// A non-ASCII scalar that is not a letter, digit or `©`, or `$`: may be a currency sign.
    static let sign = Facts(rawValue: UInt8(DAC_TOKEN_SIGN))
    /// The facts that make a token part of a price or a contact: a token without them matters
    /// to the ad filter's patterns only next to one that has them.
    static let marks = Facts(rawValue: UInt8(DAC_TOKEN_MARKS))
  }

  var hasLetter: Bool { facts.contains(.letter) }
  var hasDigit: Bool { facts.contains(.digit) }
  /// Only ASCII digits (before trailing punctuation is trimmed: `12,` is not).
  var digitsOnly: Bool { !facts.contains(.notDigit) }
  var hasDot: Bool { facts.contains(.dot) }
  var hasAt: Bool { facts.contains(.at) }
  /// May hold a currency sign (``Facts/sign``).
  var hasSign: Bool { facts.contains(.sign) }
}

/// Byte-level recognizers for the ad filter's token patterns (ASCII syntax; Danish number format
/// `1.299,95`, also `1 299` split over tokens).
enum TokenPatterns {
  @inline(__always) static func isDigit(_ b: UInt8) -> Bool { ASCII.isDigit(b) }
  @inline(__always) static func lower(_ b: UInt8) -> UInt8 { ASCII.lowercased(b) }

  /// Trailing bytes that never belong to a token's core: `. , ; : ! ? ) ] " '` and closing quotes.
  @inline(__always) static func isTrailing(_ b: UInt8) -> Bool {
    b == 0x2E || b == 0x2C || b == 0x3B || b == 0x3A || b == 0x21 || b == 0x3F || b == 0x29 || b == 0x5D || b == 0x22
      || b == 0x27
  }

  /// A number: digits with `.`, `,` or `'` inside, starting and ending with a digit.
  static func isNumber(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = t.first, let last = t.last, isDigit(first), isDigit(last) else { return false }
    for b in t where !(isDigit(b) || b == 0x2E || b == 0x2C || b == 0x27) { return false }
    return true
  }

  /// A number followed by `,-`, `.-` or `,–` (Danish whole-kroner price: `199,-`).
  static func isDashPrice(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = t.count
    if n >= 3, t[n - 1] == 0x2D, t[n - 2] == 0x2C || t[n - 2] == 0x2E {
      return isNumber(UnsafeBufferPointer(rebasing: t[0..<(n - 2)]))
    }
    // ",–" (en dash, E2 80 93)
    if n >= 5, t[n - 3] == 0xE2, t[n - 2] == 0x80, t[n - 1] == 0x93, t[n - 4] == 0x2C {
      return isNumber(UnsafeBufferPointer(rebasing: t[0..<(n - 4)]))
    }
    return false
  }

  /// The currency abbreviations that make a price: `kr`, `kr.`, `kr,-`, `dkk`, `eur`, `nok`,
  /// `sek`, `usd`, `€`, `$`, `£` (case-insensitive, trailing `.,-:;)` ignored).
  static func isCurrency(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
    var n = t.count
    while n > 0,
      t[n - 1] == 0x2E || t[n - 1] == 0x2C || t[n - 1] == 0x2D || t[n - 1] == 0x3A || t[n - 1] == 0x3B
        || t[n - 1] == 0x29
    {
      n -= 1
    }
    if n == 1 { return t[0] == 0x24 }  // $
    if n == 2 {
      if lower(t[0]) == 0x6B && lower(t[1]) == 0x72 { return true }  // kr
      if t[0] == 0xC2 && t[1] == 0xA3 { return true }  // £
    }
    if n == 3 {
      if t[0] == 0xE2 && t[1] == 0x82 && t[2] == 0xAC { return true }  // €
      let a = lower(t[0]), b = lower(t[1]), c = lower(t[2])
      return (a, b, c) == (0x64, 0x6B, 0x6B) || (a, b, c) == (0x65, 0x75, 0x72) || (a, b, c) == (0x6E, 0x6F, 0x6B)
        || (a, b, c) == (0x73, 0x65, 0x6B) || (a, b, c) == (0x75, 0x73, 0x64)
    }
    return false
  }

  /// A number and a currency glued (`1.299kr`, `49,95€`, `kr.199`, `DKK49`, `€49`).
  static func isGluedPrice(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = t.count
    guard n >= 2 else { return false }
    if isDigit(t[0]) {
      var i = 0
      while i < n, isDigit(t[i]) || t[i] == 0x2E || t[i] == 0x2C { i += 1 }
      while i > 0, !isDigit(t[i - 1]) { i -= 1 }
      guard i > 0, i < n else { return false }
      return isCurrency(UnsafeBufferPointer(rebasing: t[i..<n]))
    }
    var j = n
    while j > 0, isDigit(t[j - 1]) || t[j - 1] == 0x2E || t[j - 1] == 0x2C || t[j - 1] == 0x2D { j -= 1 }
    guard j > 0, j < n, isNumber(trimmed(UnsafeBufferPointer(rebasing: t[j..<n]))) else { return false }
    return isCurrency(UnsafeBufferPointer(rebasing: t[0..<j]))
  }

  /// `t` without trailing ``isTrailing(_:)`` bytes and a trailing `,-`.
  static func trimmed(_ t: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var n = t.count
    while n > 0, isTrailing(t[n - 1]) { n -= 1 }
    return UnsafeBufferPointer(rebasing: t[0..<n])
  }

  /// A discount: `-30%`, `-30 %` (the `%` as the next token), `–30%`.
  static func isDiscount(_ t: UnsafeBufferPointer<UInt8>, nextIsPercent: Bool) -> Bool {
    var i = 0
    if t.count >= 2, t[0] == 0x2D {
      i = 1
    } else if t.count >= 4, t[0] == 0xE2, t[1] == 0x80, t[2] == 0x93 {
      i = 3
    } else {
      return false
    }
    var digits = 0
    while i < t.count, isDigit(t[i]) {
      digits += 1
      i += 1
    }
    guard digits > 0, digits <= 3 else { return false }
    if i == t.count { return nextIsPercent }
    return t[i] == 0x25
  }

  /// Contains a digit directly followed by `%` (or is `%` after a number token).
  static func hasPercent(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
    guard t.count >= 2 else { return false }
    for i in 1..<t.count where t[i] == 0x25 && isDigit(t[i - 1]) { return true }
    return false
  }

  static let topLevelDomains: Set<String> = [
    "dk", "com", "net", "org", "eu", "nu", "se", "no", "de", "info", "io", "biz", "co", "uk", "fo", "gl", "is", "fi",
  ]

  /// A URL: `http://…`, `https://…`, `www.…`, or `name.tld[/…]` with a common top-level domain.
  static func isURL(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
    let t = trimmed(t)
    let n = t.count
    guard n >= 4 else { return false }
    @inline(__always) func at(_ k: Int, _ c: UInt8) -> Bool { k < n && lower(t[k]) == c }
    if at(0, 0x77), at(1, 0x77), at(2, 0x77), at(3, 0x2E) { return true }  // www.
    if at(0, 0x68), at(1, 0x74), at(2, 0x74), at(3, 0x70) {  // http
      if at(4, 0x3A), at(5, 0x2F), at(6, 0x2F) { return true }
      if at(4, 0x73), at(5, 0x3A), at(6, 0x2F), at(7, 0x2F) { return true }
    }
    var slash = n
    for i in 0..<n where t[i] == 0x2F {
      slash = i
      break
    }
    var dot = -1
    for i in 0..<slash where t[i] == 0x2E { dot = i }
    guard dot > 0, dot < slash - 1 else { return false }
    for i in 0..<dot
    where !(isDigit(t[i]) || (lower(t[i]) >= 0x61 && lower(t[i]) <= 0x7A) || t[i] == 0x2D || t[i] == 0x2E) {
      return false
    }
    // The top-level domain, packed into a UInt64 (at most 8 letters).
    guard slash - dot - 1 <= 8 else { return false }
    var tld: UInt64 = 0
    for i in (dot + 1)..<slash {
      let b = lower(t[i])
      guard b >= 0x61 && b <= 0x7A else { return false }
      tld = tld << 8 | UInt64(b)
    }
    return topLevelDomainKeys.contains(tld)
  }

  static let topLevelDomainKeys: Set<UInt64> = Set(
    topLevelDomains.map { $0.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } })

  /// An e-mail address: letters or digits, `@`, then a name with a dot.
  static func isEmail(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
    let t = trimmed(t)
    var at = -1
    for i in 0..<t.count where t[i] == 0x40 {
      at = i
      break
    }
    guard at > 0, at < t.count - 3 else { return false }
    for i in (at + 2)..<(t.count - 1) where t[i] == 0x2E { return true }
    return false
  }

  /// Digits only (after trimming), and how many.
  static func digitRun(_ t: UnsafeBufferPointer<UInt8>) -> Int {
    let t = trimmed(t)
    guard !t.isEmpty else { return 0 }
    for b in t where !isDigit(b) { return 0 }
    return t.count
  }

  /// `+45` or `0045`.
  static func isCountryCode(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
    (t.count == 3 && t[0] == 0x2B && t[1] == 0x34 && t[2] == 0x35)
      || (t.count == 4 && t[0] == 0x30 && t[1] == 0x30 && t[2] == 0x34 && t[3] == 0x35)
  }

  /// A counter number: digits with `.`/`,`, optionally ending in `k`, `K`, `m`, `M`, `b`, `B`.
  static func isCounterNumber(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
    var t = trimmed(t)
    var start = 0
    while start < t.count,
      !isDigit(t[start]) && t[start] < 0x80 && !(lower(t[start]) >= 0x61 && lower(t[start]) <= 0x7A)
    {
      start += 1
    }
    t = UnsafeBufferPointer(rebasing: t[start..<t.count])
    guard let last = t.last else { return false }
    let l = lower(last)
    if l == 0x6B || l == 0x6D || l == 0x62 { t = UnsafeBufferPointer(rebasing: t[0..<(t.count - 1)]) }
    return isNumber(t)
  }
}
