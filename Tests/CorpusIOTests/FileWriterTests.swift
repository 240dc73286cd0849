import CorpusIO
import Foundation
import Testing

@Suite("FileWriter")
struct FileWriterTests {
  @Test("the file holds every block written, in order", arguments: [[0], [1, 0, 7], [65536, 3, 1 << 20]])
  func blocks(sizes: [Int]) throws {
    let dir = try TemporaryDirectory()
    let writer = try FileWriter(path: dir.file("a.jsonl"))
    var expected: [UInt8] = []
    for (k, size) in sizes.enumerated() {
      let block = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ k) }
      try writer.write(block)
      expected += block
    }
    try writer.finish(sync: true)
    #expect(writer.bytesWritten == Int64(expected.count))
    #expect(Array(try Data(contentsOf: URL(fileURLWithPath: dir.file("a.jsonl")))) == expected)
  }

  @Test("writing or finishing after finish, and an unwritable path, are writeFailed")
  func misuse() throws {
    let dir = try TemporaryDirectory()
    let writer = try FileWriter(path: dir.file("x"))
    try writer.finish()
    #expect(throws: CorpusIOError.self) { try writer.write([1, 2, 3]) }
    #expect(throws: CorpusIOError.self) { try writer.finish() }
    let error = #expect(throws: CorpusIOError.self) { _ = try FileWriter(path: dir.file("no/such/dir/z")) }
    #expect(error?.kind == .writeFailed)
  }

  @Test(
    "a failed write is thrown again by every later call",
    .enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
  func stickyFailure() throws {
    let writer = try FileWriter(path: "/dev/full")
    let first = #expect(throws: CorpusIOError.self) { try writer.write([UInt8](repeating: 1, count: 100)) }
    #expect(first?.kind == .writeFailed)
    let again = #expect(throws: CorpusIOError.self) { try writer.write([1]) }
    #expect(again == first)
    #expect(throws: CorpusIOError.self) { try writer.finish() }
  }
}
