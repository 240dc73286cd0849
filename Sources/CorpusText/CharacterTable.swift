/// The property bits of every code point for one kept set.
///
/// ``UnicodeTables``' bits plus ``kept``. BMP code points are a 64 KiB table look-up; others ask
/// ICU.
///
/// Immutable after creation; shared by a worker's ``Transliterator`` and ``TextNormalizer``.
final class CharacterTable {
  /// Kept by transliteration (printable ASCII, TAB, LF, the configured characters).
  static let kept: UInt8 = 0x01

  let keep: KeepSet
  /// Bits of each BMP code point.
  let bits: UnsafeMutablePointer<UInt8>
  /// Whether every configured kept character is NFC-stable (so it can never combine with a
  /// neighbour under normalization).
  let keptAreStable: Bool
  /// Whether `æøåÆØÅ` are kept, Latin, NFC-stable and not cleanable, as with the default kept
  /// set: then ``TextFeatures`` has nothing to note about them, as about ASCII letters.
  let danishLettersArePlain: Bool

  init(keep: KeepSet) {
    self.keep = keep
    let bits = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x10000)
    UnicodeTables.bmp.withUnsafeBufferPointer { base in
      bits.initialize(from: base.baseAddress!, count: 0x10000)
    }
    // Kept: the always-kept ASCII and the configured characters (all others are not).
    for value in Array(0..<0x80) + keep.extra.map(\.value) where value < 0x10000 && keep.contains(value) {
      bits[Int(value)] |= Self.kept
    }
    self.bits = bits
    danishLettersArePlain = [0xE6, 0xF8, 0xE5, 0xC6, 0xD8, 0xC5].allSatisfy { (value: Int) in
      let f = bits[value]
      return f & Self.kept != 0 && f & UnicodeTables.otherScript == 0 && f & UnicodeTables.nfcStable != 0
        && f & UnicodeTables.cleanable == 0
    }
    keptAreStable = keep.extra.allSatisfy { UnicodeTables.properties($0.value) & UnicodeTables.nfcStable != 0 }
  }

  deinit { bits.deallocate() }

  /// The bits of `value`.
  @inline(__always)
  func flags(_ value: UInt32) -> UInt8 {
    if value < 0x10000 { return bits[Int(value)] }
    return UnicodeTables.compute(value) | (keep.contains(value) ? Self.kept : 0)
  }

  /// Whether a character starts a run for ICU: not kept, or kept but of a script (not Latin,
  /// Common or Inherited) whose transliterator could change its neighbours.
  @inline(__always)
  static func isTrigger(_ f: UInt8) -> Bool {
    f & kept == 0 || f & UnicodeTables.otherScript != 0
  }
}
