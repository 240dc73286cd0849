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

  private let classes = ScalarClassifier()
  private var stopWords = StopWords()
  /// Per ASCII byte: the hash of the one-byte token, and whether it is a stop word.
  private var byteTokens: [(hash: UInt64, isStopWord: Bool)] = []

  /// Sets the stop words (matched exactly, by hash).
  mutating func setStopWords(_ words: [String]) {
    stopWords = StopWords(words)
    byteTokens = (0..<128).map { byte in
      let hash = TokenHash.short(UInt64(byte), count: 1)
      return (hash, stopWords.contains(hash, bytes: 1))
    }
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

  /// The scan of one document: where its tokens go, and its counts so far.
  private struct Scanner {
    let p: UnsafePointer<UInt8>
    let bytes: UnsafeBufferPointer<UInt8>
    let n: Int
    let hashes: UnsafeMutablePointer<UInt64>
    let prefix: UnsafeMutablePointer<Int>
    let lineContinuations: UnsafeMutablePointer<Int>
    let byteTokens: UnsafePointer<(hash: UInt64, isStopWord: Bool)>
    let asciiClasses: UnsafePointer<ByteClass>
    let classes: ScalarClassifier
    let stopWords: StopWords
    var count = 0
    var scalars = 0
    var counts = Counts()
    /// Continuation bytes of the scalars seen so far: bytes minus this is scalars.
    var continuations = 0

    /// Counts an LF, after the continuation bytes before it.
    @inline(__always)
    mutating func countNewline() {
      lineContinuations[counts.newlines] = continuations
      counts.newlines &+= 1
    }

    /// Appends a token of `bytes` bytes and `length` scalars.
    @inline(__always)
    mutating func append(_ hash: UInt64, bytes: Int, length: Int) {
      append(hash, length: length, isStopWord: stopWords.contains(hash, bytes: bytes))
    }

    /// Appends a token of `length` scalars whose stop-word test is done.
    @inline(__always)
    mutating func append(_ hash: UInt64, length: Int, isStopWord: Bool) {
      hashes[count] = hash
      count &+= 1
      scalars &+= length
      prefix[count] = scalars
      if isStopWord { counts.stopTokens &+= 1 }
    }

    /// The ``TokenHash`` of `p[a..<b]`.
    @inline(__always)
    func hash(_ a: Int, _ b: Int) -> UInt64 { TokenHash.hash(p + a, count: b &- a, readable: n &- a) }

    /// Appends the core `p[a..<b]` of a chunk, `length` scalars, containing a letter or not.
    @inline(__always)
    mutating func appendWord(_ a: Int, _ b: Int, length: Int, alpha: Bool) {
      append(hash(a, b), bytes: b &- a, length: length)
      countWord(length: length, alpha: alpha)
    }

    /// Counts a word (a token that is not punctuation) of `length` scalars.
    @inline(__always)
    mutating func countWord(length: Int, alpha: Bool) {
      counts.words &+= 1
      counts.wordLength &+= length
      if alpha { counts.alphaTokens &+= 1 }
    }

    /// Appends the word of `count` (1 to 7) bytes held in the low bytes of `word`, `length`
    /// scalars, containing a letter or not.
    @inline(__always)
    mutating func appendShortWord(_ word: UInt64, count: Int, length: Int, alpha: Bool) {
      append(TokenHash.short(word, count: count), bytes: count, length: length)
      countWord(length: length, alpha: alpha)
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
            append(byteTokens[0x2E].hash, length: 1, isStopWord: byteTokens[0x2E].isStopWord)
          } else {
            append(hash(i, e), bytes: e &- i, length: e &- i)
          }
          i = e
        } else if byte < 0x80 {
          let token = byteTokens[Int(byte)]
          append(token.hash, length: 1, isStopWord: token.isStopWord)
          i &+= 1
        } else {
          let length = UTF8Scalar.decode(bytes, at: i).length
          append(hash(i, i &+ length), bytes: length, length: 1)
          i &+= length
        }
      }
    }

    /// The chunk at `i` (not white space) when it is a word of ASCII letters and digits and
    /// Latin-1 letters (`U+00C0–U+00FF`, two bytes from `0xC3`), maybe with one ASCII punctuation
    /// byte after it, followed by ASCII white space: scanned eight bytes at a time and its tokens
    /// appended; returns where the white space after it ends when that is one byte (else where
    /// it starts), or `nil` (nothing appended) for any other chunk.
    ///
    /// Every Latin-1 scalar is not token punctuation (`×` and `÷` are symbols, the rest letters),
    /// so such a word is one token, and the punctuation byte another.
    @inline(__always)
    mutating func fastChunk(_ i: Int) -> Int? {
      var j = i
      var letters: UInt64 = 0
      var leads = 0
      // A lead byte 0xC3 in the top byte of the previous word: its continuation opens this one.
      var carry: UInt64 = 0
      while j &+ 8 <= n {
        let word = SWAR.load(p + j)
        let (letter, digit) = AlphanumericRun.classes(word)
        let ascii = ~word & SWAR.highBits
        // Bytes up to 0x20: white space (and controls, which take the slow path).
        var stop = ~((word & SWAR.low7) &+ 0x5F &* SWAR.ones) & ascii
        var lead: UInt64 = 0
        var latin1: UInt64 = 0
        if (word & SWAR.highBits) | carry != 0 {
          lead = SWAR.equal(word, 0xC3)
          latin1 = lead << 8 | carry
          stop |= word & SWAR.highBits & ~(lead | latin1)
        }
        let stopBit = stop & (0 &- stop)
        let inside = stopBit &- 1
        let punctuation = ascii & ~(letter | digit | stop) & inside
        letters |= letter & inside
        if lead | latin1 != 0 {
          // Only whether there is a letter counts: a Latin-1 one is looked for when there is no other.
          if letters == 0 { letters = latin1 & inside & ~(SWAR.equal(word, 0x97) | SWAR.equal(word, 0xB7)) }
          leads &+= SWAR.countHighBits(lead & inside)
        }
        if stop == 0 {
          if punctuation != 0 { return nil }
          carry = lead >> 56
          j &+= 8
          continue
        }
        let end = j &+ (stop.trailingZeroBitCount >> 3)
        let space = p[end]
        if !(space == 0x20 || space &- 0x09 < 5) { return nil }
        // One punctuation byte after the word, or none.
        let wordEnd = punctuation == 0 ? end : end &- 1
        if punctuation != 0 && (punctuation != stopBit >> 8 || wordEnd == i) { return nil }
        if j == i && wordEnd &- i < 8 {
          appendShortWord(word, count: wordEnd &- i, length: wordEnd &- i &- leads, alpha: letters != 0)
        } else {
          appendWord(i, wordEnd, length: wordEnd &- i &- leads, alpha: letters != 0)
        }
        if punctuation != 0 {
          let mark = p[wordEnd]
          let token = byteTokens[Int(mark)]
          append(token.hash, length: 1, isStopWord: token.isStopWord)
          if mark == 0x23 { counts.hashMarks &+= 1 }
        }
        continuations &+= leads
        if space == 0x0A { countNewline() }
        return end &+ 1
      }
      return nil
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
              coreStartContinuations = continuations
            }
            if run.letters > 0 { alpha = true }
            i = run.end
            coreEnd = i
            coreEndContinuations = continuations
          case .whitespace:
            break chunk
          case .punctuation:
            if byte == 0x2E {
              var e = i &+ 1
              while e < n && p[e] == 0x2E { e &+= 1 }
              counts.ellipses &+= (e &- i) / 3
              if coreStart < 0 { appendPunctuation(i, e) }
              i = e
            } else {
              if byte == 0x23 { counts.hashMarks &+= 1 }
              if coreStart < 0 {
                let token = byteTokens[Int(byte)]
                append(token.hash, length: 1, isStopWord: token.isStopWord)
              }
              i &+= 1
            }
          }
        } else {
          let (value, length) = UTF8Scalar.decode(bytes, at: i)
          let cls = classes.classifyOutOfLine(value)
          if cls.contains(.whitespace) { break chunk }
          if value == 0x2026 { counts.ellipses &+= 1 }
          if QualityTokens.isTokenPunctuation(value, cls) {
            if coreStart < 0 { append(hash(i, i &+ length), bytes: length, length: 1) }
          } else {
            if coreStart < 0 {
              coreStart = i
              coreStartContinuations = continuations
            }
            coreEnd = i &+ length
            coreEndContinuations = continuations &+ length &- 1
            if cls.contains(.letter) { alpha = true }
          }
          continuations &+= length &- 1
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

    /// Scans the whole document.
    mutating func scan() {
      var i = 0
      while i < n {
        // White space between chunks.
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
            continuations &+= length &- 1
            i &+= length
            continue
          }
        }
        i = fastChunk(i) ?? chunk(i)
      }
    }
  }

  /// Tokenizes and measures `bytes`.
  ///
  /// - Complexity: O(n) in the byte count: chunks of ASCII and Latin-1 letters eight bytes at a
  ///   time, other chunks scalar by scalar (runs of ASCII letters and digits eight bytes at a
  ///   time), one hash per token.
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
          byteTokens.withUnsafeBufferPointer { byteTokenBuffer in
            Self.asciiClasses.withUnsafeBufferPointer { asciiClassBuffer in
              var scanner = Scanner(
                p: p, bytes: bytes, n: n, hashes: hashBuffer.baseAddress.unsafelyUnwrapped,
                prefix: prefixBuffer.baseAddress.unsafelyUnwrapped,
                lineContinuations: lineBuffer.baseAddress.unsafelyUnwrapped,
                byteTokens: byteTokenBuffer.baseAddress.unsafelyUnwrapped,
                asciiClasses: asciiClassBuffer.baseAddress.unsafelyUnwrapped, classes: classes, stopWords: stopWords)
              scanner.scan()
              return scanner
            }
          }
        }
      }
    }
    count = scanner.count
    counts = scanner.counts
    counts.chars = n &- scanner.continuations
    lineContinuations[counts.newlines] = scanner.continuations
  }
}
