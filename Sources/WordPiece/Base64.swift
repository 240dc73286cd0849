/// Decoding of the base64 blobs in the generated tables.
///
/// RFC 4648 alphabet; whitespace and padding are ignored. Used once per process, so it favours being small over being fast.
enum Base64 {
  /// Decodes `text`; characters outside the alphabet (newlines, `=`) are skipped.
  static func decode(_ text: String) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count * 3 / 4)
    var accumulator: UInt32 = 0
    var bits = 0
    for c in text.utf8 {
      let v: UInt32
      switch c {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): v = UInt32(c - UInt8(ascii: "A"))
      case UInt8(ascii: "a")...UInt8(ascii: "z"): v = UInt32(c - UInt8(ascii: "a")) + 26
      case UInt8(ascii: "0")...UInt8(ascii: "9"): v = UInt32(c - UInt8(ascii: "0")) + 52
      case UInt8(ascii: "+"): v = 62
      case UInt8(ascii: "/"): v = 63
      default: continue
      }
      accumulator = accumulator << 6 | v
      bits += 6
      if bits >= 8 {
        bits -= 8
        out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
      }
    }
    return out
  }

  /// Decodes `text` as little-endian 16-bit values.
  static func decodeUInt16(_ text: String) -> [UInt16] {
    let bytes = decode(text)
    return stride(from: 0, to: bytes.count - 1, by: 2).map {
      UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8
    }
  }

  /// Decodes `text` as little-endian 32-bit values.
  static func decodeUInt32(_ text: String) -> [UInt32] {
    let bytes = decode(text)
    return stride(from: 0, to: bytes.count - 3, by: 4).map {
      UInt32(bytes[$0]) | UInt32(bytes[$0 + 1]) << 8 | UInt32(bytes[$0 + 2]) << 16
        | UInt32(bytes[$0 + 3]) << 24
    }
  }
}
