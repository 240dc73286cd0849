import Testing

@testable import CorpusFilters

/// ``XXHash64/hashPadded(_:count:seed:)`` equals the one-shot hash at every length, whatever
/// the slack bytes after the input hold.
@Suite struct XXHash64PaddedTests {
  @Test(arguments: Array(0..<40) + [63, 64, 100])
  func paddedEqualsTheHash(count: Int) {
    var rng = SplitMix64(seed: UInt64(count) &+ 11)
    for _ in 0..<20 {
      // 8 readable bytes after the input, as the padded path requires.
      let input = (0..<count + 8).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
      for seed in [0, 2_654_435_761, rng.next()] {
        input.withUnsafeBytes { raw in
          let expected = XXHash64.hash(UnsafeRawBufferPointer(rebasing: raw[0..<count]), seed: seed)
          #expect(raw.baseAddress.map { XXHash64.hashPadded($0, count: count, seed: seed) } == expected)
        }
      }
    }
  }

  @Test func paddedEqualsTheHashOfNormalizedWords() {
    let texts = randomTexts(
      count: 300, seed: 3, pieces: danishWords + ["ÆBLER", "2024", "abcdefghijklmnopqrstuvwxyz0123456789"],
      separators: [" ", ", ", "\n"], maxPieces: 30, separatorChance: 0.9)
    var normalizer = LineNormalizer()
    for text in texts {
      for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
        var form = Array(normalizer.normalized(word).utf8)
        let count = form.count
        form += [UInt8](repeating: 0xFF, count: 8)
        let padded = form.withUnsafeBytes { XXHash64.hashPadded($0.baseAddress!, count: count, seed: 42) }
        #expect(padded == XXHash64.hash(Array(form[0..<count]), seed: 42), "\(word)")
      }
    }
  }
}
