/// A maximal run of ASCII letters and digits, found eight bytes at a time: where it ends and
/// how many of its bytes are letters and upper-case letters.
///
/// Word bytes are the common case in every filter's scan; stepping through them one at a time
/// costs a branch per byte and a mispredicted one at the end of each word. Here each
/// eight-byte word gives per-byte class bits at once (SWAR: each test is an addition that
/// sets a byte's high bit, and no byte carries into its neighbour because the bytes are
/// masked to seven bits first), and the run ends at the first byte that is not a letter or
/// digit.
struct AlphanumericRun {
  /// The index after the run's last byte.
  var end: Int
  /// `A`–`Z` and `a`–`z` in the run.
  var letters: Int
  /// `A`–`Z` in the run.
  var uppercase: Int

  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highBits: UInt64 = 0x8080_8080_8080_8080
  private static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

  /// The high bit of each byte of `low` (bytes ≤ 0x7F) in `lo...hi`.
  @inline(__always)
  private static func inRange(_ low: UInt64, _ lo: UInt8, _ hi: UInt8) -> UInt64 {
    let atLeast = low &+ UInt64(0x80 - lo) &* ones
    let above = low &+ UInt64(0x7F - hi) &* ones
    return atLeast & ~above & highBits
  }

  /// The run that starts at `i` (which may be empty when `p[i]` is not a letter or digit).
  ///
  /// - Complexity: O(run length / 8).
  @inline(__always)
  static func scan(_ p: UnsafePointer<UInt8>, from i: Int, to n: Int) -> AlphanumericRun {
    var run = AlphanumericRun(end: i, letters: 0, uppercase: 0)
    while run.end + 8 <= n {
      let word = UInt64(littleEndian: UnsafeRawPointer(p + run.end).loadUnaligned(as: UInt64.self))
      let ascii = ~word & highBits
      let low = word & low7
      let upper = inRange(low, 0x41, 0x5A) & ascii
      let letter = inRange(low | 0x20 &* ones, 0x61, 0x7A) & ascii
      let stop = ~(letter | inRange(low, 0x30, 0x39) & ascii) & highBits
      if stop == 0 {
        run.letters &+= letter.nonzeroBitCount
        run.uppercase &+= upper.nonzeroBitCount
        run.end &+= 8
        continue
      }
      let bytes = stop.trailingZeroBitCount >> 3
      let inside = (UInt64(1) << (bytes << 3)) &- 1
      run.letters &+= (letter & inside).nonzeroBitCount
      run.uppercase &+= (upper & inside).nonzeroBitCount
      run.end &+= bytes
      return run
    }
    scanTail(p, to: n, &run)
    return run
  }

  /// As ``scan(_:from:to:)``, and writes the run key-folded (``ASCII/keyFolded(_:)``: letters
  /// lower-cased, digits as `0`) to `out[w...]`, advancing `w`.
  ///
  /// `out` must have room for the run plus seven bytes (whole words are stored).
  ///
  /// - Complexity: O(run length / 8).
  @inline(__always)
  static func scanKeyFolding(
    _ p: UnsafePointer<UInt8>, from i: Int, to n: Int, into out: UnsafeMutablePointer<UInt8>, at w: inout Int
  ) -> Int {
    var end = i
    while end + 8 <= n {
      let word = UInt64(littleEndian: UnsafeRawPointer(p + end).loadUnaligned(as: UInt64.self))
      let ascii = ~word & highBits
      let low = word & low7
      let letter = inRange(low | 0x20 &* ones, 0x61, 0x7A) & ascii
      let digit = inRange(low, 0x30, 0x39) & ascii
      let digitBytes = (digit >> 7) &* 0xFF
      let folded = (word | letter >> 2) & ~digitBytes | 0x30 &* ones & digitBytes
      UnsafeMutableRawPointer(out + w).storeBytes(of: folded.littleEndian, as: UInt64.self)
      let stop = ~(letter | digit) & highBits
      let bytes = stop == 0 ? 8 : stop.trailingZeroBitCount >> 3
      w &+= bytes
      end &+= bytes
      if bytes < 8 { return end }
    }
    while end < n, ASCII.isAlphanumeric(p[end]) {
      out[w] = ASCII.keyFolded(p[end])
      w &+= 1
      end &+= 1
    }
    return end
  }

  /// The byte-at-a-time end of ``scan(_:from:to:)``, for fewer than eight bytes.
  @inline(__always)
  private static func scanTail(_ p: UnsafePointer<UInt8>, to n: Int, _ run: inout AlphanumericRun) {
    while run.end < n {
      let b = p[run.end]
      if ASCII.isLetter(b) {
        run.letters &+= 1
        if !ASCII.isLowercaseLetter(b) { run.uppercase &+= 1 }
      } else if !ASCII.isDigit(b) {
        break
      }
      run.end &+= 1
    }
  }
}
