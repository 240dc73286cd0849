/// A maximal run of ASCII letters and digits, found eight bytes at a time: where it ends and
/// how many of its bytes are letters and upper-case letters.
///
/// Word bytes are the common case in every filter's scan; stepping through them one at a time
/// costs a branch per byte and a mispredicted one at the end of each word. Here each
/// eight-byte word gives per-byte class bits at once (``SWAR``), and the run ends at the
/// first byte that is not a letter or digit.
struct AlphanumericRun {
  /// The index after the run's last byte.
  var end: Int
  /// `A`–`Z` and `a`–`z` in the run.
  var letters: Int
  /// `A`–`Z` in the run.
  var uppercase: Int

  /// The run that starts at `i` (which may be empty when `p[i]` is not a letter or digit).
  ///
  /// - Complexity: O(run length / 8).
  @inline(__always)
  static func scan(_ p: UnsafePointer<UInt8>, from i: Int, to n: Int) -> AlphanumericRun {
    var run = AlphanumericRun(end: i, letters: 0, uppercase: 0)
    while run.end + 8 <= n {
      let word = SWAR.load(p + run.end)
      let (letter, digit) = classes(word)
      let upper = SWAR.inRange(word & SWAR.low7, 0x41, 0x5A) & ~word
      let stop = ~(letter | digit) & SWAR.highBits
      if stop == 0 {
        run.letters &+= SWAR.countHighBits(letter)
        run.uppercase &+= SWAR.countHighBits(upper)
        run.end &+= 8
        continue
      }
      let bytes = stop.trailingZeroBitCount >> 3
      let inside = (UInt64(1) << (bytes << 3)) &- 1
      run.letters &+= SWAR.countHighBits(letter & inside)
      run.uppercase &+= SWAR.countHighBits(upper & inside)
      run.end &+= bytes
      return run
    }
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
      let word = SWAR.load(p + end)
      let (letter, digit) = classes(word)
      let digitBytes = (digit >> 7) &* 0xFF
      let folded = (word | letter >> 2) & ~digitBytes | 0x30 &* SWAR.ones & digitBytes
      UnsafeMutableRawPointer(out + w).storeBytes(of: folded.littleEndian, as: UInt64.self)
      let stop = ~(letter | digit) & SWAR.highBits
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

  /// The high bit of each byte of `word` that is an ASCII letter, and of each that is an ASCII
  /// digit.
  @inline(__always)
  static func classes(_ word: UInt64) -> (letter: UInt64, digit: UInt64) {
    let ascii = ~word & SWAR.highBits
    let low = word & SWAR.low7
    return (
      SWAR.inRange(low | 0x20 &* SWAR.ones, 0x61, 0x7A) & ascii,
      SWAR.inRange(low, 0x30, 0x39) & ascii
    )
  }
}
