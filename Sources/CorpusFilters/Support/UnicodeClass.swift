import CByteScan

/// The Unicode character classes the filters test, as bits.
///
/// Derived from the Unicode general category (`L*`, `Lu`/`Lt`, `Nd`, `P*`, `S*`, `Cc`/`Cf`) and
/// the `White_Space` property, exactly as Swift's `Unicode.Scalar.Properties` report them.
public struct ScalarClass: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// A letter (`L*`): Python's `str.isalpha`.
  public static let letter = ScalarClass(rawValue: 1)
  /// An upper- or title-case letter (`Lu`, `Lt`).
  public static let upper = ScalarClass(rawValue: 2)
  /// A decimal digit (`Nd`): Python's `\d`.
  public static let digit = ScalarClass(rawValue: 4)
  /// Punctuation (`P*`).
  public static let punctuation = ScalarClass(rawValue: 8)
  /// A symbol (`S*`), such as `|`, `+`, `€`, `©`.
  public static let symbol = ScalarClass(rawValue: 16)
  /// White space (`White_Space`), including NBSP and the line separators.
  public static let whitespace = ScalarClass(rawValue: 32)
  /// A control or format character (`Cc`, `Cf`) that is not white space, such as U+200B.
  public static let control = ScalarClass(rawValue: 64)
  /// Has a lower-case mapping different from itself.
  public static let changesWhenLowercased = ScalarClass(rawValue: 128)

  /// Classes removed by line-key normalization: punctuation, symbols, white space, controls.
  public static let removedByNormalization: ScalarClass = [.punctuation, .symbol, .whitespace, .control]
}

/// Classification of Unicode scalars with table fast paths for Latin-1 (U+0000–U+00FF) and the
/// General Punctuation block (U+2000–U+206F), where nearly all scalars of Danish text fall.
///
/// The tables are immutable and built once from `Unicode.Scalar.Properties`, so the fast and
/// slow paths agree by construction.
public enum UnicodeClass {
  static let latin1: [ScalarClass] = (0..<256).map { compute(UInt32($0)) }
  static let generalPunctuation: [ScalarClass] = (0x2000..<0x2070).map { compute(UInt32($0)) }

  /// The classes of scalar `value` (U+FFFD for invalid values).
  ///
  /// - Complexity: O(1); a table read below U+0100 and in U+2000–U+206F.
  @inline(__always)
  public static func classify(_ value: UInt32) -> ScalarClass {
    if value < 0x100 { return latin1[Int(value)] }
    if value >= 0x2000 && value < 0x2070 { return generalPunctuation[Int(value - 0x2000)] }
    return compute(value)
  }

  /// The classes of `value` from the Unicode properties (the slow path).
  static func compute(_ value: UInt32) -> ScalarClass {
    guard let scalar = Unicode.Scalar(value) else { return .symbol }
    let properties = scalar.properties
    var result: ScalarClass = []
    switch properties.generalCategory {
    case .uppercaseLetter, .titlecaseLetter:
      result.formUnion([.letter, .upper])
    case .lowercaseLetter, .modifierLetter, .otherLetter:
      result.insert(.letter)
    case .decimalNumber:
      result.insert(.digit)
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation:
      result.insert(.punctuation)
    case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
      result.insert(.symbol)
    case .control, .format:
      result.insert(.control)
    default:
      break
    }
    if properties.isWhitespace {
      result.insert(.whitespace)
      result.remove(.control)
    }
    if properties.changesWhenLowercased { result.insert(.changesWhenLowercased) }
    return result
  }

  /// Appends the lower-case form of scalar `value` to `output` as UTF-8 and returns the number
  /// of scalars appended.
  ///
  /// ASCII and Latin-1 (`ÆØÅ` → `æøå`) take a fast path.
  @inline(__always)
  static func appendLowercased(_ value: UInt32, to output: UnsafeMutablePointer<UInt8>, at index: inout Int) -> Int {
    if value < 0x80 {
      output[index] = UInt8(value) | (value >= 0x41 && value <= 0x5A ? 0x20 : 0)
      index += 1
      return 1
    }
    if value >= 0xC0 && value <= 0xDE && value != 0xD7 {
      encode(value + 0x20, to: output, at: &index)
      return 1
    }
    guard let scalar = Unicode.Scalar(value) else {
      encode(0xFFFD, to: output, at: &index)
      return 1
    }
    var n = 0
    for lower in scalar.properties.lowercaseMapping.unicodeScalars {
      encode(lower.value, to: output, at: &index)
      n += 1
    }
    return n
  }

