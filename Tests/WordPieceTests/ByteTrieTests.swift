import Testing

@testable import WordPiece

@Suite struct ByteTrieTests {
  @Test("Lookups agree with a dictionary on random keys; other strings are absent")
  func randomKeys() {
    var rng = SplitMix64(state: 7)
    var oracle: [[UInt8]: Int32] = [:]
    var keys: [(key: [UInt8], value: Int32)] = []
    for value in 0..<20_000 {
      let length = Int.random(in: 1...12, using: &rng)
      // A small alphabet makes shared prefixes, and bytes 0xC3/0xA6 make non-ASCII labels.
      let key = (0..<length).map { _ in
        [0x61, 0x62, 0x63, 0x23, 0xC3, 0xA6, 0xFF][Int.random(in: 0..<7, using: &rng)] as UInt8
      }
      keys.append((key, Int32(value)))
      oracle[key] = Int32(value)  // the later value wins, as in the trie
    }
    let trie = ByteTrie(keys)
    #expect(trie.count == oracle.count)
    for (key, value) in oracle { #expect(trie.value(of: key) == value) }
    for _ in 0..<5000 {
      let probe = (0..<Int.random(in: 1...13, using: &rng)).map { _ in UInt8.random(in: 0x60...0x64, using: &rng) }
      #expect(trie.value(of: probe) == oracle[probe])
    }
  }

  @Test("Bytes decide: NFC and NFD spellings are distinct keys")
  func canonicalEquivalents() {
    let nfc = Array("\u{E9}".utf8)
    let nfd = Array("e\u{301}".utf8)
    let trie = ByteTrie([(nfc, 1), (nfd, 2), (Array("e".utf8), 3)])
    #expect(trie.value(of: nfc) == 1)
    #expect(trie.value(of: nfd) == 2)
    #expect(trie.value(of: Array("e".utf8)) == 3)
    #expect(trie.value(of: Array("\u{301}".utf8)) == nil)
  }

  @Test("An empty trie and an empty key")
  func emptyCases() {
    let empty = ByteTrie([])
    #expect(empty.value(of: Array("a".utf8)) == nil)
    let withEmptyKey = ByteTrie([([], 4), (Array("a".utf8), 5)])
    #expect(withEmptyKey.value(of: []) == 4)
    #expect(withEmptyKey.value(of: Array("a".utf8)) == 5)
  }

  @Test("Removing a value keeps the keys below it")
  func removeValue() throws {
    var trie = ByteTrie([(Array("ab".utf8), 1), (Array("abc".utf8), 2)])
    let node = try #require(trie.walk(Array("ab".utf8)))
    trie.removeValue(at: node)
    #expect(trie.value(of: Array("ab".utf8)) == nil)
    #expect(trie.value(of: Array("abc".utf8)) == 2)
  }
}

/// SplitMix64: a seeded generator for repeatable tests.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
