import CorpusIO

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Lines of a document: the text split on every LF byte (U+000A) and nothing else, so a text
/// with k LFs has k + 1 lines (the last one empty when the text ends with LF).
///
/// Joining the
/// lines with LF gives the text back; removing lines and joining the rest is how the filters'
/// decisions are applied (``LineRemoval/apply(to:)``).
public enum TextLines {
  /// Calls `body` with the byte range of every line of `bytes`, in order.
  ///
  /// - Complexity: O(n), with `memchr` finding the LFs.
  @inline(__always)
  public static func forEach(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) throws -> Void) rethrows {
    guard let base = bytes.baseAddress, bytes.count > 0 else {
      try body(0..<0)
      return
    }
    var start = 0
    while start <= bytes.count {
      let remaining = bytes.count - start
      let found = remaining > 0 ? memchr(base + start, 0x0A, remaining) : nil
      if let found {
        let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        try body(start..<end)
        start = end + 1
      } else {
        try body(start..<bytes.count)
        return
      }
    }
  }

  /// The number of lines of `text` (LF count + 1).
  public static func count(_ text: String) -> Int {
    text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
  }

  /// The lines of `text` as substrings (split on LF bytes: `\r\n` leaves `\r` at the end of a
  /// line, though Swift sees `\r\n` as one `Character`).
  ///
  /// - Complexity: O(n), with `memchr` finding the LFs (O(1) per line for native strings).
  public static func split(_ text: String) -> [Substring] {
    var lines: [Substring] = []
    let utf8 = text.utf8
    text.withUTF8Bytes { bytes in
      forEach(bytes) { range in
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        lines.append(Substring(utf8[start..<utf8.index(start, offsetBy: range.count)]))
      }
    }
    return lines
  }
}

/// Which lines of a document to remove and why: the common output of the line filters.
public struct LineRemoval: Sendable, Equatable {
  /// Per line, the name of the rule that removes it, or `nil` to keep it.
  public var reasons: [String?]

  /// Keeps all `lineCount` lines.
  public init(lineCount: Int) { reasons = Array(repeating: nil, count: lineCount) }

  /// From per-line reasons.
  public init(reasons: [String?]) { self.reasons = reasons }

  /// Lines removed.
  public var removedCount: Int { reasons.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

  /// Whether any line is removed.
  public var isEmpty: Bool { !reasons.contains { $0 != nil } }

  /// Adds the removals of `other` (same line count); a line keeps its first reason.
  public mutating func merge(_ other: LineRemoval) {
    for i in reasons.indices where reasons[i] == nil && i < other.reasons.count { reasons[i] = other.reasons[i] }
  }

  /// The text without the removed lines (kept lines joined with LF).
  ///
  /// - Complexity: O(n) in the text length.
  public func apply(to text: String) -> String {
    text.withUTF8Bytes { bytes in
      var result: [UInt8] = []
      result.reserveCapacity(bytes.count)
      var index = 0
      var first = true
      TextLines.forEach(bytes) { range in
        defer { index += 1 }
        guard index >= reasons.count || reasons[index] == nil else { return }
        if !first { result.append(0x0A) }
        first = false
        result.append(contentsOf: bytes[range])
      }
      // Whole lines of a string, joined by LF: well-formed.
      return result.withUnsafeBufferPointer { String(wellFormedUTF8: $0) }
    }
  }
}
