/// The tokens of one line (maximal runs of scalars that are not white space) with their
/// ``LineToken/Facts``, and the line's letter and UTF-8 counts, found eight bytes at a time.
///
/// Each eight-byte word is classified once with ``SWAR`` masks: white space, letters,
/// upper-case letters, digits and the bytes with a fact of their own (`.`, `@`, `$`). Tokens
/// start and end at the edges of the white-space mask, and a token's facts are the OR of its
/// bytes' fact bits, so no byte costs a branch. Words of ASCII and of two-byte Latin-1 letters
/// (`æ`, `Ø`, `é`: `C3 xx`) take this path; a word holding any other non-ASCII byte is
/// stepped through one scalar at a time with ``ScalarClassifier``, out of line.
///
/// The line must be valid UTF-8 (as a `String`'s bytes are).
struct LineTokenizer {
  /// Tokens written to the buffer.
  private(set) var count = 0
  /// Letter scalars, and those that are upper- or title-case.
  private(set) var letters = 0
  private(set) var upper = 0
  /// UTF-8 continuation bytes in the line.
  private(set) var continuations = 0
  /// Tokens with a letter or a digit.
  private(set) var words = 0
  /// Marked tokens (``LineToken/Facts/marks``), their indices written to the marks buffer in order.
  private(set) var markCount = 0
  /// `{` or `}` present; `©` present.
  private(set) var braces = false
  private(set) var copyright = false

  private let tokens: UnsafeMutablePointer<LineToken>
  private let marks: UnsafeMutablePointer<Int>
  /// Where the open token starts (-1 between tokens), and its facts so far.
  private var start = -1
  private var facts: UInt8 = 0

  private init(tokens: UnsafeMutablePointer<LineToken>, marks: UnsafeMutablePointer<Int>) {
    self.tokens = tokens
    self.marks = marks
  }

  /// Scans `line`, writing its tokens to `tokens` and the indices of the marked ones (those with
  /// a fact in ``LineToken/Facts/marks``) to `marks`; each must have room for `line.count / 2 + 1`.
  ///
  /// - Complexity: O(n) in the line length: a few dozen instructions per eight bytes of letters
  ///   and spaces.
  static func scan(
    _ line: UnsafeBufferPointer<UInt8>, into tokens: UnsafeMutablePointer<LineToken>,
    marks: UnsafeMutablePointer<Int>, classes: ScalarClassifier
  ) -> LineTokenizer {
    var scan = LineTokenizer(tokens: tokens, marks: marks)
    guard let p = line.baseAddress else { return scan }
    let n = line.count
    var i = 0
    while i < n {
      let word = i &+ 8 <= n ? SWAR.load(p + i) : Self.tail(p, from: i, count: n)
      let ascii = ~word & SWAR.highBits
      let low = word & SWAR.low7
      let letter = SWAR.inRange(low | 0x20 &* SWAR.ones, 0x61, 0x7A) & ascii
      let blank = SWAR.equal(word, 0x20)
      // Most words hold only ASCII letters and spaces: an ASCII letter is upper-case when its
      // 0x20 bit is clear.
      if letter | blank == SWAR.highBits {
        scan.letters &+= SWAR.countHighBits(letter)
        scan.upper &+= SWAR.countHighBits(letter & ~(word << 2))
        scan.letterTokens(space: blank, at: i)
        i &+= 8
        continue
      }
      let digit = SWAR.inRange(low, 0x30, 0x39) & ascii
      let high = word & SWAR.highBits
      var letterBytes = letter
      var upperBytes = SWAR.inRange(low, 0x41, 0x5A) & ascii
      var size = 8
      if high != 0 {
        var lead = SWAR.equal(word, 0xC3)
        let continuation = high & ~(word << 1)
        let notLetter = SWAR.equal(word | 0x20 &* SWAR.ones, 0xB7) & continuation
        // A lead byte last, after a letter, is left to the next word: this one ends inside that
        // letter's token, and the byte only keeps the token open.
        var last: UInt64 = 0
        if lead >> 63 != 0, (letter | continuation) & (0x80 << 48) != 0 {
          last = 0x80 << 56
          lead ^= last
          size = 7
        }
        // Only whole `C3 xx` letters (U+00C0–U+00FF but × and ÷) stay on the word path; another
        // lead byte last is stepped through with its continuation.
        guard high == lead | continuation | last, continuation == lead << 8, lead >> 63 == 0, notLetter == 0 else {
          i = scan.stepScalars(line, from: i, to: min(i &+ 8, n), classes: classes)
          continue
        }
        letterBytes |= lead | continuation | last
        // U+00C0–U+00DE: continuation bytes 80–9E.
        upperBytes |= SWAR.inRange(low, 0x00, 0x1E) & continuation
        scan.letters &+= SWAR.countHighBits(continuation)
        scan.continuations &+= SWAR.countHighBits(continuation)
      }
      scan.letters &+= SWAR.countHighBits(letter)
      scan.upper &+= SWAR.countHighBits(upperBytes)
      if letterBytes | blank == SWAR.highBits {
        scan.letterTokens(space: blank, at: i)
      } else {
        let space = blank | SWAR.inRange(low, 0x09, 0x0D) & ascii
        let dot = SWAR.equal(word, 0x2E)
        let at = SWAR.equal(word, 0x40)
        let dollar = SWAR.equal(word, 0x24)
        if SWAR.equal(word, 0x7B) | SWAR.equal(word, 0x7D) != 0 { scan.braces = true }
        let factBits =
          letterBytes >> 7 | digit >> 6 | (~digit & SWAR.highBits) >> 5 | dot >> 4 | at >> 3 | dollar >> 2
        scan.tokens(in: ~space & SWAR.highBits, space: space, facts: factBits, at: i)
      }
      i &+= size
    }
    if scan.start >= 0 { scan.finish(end: n) }
    return scan
  }

