/// Removes control and invisible characters and turns every Unicode space into an ASCII
/// space, in one pass over UTF-8.
///
/// - controls (removed): C0 controls except TAB and LF (so CR, VT, FF and NUL go), DEL, and
///   the C1 controls U+0080–U+009F (U+0085 included);
/// - invisible (removed): U+00AD soft hyphen, U+FEFF byte-order mark / zero-width no-break
///   space, the zero-width U+200B–U+200D and U+2060, the invisible operators U+2061–U+2064,
///   U+180E, and the bidirectional marks and controls U+061C, U+200E, U+200F, U+202A–U+202E,
///   U+2066–U+2069;
/// - spaces (→ U+0020): U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
struct CharacterCleaner {
  /// Remove controls and invisible characters.
  var controls = true
  /// Map Unicode spaces to ASCII spaces.
  var spaces = true

  /// What a pass changed.
  struct Counts {
    var controls = 0
    var invisible = 0
    var spaces = 0
    var total: Int { controls + invisible + spaces }
  }

  private enum Action { case keep, control, invisible, space }

  /// Whether the non-ASCII `value` is one this type removes or replaces (a C1 control, an
  /// invisible character, a Unicode space).
  static func isCleanable(_ value: UInt32) -> Bool {
    switch value {
    case 0x80...0xA0, 0xAD, 0x61C, 0x1680, 0x180E, 0x2000...0x200F, 0x2028...0x202F, 0x205F...0x2064,
      0x2066...0x2069, 0x3000, 0xFEFF:
      return true
    default:
      return false
    }
  }

  /// What to do with the character at `p[i]` (non-ASCII, lead byte `p[i]`), and its length.
  @inline(__always)
  private static func classify(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (Action, Int) {
    let b0 = p[i]
    switch b0 {
    case 0xC2:
      guard i + 1 < n else { return (.keep, 1) }
      let b1 = p[i + 1]
      if b1 >= 0x80 && b1 < 0xA0 { return (.control, 2) }
      if b1 == 0xA0 { return (.space, 2) }
      if b1 == 0xAD { return (.invisible, 2) }
      return (.keep, 2)
    case 0xD8:
      return i + 1 < n && p[i + 1] == 0x9C ? (.invisible, 2) : (.keep, 1)
    case 0xE1, 0xE2, 0xE3, 0xEF:
      guard i + 2 < n else { return (.keep, 1) }
      let b1 = p[i + 1]
      let b2 = p[i + 2]
      switch (b0, b1) {
      case (0xE1, 0x9A): return b2 == 0x80 ? (.space, 3) : (.keep, 3)
      case (0xE1, 0xA0): return b2 == 0x8E ? (.invisible, 3) : (.keep, 3)
      case (0xE2, 0x80):
        switch b2 {
        case 0x80...0x8A, 0xA8, 0xA9, 0xAF: return (.space, 3)
        case 0x8B...0x8F, 0xAA...0xAE: return (.invisible, 3)
        default: return (.keep, 3)
        }
      case (0xE2, 0x81):
        switch b2 {
        case 0x9F: return (.space, 3)
        case 0xA0...0xA4, 0xA6...0xA9: return (.invisible, 3)
        default: return (.keep, 3)
        }
      case (0xE3, 0x80): return b2 == 0x80 ? (.space, 3) : (.keep, 3)
      case (0xEF, 0xBB): return b2 == 0xBF ? (.invisible, 3) : (.keep, 3)
      default: return (.keep, 3)
      }
    default:
      return (.keep, 1)
    }
  }

  /// Appends the cleaned `input` to `output` and returns what changed; when nothing did,
  /// appends nothing.
  ///
  /// - Complexity: O(n); skips printable ASCII eight bytes at a time, and only looks closer at
  ///   C0 bytes, DEL and the lead bytes C2, D8, E1, E2, E3 and EF.
  func clean(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Counts {
    var counts = Counts()
    guard let p = input.baseAddress else { return counts }
    let n = input.count
    var emitted = 0
    var i = 0
    while i < n {
      // A C3 lead is kept whatever follows: Danish letters are stepped over with ASCII.
      i = SWAR.skipPrintableASCII(p, i, n, danishLetters: true)
      if i == n { break }
      let b = p[i]
      var action = Action.keep
      var length = 1
      if b < 0x20 {
        if b != 0x09 && b != 0x0A { action = .control }
      } else if b == 0x7F {
        action = .control
      } else if b >= 0xC2 {
        (action, length) = Self.classify(p, i, n)
      }
      switch action {
      case .keep:
        i += length
        continue
      case .control:
        guard controls else { i += length; continue }
        counts.controls += 1
      case .invisible:
        guard controls else { i += length; continue }
        counts.invisible += 1
      case .space:
        guard spaces else { i += length; continue }
        counts.spaces += 1
      }
      output.append(contentsOf: UnsafeBufferPointer(start: p + emitted, count: i - emitted))
      if action == .space { output.append(0x20) }
      i += length
      emitted = i
    }
    if counts.total > 0 { output.append(contentsOf: UnsafeBufferPointer(start: p + emitted, count: n - emitted)) }
    return counts
  }
}
