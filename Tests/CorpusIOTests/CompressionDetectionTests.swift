import CorpusIO
import Testing

@Suite("Compression detection by magic bytes")
struct CompressionDetectionTests {
  @Test(
    "magic numbers",
    arguments: [
      ([0x1F, 0x8B], Compression.gzip),
      ([0x1F, 0x8B, 0x08, 0x00], .gzip),
      ([0x28, 0xB5, 0x2F, 0xFD], .zstd),
      ([0x50, 0x2A, 0x4D, 0x18], .zstd),  // skippable frame first (pzstd)
      ([0x5F, 0x2A, 0x4D, 0x18], .zstd),
      (Array("BZh9".utf8), .bzip2),
      (Array("BZh1".utf8), .bzip2),
      (Array("BZh0".utf8), .none),
      (Array("BZh".utf8), .none),
      ([0x1F], .none),
      ([0x28, 0xB5, 0x2F], .none),
      ([], .none),
      (Array("{\"id\"".utf8), .none),
      ([0x60, 0x2A, 0x4D, 0x18], .none),
    ] as [([UInt8], Compression)])
  func magic(prefix: [UInt8], expected: Compression) {
    #expect(Compression.detect(prefix) == expected)
  }

  @Test(
    "file names do not matter, only contents",
    arguments: [
      ("gzip-named.txt", Compression.gzip),
      ("zstd-named.bz2", .zstd),
      ("bzip2-named.gz", .bzip2),
      ("plain-named.gz", .none),
    ])
  func misnamedFiles(name: String, expected: Compression) throws {
    let input = try Compression.openDecoded(path: Fixture.path(name))
    #expect(input.compression == expected)
    let result = drain(input.source)
    #expect(result.error == nil)
    #expect(String(decoding: result.bytes, as: UTF8.self) == "hej verden\nanden linje\n")
  }

  @Test(
    "sniffing loses no bytes, whatever the chunking", arguments: chunkSizes,
    [0, 1, 2, 3, 4, 5, 100])
  func sniffKeepsBytes(chunkSize: Int, length: Int) throws {
    let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 0x42) }
    let (replay, compression) = try Compression.sniff(MemorySource(bytes, chunkSize: chunkSize))
    #expect(compression == .none)
    #expect(drain(replay, readSize: 3).bytes == bytes)
    #expect(
      drain(try Compression.decoded(MemorySource(bytes, chunkSize: chunkSize))).bytes == bytes)
  }

  @Test("decoded(_:) decodes a stream of each format", arguments: codecs, [1, 4096])
  func decodedStream(codec: Compression, chunkSize: Int) throws {
    let input = try Compression.decodedInput(
      MemorySource(try Fixture.bytes("lines.txt.\(codec.suffix)"), chunkSize: chunkSize))
    #expect(input.compression == codec)
    #expect(drain(input.source).bytes == (try Fixture.lines()))
  }

  @Test("a missing file is missingFile")
  func missingFile() throws {
    #expect {
      _ = try Compression.openDecoded(path: "/nonexistent/dir/file.gz")
    } throws: { error in
      (error as? CorpusIOError)?.kind == .missingFile
    }
  }
}

@Suite("FileSource")
struct FileSourceTests {
  @Test("reads a whole file and knows its size")
  func readsFile() throws {
    let path = try Fixture.path("lines.txt")
    let file = try FileSource(path: path)
    #expect(file.size == Int64(try Fixture.lines().count))
    #expect(FileSource.fileSize(path) == file.size)
    let result = drain(file, readSize: 1000)
    #expect(result.bytes == (try Fixture.lines()))
    #expect(file.consumedBytes == file.size)
  }

  @Test("missing files and directories are missingFile", arguments: ["/nonexistent/x.txt", "/tmp"])
  func cannotOpen(path: String) {
    do {
      _ = try FileSource(path: path)
      Issue.record("opened \(path)")
    } catch {
      #expect(error.kind == .missingFile)
      #expect(error.message.contains(path))
    }
    #expect(FileSource.fileSize(path) == nil)
  }
}
