import Testing

@testable import CorpusFilters

/// ``TokenHash`` against its definition computed byte by byte, for tokens of every length class
/// at every distance from the end of a buffer, and free of collisions on many distinct tokens.
@Suite struct TokenHashTests {
  /// The hash as documented, from the bytes alone.
  static func reference(_ bytes: [UInt8]) -> UInt64 {
    func littleEndian(_ eight: ArraySlice<UInt8>) -> UInt64 {
      eight.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * $1.offset) }
    }
    let count = bytes.count
    if count < 8 { return MurmurHash3.fmix64(littleEndian(bytes[...]) | UInt64(count) << 56) }
    if count <= 16 {
      let first = MurmurHash3.fmix64(littleEndian(bytes[0..<8])) &+ UInt64(count)
      return MurmurHash3.fmix64(first &* TokenHash.multiplier ^ littleEndian(bytes[(count - 8)...]))
    }
    return XXHash64.hash(bytes)
  }

  @Test(arguments: [1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 40])
  func equalsTheDefinitionAtEveryDistanceFromTheEnd(count: Int) {
    var generator = SplitMix64(seed: UInt64(count))
    for _ in 0..<20 {
      let token = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
      let expected = Self.reference(token)
      for after in 0...9 {
        let buffer = [0x41] + token + Array(repeating: 0x20, count: after)
        buffer.withUnsafeBufferPointer { b in
          let p = b.baseAddress! + 1
          #expect(TokenHash.hash(p, count: count, readable: count + after) == expected, "after \(after)")
        }
      }
      #expect(token.withUnsafeBufferPointer { TokenHash.hash($0) } == expected)
      if count < 8 {
        let garbage = UInt64.random(in: 0...UInt64.max, using: &generator) << (8 * UInt64(count))
        let word = token.enumerated().reduce(garbage) { $0 | UInt64($1.element) << (8 * $1.offset) }
        #expect(TokenHash.short(word, count: count) == expected)
      }
    }
  }

  @Test func distinctTokensHaveDistinctHashes() {
    var generator = SplitMix64(seed: 5)
    var tokens = Set<[UInt8]>()
    // Every token of one and two bytes, and many random ones of every length class.
    for a in 0...255 {
      tokens.insert([UInt8(a)])
      for b in 0...255 { tokens.insert([UInt8(a), UInt8(b)]) }
    }
    let alphabet = Array("etaoinsrdlæøå. ".utf8)
    while tokens.count < 300_000 {
      let count = Int.random(in: 3...24, using: &generator)
      tokens.insert((0..<count).map { _ in alphabet.randomElement(using: &generator)! })
    }
    let hashes = Set(tokens.map { $0.withUnsafeBufferPointer { TokenHash.hash($0) } })
    #expect(hashes.count == tokens.count)
  }
}
