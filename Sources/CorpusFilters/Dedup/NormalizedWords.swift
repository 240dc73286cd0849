import CMinHashKernel

/// The words of a text as ``MinHasher`` sees them, with their seeded xxHash64 values.
///
/// Words are the white-space-separated tokens of the text, each normalized like a line key
/// (lower-case, digits → `0`, punctuation, symbols and controls removed; `æøå` kept); tokens
/// that normalize to nothing are skipped. The words one after another are ``LineNormalizer``'s
/// form of the whole text, so the exact key and the line keys come from the same pass.
///
/// ASCII scalars and two-byte Latin-1 letters (`ÆØÅ` → `æøå`) take the table path of the C
/// target (`dac_word_scan`, runs of ASCII letters and digits sixteen bytes at a time); other
/// scalars the general path (``append(_:_:to:at:)``). The tables are made by the general path
/// at init, so both agree by construction. Create one per worker: it reuses its buffers.
struct NormalizedWords: Sendable {
  /// The normalized words one after another (`textCount` bytes), then slack.
  private var text: [UInt8] = Array(repeating: 0, count: 256)
  private var textCount = 0
  /// The scalars of the normalized text.
  private var scalarCount = 0
  /// The seeded xxHash64 of each word (`count` of them), then slack.
  private var hashes: [UInt64] = Array(repeating: 0, count: 128)
  /// The number of words of the last text.
  private(set) var count = 0
  /// Per LF of the last text (`lineCount` of them), where its line's normalized form ends in
  /// `text` and the scalars before that end; then room for more.
  private var lineMarks: [dac_line_mark] = Array(repeating: dac_line_mark(), count: 64)
  private var lineCount = 0
  private let classes = ScalarClassifier()
  /// Per byte: what an ASCII scalar becomes: its normalized form when that is one byte
  /// (`1 ..< 0x80`), ``boundary`` for white space, ``removed``; 0 for a non-ASCII byte.
  private let asciiTable: [UInt8]
  private static let boundary = UInt8(DAC_WORD_BOUNDARY)
  private static let removed = UInt8(DAC_WORD_REMOVED)
  /// Per byte c following 0xC3 (U+00C0 ..< U+0100): the second byte of the normalized form
  /// when that is one scalar of U+00C0 ..< U+0100, else 0.
  private let latin1Table: [UInt8]

  /// Empty buffers and the fast-path tables.
  init() {
    let classes = ScalarClassifier()
    var scratch = [UInt8](repeating: 0, count: 16)
    /// The normalized form of `value`, `nil` for white space.
    func normalized(_ value: UInt32) -> ArraySlice<UInt8>? {
      var w = 0
      let inWord = scratch.withUnsafeMutableBufferPointer { out in
        out.baseAddress.map { Self.append(value, classes.classify(value), to: $0, at: &w) } ?? false
      }
      return inWord ? scratch[0..<w] : nil
    }
    asciiTable = (0..<256).map { b in
      guard b < 0x80 else { return 0 }
      guard let form = normalized(UInt32(b)) else { return Self.boundary }
      return form.isEmpty ? Self.removed : form[0]
    }
    latin1Table = (0..<256).map { c in
      guard c & 0xC0 == 0x80, let form = normalized(0xC0 | UInt32(c & 0x3F)) else { return 0 }
      return form.count == 2 && form.first == 0xC3 ? form[1] : 0
    }
  }

  /// Normalizes the words of UTF-8 `bytes` and hashes each with xxHash64 and `seed`.
  ///
  /// Two passes: the first normalizes the text and notes where each word ends, the second hashes
  /// the words. Hashing apart from the scan keeps the words' hash chains independent of each
  /// other and of the scan's branches, so the processor overlaps them.
  ///
  /// - Complexity: O(n); a run of ASCII letters and digits costs about 30 instructions per 16
  ///   bytes, other ASCII scalars and two-byte Latin-1 letters a table read, other scalars a
  ///   UTF-8 decode and a class lookup (and a return from C), and each word one xxHash64.
  mutating func collect(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64) {
    let n = bytes.count
    // Normalizing grows a text by at most half (İ → i̇), and a word takes a byte and a separator;
    // the scan stores whole 16-byte vectors.
    if text.count < n * 3 + 16 { text = Array(repeating: 0, count: n * 3 + 16) }
    if hashes.count < n / 2 + 1 { hashes = Array(repeating: 0, count: n / 2 + 1) }
    var state = dac_word_scan_state()
    var i = 0
    while true {
      i = scan(bytes, from: i, state: &state)
      if i == n { break }
      // The line marks are full.
      lineMarks += repeatElement(dac_line_mark(), count: lineMarks.count)
    }
    if state.length > state.word_start {
      hashes[state.words] = UInt64(truncatingIfNeeded: state.length)
      state.words += 1
    }
    (textCount, scalarCount, count, lineCount) =
      (state.length, state.length - state.continuations, state.words, state.line_count)
    text.withUnsafeBufferPointer { textBuffer in
      hashes.withUnsafeMutableBufferPointer { hashBuffer in
        guard let o = textBuffer.baseAddress, let words = hashBuffer.baseAddress else { return }
        // Until here, `words[k]` holds where word k ends in `o`.
        var start = 0
        for j in 0..<count {
          let end = Int(truncatingIfNeeded: words[j])
          words[j] = XXHash64.hashPadded(o + start, count: end &- start, seed: seed)
          start = end
        }
      }
    }
  }

