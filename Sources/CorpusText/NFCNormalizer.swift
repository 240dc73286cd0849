import CICUShim

/// Unicode NFC over UTF-8 that leaves text alone unless a character could change: only the
/// segment from the last stable character (NFC_QC = Yes, combining class 0) before such a
/// character to the next stable one goes through ICU's NFC.
struct NFCNormalizer {
  private var source: [UInt16] = []
  private var normalized: [UInt16] = []

  /// Appends the NFC form of `input` to `output` and returns how many segments changed;
  /// when none did, appends nothing.
  ///
  /// - Complexity: O(n); one table look-up per non-ASCII character, ICU only around
  ///   characters that are not NFC-stable (combining marks, compatibility singletons, …).
  mutating func normalize(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Int {
    guard let p = input.baseAddress else { return 0 }
    let n = input.count
    var changed = 0
    var emitted = 0
    var lastStable = -1  // start of the last stable character at or after `emitted`
    var i = 0
    while i < n {
      if p[i] < 0xCC {  // ASCII and U+0080–U+02FF (all NFC-stable), or a stray byte
        if p[i] < 0x80 || p[i] >= 0xC0 { lastStable = i }
        i += 1
        continue
      }
      let (value, length) = UTF8Scalars.decode(p, i, n)
      if UnicodeTables.properties(value) & UnicodeTables.nfcStable != 0 {
        lastStable = i
        i += length
        continue
      }
      let segmentStart = lastStable >= emitted ? lastStable : i
      var segmentEnd = i + length
      while segmentEnd < n {
        let (next, nextLength) = UTF8Scalars.decode(p, segmentEnd, n)
        if UnicodeTables.properties(next) & UnicodeTables.nfcStable != 0 { break }
        segmentEnd += nextLength
      }
      if normalizeSegment(p + segmentStart, segmentEnd - segmentStart) {
        output.append(contentsOf: UnsafeBufferPointer(start: p + emitted, count: segmentStart - emitted))
        var k = 0
        while k < normalized.count {
          let unit = normalized[k]
          if unit & 0xFC00 == 0xD800 && k + 1 < normalized.count {
            UTF8Scalars.append(0x10000 + (UInt32(unit & 0x3FF) << 10 | UInt32(normalized[k + 1] & 0x3FF)), to: &output)
            k += 2
          } else {
            UTF8Scalars.append(UInt32(unit), to: &output)
            k += 1
          }
        }
        emitted = segmentEnd
        changed += 1
      }
      i = segmentEnd
    }
    if changed > 0 { output.append(contentsOf: UnsafeBufferPointer(start: p + emitted, count: n - emitted)) }
    return changed
  }

  /// NFC of `p[0..<count]` into `normalized`; whether it differs from the input.
  private mutating func normalizeSegment(_ p: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    source.removeAll(keepingCapacity: true)
    UTF8Scalars.appendUTF16(p, 0, count, to: &source)
    var capacity = source.count * 3 + 16
    for _ in 0..<4 {
      normalized = Array(repeating: 0, count: capacity)
      var status: Int32 = 0
      let length = source.withUnsafeBufferPointer { s in
        normalized.withUnsafeMutableBufferPointer { d in
          dac_nfc_normalize(s.baseAddress, Int32(s.count), d.baseAddress, Int32(d.count), &status)
        }
      }
      if status == DAC_ICU_BUFFER_OVERFLOW {
        capacity = Int(length) + 16
        continue
      }
      guard status <= 0 else { return false }  // ICU failed: leave the segment as it is
      normalized.removeSubrange(Int(length)...)
      return normalized != source
    }
    return false
  }
}
