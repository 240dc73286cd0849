/// The key of a line for corpus-wide counting: a 64-bit hash of its normalized form, and the
/// length of that form in Unicode scalars.
public struct LineKey: Hashable, Sendable {
  /// xxHash64 (seed 0) of the normalized UTF-8 bytes.
  public var hash: UInt64
  /// Unicode scalars in the normalized form.
  public var length: Int

  /// Creates a key.
  public init(hash: UInt64, length: Int) {
    self.hash = hash
    self.length = length
  }
}

/// CCNet's line normalization (`normalize_for_dedup`), widened: lower-case, every decimal digit
/// (`Nd`) → `0`, and punctuation (`P*`), symbols (`S*`), control and format characters (`Cc`,
/// `Cf`) and white space removed.
///
/// Letters and marks are kept as they are: `æøå` stay distinct
/// from `aoa` (no accent stripping).
///
/// So `"Læs mere: 12 nyheder!"`, `"LÆS MERE 99 NYHEDER"` and `"læs  mere · 3 nyheder"` have one
/// key. Create one per worker: it reuses a scratch buffer.
public struct LineNormalizer: Sendable {
  private var scratch: [UInt8] = Array(repeating: 0, count: 4096)
  private let classes = ScalarClassifier()

  /// A normalizer.
  public init() {}

  /// Normalizes `bytes` (UTF-8) into the scratch buffer and calls `body` with the result and
  /// its length in scalars.
  ///
  /// - Complexity: O(n); ASCII and Latin-1 take a table path, other scalars a property lookup.
  @inline(__always)
  public mutating func withNormalized<R>(
    _ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int) -> R
  ) -> R {
    let needed = bytes.count * 3 + 16
    if scratch.count < needed { scratch = Array(repeating: 0, count: needed) }
    let latin1 = classes.latin1
    let classes = self.classes
    return scratch.withUnsafeMutableBufferPointer { out in
      latin1.withUnsafeBufferPointer { table in
        guard let o = out.baseAddress else { return body(UnsafeBufferPointer(start: nil, count: 0), 0) }
        var w = 0
        var scalars = 0
        var i = 0
        let n = bytes.count
        while i < n {
          let b = bytes[i]
          if ASCII.isAlphanumeric(b) {
            let end = AlphanumericRun.scanKeyFolding(bytes.baseAddress.unsafelyUnwrapped, from: i, to: n, into: o, at: &w)
            scalars += end - i
            i = end
            continue
          }
          if b < 0x80 {
            let cls = table[Int(b)]
            if cls.contains(.letter) {
              o[w] = cls.contains(.upper) ? b | 0x20 : b
              w += 1
              scalars += 1
            } else if cls.contains(.digit) {
              o[w] = 0x30
              w += 1
              scalars += 1
            } else if cls.isDisjoint(with: .removedByNormalization) {
              o[w] = b
              w += 1
              scalars += 1
            }
            i += 1
            continue
          }
          let (value, length) = UTF8Scalar.decode(bytes, at: i)
          i += length
          scalars += Self.append(value, classes.classify(value), to: o, at: &w)
        }
        return body(UnsafeBufferPointer(start: o, count: w), scalars)
      }
    }
  }

  /// Writes the normalized form of scalar `value` of classes `cls` at `output[index...]`,
  /// advances `index`, and returns the scalars written: `0` for the removed classes (white
  /// space included), `0` → digit, the lower-case mapping, or the scalar itself.
  @inline(__always)
  static func append(_ value: UInt32, _ cls: ScalarClass, to output: UnsafeMutablePointer<UInt8>, at index: inout Int)
    -> Int
  {
    if cls.contains(.digit) {
      output[index] = 0x30
      index += 1
      return 1
    }
    if !cls.isDisjoint(with: .removedByNormalization) { return 0 }
    if cls.contains(.changesWhenLowercased) { return UnicodeClass.appendLowercased(value, to: output, at: &index) }
    UnicodeClass.encode(value, to: output, at: &index)
    return 1
  }

  /// The key of the line `bytes` (UTF-8, without its LF).
  ///
  /// - Complexity: O(n).
  @inline(__always)
  public mutating func key(_ bytes: UnsafeBufferPointer<UInt8>) -> LineKey {
    withNormalized(bytes) { normalized, scalars in
      LineKey(hash: XXHash64.hash(normalized), length: scalars)
    }
  }

  /// The key of `line`.
  public mutating func key(_ line: some StringProtocol) -> LineKey {
    var copy = String(line)
    return copy.withUTF8 { key($0) }
  }

  /// The normalized form of `line` (for tests and reports).
  public mutating func normalized(_ line: some StringProtocol) -> String {
    var copy = String(line)
    return copy.withUTF8 { bytes in
      withNormalized(bytes) { normalized, _ in String(decoding: normalized, as: UTF8.self) }
    }
  }

  /// The 128-bit hash of the whole normalized `bytes` (white space, LFs included, removed):
  /// the exact-duplicate key of a document.
  public mutating func exactKey(_ bytes: UnsafeBufferPointer<UInt8>) -> Hash128 {
    withNormalized(bytes) { normalized, _ in MurmurHash3.hash128(UnsafeRawBufferPointer(normalized)) }
  }
}
