import CJSONKernels

/// Byte-level scanning shared by the JSON parser and writer and the XML scanner: word-at-a-time
/// (SWAR) searches and a UTF-8 validator whose result lets `String`s be made with one copy; long
/// strings' text goes 32 bytes at a time through the C kernel of `CJSONKernels`.
///
/// The standard library's `String(validating:as:)` is generic and looks up type metadata on
/// every call, and `String(decoding:as:)` validates byte by byte; both cost more than the
/// parsing around them. Here the bytes are validated once, while they are scanned anyway, and
/// the `String` is then made from a `UTF8Span(unchecked:)`.
enum _ByteScan {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let highBits: UInt64 = 0x8080_8080_8080_8080

  @inline(__always)
  static func word(_ base: UnsafeRawPointer, _ i: Int) -> UInt64 {
    UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
  }

  /// High bit set in each byte of `v` that is `"`, `\` or below 0x20. Only the lowest flagged
  /// byte is guaranteed exact (a borrow can set false flags above a true one).
  @inline(__always)
  static func jsonSpecialMask(_ v: UInt64) -> UInt64 {
    let q = v ^ 0x2222_2222_2222_2222
    let b = v ^ 0x5C5C_5C5C_5C5C_5C5C
    return (((q &- ones) & ~q) | ((b &- ones) & ~b) | ((v &- 0x2020_2020_2020_2020) & ~v)) & highBits
  }

  /// Index of the first byte in `from..<end` that is `"`, `\` or below 0x20, or `end`.
  @inline(__always)
  static func findJSONSpecial(_ base: UnsafeRawPointer, from: Int, end: Int) -> Int {
    var i = from
    while i &+ 8 <= end {
      let mask = jsonSpecialMask(word(base, i))
      if mask != 0 { return i &+ (mask.trailingZeroBitCount &>> 3) }
      i &+= 8
    }
    while i < end {
      let c = base.load(fromByteOffset: i, as: UInt8.self)
      if c == 0x22 || c == 0x5C || c < 0x20 { return i }
      i &+= 1
    }
    return end
  }

  /// The fastest ``dac_json_string_content`` variant this CPU runs.
  static let jsonStringVariant = dac_json_string_best_variant()

  /// The kernel's run from `from`, out of line: the word loop's registers stay its own.
  @inline(never)
  static func longStringRun(_ base: UnsafeRawPointer, from: Int, end: Int) -> dac_json_string_run {
    dac_json_string_content(jsonStringVariant, base.assumingMemoryBound(to: UInt8.self), from, end)
  }

  /// What a caller of ``scanJSONString(_:from:end:expecting:)`` expects of a string.
  enum JSONStringLength {
    /// Keys and labels: a word at a time only.
    case short
    /// Any string: a word at a time, and the kernel once a non-ASCII sequence shows text.
    case unknown
    /// Text (content after an escape): the kernel from the start.
    case long
  }

  /// Scans string content from `from` to the first `"`, `\` or control byte (or `end`),
  /// validating the UTF-8 on the way.
  ///
  /// ASCII goes a word at a time: keys and short values end within a word or two. Text, that
  /// is a string past a non-ASCII sequence (unless `expecting` is `.short`) or one expected
  /// `.long`, goes to the C kernel, which steps over ASCII and two-byte sequences 32 bytes at
  /// a time and leaves the rest (and the input's last 32 bytes) to the loop here.
  ///
  /// - Returns: `stop`, the index of that byte (or `end`); `invalid`, the index of the first
  ///   ill-formed sequence when there is one before `stop` (then `stop` is meaningless);
  ///   `ascii`, whether every byte before `stop` is ASCII.
  @inline(__always)
  static func scanJSONString(
    _ base: UnsafeRawPointer, from: Int, end: Int, expecting length: JSONStringLength = .unknown
  ) -> (stop: Int, invalid: Int?, ascii: Bool) {
    var i = from
    var ascii = true
    var text = length == .long
    while true {
      var wordEnd = end
      if text && i &+ 33 <= end {
        let run = longStringRun(base, from: i, end: end)
        i = run.end
        if run.non_ascii != 0 { ascii = false }
        // At a byte for the code below, or where fewer than 33 bytes remain.
        if i &+ 33 <= end { wordEnd = i }
      }
      text = false
      while i &+ 8 <= wordEnd {
        let v = word(base, i)
        let mask = jsonSpecialMask(v) | (v & highBits)
        if mask != 0 {
          i &+= mask.trailingZeroBitCount &>> 3
          break
        }
        i &+= 8
      }
      // `i` is at a flagged byte, or fewer than 8 bytes remain.
      guard i < end else { return (end, nil, ascii) }
      let c = base.load(fromByteOffset: i, as: UInt8.self)
      if c >= 0x80 {
        let n = utf8SequenceLength(base, at: i, end: end)
        if n == 0 { return (i, i, false) }
        ascii = false
        text = length != .short
        i &+= n
      } else if c == 0x22 || c == 0x5C || c < 0x20 {
        return (i, nil, ascii)
      } else {
        i &+= 1
      }
    }
  }

