/// The domain of a document for the `min_domains` rule.
public enum DomainKey {
  /// "No domain known": such documents each count as their own domain.
  public static let unknown: UInt64 = 0

  /// The key of the host of `url` (lower-cased, a leading `www.` dropped), or ``unknown`` when
  /// `url` is `nil` or has no host.
  ///
  /// - Complexity: O(k) in the bytes up to the host's end.
  public static func of(url: String?) -> UInt64 {
    guard var url else { return unknown }
    return url.withUTF8 { hostBytes($0).withUnsafeBytes(key(ofHost:)) }
  }

  /// The key of a host's lower-cased UTF-8 bytes (``unknown`` when empty).
  private static func key(ofHost bytes: UnsafeRawBufferPointer) -> UInt64 {
    guard bytes.count > 0 else { return unknown }
    let key = XXHash64.hash(bytes, seed: 0x646F_6D61_696E)  // "domain"
    return key == unknown ? 1 : key
  }

  /// The host of `url`: between `://` (or the start) and the next `/`, `?`, `#` or `:`,
  /// without user info, lower-cased, without a leading `www.`.
  ///
  /// The delimiters are characters (`Character`): a delimiter joined with a combining mark
  /// after it, or a prepended mark before it, into a larger character does not end anything.
  public static func host(of url: String) -> String? {
    var url = url
    let host = url.withUTF8(hostBytes)
    return host.isEmpty ? nil : String(decoding: host, as: UTF8.self)
  }

  /// Where the host of `url` starts: after the first `://` that comes before any `/`, `?` or
  /// `#`; else at 0.
  static func hostStart(_ url: UnsafeBufferPointer<UInt8>) -> Int {
    guard url.count >= 3 else { return 0 }
    for i in 0..<(url.count - 2) {
      if url[i] == 0x2F || url[i] == 0x3F || url[i] == 0x23 { break }  // / ? # before any scheme
      if url[i] == 0x3A && url[i + 1] == 0x2F && url[i + 2] == 0x2F { return i + 3 }
    }
    return 0
  }

  /// ``host(of:)`` as UTF-8 bytes (empty for no host), found on the bytes of `url` (valid
  /// UTF-8): a delimiter byte counts where ``standsAlone(_:at:in:)``; ASCII and Latin-1 are
  /// lower-cased by arithmetic, other scalars by their `lowercaseMapping` (what
  /// `String.lowercased()` does).
  ///
  /// - Complexity: O(k) in the bytes up to the host's end.
  static func hostBytes(_ url: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    let afterScheme = hostStart(url)
    var end = afterScheme
    while end < url.count {
      let b = url[end]
      if (b == 0x2F || b == 0x3F || b == 0x23) && standsAlone(url, at: end, in: afterScheme..<url.count) { break }
      end += 1
    }
    var start = afterScheme
    for i in stride(from: end - 1, through: afterScheme, by: -1)
    where url[i] == 0x40 && standsAlone(url, at: i, in: afterScheme..<end) {  // after the last @
      start = i + 1
      break
    }
    for i in start..<end where url[i] == 0x3A && standsAlone(url, at: i, in: start..<end) {
      end = i
      break
    }
    var host: [UInt8] = []
    host.reserveCapacity(end - start)
    var i = start
    while i < end {
      let (value, length) = UTF8Scalar.decode(url, at: i)
      if value < 0x80 {
        host.append(ASCII.lowercased(UInt8(value)))
      } else if value < 0x100 {  // Latin-1: À–Þ but × lower by 0x20; the rest are their own lower case
        let lower = value &- 0xC0 < 0x1F && value != 0xD7 ? value + 0x20 : value
        host.append(0xC0 | UInt8(lower >> 6))
        host.append(0x80 | UInt8(lower & 0x3F))
      } else if let scalar = Unicode.Scalar(value) {
        host.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
      }
      i += length
    }
    let www: [UInt8] = [0x77, 0x77, 0x77, 0x2E]
    if host.starts(with: www) && host.withUnsafeBufferPointer({ standsAlone($0, at: 3, in: 0..<$0.count) }) {
      host.removeFirst(4)
    }
    return host
  }

  /// Whether the ASCII byte at `i` is a character of its own in the text `bytes[range]`: not
  /// joined into one grapheme cluster with the scalar before it (a prepended mark) or after it
  /// (a combining mark, a spacing mark, a joiner). For an ASCII character other than CR and LF
  /// that depends on the neighbouring scalar alone, so Swift decides it on the pair.
  ///
  /// - Complexity: O(1); a small string is made only when a neighbour is not ASCII.
  static func standsAlone(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, in range: Range<Int>) -> Bool {
    if i > range.lowerBound && bytes[i - 1] >= 0x80 {
      var lead = i - 1
      while lead > range.lowerBound && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
      if String(decoding: bytes[lead...i], as: UTF8.self).count == 1 { return false }
    }
    if i + 1 < range.upperBound && bytes[i + 1] >= 0x80 {
      let next = i + 1 + UTF8Scalar.decode(bytes, at: i + 1).length
      if String(decoding: bytes[i..<next], as: UTF8.self).count == 1 { return false }
    }
    return true
  }
}
