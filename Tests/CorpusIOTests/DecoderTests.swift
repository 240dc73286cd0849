import CorpusIO
import Testing

@Suite("Decoders: gzip, zstd, bzip2")
struct DecoderTests {
  @Test(
    "single stream decodes to the original at every input chunking", arguments: codecs, chunkSizes)
  func singleStream(codec: Compression, chunkSize: Int) throws {
    let compressed = try Fixture.bytes("lines.txt.\(codec.suffix)")
    let decoder = try codec.decoder(over: MemorySource(compressed, chunkSize: chunkSize))
    let result = drain(decoder)
    #expect(result.error == nil)
    #expect(result.bytes == (try Fixture.lines()))
    #expect(decoder.consumedBytes == Int64(compressed.count))
  }

  @Test(
    "multi-member gzip, multi-frame zstd (with skippable frames), multi-stream bzip2",
    arguments: codecs, chunkSizes)
  func multiStream(codec: Compression, chunkSize: Int) throws {
    let compressed = try Fixture.bytes("multi.\(codec.suffix)")
    let decoder = try codec.decoder(over: MemorySource(compressed, chunkSize: chunkSize))
    let result = drain(decoder)
    #expect(result.error == nil)
    #expect(result.bytes == (try Fixture.lines()))
    #expect(decoder.consumedBytes == Int64(compressed.count))
  }

  @Test(
    "output does not depend on the caller's read size", arguments: codecs,
    [1, 3, 100, 65536, 1 << 20])
  func readSizes(codec: Compression, readSize: Int) throws {
    let compressed = try Fixture.bytes("multi.\(codec.suffix)")
    let decoder = try codec.decoder(over: MemorySource(compressed, chunkSize: 777))
    let result = drain(decoder, readSize: readSize)
    #expect(result.error == nil)
    #expect(result.bytes == (try Fixture.lines()))
  }

  @Test("a tiny input buffer still decodes everything", arguments: codecs)
  func tinyInputBuffer(codec: Compression) throws {
    let source = MemorySource(try Fixture.bytes("multi.\(codec.suffix)"))
    let decoder: any ByteSource =
      switch codec {
      case .gzip: try GzipDecoder(source, inputBufferSize: 16)
      case .zstd: try ZstdDecoder(source, inputBufferSize: 16)
      default: try Bzip2Decoder(source, inputBufferSize: 16)
      }
    let result = drain(decoder, readSize: 1000)
    #expect(result.error == nil)
    #expect(result.bytes == (try Fixture.lines()))
  }

  @Test("an empty input is a truncated stream", arguments: codecs)
  func emptyInput(codec: Compression) throws {
    let result = drain(try codec.decoder(over: MemorySource([])))
    #expect(result.bytes.isEmpty)
    #expect(result.error?.kind == .truncated)
    #expect(result.error?.offset == 0)
  }

  // MARK: - Truncation

