/// Windows-1252 where it differs from Latin-1 (bytes 0x80–0x9F).
///
/// It is the encoding web text is most often mis-decoded as. Its five undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) decode to the C1 controls of the same
/// value, as browsers and Python's "sloppy" codecs do.
enum Windows1252 {
  /// The characters of bytes 0x80–0x9F.
  static let high: [UInt32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
  ]

  /// The character byte `byte` decodes to.
  @inline(__always)
  static func decode(_ byte: UInt8) -> UInt32 {
    byte >= 0x80 && byte < 0xA0 ? high[Int(byte - 0x80)] : UInt32(byte)
  }

  /// The byte that decodes to `value` in Windows-1252 or Latin-1 (so both C1 controls and
  /// the Windows-1252 punctuation count), or `nil`.
  static func encode(_ value: UInt32) -> UInt8? {
    if value < 0x100 { return UInt8(value) }
    return reverse[value]
  }

  private static let reverse: [UInt32: UInt8] = {
    var table: [UInt32: UInt8] = [:]
    for (index, value) in high.enumerated() where value >= 0x100 { table[value] = UInt8(0x80 + index) }
    return table
  }()
}