  /// Validates `from..<end` as UTF-8.
  ///
  /// - Returns: `invalid`, the index of the first byte of the first ill-formed (or truncated)
  ///   sequence, or nil; `ascii`, whether all bytes are ASCII.
  @inline(__always)
  static func validateUTF8(_ base: UnsafeRawPointer, from: Int, end: Int) -> (invalid: Int?, ascii: Bool) {
    var i = from
    var ascii = true
    while true {
      while i &+ 8 <= end {
        let high = word(base, i) & highBits
        if high != 0 {
          i &+= high.trailingZeroBitCount &>> 3
          break
        }
        i &+= 8
      }
      guard i < end else { return (nil, ascii) }
      if base.load(fromByteOffset: i, as: UInt8.self) < 0x80 {
        i &+= 1
        continue
      }
      let n = utf8SequenceLength(base, at: i, end: end)
      if n == 0 { return (i, false) }
      ascii = false
      i &+= n
    }
  }

  /// Validates `from..<end` as UTF-8 up to the first `stopByte` (an ASCII byte).
  ///
  /// - Returns: `stop`, the index of the first `stopByte` (or `end`); `invalid`, the first
  ///   ill-formed sequence before `stop`, if any; `ascii`, whether all bytes before `stop` are ASCII.
  @inline(__always)
  static func validateUTF8(_ base: UnsafeRawPointer, from: Int, end: Int, stoppingAt stopByte: UInt8)
    -> (stop: Int, invalid: Int?, ascii: Bool)
  {
    let pattern = ones &* UInt64(stopByte)
    var i = from
    var ascii = true
    while true {
      while i &+ 8 <= end {
        let v = word(base, i)
        let x = v ^ pattern
        let mask = (v | ((x &- ones) & ~x)) & highBits
        if mask != 0 {
          i &+= mask.trailingZeroBitCount &>> 3
          break
        }
        i &+= 8
      }
      guard i < end else { return (end, nil, ascii) }
      let c = base.load(fromByteOffset: i, as: UInt8.self)
      if c == stopByte { return (i, nil, ascii) }
      if c < 0x80 {
        i &+= 1
        continue
      }
      let n = utf8SequenceLength(base, at: i, end: end)
      if n == 0 { return (i, i, false) }
      ascii = false
      i &+= n
    }
  }

  /// Length of the well-formed UTF-8 sequence starting at `i` (Unicode Table 3-7), or 0 when it
  /// is ill-formed or truncated before `end`.
  @inline(__always)
  static func utf8SequenceLength(_ base: UnsafeRawPointer, at i: Int, end: Int) -> Int {
    @inline(__always) func at(_ k: Int) -> UInt8 { base.load(fromByteOffset: k, as: UInt8.self) }
    @inline(__always) func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
      k < end && at(k) &- lo <= hi &- lo
    }
    let b0 = at(i)
    if b0 < 0x80 { return 1 }
    switch b0 {
    case 0xC2...0xDF: return cont(i &+ 1) ? 2 : 0
    case 0xE0: return cont(i &+ 1, 0xA0) && cont(i &+ 2) ? 3 : 0
    case 0xE1...0xEC, 0xEE...0xEF: return cont(i &+ 1) && cont(i &+ 2) ? 3 : 0
    case 0xED: return cont(i &+ 1, 0x80, 0x9F) && cont(i &+ 2) ? 3 : 0
    case 0xF0: return cont(i &+ 1, 0x90) && cont(i &+ 2) && cont(i &+ 3) ? 4 : 0
    case 0xF1...0xF3: return cont(i &+ 1) && cont(i &+ 2) && cont(i &+ 3) ? 4 : 0
    case 0xF4: return cont(i &+ 1, 0x80, 0x8F) && cont(i &+ 2) && cont(i &+ 3) ? 4 : 0
    default: return 0
    }
  }

  /// A `String` from bytes already checked to be well-formed UTF-8, with one copy.
  ///
  /// Precondition (not checked): `from..<to` is valid UTF-8, e.g. per ``validateUTF8(_:from:end:)``.
  @inline(__always)
  static func stringFromValidatedUTF8(_ base: UnsafeRawPointer, from: Int, to: Int, isASCII: Bool) -> String {
    if from >= to { return "" }
    return UnsafeRawBufferPointer(start: base + from, count: to &- from).withMemoryRebound(to: UInt8.self) {
      String(wellFormedUTF8: $0, isKnownASCII: isASCII)
    }
  }

  /// A `String` from `from..<to` when it is well-formed UTF-8, else nil.
  @inline(__always)
  static func string(_ base: UnsafeRawPointer, from: Int, to: Int) -> String? {
    let check = validateUTF8(base, from: from, end: to)
    if check.invalid != nil { return nil }
    return stringFromValidatedUTF8(base, from: from, to: to, isASCII: check.ascii)
  }

  /// The first ill-formed sequence in `from..<to`, or `from` when there is none.
  static func firstInvalidUTF8(_ base: UnsafeRawPointer, from: Int, to: Int) -> Int {
    validateUTF8(base, from: from, end: to).invalid ?? from
  }
}

/// Appends the UTF-8 encoding of the scalar value `v` (a valid code point) to `out`.
@inline(__always)
func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
  switch v {
  case 0..<0x80:
    out.append(UInt8(v))
  case 0x80..<0x800:
    out.append(UInt8(0xC0 | v >> 6))
    out.append(UInt8(0x80 | v & 0x3F))
  case 0x800..<0x10000:
    out.append(UInt8(0xE0 | v >> 12))
    out.append(UInt8(0x80 | (v >> 6) & 0x3F))
    out.append(UInt8(0x80 | v & 0x3F))
  default:
    out.append(UInt8(0xF0 | v >> 18))
    out.append(UInt8(0x80 | (v >> 12) & 0x3F))
    out.append(UInt8(0x80 | (v >> 6) & 0x3F))
    out.append(UInt8(0x80 | v & 0x3F))
  }
}
