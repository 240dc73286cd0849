import Foundation
import Testing

@testable import CorpusFilters

/// Hash vectors from the reference implementations (Python `xxhash` 4.1 and `mmh3` 5.3), made by
/// `scripts/make_filter_eval.py --hash-vectors` into `Fixtures/hash_vectors.json`.
@Suite struct HashTests {
  struct Vectors: Decodable {
    struct Case: Decodable {
      var input_hex: String
      var xxh64_seed0: String
      var xxh64_seed2654435761: String
      var mmh3_x64_128: String
    }
    var cases: [Case]
  }

  static func bytes(hex: String) -> [UInt8] {
    var result: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
      let next = hex.index(index, offsetBy: 2)
      result.append(UInt8(hex[index..<next], radix: 16) ?? 0)
      index = next
    }
    return result
  }

  static func load() throws -> Vectors {
    let data = try Data(contentsOf: URL(fileURLWithPath: try fixturePath("hash_vectors.json")))
    return try JSONDecoder().decode(Vectors.self, from: data)
  }

  @Test func xxhash64MatchesTheReference() throws {
    let vectors = try Self.load()
    #expect(vectors.cases.count >= 10)
    for c in vectors.cases {
      let input = Self.bytes(hex: c.input_hex)
      #expect(String(XXHash64.hash(input, seed: 0), radix: 16) == c.xxh64_seed0, "\(c.input_hex)")
      #expect(String(XXHash64.hash(input, seed: 2_654_435_761), radix: 16) == c.xxh64_seed2654435761, "\(c.input_hex)")
    }
  }

  @Test func murmur3x64_128MatchesTheReference() throws {
    for c in try Self.load().cases {
      let input = Self.bytes(hex: c.input_hex)
      let hash = input.withUnsafeBytes { MurmurHash3.hash128($0) }
      #expect(hash.description == c.mmh3_x64_128, "\(c.input_hex)")
    }
  }

  @Test func knownValuesWithoutTheFixture() {
    #expect(XXHash64.hash([UInt8]()) == 0xEF46_DB37_51D8_E999)
    #expect(XXHash64.hash("abc") == 0x44BC_2CF5_AD77_0999)
    #expect(MurmurHash3.hash128("") == Hash128(low: 0, high: 0))
  }

  @Test(arguments: [1, 2, 3, 7, 31, 32, 33, 64, 1000])
  func streamingEqualsOneShotAtEveryChunking(chunk: Int) {
    var rng = SplitMix64(seed: UInt64(chunk))
    for length in [0, 1, 5, 31, 32, 33, 63, 64, 65, 200, 1024] {
      let input = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
      var hasher = XXHash64Hasher(seed: 99)
      var offset = 0
      while offset < length {
        let end = min(length, offset + chunk)
        input[offset..<end].withUnsafeBytes { hasher.update($0) }
        offset = end
      }
      #expect(hasher.finalize() == XXHash64.hash(input, seed: 99), "length \(length) chunk \(chunk)")
    }
  }

  /// A state copied after a common prefix, fed the rest as strings, hashes as the whole does
  /// (how the removal audit hashes a document's lines).
  @Test func copiedStateFedStringsEqualsOneShot() {
    var prefix = XXHash64Hasher(seed: 7)
    prefix.update("line\u{1F}oscar\u{1F}<urn:uuid:6f1c-æøå>\u{1F}")
    for suffix in ["0", "17", "123456789", String(repeating: "x", count: 40)] {
      var hasher = prefix
      hasher.update(suffix)
      let whole = "line\u{1F}oscar\u{1F}<urn:uuid:6f1c-æøå>\u{1F}" + suffix
      #expect(hasher.finalize() == XXHash64.hash(whole, seed: 7), "suffix \(suffix)")
    }
  }
}
