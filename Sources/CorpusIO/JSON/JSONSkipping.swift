// The skipped keys' values (OSCAR's per-line `sentence_identifications`, 1.5 MB of every
// 12.5 MB part) checked in one loop, without the recursive parser's per-value dispatch.

private let quote: UInt8 = 0x22  // "

extension _JSONParseState {
  /// Checks the value at `i` exactly as `parseValue(depth: depth, keep: false)` does and leaves
  /// `i` after it: the same input is accepted and ends at the same byte, and malformed input
  /// throws the same error.
  ///
  /// ``skipWellFormedValue(depth:)`` goes first; when it gives up (on malformed input, or
  /// nesting past its 64 levels) the value is parsed again from its start by the recursive
  /// parser, which then decides and reports.
  ///
  /// - Complexity: O(n) in the value's bytes; malformed values are read twice.
  mutating func skipValue(depth: Int) throws(JSONError) {
    let start = i
    let surrogates = replacedSurrogates
    if skipWellFormedValue(depth: depth) { return }
    i = start
    replacedSurrogates = surrogates
    _ = try parseValue(depth: depth, keep: false)
  }

  /// Skips the value at `i` when it is well-formed and nests at most 64 levels below `depth`
  /// (and not past ``maxDepth``), and returns true; returns false otherwise, leaving `i`
  /// anywhere. Containers are tracked as a stack of bits (set: an object), so a value is one
  /// loop over its tokens.
  ///
  /// It accepts nothing that `parseValue(depth:keep:)` rejects, and ends where that does.
  ///
  /// - Complexity: O(n) in the value's bytes.
  mutating func skipWellFormedValue(depth: Int) -> Bool {
    // Bit k set: the container k + 1 levels down is an object.
    var objects: UInt64 = 0
    var levels = 0
    let levelLimit = min(64, maxDepth - depth)
    while true {
      // A value.
      skipWhitespace()
      guard i < count else { return false }
      let c = byte(i)
      if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") {
        guard levels < levelLimit else { return false }
        i &+= 1
        skipWhitespace()
        if c == UInt8(ascii: "{") {
          if i < count && byte(i) == UInt8(ascii: "}") {
            i &+= 1
          } else {
            objects |= 1 &<< UInt64(levels)
            levels &+= 1
            guard skipKey() else { return false }
            continue
          }
        } else if i < count && byte(i) == UInt8(ascii: "]") {
          i &+= 1
        } else {
          objects &= ~(1 &<< UInt64(levels))
          levels &+= 1
          continue
        }
      } else if c == quote {
        guard skipString() else { return false }
      } else if c == UInt8(ascii: "-") || c &- UInt8(ascii: "0") < 10 {
        do { try scanNumber() } catch { return false }
      } else if c == UInt8(ascii: "t") || c == UInt8(ascii: "f") || c == UInt8(ascii: "n") {
        do {
          try expectLiteral(c == UInt8(ascii: "t") ? "true" : c == UInt8(ascii: "f") ? "false" : "null")
        } catch { return false }
      } else {
        return false
      }
      // After a value: a comma starts the next one; closing brackets end containers.
      while true {
        guard levels > 0 else { return true }
        skipWhitespace()
        guard i < count else { return false }
        let isObject = objects & (1 &<< UInt64(levels &- 1)) != 0
        let c = byte(i)
        i &+= 1
        if c == UInt8(ascii: ",") {
          if isObject {
            skipWhitespace()
            guard skipKey() else { return false }
          }
          break
        }
        guard c == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else { return false }
        levels &-= 1
      }
    }
  }

  /// Skips a well-formed key and its colon at `i`, as `parseObject` reads them; false otherwise.
  @inline(__always)
  private mutating func skipKey() -> Bool {
    guard i < count && byte(i) == quote && skipString() else { return false }
    skipWhitespace()
    guard i < count && byte(i) == UInt8(ascii: ":") else { return false }
    i &+= 1
    return true
  }

  /// Skips the well-formed string whose opening quote is at `i`; false when it is malformed.
  @inline(__always)
  private mutating func skipString() -> Bool {
    let start = i &+ 1
    // Skipped strings are labels, not text.
    let scan = _ByteScan.scanJSONString(base, from: start, end: count, expecting: .short)
    if scan.invalid != nil { return false }
    if scan.stop < count && byte(scan.stop) == quote {
      i = scan.stop &+ 1
      return true
    }
    do {
      _ = try parseEscapedString(start: start, firstSpecial: scan.stop, ascii: scan.ascii, build: false)
    } catch { return false }
    return true
  }
}
