import CTokenKernels

/// The tokens of one line (maximal runs of scalars that are not white space) with their
/// ``LineToken/Facts``, and the line's letter and UTF-8 counts.
///
/// The C kernel `dac_line_tokens` (in `CTokenKernels`) reads 64 bytes at a time while the
/// scalars are ASCII or two-byte Latin-1 letters (`æ`, `Ø`, `é`: `C3 xx`); it stops at any other
/// non-ASCII scalar, which is stepped through here with ``ScalarClassifier``, with the
/// non-ASCII scalars after it, out of line.
///
/// The line must be valid UTF-8 (as a `String`'s bytes are).
struct LineTokenizer {
  private var state = dac_line_tokens_state()

  /// Tokens written to the buffer.
  var count: Int { state.token_count }
  /// Letter scalars, and those that are upper- or title-case.
  var letters: Int { state.letters }
  var upper: Int { state.upper }
  /// UTF-8 continuation bytes in the line.
  var continuations: Int { state.continuations }
  /// Tokens with a letter or a digit.
  var words: Int { state.words }
  /// Marked tokens (``LineToken/Facts/marks``), their indices written to the marks buffer in order.
  var markCount: Int { state.mark_count }
  /// `{` or `}` present; `©` present.
  var braces: Bool { state.braces }
  var copyright: Bool { state.copyright }

  /// The fastest kernel variant this CPU runs (`DAC_TOKEN_KERNEL_*`).
  static let bestVariant = dac_token_kernel_best_variant()

  /// Scans `line`, writing its tokens to `tokens` and the indices of the marked ones (those with
  /// a fact in ``LineToken/Facts/marks``) to `marks`; each must have room for `line.count / 2 + 1`.
  /// The kernel runs as `variant`, which must be available (every variant gives the same scan).
  ///
  /// - Complexity: O(n) in the line length: about 125 instructions per 64 bytes, 15 per token
  ///   of letters only (40 per other token), and a call and a class lookup per other non-ASCII
  ///   scalar.
  static func scan(
    _ line: UnsafeBufferPointer<UInt8>, into tokens: UnsafeMutablePointer<LineToken>,
    marks: UnsafeMutablePointer<Int>, classes: ScalarClassifier, variant: Int32 = bestVariant
  ) -> LineTokenizer {
    var scan = LineTokenizer()
    scan.state.tokens = tokens
    scan.state.marks = marks
    guard let p = line.baseAddress else { return scan }
    let n = line.count
    var i = 0
    while true {
      i = dac_line_tokens(variant, &scan.state, p, i, n)
      if i == n { return scan }
      i = scan.stepScalars(line, from: i, classes: classes)
    }
  }

  /// Steps one scalar at a time from `i` (a non-ASCII scalar that the kernel left) while the
  /// scalars are non-ASCII. Returns where it stopped (a scalar boundary).
  @inline(never)
  private mutating func stepScalars(_ line: UnsafeBufferPointer<UInt8>, from i: Int, classes: ScalarClassifier) -> Int {
    var i = i
    repeat {
      let (value, length) = UTF8Scalar.decode(line, at: i)
      let cls = classes.classify(value)
      state.continuations &+= length &- 1
      if cls.contains(.whitespace) {
        if state.open_facts != 0 { dac_line_tokens_finish(&state, i) }
        i &+= length
        continue
      }
      if state.open_facts == 0 { state.open_start = i }
      var scalar: LineToken.Facts = []
      if cls.contains(.letter) {
        scalar = [.letter, .notDigit]
        state.letters &+= 1
        if cls.contains(.upper) { state.upper &+= 1 }
      } else if cls.contains(.digit) {
        scalar = [.digit, .notDigit]
      } else {
        scalar = value == 0xA9 ? .notDigit : [.notDigit, .sign]
        if value == 0xA9 { state.copyright = true }
      }
      state.open_facts |= scalar.rawValue
      i &+= length
    } while i < line.count && line[i] >= 0x80
    return i
  }
}