  /// The bytes `p[i..<n]` (fewer than eight) in the low bytes of a word, padded with spaces:
  /// a space ends the token at `n` and counts for nothing.
  @inline(__always)
  private static func tail(_ p: UnsafePointer<UInt8>, from i: Int, count n: Int) -> UInt64 {
    let size = n &- i
    let padding = (0x20 &* SWAR.ones) &<< (size &* 8)
    if n >= 8 { return SWAR.load(p + (n &- 8)) &>> ((8 &- size) &* 8) | padding }
    var word = padding
    for k in 0..<size { word |= UInt64(p[i &+ k]) &<< (k &* 8) }
    return word
  }

  /// Opens, extends and finishes tokens over one word of letters and spaces (`space` has the
  /// high bit of each space byte): each token here has the facts of a letter.
  @inline(__always)
  private mutating func letterTokens(space: UInt64, at i: Int) {
    let letterFacts = LineToken.Facts([.letter, .notDigit]).rawValue
    let inToken = ~space & SWAR.highBits
    let afterToken = inToken << 8 | (start >= 0 ? 0x80 : 0)
    var starts = inToken & ~afterToken
    var ends = space & afterToken
    if start >= 0 {
      if ends == 0 {
        facts |= letterFacts
        return
      }
      let end = ends.trailingZeroBitCount >> 3
      if end > 0 { facts |= letterFacts }
      finish(end: i &+ end)
      ends &= ends &- 1
    }
    while starts != 0 {
      let tokenStart = i &+ starts.trailingZeroBitCount >> 3
      starts &= starts &- 1
      if ends == 0 {
        start = tokenStart
        facts = letterFacts
        return
      }
      append(start: tokenStart, end: i &+ ends.trailingZeroBitCount >> 3, facts: letterFacts)
      ends &= ends &- 1
    }
  }

  /// Opens, extends and finishes tokens over one word: `inToken` has the high bit of each of
  /// its token bytes, `space` of each white-space byte, and `facts` holds each byte's fact bits.
  @inline(__always)
  private mutating func tokens(in inToken: UInt64, space: UInt64, facts factBits: UInt64, at i: Int) {
    // The open token ends before the word when the word starts with white space.
    if start >= 0, inToken & 0x80 == 0 { finish(end: i) }
    var rest = inToken
    while rest != 0 {
      let first = rest.trailingZeroBitCount &- 7
      if start < 0 { start = i &+ first >> 3 }
      let from = factBits & ~((1 &<< first) &- 1)
      let spaceAfter = space & ~((1 &<< first) &- 1)
      if spaceAfter == 0 {
        facts |= Self.anyByte(from)
        return
      }
      let end = spaceAfter.trailingZeroBitCount &- 7
      facts |= Self.anyByte(from & ((1 &<< end) &- 1))
      finish(end: i &+ end >> 3)
      rest &= ~((1 &<< end) &- 1)
    }
  }

  /// The OR of the eight bytes of `word`.
  @inline(__always)
  private static func anyByte(_ word: UInt64) -> UInt8 {
    var x = word | word >> 32
    x |= x >> 16
    x |= x >> 8
    return UInt8(truncatingIfNeeded: x)
  }

  /// Finishes the open token at `end`.
  @inline(__always)
  private mutating func finish(end: Int) {
    // Written for every token, counted for the marked ones: no branch. (The tokens appended
    // without `finish` have a letter's facts only.)
    marks[markCount] = count
    if facts & LineToken.Facts.marks.rawValue != 0 { markCount &+= 1 }
    append(start: start, end: end, facts: facts)
    start = -1
    facts = 0
  }

  @inline(__always)
  private mutating func append(start: Int, end: Int, facts: UInt8) {
    tokens[count] = LineToken(start: start, end: end, facts: LineToken.Facts(rawValue: facts))
    count &+= 1
    if facts & (LineToken.Facts.letter.rawValue | LineToken.Facts.digit.rawValue) != 0 { words &+= 1 }
  }

  /// Steps one scalar at a time from `i` until at or past `limit`: a word with a non-ASCII
  /// scalar other than a Latin-1 letter. Returns where it stopped (a scalar boundary).
  @inline(never)
  private mutating func stepScalars(
    _ line: UnsafeBufferPointer<UInt8>, from i: Int, to limit: Int, classes: ScalarClassifier
  ) -> Int {
    var i = i
    while i < limit {
      let b = line[i]
      let value: UInt32
      let length: Int
      let cls: ScalarClass
      if b < 0x80 {
        value = UInt32(b)
        length = 1
        cls = classes.latin1[Int(b)]
      } else {
        (value, length) = UTF8Scalar.decode(line, at: i)
        cls = classes.classify(value)
      }
      continuations &+= length &- 1
      if cls.contains(.whitespace) {
        if start >= 0 { finish(end: i) }
        i &+= length
        continue
      }
      if start < 0 { start = i }
      var scalar: LineToken.Facts = []
      if cls.contains(.letter) {
        scalar = [.letter, .notDigit]
        letters &+= 1
        if cls.contains(.upper) { upper &+= 1 }
      } else if cls.contains(.digit) {
        scalar = b >= 0x80 ? [.digit, .notDigit] : .digit
      } else {
        scalar = .notDigit
        switch value {
        case 0x2E: scalar.insert(.dot)
        case 0x40: scalar.insert(.at)
        case 0x24: scalar.insert(.sign)
        case 0x7B, 0x7D: braces = true
        case 0xA9: copyright = true
        default: if b >= 0x80 { scalar.insert(.sign) }
        }
      }
      facts |= scalar.rawValue
      i &+= length
    }
    return i
  }
}
