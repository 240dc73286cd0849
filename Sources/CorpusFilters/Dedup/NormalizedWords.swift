/// The words of a text as ``MinHasher`` sees them, with their seeded xxHash64 values.
///
/// Words are the white-space-separated tokens of the text, each normalized like a line key
/// (lower-case, digits → `0`, punctuation, symbols and controls removed; `æøå` kept); tokens
/// that normalize to nothing are skipped. The words one after another are ``LineNormalizer``'s
/// form of the whole text, so the exact key and the line keys come from the same pass.
///
/// Runs of ASCII letters and digits are folded eight bytes at a time (``AlphanumericRun``);
/// other ASCII scalars and two-byte Latin-1 letters (`ÆØÅ` → `æøå`) take a table path; the tables are
/// made by the general path (``append(_:_:to:at:)``) at init, so both agree by construction.
/// Create one per worker: it reuses its buffers.
struct NormalizedWords: Sendable {
  /// The normalized words one after another (`textCount` bytes), then slack.
  private var text: [UInt8] = Array(repeating: 0, count: 256)
  private var textCount = 0
  /// The seeded xxHash64 of each word (`count` of them), then slack.
  private var hashes: [UInt64] = Array(repeating: 0, count: 128)
  /// The number of words of the last text.
  private(set) var count = 0
  /// Per LF of the last text, where its line's normalized form ends in `text`.
  private var lineEnds: [Int] = []
  private let classes = ScalarClassifier()
  /// Per byte: what an ASCII scalar becomes: its normalized form when that is one byte
  /// (`1 ..< 0x80`), ``boundary`` for white space, ``removed``; 0 for a non-ASCII byte.
  private let asciiTable: [UInt8]
  private static let boundary: UInt8 = 0x80
  private static let removed: UInt8 = 0x81
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
  /// - Complexity: O(n); an ASCII scalar or a two-byte Latin-1 letter costs a table read, other
  ///   scalars a UTF-8 decode and a class lookup, and each word one xxHash64.
  mutating func collect(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64) {
    let n = bytes.count
    // Normalizing grows a text by at most half (İ → i̇), and a word takes a byte and a separator.
    if text.count < n * 3 + 16 { text = Array(repeating: 0, count: n * 3 + 16) }
    if hashes.count < n / 2 + 1 { hashes = Array(repeating: 0, count: n / 2 + 1) }
    let classes = self.classes
    lineEnds.removeAll(keepingCapacity: true)
    (textCount, count) = text.withUnsafeMutableBufferPointer { textBuffer in
      hashes.withUnsafeMutableBufferPointer { hashBuffer in
        asciiTable.withUnsafeBufferPointer { asciiBuffer in
          latin1Table.withUnsafeBufferPointer { latin1Buffer in
            guard let p = bytes.baseAddress, let o = textBuffer.baseAddress, let words = hashBuffer.baseAddress,
              let ascii = asciiBuffer.baseAddress, let latin1 = latin1Buffer.baseAddress
            else { return (0, 0) }
            // Until the second pass, `words[k]` holds where word k ends in `o`.
            var w = 0
            var start = 0
            var k = 0
            var i = 0
            while i < n {
              let b = p[i]
              if ASCII.isAlphanumeric(b) {
                // A word and what commonly follows it, without going round this loop: white
                // space before a letter or digit (the word ends), removed ASCII such as `,` and
                // a two-byte Latin-1 letter (the word goes on). The word so far is never empty.
                while true {
                  i = AlphanumericRun.scanKeyFolding(p, from: i, to: n, into: o, at: &w)
                  guard i &+ 1 < n else { break }
                  let c = p[i]
                  let next = ascii[Int(c)]
                  if next == Self.boundary && ASCII.isAlphanumeric(p[i &+ 1]) {
                    if c == 0x0A { lineEnds.append(w) }
                    words[k] = UInt64(truncatingIfNeeded: w)
                    k &+= 1
                    start = w
                    i &+= 1
                  } else if next == Self.removed {
                    i &+= 1
                  } else if c == 0xC3, case let second = latin1[Int(p[i &+ 1])], second != 0 {
                    o[w] = 0xC3
                    o[w &+ 1] = second
                    w &+= 2
                    i &+= 2
                  } else {
                    break
                  }
                }
                continue
              }
              var action = ascii[Int(b)]
              if action &- 1 < Self.boundary &- 1 {
                o[w] = action
                w &+= 1
                i &+= 1
                continue
              }
              if action != 0 {
                if b == 0x0A { lineEnds.append(w) }
                i &+= 1
              } else {
                if b == 0xC3 && i &+ 1 < n {
                  let second = latin1[Int(p[i &+ 1])]
                  if second != 0 {
                    o[w] = 0xC3
                    o[w &+ 1] = second
                    w &+= 2
                    i &+= 2
                    continue
                  }
                }
                let (value, length) = UTF8Scalar.decode(bytes, at: i)
                i &+= length
                var end = w
                if Self.append(value, classes.classify(value), to: o, at: &end) {
                  w = end
                  continue
                }
                action = Self.boundary
              }
              if action == Self.boundary && w > start {
                words[k] = UInt64(truncatingIfNeeded: w)
                k &+= 1
                start = w
              }
            }
            if w > start {
              words[k] = UInt64(truncatingIfNeeded: w)
              k &+= 1
            }
            start = 0
            for j in 0..<k {
              let end = Int(truncatingIfNeeded: words[j])
              words[j] = XXHash64.hashPadded(o + start, count: end &- start, seed: seed)
              start = end
            }
            return (w, k)
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
  /// text: the words of a line one after another are its normalized form.
  ///
  /// - Complexity: O(n) in the normalized text: one xxHash64 and one scalar count per line.
  func lineKeys(into keys: inout [LineKey]) {
    text.withUnsafeBufferPointer { normalized in
      var start = 0
      for k in 0...lineEnds.count {
        let end = k < lineEnds.count ? lineEnds[k] : textCount
        let line = UnsafeBufferPointer(rebasing: normalized[start..<end])
        keys.append(LineKey(hash: XXHash64.hash(line), length: UTF8Scalar.count(line)))
        start = end
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
