import CICUShim

/// Keep-independent facts about every code point that the byte scanners need, read from ICU
/// once per process (about 65 536 property look-ups, a few milliseconds) and immutable after.
enum UnicodeTables {
  /// Script class bits, as ICU's `Any-Latin` sees scripts (`uscript_getScript`).
  static let latin: UInt8 = 0x02
  /// A script other than Latin, Common or Inherited.
  static let otherScript: UInt8 = 0x04
  /// NFC cannot change the character nor make it combine with a neighbour
  /// (NFC_QC = Yes and canonical combining class 0).
  static let nfcStable: UInt8 = 0x08
  /// `uconv` ends a transliteration chunk after this character (see ``isChunkEnd(_:)``).
  static let chunkEnd: UInt8 = 0x10
  /// A combining mark (general category Mn, Mc or Me).
  static let mark: UInt8 = 0x20
  /// Removed or replaced by ``CharacterCleaner``: a C1 control, an invisible formatting
  /// character or a Unicode space.
  static let cleanable: UInt8 = 0x40
  /// Encoded back to Windows-1252 or Latin-1 it is a UTF-8 continuation byte (0x80–0xBF):
  /// U+0080–U+00BF and the Windows-1252 punctuation `€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ`.
  static let mojibakeContinuation: UInt8 = 0x80

  /// The property bits of each BMP code point.
  static let bmp: [UInt8] = {
    var table = [UInt8](repeating: 0, count: 0x10000)
    for value in 0..<UInt32(0x10000) {
      table[Int(value)] = compute(value)
    }
    return table
  }()

  /// The property bits of any code point.
  @inline(__always)
  static func properties(_ value: UInt32) -> UInt8 {
    value < 0x10000 ? bmp[Int(value)] : compute(value)
  }

  /// Asks ICU for the property bits of `value`.
  static func compute(_ value: UInt32) -> UInt8 {
    var bits: UInt8 = 0
    switch dac_script_class(value) {
    case 1: bits |= latin
    case 2: bits |= otherScript
    default: break
    }
    if dac_nfc_is_stable(value) != 0 { bits |= nfcStable }
    if isChunkEnd(value) { bits |= chunkEnd }
    if dac_is_mark(value) != 0 { bits |= mark }
    if CharacterCleaner.isCleanable(value) { bits |= cleanable }
    if let byte = Windows1252.encode(value), byte >= 0x80, byte < 0xC0 { bits |= mojibakeContinuation }
    return bits
  }

  /// Whether `uconv` ends a chunk after this character.
  ///
  /// `uconv` transliterates its input in chunks, each ending after CR, LF, CRLF, U+0085, or any
  /// UTF-16 unit `u` with `u & 0x2028 == 0x2028` (its test for U+2028/U+2029, which also matches
  /// e.g. U+202F, U+20AC €, U+FF28–U+FF2F); context-sensitive rules never see across a chunk end.
  /// dacorpus keeps the same chunks so that its output equals `uconv`'s.
  static func isChunkEnd(_ value: UInt32) -> Bool {
    value == 0x0A || value == 0x0D || value == 0x85 || (value < 0x10000 && value & 0x2028 == 0x2028)
  }
}
