#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Decodes HTML/XML character references once: `&amp;` → `&`, `&aring;` → `å`, `&#229;` and
/// `&#xE5;` → `å`; `&amp;lt;` becomes `&lt;`, not `<`.
///
/// Named references are those of ``HTMLEntities``; numeric ones follow HTML5: 0x80–0x9F mean
/// their Windows-1252 characters (`&#150;` → `–`). A reference without its `;`, an unknown
/// name, or a number that is 0, a surrogate or above U+10FFFF is left as it is.
enum EntityDecoder {
  /// Whether `input` has a `&` (the only way a reference can start).
  ///
  /// - Complexity: O(n), `memchr` speed.
  static func mightContain(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let p = input.baseAddress else { return false }
    return memchr(p, 0x26, input.count) != nil
  }

  /// Appends `input` with its references decoded to `output` and returns how many were
  /// decoded; when none were, appends nothing.
  ///
  /// - Complexity: O(n).
  static func decode(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Int {
    guard let p = input.baseAddress else { return 0 }
    let n = input.count
    var decoded = 0
    var emitted = 0
    var i = 0
    while i < n {
      guard let found = memchr(p + i, 0x26, n - i) else { break }
      let amp = p.distance(to: found.assumingMemoryBound(to: UInt8.self))
      if let (value, end) = reference(p, amp, n) {
        output.append(contentsOf: UnsafeBufferPointer(start: p + emitted, count: amp - emitted))
        UTF8Scalars.append(value, to: &output)
        decoded += 1
        emitted = end
        i = end
      } else {
        i = amp + 1
      }
    }
    if decoded > 0 { output.append(contentsOf: UnsafeBufferPointer(start: p + emitted, count: n - emitted)) }
    return decoded
  }

  /// The reference starting with the `&` at `p[amp]`: its code point and the index after
  /// its `;`.
  private static func reference(_ p: UnsafePointer<UInt8>, _ amp: Int, _ n: Int) -> (UInt32, Int)? {
    var i = amp + 1
    guard i < n else { return nil }
    if p[i] == UInt8(ascii: "#") {
      i += 1
      var hex = false
      if i < n && (p[i] == UInt8(ascii: "x") || p[i] == UInt8(ascii: "X")) {
        hex = true
        i += 1
      }
      let digitsStart = i
      var value: UInt32 = 0
      while i < n && i - digitsStart < 8, let digit = digitValue(p[i], hex: hex) {
        value = value * (hex ? 16 : 10) + digit
        i += 1
      }
      guard i > digitsStart, i < n, p[i] == UInt8(ascii: ";") else { return nil }
      guard value > 0, value <= 0x10FFFF, value & 0xFFFFF800 != 0xD800 else { return nil }
      return (value >= 0x80 && value < 0xA0 ? Windows1252.decode(UInt8(value)) : value, i + 1)
    }
    let nameStart = i
    while i < n && i - nameStart <= HTMLEntities.maximumNameLength, isNameByte(p[i]) { i += 1 }
    guard i > nameStart, i < n, p[i] == UInt8(ascii: ";") else { return nil }
    let name = String(decoding: UnsafeBufferPointer(start: p + nameStart, count: i - nameStart), as: UTF8.self)
    guard let value = HTMLEntities.table[name] else { return nil }
    return (value, i + 1)
  }

  @inline(__always)
  private static func isNameByte(_ b: UInt8) -> Bool {
    (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
  }

  @inline(__always)
  private static func digitValue(_ b: UInt8, hex: Bool) -> UInt32? {
    if b >= 0x30 && b <= 0x39 { return UInt32(b - 0x30) }
    guard hex else { return nil }
    if b >= 0x61 && b <= 0x66 { return UInt32(b - 0x61 + 10) }
    if b >= 0x41 && b <= 0x46 { return UInt32(b - 0x41 + 10) }
    return nil
  }
}
