import CorpusIO
import Foundation
import Testing

@Suite struct ReadAheadSourceTests {
  static let bytes: [UInt8] = (0..<100_003).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 7) }

  /// Reads `source` with reads of `readSize` bytes.
  static func drain(_ source: any ByteSource, readSize: Int) throws(CorpusIOError) -> [UInt8] {
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: readSize, alignment: 1)
    defer { buffer.deallocate() }
    var out: [UInt8] = []
    while true {
      let n = try source.read(into: buffer)
      if n == 0 { return out }
      out += UnsafeRawBufferPointer(rebasing: buffer[0..<n])
    }
  }

  @Test(arguments: [(1, 7, 1), (64, 1000, 2), (4096, 4096, 3), (100_003, 65536, 4), (3, 100, 2)])
  func deliversTheSameBytesInOrder(chunk: Int, readSize: Int, blockKiB: Int) throws {
    let source = ReadAheadSource(MemorySource(Self.bytes, chunkSize: chunk), bufferSize: blockKiB * 1024, buffers: 2)
    #expect(try Self.drain(source, readSize: readSize) == Self.bytes)
    #expect(try Self.drain(source, readSize: readSize).isEmpty)
    #expect(source.consumedBytes == Int64(Self.bytes.count))
  }

  @Test func errorComesAfterTheData() throws {
    let source = ReadAheadSource(
      FailingSource(Self.bytes, chunkSize: 999, error: CorpusIOError(.truncated, "cut")), bufferSize: 4096, buffers: 3)
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 5000, alignment: 1)
    defer { buffer.deallocate() }
    var received = 0
    var caught: CorpusIOError?
    do {
      while case let n = try source.read(into: buffer), n > 0 { received += n }
    } catch {
      caught = error
    }
    #expect(received == Self.bytes.count)
    #expect(caught?.kind == .truncated)
    #expect(try source.read(into: buffer) == 0)
  }

  @Test func abandoningMidStreamStopsTheThread() throws {
    for _ in 0..<50 {
      let source = ReadAheadSource(MemorySource(Self.bytes, chunkSize: 100), bufferSize: 512, buffers: 2)
      let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 10, alignment: 1)
      _ = try source.read(into: buffer)
      buffer.deallocate()
    }
  }

  @Test func decodingGzipAheadMatchesDirectDecoding() throws {
    var text: [UInt8] = []
    for i in 0..<20_000 { text += Array("linje \(i) med æøå\n".utf8) }
    let path = "/tmp/dacorpus-readahead-\(getpid()).gz"
    let writer = try GzipWriter(path: path)
    try writer.write(text)
    try writer.finish()
    defer { unlink(path) }
    let ahead = ReadAheadSource(try Compression.openDecoded(path: path).source, bufferSize: 8192, buffers: 3)
    let lines = LineReader(ahead, chunkSize: 333)
    var count = 0
    while let line = try lines.next() {
      #expect(String(decoding: line, as: UTF8.self) == "linje \(count) med æøå")
      count += 1
    }
    #expect(count == 20_000)
  }
}
