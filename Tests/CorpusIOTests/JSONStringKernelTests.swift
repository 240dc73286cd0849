import CJSONKernels
import Testing

/// `dac_json_string_content` against a byte loop, with every kernel variant this CPU runs: for
/// random texts of the pieces a run must stop at or pass, from every start and for every
/// length, the run ends at the loop's stop or, short of it, only where fewer than 33 bytes
/// remain, and tells whether it passed a non-ASCII byte.
@Suite struct JSONStringKernelTests {
  /// The kernel variants this CPU runs.
  static let variants = [DAC_JSON_STRING_PORTABLE, DAC_JSON_STRING_AVX2].filter {
    dac_json_string_variant_available($0) != 0
  }

  /// Plain ASCII and two-byte sequences, and what must stop a run: quotes, backslashes,
  /// controls, longer sequences, and ill-formed bytes (stray, truncated, overlong, surrogate).
  static let pieces: [[UInt8]] =
    ["Velkommen til ", "a", "æ", "ø", "å", "Æ", "é", "\u{80}", "\u{7FF}", "–", "😀", "中", "\u{7F}", " "].map {
      Array($0.utf8)
    } + [
      [0x22], [0x5C], [0x00], [0x0A], [0x1F], [0xC3], [0xA6], [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2],
      [0xDF], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5], [0xFF], [0xC3, 0xC3, 0xA6],
      [0xC3, 0x41],
    ]

  /// Where the run from `from` ends, byte by byte: at the first byte that is neither plain
  /// ASCII nor the lead of a whole two-byte sequence.
  static func referenceEnd(_ text: [UInt8], from: Int) -> Int {
    var i = from
    while i < text.count {
      let c = text[i]
      if c < 0x80 {
        if c == 0x22 || c == 0x5C || c < 0x20 { return i }
        i += 1
      } else if (0xC2...0xDF).contains(c) && i + 1 < text.count && (0x80...0xBF).contains(text[i + 1]) {
        i += 2
      } else {
        return i
      }
    }
    return i
  }

  /// Expects every variant's run from `from` over the first `count` bytes of `text` to agree
  /// with ``referenceEnd(_:from:)``.
  static func expectAgreement(_ text: [UInt8], from: Int, count: Int) {
    let prefix = Array(text[..<count])
    let expected = referenceEnd(prefix, from: from)
    for variant in variants {
      let run = prefix.withUnsafeBufferPointer { dac_json_string_content(variant, $0.baseAddress, from, count) }
      let end = run.end
      #expect(end >= from && end <= expected, "variant \(variant), from \(from), count \(count): \(prefix)")
      #expect(end == expected || end + 33 > count, "variant \(variant) stopped early: \(end), not \(expected)")
      // The run ends where the byte loop passes.
      #expect(end == from || referenceEnd(Array(prefix[..<end]), from: from) == end)
      let nonASCII = prefix[from..<max(from, min(end, count))].contains { $0 >= 0x80 }
      #expect((run.non_ascii != 0) == nonASCII, "variant \(variant), from \(from): non-ASCII flag")
    }
  }

  @Test func randomTextsFromEveryStart() {
    var rng = SplitMix64(seed: 0x15_0C_0A_7E)
    for _ in 0..<600 {
      var text: [UInt8] = []
      let plainShare = Int.random(in: 1...20, using: &rng)
      while text.count < 140 {
        // Mostly plain pieces, so that runs get long enough to cross blocks.
        let k = Int.random(in: 0..<(Self.pieces.count + plainShare * 6), using: &rng)
        text += k < Self.pieces.count ? Self.pieces[k] : Self.pieces[k % 6]
      }
      for from in 0..<40 where from == 0 || !(0x80...0xBF).contains(text[from]) {
        Self.expectAgreement(text, from: from, count: text.count)
        Self.expectAgreement(text, from: from, count: from + 33 + Int.random(in: 0...64, using: &rng))
      }
    }
  }

  @Test(arguments: pieces)
  func eachPieceAtEveryOffset(piece: [UInt8]) {
    // The piece after plain ASCII and Danish letters, at every offset around two blocks, then
    // a quote.
    for offset in 0..<70 {
      let filler = (0..<offset).map { k -> [UInt8] in k % 7 == 3 ? [0xC3, 0xB8] : [0x61] }.joined()
      let text = Array(filler) + piece + Array(String(repeating: "x", count: 40).utf8) + [0x22]
      for count in [text.count, min(text.count, offset + 33), min(text.count, offset + 34 + piece.count)] {
        Self.expectAgreement(text, from: 0, count: count)
      }
    }
  }
}
