import CorpusIO
import Testing

@Suite("LineReader over decoders")
struct LineReaderDecoderTests {
  @Test("lines are identical for every codec and input chunking", arguments: codecs, chunkSizes)
  func linesThroughDecoder(codec: Compression, chunkSize: Int) throws {
    let original = try Fixture.lines()
    let decoder = try codec.decoder(
      over: MemorySource(try Fixture.bytes("multi.\(codec.suffix)"), chunkSize: chunkSize))
    let (lines, error) = readLines(decoder, chunkSize: 4096)
    #expect(error == nil)
    #expect(lines == oracleLines(original))
  }

  @Test("hand-written expectations: LF only; CR, U+2028, NEL stay; last line has no LF")
  func handWritten() throws {
    let input = try Compression.openDecoded(path: Fixture.path("lines.txt.gz"))
    let reader = LineReader(input.source, chunkSize: 64)
    var lines: [String] = []
    while let line = try reader.next() { lines.append(String(decoding: line, as: UTF8.self)) }
    #expect(lines.count == 3001)
    #expect(lines[3] == "linje med CR\r")
    #expect(lines[4] == "CR\rinde i linjen")
    #expect(lines[5] == "linjeskift\u{2028}U+2028 bliver i linjen")
    #expect(lines[6] == "NEL\u{85}bliver også")
    #expect(lines[7].isEmpty && lines[8].isEmpty)
    #expect(lines[100].utf8.count > 10_000)
    #expect(lines.last == "sidste linje uden LF")
    #expect(reader.lastLineUnterminated)
    #expect(reader.lineNumber == 3001)
    #expect(reader.offset == Int64(try Fixture.lines().count))
  }

  @Test(
    "a truncated stream yields its complete lines, then the error", arguments: codecs,
    [1, 64, Int.max])
  func truncatedLines(codec: Compression, chunkSize: Int) throws {
    let compressed = try Fixture.bytes("lines.txt.\(codec.suffix)")
    // 95%: past the end of bzip2's first 100 kB block.
    let cut = Array(compressed.prefix(compressed.count * 95 / 100))
    let (lines, error) = readLines(try codec.decoder(over: MemorySource(cut, chunkSize: chunkSize)))
    #expect(error?.kind == .truncated)
    let expected = oracleLines(try Fixture.lines())
    try #require(!lines.isEmpty)
    // Every line but the last (which the cut may have split) is a whole original line.
    #expect(Array(lines.dropLast()) == Array(expected.prefix(lines.count - 1)))
    #expect(lines.count < expected.count)
  }
}
