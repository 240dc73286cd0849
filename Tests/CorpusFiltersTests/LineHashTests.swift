import Testing

@testable import CorpusFilters

/// ``LineHash`` against its definition computed from byte arrays, at every length around the
/// block boundaries, and free of collisions on many distinct lines (near-duplicates included).
@Suite struct LineHashTests {
  /// The hash as documented, from the bytes alone.
  static func reference(_ bytes: [UInt8]) -> UInt64 {
    func word(_ at: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(bytes[at + $1]) << (8 * $1) } }
    let n = bytes.count
    if n == 0 { return 0 }
    if n <= 16 { return bytes.withUnsafeBufferPointer { TokenHash.hash($0) } }
    var h: UInt64 = 0
    var i = 0
    while i + 16 < n {
      h = LineHash.fold(word(i) ^ LineHash.secrets.0 ^ h, word(i + 8) ^ LineHash.secrets.1)
      i += 16
    }
    return MurmurHash3.fmix64(
      LineHash.fold(word(n - 16) ^ LineHash.secrets.0 ^ h, word(n - 8) ^ LineHash.secrets.1 ^ UInt64(n)))
  }

  @Test(arguments: [0, 1, 7, 8, 15, 16, 17, 31, 32, 33, 48, 49, 100, 1000])
  func equalsTheDefinition(count: Int) {
    var generator = SplitMix64(seed: UInt64(count))
    for _ in 0..<20 {
      let line = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
      #expect(line.withUnsafeBufferPointer { LineHash.hash($0) } == Self.reference(line))
    }
  }

  @Test func distinctLinesHaveDistinctHashes() {
    var generator = SplitMix64(seed: 9)
    var lines = Set<[UInt8]>()
    let base = Array(randomText(words: 40, rng: &generator).utf8)
    // Every one-byte change and every prefix of one line, then random lines.
    for i in base.indices {
      lines.insert(Array(base[..<i]))
      var changed = base
      changed[i] ^= 0x01
      lines.insert(changed)
    }
    while lines.count < 200_000 {
      lines.insert(Array(randomText(words: Int.random(in: 1...30, using: &generator), rng: &generator).utf8))
    }
    let hashes = Set(lines.map { $0.withUnsafeBufferPointer { LineHash.hash($0) } })
    #expect(hashes.count == lines.count)
  }
}
