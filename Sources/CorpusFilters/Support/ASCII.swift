/// ASCII byte classes for the filters' fast paths: a run of these bytes needs no UTF-8
/// decoding and no table lookup, and their Unicode classes are fixed (`[A-Za-z]` are the
/// only ASCII letters, `[0-9]` the only ASCII decimal digits).
enum ASCII {
  /// `0`–`9`.
  @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

  /// `A`–`Z` or `a`–`z`.
  @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }

  /// `a`–`z`.
  @inline(__always) static func isLowercaseLetter(_ b: UInt8) -> Bool { b &- 0x61 < 26 }

  /// A letter or a digit.
  @inline(__always) static func isAlphanumeric(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }

  /// `b` lower-cased when it is `A`–`Z`.
  @inline(__always) static func lowercased(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

  /// A letter or digit as line keys and MinHash words fold it: digits to `0`, letters
  /// lower-cased.
  @inline(__always) static func keyFolded(_ b: UInt8) -> UInt8 { isDigit(b) ? 0x30 : b | 0x20 }
}
