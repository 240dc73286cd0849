import Testing

@testable import WordPiece

@Suite struct ByteCountTableTests {
  /// The table's keys and counts; a key listed twice fails the test.
  static func contents(_ table: ByteCountTable, sourceLocation: SourceLocation = #_sourceLocation) -> [[UInt8]: Int64] {
    var result: [[UInt8]: Int64] = [:]
    table.forEach { bytes, count in
      #expect(
        result.updateValue(count, forKey: Array(bytes)) == nil, "key listed twice", sourceLocation: sourceLocation)
    }
    return result
  }

  static func add(_ word: [UInt8], _ amount: Int64 = 1, to table: inout ByteCountTable) {
    word.withUnsafeBufferPointer { table.add($0.baseAddress!, $0.count, amount) }
  }

  /// `count` words of 1…40 bytes from a small alphabet (so that words repeat and share
  /// prefixes) that includes 0x00 and 0xFF.
  static func randomWords(_ count: Int, seed: UInt64) -> [[UInt8]] {
    var rng = SplitMix64(state: seed)
    let alphabet: [UInt8] = [0x00, 0x61, 0x62, 0x65, 0xC3, 0xA6, 0xFF]
    return (0..<count).map { _ in
      let length = 1 + Int(rng.next() % 3 == 0 ? rng.next() % 40 : rng.next() % 6)
      return (0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
    }
  }

  @Test("Equals a dictionary on random words, with amounts above 1", arguments: [1, 2, 3] as [UInt64])
  func randomWords(seed: UInt64) {
    var table = ByteCountTable()
    var reference: [[UInt8]: Int64] = [:]
    var total: Int64 = 0
    var rng = SplitMix64(state: seed)
    for word in Self.randomWords(20_000, seed: seed) {
      let amount = Int64(1 + rng.next() % 5)
      Self.add(word, amount, to: &table)
      reference[word, default: 0] += amount
      total += amount
    }
    #expect(Self.contents(table) == reference)
    #expect(table.count == reference.count)
    #expect(table.total == total)
  }

  @Test(
    "Keys up to the inline length, at it and beyond",
    arguments: [1, 2, 3, 4, 7, 8, 9, 15, 16, 17, 19, 20, 21, 24, 64, 1000])
  func lengths(n: Int) {
    // Keys of n bytes differing in one byte at each position, and their prefixes and
    // extensions by a NUL byte (same words but for the length).
    var keys: [[UInt8]] = []
    for position in 0..<min(n, 24) {
      var key = [UInt8](repeating: 0x61, count: n)
      key[position] = 0x62
      keys.append(key)
    }
    keys.append([UInt8](repeating: 0x61, count: n))
    keys.append([UInt8](repeating: 0x61, count: n) + [0])
    if n > 1 { keys.append([UInt8](repeating: 0x61, count: n - 1)) }
    var table = ByteCountTable()
    for (k, key) in keys.enumerated() {
      for _ in 0...k { Self.add(key, to: &table) }
    }
    let expected = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($0.element, Int64($0.offset + 1)) })
    #expect(Self.contents(table) == expected)
  }

  @Test("Keys that share a home slot probe past each other, short and long")
  func collisions() {
    // Keys whose hashes agree in their low 12 bits share a home slot in every table of up to
    // 4096 slots.
    var short: [[UInt8]] = []
    var long: [[UInt8]] = []
    var candidate: UInt64 = 0
    while short.count < 24 || long.count < 8 {
      candidate += 1
      let bytes = withUnsafeBytes(of: candidate.littleEndian) { Array($0) }
      if short.count < 24 {
        let key = Array("ord".utf8) + bytes
        let hash = key.withUnsafeBufferPointer { ShortKey($0.baseAddress!, $0.count).hash }
        if hash & 0xFFF == 0x5A5 { short.append(key) }
      }
      if long.count < 8 {
        let key = Array("et langt sammensat ord ".utf8) + bytes
        if key.withUnsafeBufferPointer({ hashBytes($0.baseAddress!, $0.count) }) & 0xFFF == 0x5A5 { long.append(key) }
      }
    }
    var table = ByteCountTable()
    var expected: [[UInt8]: Int64] = [:]
    for round in 1...3 {
      for (k, key) in (short + long).enumerated() where k % round == 0 {
        Self.add(key, Int64(k + 1), to: &table)
        expected[key, default: 0] += Int64(k + 1)
      }
    }
    #expect(Self.contents(table) == expected)
  }

  @Test("Batches count like single adds, with repeats and new keys inside a batch")
  func batches() {
    let words = Self.randomWords(5_000, seed: 7).map { Array($0.prefix(ShortKey.maxLength)) }
    var single = ByteCountTable()
    var batched = ByteCountTable()
    var keys: [ShortKey] = []
    for word in words {
      Self.add(word, to: &single)
      keys.append(word.withUnsafeBufferPointer { ShortKey($0.baseAddress!, $0.count) })
      if keys.count == 64 || word.count == 1 {  // batches of several sizes
        keys.withUnsafeBufferPointer { batched.add($0) }
        keys.removeAll()
      }
    }
    keys.withUnsafeBufferPointer { batched.add($0) }
    #expect(Self.contents(batched) == Self.contents(single))
    #expect(batched.total == single.total)
    #expect(batched.count == single.count)
  }

  @Test("Growth keeps every key")
  func growth() {
    var table = ByteCountTable()
    for i in 0..<100_000 { Self.add(Array("w\(i)".utf8), Int64(i % 3 + 1), to: &table) }
    #expect(table.count == 100_000)
    let contents = Self.contents(table)
    #expect(contents.count == 100_000)
    #expect((0..<100_000).allSatisfy { contents[Array("w\($0)".utf8)] == Int64($0 % 3 + 1) })
  }

  @Test("Merging adds every count: into an empty table, an overlapping one, a copy of itself")
  func merging() {
    var a = ByteCountTable()
    var b = ByteCountTable()
    var expected: [[UInt8]: Int64] = [:]
    for (k, word) in Self.randomWords(20_000, seed: 11).enumerated() {
      let amount = Int64(k % 4 + 1)
      if k % 3 == 0 { Self.add(word, amount, to: &a) } else { Self.add(word, amount, to: &b) }
      expected[word, default: 0] += amount
    }
    var empty = ByteCountTable()
    empty.add(contentsOf: a)
    #expect(Self.contents(empty) == Self.contents(a))
    var ab = a
    ab.add(contentsOf: b)
    #expect(Self.contents(ab) == expected)
    #expect(ab.total == a.total + b.total)
    var doubled = a
    doubled.add(contentsOf: a)
    #expect(Self.contents(doubled) == Self.contents(a).mapValues { 2 * $0 })
    #expect(doubled.count == a.count)
  }

  @Test("A large table merges into an empty one in linear time")
  func largeMerge() {
    var large = ByteCountTable()
    for i in 0..<100_000 { Self.add(Array("ord\(i)".utf8), to: &large) }
    var merged = ByteCountTable()
    merged.add(contentsOf: large)
    #expect(merged.count == 100_000)
    #expect(Self.contents(merged) == Self.contents(large))
  }

  @Test("Copies are independent")
  func copyOnWrite() {
    let empty = ByteCountTable()
    var a = empty
    Self.add(Array("æble".utf8), to: &a)
    Self.add(Array("et meget langt sammensat ord".utf8), to: &a)
    var b = a
    Self.add(Array("æble".utf8), 2, to: &b)
    Self.add(Array("pære".utf8), to: &b)
    #expect(Self.contents(a) == [Array("æble".utf8): 1, Array("et meget langt sammensat ord".utf8): 1])
    #expect(
      Self.contents(b) == [
        Array("æble".utf8): 3, Array("pære".utf8): 1, Array("et meget langt sammensat ord".utf8): 1,
      ])
    Self.add(Array("et meget langt sammensat ord".utf8), 5, to: &a)
    #expect(Self.contents(b)[Array("et meget langt sammensat ord".utf8)] == 1)
    #expect(Self.contents(empty).isEmpty)
    #expect(empty.count == 0)
  }

  @Test("A key read in whole words equals one read without touching other bytes", arguments: 1...ShortKey.maxLength)
  func wideRead(n: Int) {
    var rng = SplitMix64(state: UInt64(n))
    for _ in 0..<100 {
      let bytes = (0..<24).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
      bytes.withUnsafeBufferPointer { buffer in
        let exact = ShortKey(buffer.baseAddress!, n)
        let wide = ShortKey(readingTwentyFour: buffer.baseAddress!, n)
        #expect(
          [exact.key0, exact.key1, exact.key2, exact.hash] == [wide.key0, wide.key1, wide.key2, wide.hash])
      }
    }
  }
}