  @Test(
    "a cut stream delivers the same prefix of the data at every chunking and read size, then throws truncated",
    arguments: codecs, [0.1, 0.5, 0.9, 0.999])
  func truncated(codec: Compression, fraction: Double) throws {
    let compressed = try Fixture.bytes("lines.txt.\(codec.suffix)")
    let original = try Fixture.lines()
    let cut = Array(compressed[0..<Int(Double(compressed.count) * fraction)])
    var reference: [UInt8]?
    for chunkSize in chunkSizes {
      for readSize in [1, 100, 1 << 16] {
        let result = drain(try codec.decoder(over: MemorySource(cut, chunkSize: chunkSize)), readSize: readSize)
        let error = try #require(result.error, "chunk size \(chunkSize), read size \(readSize)")
        #expect(error.kind == .truncated)
        #expect(error.offset == Int64(result.bytes.count), "offset is the decoded bytes delivered")
        #expect(error.message.contains("compressed offset \(cut.count)"), "\(error.message)")
        #expect(result.bytes.count < original.count || fraction > 0.99)
        #expect(
          Array(original.prefix(result.bytes.count)) == result.bytes, "delivered bytes are good data")
        if let reference {
          #expect(result.bytes == reference, "chunk size \(chunkSize), read size \(readSize): the same prefix")
        } else {
          reference = result.bytes
        }
      }
    }
  }

  @Test("gzip cut inside the trailer delivers all data, then truncated")
  func gzipCutTrailer() throws {
    let compressed = try Fixture.bytes("lines.txt.gz")
    let result = drain(try GzipDecoder(MemorySource(Array(compressed.dropLast(3)))))
    #expect(result.bytes == (try Fixture.lines()))
    #expect(result.error?.kind == .truncated)
    #expect(result.error?.offset == Int64(result.bytes.count))
  }

  @Test(
    "a cut second member of a multi-member stream is truncated after the first", arguments: codecs)
  func truncatedSecondMember(codec: Compression) throws {
    let compressed = try Fixture.bytes("multi.\(codec.suffix)")
    let result = drain(
      try codec.decoder(over: MemorySource(Array(compressed.dropLast(40)), chunkSize: 5)))
    #expect(result.error?.kind == .truncated)
    #expect(result.bytes.count >= 30000, "members before the cut are delivered whole")
    #expect(Array(try Fixture.lines().prefix(result.bytes.count)) == result.bytes)
  }

  // MARK: - Corruption

  @Test("a damaged checksum delivers all data, then throws corrupt", arguments: codecs)
  func badChecksum(codec: Compression) throws {
    var compressed = try Fixture.bytes("lines.txt.\(codec.suffix)")
    // gzip: CRC32 in the 8-byte trailer; zstd: the 4-byte content checksum; bzip2: the
    // combined stream CRC just before the final padding bits.
    let index =
      switch codec {
      case .gzip: compressed.count - 6
      case .zstd: compressed.count - 2
      default: compressed.count - 3
      }
    compressed[index] ^= 0x55
    for chunkSize in [1, 4096, Int.max] {
      let result = drain(try codec.decoder(over: MemorySource(compressed, chunkSize: chunkSize)))
      let error = try #require(result.error)
      #expect(error.kind == .corrupt, "\(error)")
      #expect(error.offset == Int64(result.bytes.count))
      // gzip checks the CRC after all data; zstd may hold back its last block until the
      // checksum is read; bzip2 checks each block's CRC before the stream CRC.
      let original = try Fixture.lines()
      if codec == .gzip {
        #expect(result.bytes == original)
      } else {
        #expect(Array(original.prefix(result.bytes.count)) == result.bytes)
      }
    }
  }

  @Test("bytes flipped inside the data are corrupt", arguments: codecs, [0.3, 0.6])
  func flippedData(codec: Compression, fraction: Double) throws {
    var compressed = try Fixture.bytes("lines.txt.\(codec.suffix)")
    let index = Int(Double(compressed.count) * fraction)
    for i in index..<(index + 8) { compressed[i] ^= 0xA5 }
    let result = drain(try codec.decoder(over: MemorySource(compressed, chunkSize: 1000)))
    let error = try #require(result.error)
    #expect(error.kind == .corrupt, "\(error)")
    #expect(error.offset == Int64(result.bytes.count))
  }

  @Test("a bad gzip header is corrupt")
  func badGzipHeader() throws {
    var compressed = try Fixture.bytes("lines.txt.gz")
    compressed[2] = 7  // compression method must be 8 (deflate)
    let result = drain(try GzipDecoder(MemorySource(compressed)))
    #expect(result.bytes.isEmpty)
    #expect(result.error?.kind == .corrupt)
  }

  @Test("data that is not in the format at all is corrupt", arguments: codecs)
  func notCompressed(codec: Compression) throws {
    let result = drain(try codec.decoder(over: MemorySource(Array("just some plain text\n".utf8))))
    #expect(result.bytes.isEmpty)
    #expect(result.error?.kind == .corrupt)
  }

  // MARK: - Trailing bytes

  @Test("zero padding after the last gzip member is ignored", arguments: chunkSizes)
  func gzipZeroPadding(chunkSize: Int) throws {
    let compressed = try Fixture.bytes("padded.gz")
    let decoder = try GzipDecoder(MemorySource(compressed, chunkSize: chunkSize))
    let result = drain(decoder)
    #expect(result.error == nil)
    #expect(result.bytes == (try Fixture.part0()))
    #expect(decoder.consumedBytes == Int64(compressed.count))
  }

  @Test(
    "trailing garbage after a complete stream is corrupt, after all good data",
    arguments: ["garbage.gz", "padded-garbage.gz", "garbage.zst", "garbage.bz2"], [1, 7, Int.max])
  func trailingGarbage(fixture: String, chunkSize: Int) throws {
    let compressed = try Fixture.bytes(fixture)
    let source = MemorySource(compressed, chunkSize: chunkSize)
    let decoder = try Compression.decoded(source)
    let result = drain(decoder)
    #expect(result.bytes == (try Fixture.part0()))
    let error = try #require(result.error)
    #expect(error.kind == .corrupt)
    #expect(error.offset == 30000)
  }

  // MARK: - Errors from the inner source

  @Test(
    "a read error of the inner source is passed on after the data decoded so far", arguments: codecs
  )
  func innerError(codec: Compression) throws {
    let compressed = try Fixture.bytes("lines.txt.\(codec.suffix)")
    let failure = CorpusIOError(.readFailed, "disk on fire", offset: 1234)
    // 95%: past the end of bzip2's first 100 kB block.
    let source = FailingSource(
      Array(compressed.prefix(compressed.count * 95 / 100)), chunkSize: 100, error: failure)
    let result = drain(try codec.decoder(over: source))
    #expect(result.error == failure)
    #expect(!result.bytes.isEmpty)
    #expect(Array(try Fixture.lines().prefix(result.bytes.count)) == result.bytes)
  }

  @Test("decoding from a file through FileSource", arguments: codecs)
  func fromFile(codec: Compression) throws {
    let input = try Compression.openDecoded(path: Fixture.path("multi.\(codec.suffix)"))
    #expect(input.compression == codec)
    let result = drain(input.source)
    #expect(result.error == nil)
    #expect(result.bytes == (try Fixture.lines()))
    #expect(input.source.consumedBytes == input.compressedSize)
  }

  @Test("a zstd frame with a window above the limit is tooLarge")
  func zstdWindowLimit() throws {
    let compressed = try Fixture.bytes("lines.txt.zst")  // -19: window 8 MiB > 1 KiB limit
    let result = drain(try ZstdDecoder(MemorySource(compressed), maxWindowLog: 10))
    #expect(result.error?.kind == .tooLarge)
  }
}
