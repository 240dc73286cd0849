import CTextKernels
import Testing

@testable import CorpusText

/// ``TextFeatures/scan(_:table:skippingDanishLetters:variant:)`` against
/// ``ReferenceTextFeatures``, with every kernel variant this CPU runs, stepping over `æøåÆØÅ` in
/// the kernel or not: the same features and trigger span for random texts of the pieces each
/// byte class must notice, and for each such piece at every offset around the 64-byte blocks.
@Suite struct TextFeaturesKernelTests {
  /// The kernel variants this CPU runs.
  static let variants = [DAC_TEXT_FEATURES_PORTABLE, DAC_TEXT_FEATURES_AVX2].filter {
    dac_text_features_variant_available($0) != 0
  }

  /// The default kept set (`æøåÆØÅ` plain) and one that keeps none of them.
  let tables = [
    CharacterTable(keep: NormalizeConfig().transliterate.keepSet), CharacterTable(keep: KeepSet("§")),
  ]

  /// Controls, DEL, TAB, LF runs, spaces, Danish letters, other non-ASCII characters,
  /// mojibake and invalid UTF-8 (stray, truncated, overlong and surrogate sequences).
  static let pieces: [[UInt8]] =
    [
      "æ", "ø", "å", "Æ", "Ø", "Å", "é", "ü", "©", "½", "«", "»", "“", "”", "–", "…", "·", "\u{A0}", "\u{200B}",
      "Ã¦", "Ã¸", "Ã¥", "â€“", "\u{FFFD}", "a\u{301}", "😀", "Ω", "ж", "中",
    ].map { Array($0.utf8) } + [
      [0xC3], [0xA6], [0x80], [0xBF], [0xC0, 0x80], [0xC2], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xF0, 0x9F],
      [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xC3, 0xC3, 0xA6], [0xC3, 0xA6, 0xC3], [0xC3, 0xA6, 0xC2, 0xB8],
      [0xC3, 0xB8, 0xE2, 0x80, 0x93], [0xC3, 0x86, 0x80], [0x00], [0x01], [0x1F], [0x7F], [0x09], [0x0A],
      [0x0A, 0x0A], [0x0A, 0x0A, 0x0A], [0x20, 0x0A], [0x0A, 0x20], [0x09, 0x0A], [0x0A, 0x09], [0x20], [0x20, 0x20],
      [0x20, 0x00], [0x00, 0x20], [0x0D],
    ]

  /// Expects the kernel's scan of `text` to equal the reference's, every way it can run.
  static func expectSame(_ text: UnsafeBufferPointer<UInt8>, _ table: CharacterTable) {
    let expected = ReferenceTextFeatures.scan(text, table: table)
    for variant in variants {
      for skipping in table.danishLettersArePlain ? [false, true] : [false] {
        let found = TextFeatures.scan(text, table: table, skippingDanishLetters: skipping, variant: variant)
        #expect(found.features.rawValue == expected.features.rawValue, "\(variant) \(skipping) \(Array(text))")
        #expect(found.triggers == expected.triggers, "\(variant) \(skipping) \(Array(text))")
      }
    }
  }

  @Test(arguments: 0..<8)
  func randomTextsScanAsTheReferenceDoes(seed: UInt64) {
    var rng = SplitMix64(seed: 500 + seed)
    let words = Array("Hun så en lille by med træer og Ærø på øen ".utf8)
    for _ in 0..<150 {
      var bytes: [UInt8] = []
      let length = Int(rng.next() % 400)
      while bytes.count < length {
        switch rng.next() % 8 {
        case 0: bytes += Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))]
        case 1: bytes.append(UInt8(truncatingIfNeeded: rng.next()))
        default:
          let start = Int(rng.next() % UInt64(words.count))
          bytes += words[start..<min(words.count, start + 1 + Int(rng.next() % 70))]
        }
      }
      bytes.withUnsafeBufferPointer { buffer in
        for start in [0, 1, 3] where start <= buffer.count {
          for table in tables { Self.expectSame(UnsafeBufferPointer(rebasing: buffer[start...]), table) }
        }
      }
    }
  }

  /// Each piece at every offset of plain Danish text around one and two blocks, in texts that
  /// end at, before and after the piece.
  @Test(arguments: 0..<pieces.count)
  func eachPieceAtEveryOffset(piece: Int) {
    let filler = Array(String(repeating: "Det er en god dag på Ærø i år ", count: 6).utf8)
    for offset in 0..<140 {
      var bytes = Array(filler[..<offset])
      bytes += Self.pieces[piece]
      bytes += filler[offset...]
      bytes.withUnsafeBufferPointer { buffer in
        for end in [offset, offset + Self.pieces[piece].count, offset + Self.pieces[piece].count + 1, buffer.count] {
          for table in tables { Self.expectSame(UnsafeBufferPointer(rebasing: buffer[..<end]), table) }
        }
      }
    }
  }

  /// Texts of only one piece, repeated, of every length up to three blocks: runs of LFs,
  /// spaces, controls, letters, invalid bytes.
  @Test(arguments: 0..<pieces.count)
  func runsOfOnePiece(piece: Int) {
    let run = Array(repeatElement(Self.pieces[piece], count: 200).joined())
    run.withUnsafeBufferPointer { buffer in
      for end in 0...200 {
        for table in tables { Self.expectSame(UnsafeBufferPointer(rebasing: buffer[..<end]), table) }
      }
    }
  }

  /// Texts with more non-ASCII characters than the kernel leaves to the caller at once.
  @Test func manyLeadsAtOnce() {
    let bytes = Array(String(repeating: "é“ü”ø", count: 300).utf8) + [0xC3]
    bytes.withUnsafeBufferPointer { buffer in
      for table in tables { Self.expectSame(buffer, table) }
    }
  }
}