  /// Goes on with the words of `bytes` from `from` (`state` holds what came before) until their
  /// end or an LF when the line marks are full, and returns where it stopped: the table path
  /// in C, each scalar that it leaves on the general path.
  ///
  /// - Complexity: O(n − from).
  private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, state: inout dac_word_scan_state) -> Int {
    let n = bytes.count
    let classes = self.classes
    return text.withUnsafeMutableBufferPointer { textBuffer in
      hashes.withUnsafeMutableBufferPointer { hashBuffer in
        lineMarks.withUnsafeMutableBufferPointer { marks in
          asciiTable.withUnsafeBufferPointer { asciiBuffer in
            latin1Table.withUnsafeBufferPointer { latin1Buffer in
              guard let p = bytes.baseAddress, let o = textBuffer.baseAddress, let words = hashBuffer.baseAddress
              else { return n }
              state.text = o
              state.word_ends = words
              state.lines = marks.baseAddress
              state.line_capacity = marks.count
              var i = from
              while true {
                i = dac_word_scan(&state, p, i, n, asciiBuffer.baseAddress, latin1Buffer.baseAddress)
                if i == n || p[i] == 0x0A { return i }
                let (value, length) = UTF8Scalar.decode(bytes, at: i)
                i &+= length
                let w = state.length
                var end = w
                if Self.append(value, classes.classify(value), to: o, at: &end) {
                  for j in w..<end where o[j] & 0xC0 == 0x80 { state.continuations += 1 }
                  state.length = end
                } else if w > state.word_start {
                  words[state.words] = UInt64(truncatingIfNeeded: w)
                  state.words += 1
                  state.word_start = w
                }
              }
            }
          }
        }
      }
    }
  }

  /// Calls `body` with the word hashes of the last text.
  func withHashes<R>(_ body: (UnsafeBufferPointer<UInt64>) -> R) -> R {
    hashes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<count])) }
  }

  /// Appends to `keys` the ``LineNormalizer/key(_:)`` of every line (``TextLines``) of the last
  /// text: the words of a line one after another are its normalized form, and the scan counted
  /// its scalars.
  ///
  /// - Complexity: O(n) in the normalized text: one xxHash64 per line.
  func lineKeys(into keys: inout [LineKey]) {
    keys.reserveCapacity(keys.count + lineCount + 1)
    text.withUnsafeBufferPointer { normalized in
      lineMarks.withUnsafeBufferPointer { marks in
        var start = 0
        var scalarsBefore = 0
        for k in 0...lineCount {
          let mark = k < lineCount ? marks[k] : dac_line_mark(end: textCount, scalars: scalarCount)
          let line = UnsafeBufferPointer(rebasing: normalized[start..<mark.end])
          keys.append(LineKey(hash: XXHash64.hash(line), length: mark.scalars - scalarsBefore))
          start = mark.end
          scalarsBefore = mark.scalars
        }
      }
    }
  }

  /// ``LineNormalizer/exactKey(_:)`` of the last text: MurmurHash3-128 of its words.
  func exactKey() -> Hash128 {
    text.withUnsafeBytes { MurmurHash3.hash128(UnsafeRawBufferPointer(rebasing: $0[0..<textCount])) }
  }

  /// Writes the normalized form of scalar `value` of classes `cls` at `output[index...]` and
  /// advances `index` (``LineNormalizer``'s form; nothing for a removed scalar); `false` for
  /// white space, which ends a word.
  @inline(__always)
  static func append(_ value: UInt32, _ cls: ScalarClass, to output: UnsafeMutablePointer<UInt8>, at index: inout Int)
    -> Bool
  {
    if cls.contains(.whitespace) { return false }
    _ = LineNormalizer.append(value, cls, to: output, at: &index)
    return true
  }
}
