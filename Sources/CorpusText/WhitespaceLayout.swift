import CByteScan

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Tidies spaces and lines.
///
/// Runs of spaces become one space, spaces and TABs at both ends of every line go, empty lines
/// inside the text collapse to one, and empty lines at its start and end go (so the text has no
/// leading or trailing LF). TABs inside a line stay.
enum WhitespaceLayout {
  /// Appends the tidied `input` to `output`; returns how many places changed (collapsed runs,
  /// trimmed line starts and ends, removed empty lines).
  ///
  /// - Complexity: O(n); spans without double spaces are copied in bulk.
  static func tidy(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Int {
    guard let p = input.baseAddress, input.count > 0 else { return 0 }
    let n = input.count
    var edits = 0
    var emptyLines = 0
    var keptEmptyLines = 0
    var lineStart = 0
    var wroteLine = false
    var pendingEmpty = false
    while lineStart <= n {
      var lineEnd = n
      if lineStart < n, let found = memchr(p + lineStart, 0x0A, n - lineStart) {
        lineEnd = p.distance(to: found.assumingMemoryBound(to: UInt8.self))
      }
      var s = lineStart
      while s < lineEnd && (p[s] == 0x20 || p[s] == 0x09) { s += 1 }
      var e = lineEnd
      while e > s && (p[e - 1] == 0x20 || p[e - 1] == 0x09) { e -= 1 }
      if s == e {
        emptyLines += 1
        if lineEnd > lineStart { edits += 1 }  // a line of only spaces
        if wroteLine { pendingEmpty = true }
      } else {
        if s > lineStart { edits += 1 }
        if e < lineEnd { edits += 1 }
        if wroteLine {
          output.append(0x0A)
          if pendingEmpty {
            output.append(0x0A)
            keptEmptyLines += 1
          }
        }
        pendingEmpty = false
        var i = s
        var spanStart = s
        while i < e {
          i = Self.nextDoubleSpace(p, i, e)
          guard i < e else { break }
          output.append(contentsOf: UnsafeBufferPointer(start: p + spanStart, count: i + 1 - spanStart))
          i += 1
          while i < e && p[i] == 0x20 { i += 1 }
          spanStart = i
          edits += 1
        }
        output.append(contentsOf: UnsafeBufferPointer(start: p + spanStart, count: e - spanStart))
        wroteLine = true
      }
      lineStart = lineEnd + 1
    }
    // Every empty line not written (including the one after a final LF) is an edit.
    return edits + emptyLines - keptEmptyLines
  }

  /// The index of the first of two spaces in a row in `p[i..<end]`, or `end`: sixteen pairs
  /// at a time (SSE2), the last sixteen eight and one at a time.
  @inline(__always)
  private static func nextDoubleSpace(_ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> Int {
    var i = dacorpus_find_space_pair(p, i, end)
    if i + 17 <= end { return i }
    while i + 9 <= end {
      let spaces = SWAR.equal(SWAR.load(p, i), 0x20)
      let next = SWAR.equal(SWAR.load(p, i + 1), 0x20)
      let both = spaces & next
      if both != 0 { return i + both.trailingZeroBitCount >> 3 }
      i += 8
    }
    while i + 1 < end {
      if p[i] == 0x20 && p[i + 1] == 0x20 { return i }
      i += 1
    }
    return end
  }
}
