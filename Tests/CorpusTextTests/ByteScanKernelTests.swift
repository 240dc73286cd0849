import CByteScan
import Testing

@testable import CorpusText

/// The SSE2 kernels of `CByteScan` against the byte loops they stand in for:
/// `SWAR.skipPrintableASCII` and `dacorpus_find_space_pair` stop where a byte loop stops.
@Suite struct ByteScanKernelTests {
  /// Bytes drawn mostly from letters and spaces, with Danish letters and the bytes each test
  /// must notice.
  static func randomBytes(_ rng: inout SplitMix64, count: Int) -> [UInt8] {
    let rare: [UInt8] = [0x00, 0x09, 0x0A, 0x1F, 0x7E, 0x7F, 0x80, 0xA0, 0xC3, 0xA6, 0xFF]
    let letters = ["æ", "ø", "å", "Æ", "Ø", "Å", "é"].map { Array($0.utf8) }
    var bytes: [UInt8] = []
    while bytes.count < count {
      switch rng.next() % 64 {
      case 0: bytes.append(rare[Int(rng.next() % UInt64(rare.count))])
      case 1..<3: bytes += letters[Int(rng.next() % UInt64(letters.count))]
      case 3..<14: bytes.append(0x20)
      default: bytes.append(UInt8(0x21 + rng.next() % 0x5E))
      }
    }
    return bytes
  }

  /// Calls `body` with 400 random byte strings (seeded by `seed`) and each start offset up to 20.
  static func forEachStart(seed: UInt64, _ body: (UnsafeBufferPointer<UInt8>, _ start: Int) -> Void) {
    var rng = SplitMix64(seed: seed)
    for _ in 0..<400 {
      let bytes = randomBytes(&rng, count: Int(rng.next() % 120))
      bytes.withUnsafeBufferPointer { buffer in
        for start in 0...min(buffer.count, 20) { body(buffer, start) }
      }
    }
  }

  @Test(arguments: 0..<4)
  func printableASCIISkipStopsAtTheFirstOtherByte(seed: UInt64) {
    Self.forEachStart(seed: 200 + seed) { buffer, start in
      guard let p = buffer.baseAddress else { return }
      let expected = buffer[start...].firstIndex { $0 < 0x20 || $0 > 0x7E } ?? buffer.count
      #expect(SWAR.skipPrintableASCII(p, start, buffer.count) == expected)
      // Stepping over Danish letters too: it stops at a byte that is not printable ASCII,
      // and passes only printable ASCII and whole `æøåÆØÅ` on the way.
      let stop = SWAR.skipPrintableASCII(p, start, buffer.count, danishLetters: true)
      #expect(stop == buffer.count || buffer[stop] < 0x20 || buffer[stop] > 0x7E)
      var k = start
      while k < stop {
        if buffer[k] >= 0x20 && buffer[k] <= 0x7E {
          k += 1
        } else {
          #expect(k + 1 < stop && buffer[k] == 0xC3 && [0xA5, 0xA6, 0xB8, 0x85, 0x86, 0x98].contains(buffer[k + 1]))
          k += 2
        }
      }
    }
  }

  @Test(arguments: 0..<4)
  func spacePairSearchStopsAtTheFirstPair(seed: UInt64) {
    Self.forEachStart(seed: 300 + seed) { buffer, start in
      guard let p = buffer.baseAddress else { return }
      let n = buffer.count
      let pair = (start..<max(start, n - 1)).first { buffer[$0] == 0x20 && buffer[$0 + 1] == 0x20 }
      let found = dacorpus_find_space_pair(p, start, n)
      if found + 17 <= n {
        #expect(found == pair)  // stopped inside the blocks it looks at: at the first pair
      } else {
        #expect(pair.map { $0 >= found } ?? true)  // no pair before the tail it leaves
      }
    }
  }

  /// Stepping over `æøåÆØÅ` inside blocks changes nothing the scan reports, wherever the
  /// letters stand: next to each other, to controls, spaces, LFs, other non-ASCII characters,
  /// mojibake, stray continuation bytes, or across a block's end.
  @Test(arguments: 0..<8)
  func featureScanIsTheSameSteppingOverDanishLetters(seed: UInt64) throws {
    let table = CharacterTable(keep: NormalizeConfig().transliterate.keepSet)
    #expect(table.danishLettersArePlain)
    let pieces: [[UInt8]] = [
      Array("æ".utf8), Array("ø".utf8), Array("å".utf8), Array("Æ".utf8), Array("Ø".utf8), Array("Å".utf8),
      Array("é".utf8), Array("–".utf8), Array("\u{A0}".utf8), Array("Ã¦".utf8), Array("\u{FFFD}".utf8),
      Array("a\u{301}".utf8), [0xC3], [0xA6], [0x80], [0x09], [0x0A], [0x7F], [0x00], [0x20], [0x20, 0x20],
    ]
    var rng = SplitMix64(seed: 400 + seed)
    for _ in 0..<300 {
      var bytes: [UInt8] = []
      while bytes.count < Int(rng.next() % 200) {
        if rng.next() % 3 == 0 {
          bytes += pieces[Int(rng.next() % UInt64(pieces.count))]
        } else {
          bytes += Array("Hun så en lille by med træer ".utf8).prefix(1 + Int(rng.next() % 12))
        }
      }
      bytes.withUnsafeBufferPointer { buffer in
        for start in [0, 1, 5] where start <= buffer.count {
          let text = UnsafeBufferPointer(rebasing: buffer[start...])
          let stepped = TextFeatures.scan(text, table: table, skippingDanishLetters: true)
          let plain = TextFeatures.scan(text, table: table, skippingDanishLetters: false)
          #expect(stepped.features.rawValue == plain.features.rawValue, "\(Array(text))")
          #expect(stepped.triggers == plain.triggers, "\(Array(text))")
        }
      }
    }
  }
}
