/// Scalar-level UTF-8 helpers for the byte scanners.
///
/// Invalid UTF-8 never traps: a byte that does not start a valid sequence decodes as U+FFFD with
/// length 1.
enum UTF8Scalars {
  /// Decodes the scalar at `p[i]` (`i < n`); returns the scalar value and its length in bytes.
  @inline(__always)
  static func decode(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (value: UInt32, length: Int) {
    let b0 = UInt32(p[i])
    if b0 < 0x80 { return (b0, 1) }
    if b0 < 0xE0 {
      guard b0 >= 0xC2, i + 1 < n else { return (0xFFFD, 1) }
      let b1 = UInt32(p[i + 1])
      guard b1 & 0xC0 == 0x80 else { return (0xFFFD, 1) }
      return ((b0 & 0x1F) << 6 | (b1 & 0x3F), 2)
    }
    if b0 < 0xF0 {
      guard i + 2 < n else { return (0xFFFD, 1) }
      let b1 = UInt32(p[i + 1])
      let b2 = UInt32(p[i + 2])
      guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { return (0xFFFD, 1) }
      let value = (b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F)
      guard value >= 0x800, value & 0xF800 != 0xD800 else { return (0xFFFD, 1) }
      return (value, 3)
    }
    guard b0 < 0xF5, i + 3 < n else { return (0xFFFD, 1) }
    let b1 = UInt32(p[i + 1])
    let b2 = UInt32(p[i + 2])
    let b3 = UInt32(p[i + 3])
    guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80, b3 & 0xC0 == 0x80 else { return (0xFFFD, 1) }
    let value = (b0 & 0x07) << 18 | (b1 & 0x3F) << 12 | (b2 & 0x3F) << 6 | (b3 & 0x3F)
    guard value >= 0x10000, value <= 0x10FFFF else { return (0xFFFD, 1) }
    return (value, 4)
  }

  /// The start of the scalar that ends just before `i` (`i > floor`), in valid UTF-8; never
  /// goes below `floor` nor more than 4 bytes back.
  @inline(__always)
  static func previousStart(_ p: UnsafePointer<UInt8>, _ i: Int, floor: Int) -> Int {
    var j = i - 1
    while j > floor && i - j < 4 && p[j] & 0xC0 == 0x80 { j -= 1 }
    return j
  }

  /// Appends the UTF-8 encoding of `value` (a valid scalar value).
  @inline(__always)
  static func append(_ value: UInt32, to output: inout [UInt8]) {
    if value < 0x80 {
      output.append(UInt8(value))
    } else if value < 0x800 {
      output.append(UInt8(0xC0 | value >> 6))
      output.append(UInt8(0x80 | value & 0x3F))
    } else if value < 0x10000 {
      output.append(UInt8(0xE0 | value >> 12))
      output.append(UInt8(0x80 | (value >> 6) & 0x3F))
      output.append(UInt8(0x80 | value & 0x3F))
    } else {
      output.append(UInt8(0xF0 | value >> 18))
      output.append(UInt8(0x80 | (value >> 12) & 0x3F))
      output.append(UInt8(0x80 | (value >> 6) & 0x3F))
      output.append(UInt8(0x80 | value & 0x3F))
    }
  }

  /// Appends `p[start..<end]` (UTF-8) to `output` as UTF-16.
  ///
  /// - Complexity: O(end − start).
  static func appendUTF16(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, to output: inout [UInt16]) {
    var i = start
    while i < end {
      let b = p[i]
      if b < 0x80 {
        output.append(UInt16(b))
        i += 1
        continue
      }
      let (value, length) = decode(p, i, end)
      appendUTF16(value, to: &output)
      i += length
    }
  }

  /// Appends one scalar as UTF-16.
  @inline(__always)
  static func appendUTF16(_ value: UInt32, to output: inout [UInt16]) {
    if value < 0x10000 {
      output.append(UInt16(value))
    } else {
      let v = value - 0x10000
      output.append(UInt16(0xD800 | v >> 10))
      output.append(UInt16(0xDC00 | v & 0x3FF))
    }
  }

  /// Appends at most `maximum` UTF-16 units of `p[start..<end]`, never splitting a
  /// surrogate pair.
  static func appendUTF16Prefix(
    _ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, maximum: Int, to output: inout [UInt16]
  ) {
    var i = start
    var written = 0
    while i < end {
      let (value, length) = decode(p, i, end)
      let units = value < 0x10000 ? 1 : 2
      if written + units > maximum { return }
      appendUTF16(value, to: &output)
      written += units
      i += length
    }
  }
}
