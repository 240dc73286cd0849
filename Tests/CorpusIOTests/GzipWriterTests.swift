import CorpusIO
import Foundation
import Testing

@Suite("GzipWriter and AtomicFile")
struct GzipWriterTests {
  /// Seeded test data: compressible text with some random bytes mixed in.
  private static func sample(count: Int, seed: UInt64) -> [UInt8] {
    var rng = SplitMix64(seed: seed)
    let words = ["æble ", "øl ", "år ", "og ", "i ", "at ", "det ", "\n"].map { Array($0.utf8) }
    var out: [UInt8] = []
    out.reserveCapacity(count + 8)
    while out.count < count {
      if rng.next() % 50 == 0 {
        out.append(UInt8(truncatingIfNeeded: rng.next()))
      } else {
        out += words[Int(rng.next() % UInt64(words.count))]
      }
    }
    return Array(out.prefix(count))
  }

  @Test(
    "round trip through GzipDecoder for every write size and level",
    arguments: [1, 100, 4096, 70_000, 1 << 20], [Int32(0), 1, 6, 9])
  func roundTrip(writeSize: Int, level: Int32) throws {
    let data = Self.sample(count: 300_000, seed: UInt64(writeSize) &* 31 &+ UInt64(level))
    let dir = try TemporaryDirectory()
    let path = dir.file("out.gz")
    let writer = try GzipWriter(path: path, level: level)
    var offset = 0
    while offset < data.count {
      let end = min(offset + writeSize, data.count)
      try writer.write(Array(data[offset..<end]))
      offset = end
    }
    try writer.finish()
    #expect(writer.bytesIn == Int64(data.count))
    #expect(writer.bytesOut == FileSource.fileSize(path))
    let input = try Compression.openDecoded(path: path)
    #expect(input.compression == .gzip)
    let result = drain(input.source)
    #expect(result.error == nil)
    #expect(result.bytes == data)
  }

  @Test("gzip -dc reads what GzipWriter wrote")
  func readableByGzip() throws {
    let data = Self.sample(count: 500_000, seed: 7)
    let dir = try TemporaryDirectory()
    let path = dir.file("for-gzip.jsonl.gz")
    let writer = try GzipWriter(path: path)
    try writer.write("første linje\n")
    try writer.write(data)
    try writer.finish(sync: true)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["gzip", "-dc", path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect([UInt8](output) == Array("første linje\n".utf8) + data)
  }

  @Test("an empty file is a valid gzip stream of nothing")
  func emptyOutput() throws {
    let dir = try TemporaryDirectory()
    let writer = try GzipWriter(path: dir.file("empty.gz"))
    try writer.finish()
    let result = drain(try Compression.openDecoded(path: dir.file("empty.gz")).source)
    #expect(result.error == nil)
    #expect(result.bytes.isEmpty)
  }

  @Test("equal input gives equal bytes (no name or time in the header)")
  func deterministic() throws {
    let dir = try TemporaryDirectory()
    for name in ["a.gz", "b.gz"] {
      let writer = try GzipWriter(path: dir.file(name), level: 9)
      try writer.write(Self.sample(count: 10_000, seed: 1))
      try writer.finish()
    }
    #expect(try Fixture.contents(dir.file("a.gz")) == (try Fixture.contents(dir.file("b.gz"))))
  }

  @Test("writing after finish, bad levels and unwritable paths are writeFailed")
  func misuse() throws {
    let dir = try TemporaryDirectory()
    let writer = try GzipWriter(path: dir.file("x.gz"))
    try writer.finish()
    #expect(throws: CorpusIOError.self) { try writer.write([1, 2, 3]) }
    #expect(throws: CorpusIOError.self) { try writer.finish() }
    #expect(throws: CorpusIOError.self) { _ = try GzipWriter(path: dir.file("y.gz"), level: 10) }
    #expect(throws: CorpusIOError.self) { _ = try GzipWriter(path: dir.file("no/such/dir/z.gz")) }
  }

  @Test("AtomicFile: temporary name beside the target, commit renames, abandon removes")
  func atomicFile() throws {
    let dir = try TemporaryDirectory()
    let target = AtomicFile(path: dir.file("part-0001.jsonl.gz"))
    #expect(
      target.temporaryPath
        == dir.file(".part-0001.jsonl.gz.tmp-\(ProcessInfo.processInfo.processIdentifier)"))
    #expect(AtomicFile(path: "bare.gz").temporaryPath.hasPrefix(".bare.gz.tmp-"))

    let writer = try GzipWriter(path: target.temporaryPath)
    try writer.write("{\"id\":1}\n")
    try writer.finish()
    #expect(FileSource.fileSize(target.path) == nil, "nothing under the final name before commit")
    try target.commit()
    #expect(FileSource.fileSize(target.temporaryPath) == nil)
    let result = drain(try Compression.openDecoded(path: target.path).source)
    #expect(result.bytes == Array("{\"id\":1}\n".utf8))

    let abandoned = AtomicFile(path: dir.file("other.gz"))
    let second = try GzipWriter(path: abandoned.temporaryPath)
    try second.write("half")
    abandoned.abandon()
    #expect(FileSource.fileSize(abandoned.temporaryPath) == nil)
    #expect(FileSource.fileSize(abandoned.path) == nil)
    #expect(throws: CorpusIOError.self) { try abandoned.commit() }
  }
}

extension Fixture {
  static func contents(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
  }
}
