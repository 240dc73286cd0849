import CorpusText
import Testing

@Suite struct ChunkingTests {
  /// Random multi-line text with everything the normalizer repairs and transliterates.
  static func sample() -> [UInt8] {
    var rng = SplitMix64(seed: 11)
    let extras = [
      "&amp;", "&aring;", "&#8211;", "pÃ¥", "â€™", "\u{A0}", "  ", "\u{200B}", "\r", "\u{AD}", "\u{FEFF}", "e\u{301}",
      "\n\n\n",
    ]
    var text = ""
    for _ in 0..<400 {
      var line = randomText(&rng, maximum: 20)
      for _ in 0..<Int.random(in: 0...3, using: &rng) {
        line += extras[Int.random(in: 0..<extras.count, using: &rng)] + randomText(&rng, maximum: 4)
      }
      text += line + "\n"
    }
    return Array(text.utf8) + Array("last line without LF – ”".utf8)
  }

  static func normalize(_ input: [UInt8], chunk: Int) throws -> [UInt8] {
    var stream = LineStreamNormalizer(try TextNormalizer())
    var output: [UInt8] = []
    var start = 0
    try input.withUnsafeBytes { bytes in
      while start < bytes.count {
        let end = min(bytes.count, start + chunk)
        try stream.write(UnsafeRawBufferPointer(rebasing: bytes[start..<end])) { output.append(contentsOf: $0) }
        start = end
      }
      try stream.finish { output.append(contentsOf: $0) }
    }
    return output
  }

  @Test("The output does not depend on how the input is chunked", arguments: [1, 2, 3, 7, 64, 4096, Int.max])
  func chunking(_ chunk: Int) throws {
    let input = Self.sample()
    let expected = try Self.normalize(input, chunk: Int.max)
    #expect(try Self.normalize(input, chunk: chunk) == expected)
  }

  @Test("A line in is a line out, each normalized on its own")
  func lineForLine() throws {
    let input = Self.sample()
    let output = try Self.normalize(input, chunk: 4096)
    let inputLines = input.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    let outputLines = output.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    #expect(inputLines.count == outputLines.count)
    var normalizer = try TextNormalizer()
    for (line, out) in zip(inputLines, outputLines) {
      #expect(normalizer.normalize(String(decoding: line, as: UTF8.self)) == String(decoding: out, as: UTF8.self))
    }
    #expect(output.last != UInt8(ascii: "\n"))
  }

  @Test("Documents: repairs then transliteration equal transliterating the repaired text whole, then tidying")
  func transliterationAfterRepairs() throws {
    var rng = SplitMix64(seed: 17)
    var repairOnly = NormalizeConfig()
    repairOnly.transliterate.enabled = false
    var tidyOnly = repairOnly
    tidyOnly.repair = .none
    tidyOnly.repair.enabled = true
    tidyOnly.repair.whitespace = true
    var full = try TextNormalizer()
    var repairs = try TextNormalizer(config: repairOnly)
    var tidying = try TextNormalizer(config: tidyOnly)
    let transliterator = try Transliterator()
    for _ in 0..<2000 {
      let lines = (0..<Int.random(in: 1...4, using: &rng)).map { _ in
        Int.random(in: 0..<3, using: &rng) == 0 ? "" : randomText(&rng, maximum: 12)
      }
      let document = lines.joined(separator: "\n")
      let expected = tidying.normalize(transliterator.transliterate(repairs.normalize(document)))
      #expect(full.normalize(document) == expected, "\(document.unicodeScalars.map { String($0.value, radix: 16) })")
    }
  }

  @Test("Documents: the result does not depend on what the normalizer saw before")
  func noStateBetweenDocuments() throws {
    var rng = SplitMix64(seed: 5)
    let documents = (0..<300).map { _ in randomText(&rng, maximum: 30) }
    var shared = try TextNormalizer()
    for document in documents {
      var fresh = try TextNormalizer()
      #expect(shared.normalize(document) == fresh.normalize(document))
    }
  }
}
