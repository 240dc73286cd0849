import CTokenKernels

/// The tokens of one document as the quality rules count them (``QualityFilter``'s
/// approximation of spaCy's Danish tokenizer), and the document-wide counts taken in the same
/// pass over its bytes.
///
/// A token is the non-punctuation core of a white-space-separated chunk, or one punctuation
/// scalar before or after it (a run of `.` is one token). Each token is kept as the
/// ``TokenHash`` of its bytes, which is all the n-gram rules compare, and its length in Unicode
/// scalars.
///
/// One per worker: the buffers are reused from document to document.
struct QualityTokens {
  /// The token hashes; the first ``count`` belong to the current document.
  private(set) var hashes: [UInt64] = []
  /// `lengthPrefix[k]`: Unicode scalars in tokens `0..<k`; the first ``count`` + 1 belong to the
  /// current document.
  private(set) var lengthPrefix: [Int] = [0]
  /// `lineContinuations[k]`: UTF-8 continuation bytes before the k-th LF of the document, and
  /// at k = ``Counts/newlines``, in the whole document; so line k (of the text split on LF) has
  /// `lineContinuations[k] − lineContinuations[k − 1]` (k = 0: `lineContinuations[0]`), and its
  /// bytes minus these are its Unicode scalars.
  private(set) var lineContinuations: [Int] = [0]
  /// Tokens in the document.
  private(set) var count = 0
  /// The document-wide counts of the last document.
  private(set) var counts = Counts()

  /// The counts the rules take from a document besides its tokens.
  struct Counts: Equatable {
    /// Unicode scalars in the document (set when its scan ends).
    var chars = 0
    /// LF bytes.
    var newlines = 0
    /// `#` bytes.
    var hashMarks = 0
    /// `...` (every three of a run of `.`) and `…`.
    var ellipses = 0
    /// Tokens that are not punctuation.
    var words = 0
    /// Unicode scalars in those tokens.
    var wordLength = 0
    /// Tokens containing a letter.
    var alphaTokens = 0
    /// Tokens that are stop words.
    var stopTokens = 0
  }

  /// The `dac_quality_scan` variant (`DAC_TOKEN_KERNEL_*`).
  private let variant: Int32
  private let classes = ScalarClassifier()
  private var stopWords = StopWords()
  /// Per ASCII byte: the hash of the one-byte token.
  private var byteHashes: [UInt64] = (0..<128).map { TokenHash.short(UInt64($0), count: 1) }

  /// The fastest kernel variant this CPU runs.
  static let bestVariant = dac_token_kernel_best_variant()

  /// Empty buffers, and the kernel variant `variant` (which must be available).
  init(variant: Int32 = bestVariant) {
    self.variant = variant
  }

  /// Sets the stop words (matched exactly, by hash).
  mutating func setStopWords(_ words: [String]) {
    stopWords = StopWords(words)
  }

  /// The byte classes of the tokenizer for ASCII: letters and digits (a token's core), white
  /// space (`White_Space`: TAB–CR and space), and everything else, which is token punctuation
  /// (`P*`, ASCII symbols and controls).
  private enum ByteClass: UInt8 {
    case alphanumeric, whitespace, punctuation
  }

  /// The ``ByteClass`` of each ASCII byte.
  private static let asciiClasses: [ByteClass] = (0..<128).map { byte in
    if ASCII.isAlphanumeric(UInt8(byte)) { return .alphanumeric }
    return byte == 0x20 || (0x09...0x0D).contains(byte) ? .whitespace : .punctuation
  }

  /// Whether scalar `value` of classes `cls` is token punctuation: `P*`, controls, and ASCII
  /// symbols (datatrove's `PUNCTUATION_SET`).
  @inline(__always)
  static func isTokenPunctuation(_ value: UInt32, _ cls: ScalarClass) -> Bool {
    cls.contains(.punctuation) || cls.contains(.control) || (value < 0x80 && cls.contains(.symbol))
  }

  /// The scan of one document: the C kernel's state (where its tokens go, and its counts so
  /// far), which the scalar-by-scalar path here goes on with.
  private struct Scanner {
    let p: UnsafePointer<UInt8>
    let bytes: UnsafeBufferPointer<UInt8>
    let n: Int
    let variant: Int32
    let tables: UnsafePointer<dac_quality_tables>
    let asciiClasses: UnsafePointer<ByteClass>
    let classes: ScalarClassifier
    let stopWords: StopWords
    var state: dac_quality_scan_state
    /// `...` (every three of a run of `.`) and `…`: only chunks off the kernel's path have them.
    var ellipses = 0