  /// Writes `value` as UTF-8 at `output[index...]` and advances `index` (1–4 bytes).
  @inline(__always)
  static func encode(_ value: UInt32, to output: UnsafeMutablePointer<UInt8>, at index: inout Int) {
    if value < 0x80 {
      output[index] = UInt8(value)
      index += 1
    } else if value < 0x800 {
      output[index] = UInt8(0xC0 | (value >> 6))
      output[index + 1] = UInt8(0x80 | (value & 0x3F))
      index += 2
    } else if value < 0x10000 {
      output[index] = UInt8(0xE0 | (value >> 12))
      output[index + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
      output[index + 2] = UInt8(0x80 | (value & 0x3F))
      index += 3
    } else {
      output[index] = UInt8(0xF0 | (value >> 18))
      output[index + 1] = UInt8(0x80 | ((value >> 12) & 0x3F))
      output[index + 2] = UInt8(0x80 | ((value >> 6) & 0x3F))
      output[index + 3] = UInt8(0x80 | (value & 0x3F))
      index += 4
    }
  }
}

/// The classification tables held by a filter, so hot loops read a stored array instead of a
/// lazily initialized global.
struct ScalarClassifier: Sendable {
  let latin1: [ScalarClass] = UnicodeClass.latin1
  let punctuationBlock: [ScalarClass] = UnicodeClass.generalPunctuation

  /// The classes of scalar `value`.
  @inline(__always)
  func classify(_ value: UInt32) -> ScalarClass {
    if value < 0x100 { return latin1[Int(value)] }
    if value &- 0x2000 < 0x70 { return punctuationBlock[Int(value &- 0x2000)] }
    return UnicodeClass.compute(value)
  }
}

/// UTF-8 decoding of one scalar from a byte buffer.
public enum UTF8Scalar {
  /// The scalar starting at `bytes[index]` and its length in bytes.
  ///
  /// An invalid or truncated
  /// sequence decodes as U+FFFD of length 1, so a scan always advances.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
    let b0 = UInt32(bytes[index])
    if b0 < 0x80 { return (b0, 1) }
    let count = bytes.count
    if b0 >= 0xC2 && b0 < 0xE0 {
      if index + 1 < count, bytes[index + 1] & 0xC0 == 0x80 {
        return (((b0 & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F), 2)
      }
    } else if b0 >= 0xE0 && b0 < 0xF0 {
      if index + 2 < count, bytes[index + 1] & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80 {
        let v = ((b0 & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
        if v >= 0x800 && (v < 0xD800 || v > 0xDFFF) { return (v, 3) }
      }
    } else if b0 >= 0xF0 && b0 < 0xF5 {
      if index + 3 < count, bytes[index + 1] & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80,
        bytes[index + 3] & 0xC0 == 0x80
      {
        let v =
          ((b0 & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12) | (UInt32(bytes[index + 2] & 0x3F) << 6)
          | UInt32(bytes[index + 3] & 0x3F)
        if v >= 0x10000 && v <= 0x10FFFF { return (v, 4) }
      }
    }
    return (0xFFFD, 1)
  }

  /// The number of scalars in valid UTF-8 `bytes` (bytes that are not continuation bytes).
  ///
  /// - Complexity: O(n), sixteen bytes at a time (SSE2).
  @inline(__always)
  public static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let p = bytes.baseAddress else { return 0 }
    return bytes.count - dacorpus_count_continuation_bytes(p, bytes.count)
  }

  /// The number of Unicode scalars of `text` (its `unicodeScalars.count`), counted on its
  /// UTF-8 bytes without decoding them.
  ///
  /// - Complexity: O(n) in the UTF-8 length.
  public static func count(_ text: some StringProtocol) -> Int {
    text.utf8.withContiguousStorageIfAvailable { count($0) } ?? text.unicodeScalars.count
  }
}

extension String {
  /// Calls `body` with the string's UTF-8 bytes, contiguous (native strings need no copy).
  @inline(__always)
  func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
    var copy = self
    return try copy.withUTF8(body)
  }
}
