@testable import CorpusText

/// ``TextFeatures/scan(_:table:)`` as it was before its kernel (`dac_text_features_scan`): eight
/// bytes at a time through every word of the text, and a decode and a table look-up for every
/// non-ASCII character, `æøåÆØÅ` included, through the same ``TextFeatures/Characters``. The
/// tests compare the kernel's results with these.
enum ReferenceTextFeatures {
  /// The features and the trigger span of `input`, as ``TextFeatures/scan(_:table:)`` defines them.
  static func scan(
    _ input: UnsafeBufferPointer<UInt8>, table: CharacterTable
  ) -> (features: TextFeatures, triggers: Range<Int>) {
    guard let p = input.baseAddress, input.count > 0 else { return ([], 0..<0) }
    let n = input.count
    var characters = TextFeatures.Characters(count: n)
    var untidy: UInt64 = 0
    var highBytes = 0
    var decodedBytes = 0
    var i = 0
    while i < n {
      let word: UInt64
      let pairs: UInt64  // each byte ORed with the next: 0x20 for two spaces (or a space and a NUL)
      if i + 9 <= n {
        word = SWAR.load(p, i)
        pairs = word | SWAR.load(p, i + 1)
      } else {
        // The last word, padded with 'x', which none of the tests below notice.
        let count = n - i
        if n >= 8 {
          word = SWAR.load(p, n - 8) >> (64 - 8 * count) | (0x78 &* SWAR.ones) << (8 * count)
        } else {
          var padded: UInt64 = 0x78 &* SWAR.ones
          withUnsafeMutableBytes(of: &padded) { bytes in
            for k in 0..<count { bytes[k] = p[i + k] }
          }
          word = UInt64(littleEndian: padded)
        }
        pairs = word | (word >> 8 | 0x78 << 56)
      }
      untidy |= SWAR.equal(pairs, 0x20)
      if SWAR.notPrintable(word) == 0 {
        i += 8
        continue
      }
      let low = Self.controls(word)
      if low != 0 {
        // TAB and LF are fine; around a LF, blanks and a third LF in a row are not.
        let lfs = SWAR.equal(word, 0x0A)
        let tabs = SWAR.equal(word, 0x09)
        let others = low & ~lfs & ~tabs
        if others != 0 { characters.addControls(i..<min(i + 8, n)) }
        if lfs != 0 { untidy |= Self.untidyAroundLFs(p, i, n, lfs) }
      }
      let high = word & SWAR.highBits
      if SWAR.equal(word, 0x7F) != 0 { characters.addControls(i..<min(i + 8, n)) }
      if high == 0 {
        i += 8
        continue
      }
      // Each character once, at its lead byte (bits 7 and 6 set); the continuation bytes are
      // counted, so that one without its lead (invalid UTF-8) is noticed.
      highBytes += Int(((high >> 7) &* SWAR.ones) >> 56)  // a popcount of the high bits
      var leads = (word & (word << 1) & SWAR.highBits) >> 7
      while leads != 0 {
        let j = i + leads.trailingZeroBitCount >> 3
        leads &= leads - 1
        if j >= n { break }
        decodedBytes += characters.add(at: j, of: p, count: n, table: table)
      }
      i += 8
    }
    // Each character is looked up as the scan does it (``TextFeatures/Characters``): what the
    // kernel changed is how the bytes are read.
    return characters.features(of: p, count: n, untidy: untidy != 0, invalidUTF8: decodedBytes != highBytes)
  }

  /// Nonzero when a LF of the word at `i` (its high bits in `lfs`) has a space or TAB
  /// before or after it, or ends a third LF in a row.
  private static func untidyAroundLFs(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int, _ lfs: UInt64) -> UInt64 {
    var bits = lfs >> 7
    while bits != 0 {
      let j = i + bits.trailingZeroBitCount >> 3
      bits &= bits - 1
      if j >= n { break }
      if j > 0 && (p[j - 1] == 0x20 || p[j - 1] == 0x09) { return 1 }
      if j + 1 < n && (p[j + 1] == 0x20 || p[j + 1] == 0x09) { return 1 }
      if j >= 2 && p[j - 1] == 0x0A && p[j - 2] == 0x0A { return 1 }
    }
    return 0
  }

  /// The high bit of each byte of `word` below 0x20 (C0 controls, TAB and LF included).
  private static func controls(_ word: UInt64) -> UInt64 {
    SWAR.zeroBytes(word & (0xE0 &* SWAR.ones))
  }
}