    /// Counts an LF, after the continuation bytes before it.
    @inline(__always)
    mutating func countNewline() {
      state.line_continuations[state.newlines] = state.continuations
      state.newlines &+= 1
    }

    /// Appends a token of `bytes` bytes and `length` scalars.
    @inline(__always)
    mutating func append(_ hash: UInt64, bytes: Int, length: Int) {
      state.hashes[state.count] = hash
      state.count &+= 1
      state.scalars &+= length
      state.prefix[state.count] = state.scalars
      if stopWords.contains(hash, bytes: bytes) { state.stop_tokens &+= 1 }
    }

    /// Appends the one-byte token of ASCII `byte`.
    @inline(__always)
    mutating func append(byte: UInt8) {
      append(tables.pointee.byte_hashes[Int(byte)], bytes: 1, length: 1)
    }

    /// The ``TokenHash`` of `p[a..<b]`.
    @inline(__always)
    func hash(_ a: Int, _ b: Int) -> UInt64 { TokenHash.hash(p + a, count: b &- a, readable: n &- a) }

    /// Appends the core `p[a..<b]` of a chunk, `length` scalars, containing a letter or not.
    @inline(__always)
    mutating func appendWord(_ a: Int, _ b: Int, length: Int, alpha: Bool) {
      append(hash(a, b), bytes: b &- a, length: length)
      state.words &+= 1
      state.word_length &+= length
      if alpha { state.alpha_tokens &+= 1 }
    }

    /// Appends the punctuation `p[a..<b]` as tokens: one per scalar, a run of `.` as one.
    mutating func appendPunctuation(_ a: Int, _ b: Int) {
      var i = a
      while i < b {
        let byte = p[i]
        if byte == 0x2E {
          var e = i &+ 1
          while e < b && p[e] == 0x2E { e &+= 1 }
          if e &- i == 1 {
            append(byte: 0x2E)
          } else {
            append(hash(i, e), bytes: e &- i, length: e &- i)
          }
          i = e
        } else if byte < 0x80 {
          append(byte: byte)
          i &+= 1
        } else {
          let length = UTF8Scalar.decode(bytes, at: i).length
          append(hash(i, i &+ length), bytes: length, length: 1)
          i &+= length
        }
      }
    }

    /// The chunk at `start` (not white space), scalar by scalar; returns where it ends.
    ///
    /// Leading punctuation is appended as it is met, the core (first to last non-punctuation scalar)
    /// and what follows it once the chunk ends.
    mutating func chunk(_ start: Int) -> Int {
      var i = start
      var coreStart = -1
      var coreEnd = -1
      var coreStartContinuations = 0
      var coreEndContinuations = 0
      var alpha = false
      chunk: while i < n {
        let byte = p[i]
        if byte < 0x80 {
          switch asciiClasses[Int(byte)] {
          case .alphanumeric:
            let run = AlphanumericRun.scan(p, from: i, to: n)
            if coreStart < 0 {
              coreStart = i
              coreStartContinuations = state.continuations
            }
            if run.letters > 0 { alpha = true }
            i = run.end
            coreEnd = i
            coreEndContinuations = state.continuations
          case .whitespace:
            break chunk
          case .punctuation:
            if byte == 0x2E {
              var e = i &+ 1
              while e < n && p[e] == 0x2E { e &+= 1 }
              ellipses &+= (e &- i) / 3
              if coreStart < 0 { appendPunctuation(i, e) }
              i = e
            } else {
              if byte == 0x23 { state.hash_marks &+= 1 }
              if coreStart < 0 { append(byte: byte) }
              i &+= 1
            }
          }
        } else {
          let (value, length) = UTF8Scalar.decode(bytes, at: i)
          let cls = classes.classifyOutOfLine(value)
          if cls.contains(.whitespace) { break chunk }
          if value == 0x2026 { ellipses &+= 1 }
          if QualityTokens.isTokenPunctuation(value, cls) {
            if coreStart < 0 { append(hash(i, i &+ length), bytes: length, length: 1) }
          } else {
            if coreStart < 0 {
              coreStart = i
              coreStartContinuations = state.continuations
            }
            coreEnd = i &+ length
            coreEndContinuations = state.continuations &+ length &- 1
            if cls.contains(.letter) { alpha = true }
          }
          state.continuations &+= length &- 1
          i &+= length
        }
      }
      if coreStart >= 0 {
        let length = coreEnd &- coreStart &- (coreEndContinuations &- coreStartContinuations)
        appendWord(coreStart, coreEnd, length: length, alpha: alpha)
        if coreEnd < i { appendPunctuation(coreEnd, i) }
      }
      return i
    }

