import Testing

@testable import CorpusFilters

/// ``TokenHash`` against its definition computed byte by byte, for tokens of every length class
/// at every distance from the end of a buffer and around the 16-byte blocks of long inputs, and
/// free of collisions on many distinct tokens and lines (near-duplicates included).
@Suite struct TokenHashTests {
  /// The multiplier of the 8-to-16-byte combination.
  static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
  /// wyhash's secrets, xored into the folded words of long inputs.
  static let secrets: (UInt64, UInt64) = (0xA076_1D64_78BD_642F, 0xE703_7ED1_A0B4_28DB)

  /// The high and low halves of `a × b`, xored.
  static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
    let product = a.multipliedFullWidth(by: b)
    return product.high ^ product.low
  }

  /// The hash as documented (`dac_token_hash.h`), from the bytes alone.
  static func reference(_ bytes: [UInt8]) -> UInt64 {
    func littleEndian(_ eight: ArraySlice<UInt8>) -> UInt64 {
      eight.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * $1.offset) }
    }
    let count = bytes.count
    if count < 8 { return MurmurHash3.fmix64(littleEndian(bytes[...]) | UInt64(count) << 56) }
    if count <= 16 {
      let first = MurmurHash3.fmix64(littleEndian(bytes[0..<8])) &+ UInt64(count)
      return MurmurHash3.fmix64(first &* multiplier ^ littleEndian(bytes[(count - 8)...]))
    }
    var h: UInt64 = 0
    var i = 0
    while i + 16 < count {
      h = fold(
        littleEndian(bytes[i..<i + 8]) ^ secrets.0 ^ h,
        littleEndian(bytes[i + 8..<i + 16]) ^ secrets.1)
      i += 16
    }
    let tail = littleEndian(bytes[(count - 8)...]) ^ secrets.1 ^ UInt64(count)
    return MurmurHash3.fmix64(
      fold(littleEndian(bytes[(count - 16)..<(count - 8)]) ^ secrets.0 ^ h, tail))
  }

  @Test(arguments: [1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 40, 48, 49, 100, 1000])
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

  @Test func distinctLinesHaveDistinctHashes() {
    var generator = SplitMix64(seed: 9)
    var lines = Set<[UInt8]>()
    let base = Array(randomText(words: 40, rng: &generator).utf8)
    // Every prefix and every one-byte change of one line, then random lines.
    for i in base.indices {
      lines.insert(Array(base[..<i]))
      var changed = base
      changed[i] ^= 0x01
      lines.insert(changed)
    }
    while lines.count < 200_000 {
      lines.insert(Array(randomText(words: Int.random(in: 1...30, using: &generator), rng: &generator).utf8))
    }
    let hashes = Set(lines.map { $0.withUnsafeBufferPointer { TokenHash.hash($0) } })
    #expect(hashes.count == lines.count)
    #expect([UInt8]().withUnsafeBufferPointer { TokenHash.hash($0) } == 0)
  }
}
