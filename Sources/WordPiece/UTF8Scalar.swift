/// Decodes the scalar starting at `p[i]` (`i < n`, `p[i] >= 0x80`).
///
/// Returns the scalar and its length in bytes. An ill-formed sequence yields U+FFFD with
/// length 1; both profiles delete U+FFFD, so invalid bytes are dropped exactly as if the text
/// had been decoded with replacement characters first (what HF receives from Python) or with
/// `errors="ignore"` (what BERT's `convert_to_unicode` does).
///
/// - Complexity: O(1).
@inline(__always)
func decodeNonASCIIScalar(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (scalar: UInt32, length: Int) {
  let b0 = UInt32(p[i])
  if b0 >= 0xC2, b0 <= 0xDF {
    if i + 1 < n {
      let b1 = UInt32(p[i + 1])
      if b1 & 0xC0 == 0x80 { return ((b0 & 0x1F) << 6 | (b1 & 0x3F), 2) }
    }
    return (0xFFFD, 1)
  }
  if b0 >= 0xE0, b0 <= 0xEF {
    if i + 2 < n {
      let b1 = UInt32(p[i + 1])
      let b2 = UInt32(p[i + 2])
      let low: UInt32 = b0 == 0xE0 ? 0xA0 : 0x80
      let high: UInt32 = b0 == 0xED ? 0x9F : 0xBF
      if b1 >= low, b1 <= high, b2 & 0xC0 == 0x80 {
        return ((b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F), 3)
      }
    }
    return (0xFFFD, 1)
  }
  if b0 >= 0xF0, b0 <= 0xF4 {
    if i + 3 < n {
      let b1 = UInt32(p[i + 1])
      let b2 = UInt32(p[i + 2])
      let b3 = UInt32(p[i + 3])
      let low: UInt32 = b0 == 0xF0 ? 0x90 : 0x80
      let high: UInt32 = b0 == 0xF4 ? 0x8F : 0xBF
      if b1 >= low, b1 <= high, b2 & 0xC0 == 0x80, b3 & 0xC0 == 0x80 {
        return ((b0 & 0x07) << 18 | (b1 & 0x3F) << 12 | (b2 & 0x3F) << 6 | (b3 & 0x3F), 4)
      }
    }
    return (0xFFFD, 1)
  }
  return (0xFFFD, 1)
}

/// Writes the UTF-8 encoding of `scalar` at `out` and returns the number of bytes (1…4).
@inline(__always)
func encodeUTF8(_ scalar: UInt32, _ out: UnsafeMutablePointer<UInt8>) -> Int {
  if scalar < 0x80 {
    out[0] = UInt8(truncatingIfNeeded: scalar)
    return 1
  }
  if scalar < 0x800 {
    out[0] = UInt8(truncatingIfNeeded: 0xC0 | scalar >> 6)
    out[1] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
    return 2
  }
  if scalar < 0x10000 {
    out[0] = UInt8(truncatingIfNeeded: 0xE0 | scalar >> 12)
    out[1] = UInt8(truncatingIfNeeded: 0x80 | (scalar >> 6) & 0x3F)
    out[2] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
    return 3
  }
  out[0] = UInt8(truncatingIfNeeded: 0xF0 | scalar >> 18)
  out[1] = UInt8(truncatingIfNeeded: 0x80 | (scalar >> 12) & 0x3F)
  out[2] = UInt8(truncatingIfNeeded: 0x80 | (scalar >> 6) & 0x3F)
  out[3] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
  return 4
}