    /// Scans the whole document: the kernel takes plain words and ASCII white space, and stops
    /// at anything else, which is stepped through here.
    mutating func scan() {
      var i = 0
      while true {
        i = dac_quality_scan(variant, &state, tables, p, i, n)
        guard i < n else { return }
        let first = p[i]
        if first < 0x80 {
          if asciiClasses[Int(first)] == .whitespace {
            if first == 0x0A { countNewline() }
            i &+= 1
            continue
          }
        } else {
          let (value, length) = UTF8Scalar.decode(bytes, at: i)
          if classes.classify(value).contains(.whitespace) {
            state.continuations &+= length &- 1
            i &+= length
            continue
          }
        }
        i = chunk(i)
      }
    }
  }

  /// Tokenizes and measures `bytes`.
  ///
  /// - Complexity: O(n) in the byte count: chunks of ASCII and Latin-1 letters 64 bytes at a
  ///   time (`dac_quality_scan`), other chunks scalar by scalar (runs of ASCII letters and
  ///   digits eight bytes at a time), one hash per token.
  mutating func measure(_ bytes: UnsafeBufferPointer<UInt8>) {
    let n = bytes.count
    // At most one token per byte.
    if hashes.count < n { hashes = Array(repeating: 0, count: n) }
    if lengthPrefix.count < n + 1 { lengthPrefix = Array(repeating: 0, count: n + 1) }
    // At most one LF per byte.
    if lineContinuations.count < n + 1 { lineContinuations = Array(repeating: 0, count: n + 1) }
    guard let p = bytes.baseAddress, n > 0 else {
      (count, counts, lineContinuations[0]) = (0, Counts(), 0)
      return
    }
    let stopWords = stopWords
    let classes = classes
    let scanner = hashes.withUnsafeMutableBufferPointer { hashBuffer in
      lengthPrefix.withUnsafeMutableBufferPointer { prefixBuffer in
        lineContinuations.withUnsafeMutableBufferPointer { lineBuffer in
          byteHashes.withUnsafeBufferPointer { byteHashBuffer in
            Self.asciiClasses.withUnsafeBufferPointer { asciiClassBuffer in
              stopWords.withTable { entries, shift, maxBytes in
                var tables = dac_quality_tables(
                  stop_entries: entries, stop_shift: shift, stop_max_bytes: maxBytes,
                  byte_hashes: byteHashBuffer.baseAddress)
                return withUnsafePointer(to: &tables) { tables in
                  var scanner = Scanner(
                    p: p, bytes: bytes, n: n, variant: variant, tables: tables,
                    asciiClasses: asciiClassBuffer.baseAddress.unsafelyUnwrapped, classes: classes,
                    stopWords: stopWords,
                    state: dac_quality_scan_state(
                      hashes: hashBuffer.baseAddress, prefix: prefixBuffer.baseAddress,
                      line_continuations: lineBuffer.baseAddress, count: 0, scalars: 0, continuations: 0,
                      newlines: 0, hash_marks: 0, words: 0, word_length: 0, alpha_tokens: 0, stop_tokens: 0))
                  scanner.scan()
                  return scanner
                }
              }
            }
          }
        }
      }
    }
    let state = scanner.state
    count = state.count
    counts = Counts(
      chars: n &- state.continuations, newlines: state.newlines, hashMarks: state.hash_marks,
      ellipses: scanner.ellipses, words: state.words, wordLength: state.word_length,
      alphaTokens: state.alpha_tokens, stopTokens: state.stop_tokens)
    lineContinuations[counts.newlines] = state.continuations
  }
}
