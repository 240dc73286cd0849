import Testing

@testable import WordPiece

@Suite struct WordCountsTests {
  static let text = [
    "Der var engang en konge, der havde tre døtre.",
    "Kongen sagde: »Den, der finder ringen, får prinsessen!«",
    "ÆBLER og æbler og Æbler",
    "",
    "der der der",
  ]

  @Test("Counts the words the encoder sees", arguments: [false, true])
  func counts(lowercase: Bool) {
    let options = WordPieceOptions(lowercase: lowercase)
    var counts = WordCounts(options: options)
    for line in Self.text { counts.add(line) }
    let splitter = BertPreTokenizer(options: options)
    var oracle: [String: Int64] = [:]  // ASCII-and-NFC text only, so String keys are safe here
    for line in Self.text { for word in splitter.words(in: line) { oracle[word, default: 0] += 1 } }
    let entries = counts.sortedEntries()
    #expect(entries.count == oracle.count)
    for (word, count) in entries { #expect(oracle[String(decoding: word, as: UTF8.self)] == count) }
    #expect(counts.totalWords == oracle.values.reduce(0, +))
  }

  @Test(
    "Counts long texts exactly: many batches, long words, words rebuilt by normalization", arguments: [false, true])
  func longTexts(lowercase: Bool) {
    let options = WordPieceOptions(lowercase: lowercase)
    let pieces = [
      "og", "Æble", "kat", "SKOLE", "arbejdsmarkedsuddannelserne", "Café", "e\u{301}", "x", "2024",
      "hjemmeside-designere", "ab\u{AD}c", "uforholdsmæssigt", "bjørnebærbuske", "!", "中文", "ka", "katte",
    ]
    var rng = SplitMix64(state: 21)
    var texts: [String] = []
    for _ in 0..<40 {
      let words = (0..<Int(rng.next() % 400)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }
      texts.append(words.joined(separator: rng.next() % 2 == 0 ? " " : ", "))
    }
    var counts = WordCounts(options: options)
    var oracle: [[UInt8]: Int64] = [:]
    let splitter = BertPreTokenizer(options: options)
    for text in texts {
      counts.add(text)
      for word in splitter.words(in: text) { oracle[Array(word.utf8), default: 0] += 1 }
    }
    let entries = counts.sortedEntries()
    #expect(entries.count == oracle.count)
    #expect(Dictionary(entries.map { ($0.word, $0.count) }, uniquingKeysWith: +) == oracle)
    #expect(entries.map(\.word) == oracle.keys.sorted { $0.lexicographicallyPrecedes($1) }, "sorted by bytes")
    #expect(counts.totalWords == oracle.values.reduce(0, +))
    #expect(counts.distinctWords == oracle.count)
  }

  @Test("Merging is commutative and equals counting everything at once")
  func merging() {
    let options = WordPieceOptions()
    var all = WordCounts(options: options)
    var first = WordCounts(options: options)
    var second = WordCounts(options: options)
    for (i, line) in Self.text.enumerated() {
      all.add(line)
      if i % 2 == 0 { first.add(line) } else { second.add(line) }
    }
    var ab = first
    ab.merge(second)
    var ba = second
    ba.merge(first)
    #expect(ab.serialized() == ba.serialized())
    #expect(ab.serialized() == all.serialized())
  }

  @Test("Sidecars round-trip; corrupt ones are errors")
  func sidecars() throws {
    var counts = WordCounts(options: WordPieceOptions(lowercase: true))
    for line in Self.text { counts.add(line) }
    counts.add(word: Array("e\u{301}".utf8), count: 3)
    counts.add(word: Array("\u{E9}".utf8), count: 5)  // a different word: bytes, not String equality
    let bytes = counts.serialized()
    let back = try WordCounts(serialized: bytes)
    #expect(back.options == counts.options)
    #expect(back.serialized() == bytes)
    #expect(back.distinctWords == counts.distinctWords)
    #expect(throws: WordPieceError.self) { try WordCounts(serialized: Array("nonsense".utf8)) }
    #expect(throws: WordPieceError.self) { try WordCounts(serialized: Array(bytes.dropLast(1))) }
  }

  @Test("Many distinct words: the table grows and keeps every count")
  func growth() {
    var counts = WordCounts(options: WordPieceOptions())
    for i in 0..<50_000 { counts.add(word: Array("w\(i)".utf8), count: Int64(i % 7 + 1)) }
    for i in stride(from: 0, to: 50_000, by: 2) { counts.add(word: Array("w\(i)".utf8)) }
    #expect(counts.distinctWords == 50_000)
    var total: Int64 = 0
    counts.forEach { _, count in total += count }
    #expect(total == counts.totalWords)
    var expected: Int64 = 25_000
    for i in 0..<50_000 { expected += Int64(i % 7 + 1) }
    #expect(total == expected)
  }
}
