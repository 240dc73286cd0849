/// Tidies spaces and lines: runs of spaces become one space, spaces and TABs at both ends of
/// every line go, empty lines inside the text collapse to one, and empty lines at its start
/// and end go (so the text has no leading or trailing LF). TABs inside a line stay.
enum WhitespaceLayout {
  /// Whether `input` needs tidying.
  ///
  /// - Complexity: O(n), one pass.
  static func needsTidying(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let p = input.baseAddress, input.count > 0 else { return false }
    let n = input.count
    var previous: UInt8 = 0x0A  // as if after a LF: leading spaces and LFs count
    var beforePrevious: UInt8 = 0x0A
    for i in 0..<n {
      let b = p[i]
      if b == 0x20 {
        if previous == 0x20 || previous == 0x0A { return true }
      } else if b == 0x09 {
        if previous == 0x0A { return true }
      } else if b == 0x0A {
        if previous == 0x20 || previous == 0x09 { return true }
        if previous == 0x0A && (beforePrevious == 0x0A || i < 2) { return true }
        if i == 0 { return true }
      }
      beforePrevious = previous
      previous = b
    }
    return previous == 0x20 || previous == 0x09 || previous == 0x0A
  }

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
      var lineEnd = lineStart
      while lineEnd < n && p[lineEnd] != 0x0A { lineEnd += 1 }
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
          if p[i] == 0x20 && i + 1 < e && p[i + 1] == 0x20 {
            output.append(contentsOf: UnsafeBufferPointer(start: p + spanStart, count: i + 1 - spanStart))
            i += 1
            while i < e && p[i] == 0x20 { i += 1 }
            spanStart = i
            edits += 1
          } else {
            i += 1
          }
        }
        output.append(contentsOf: UnsafeBufferPointer(start: p + spanStart, count: e - spanStart))
        wroteLine = true
      }
      lineStart = lineEnd + 1
    }
    // Every empty line not written (including the one after a final LF) is an edit.
    return edits + emptyLines - keptEmptyLines
  }
}
