import Foundation
import Testing

@testable import CorpusFilters

@Suite struct BinaryFileTests {
  /// An array of integers and a string are written as their elements one by one would be:
  /// little-endian, the string as its UTF-8.
  @Test func arraysAndStringsWriteTheirBytes() throws {
    try withTemporaryDirectory { (dir: String) throws in
      let values: [UInt32] = [0, 1, 0x0102_0304, .max]
      let bulk = try written(in: dir, "bulk") { (writer) throws(FilterError) in
        try writer.write(values)
        try writer.write(utf8: "id-æø")
        try writer.write([UInt8](arrayLiteral: 9, 8))
      }
      let single = try written(in: dir, "single") { (writer) throws(FilterError) in
        for value in values { try writer.write(value) }
        for byte in Array("id-æø".utf8) + [9, 8] { try writer.write(byte) }
      }
      #expect(bulk == single)
      #expect(bulk.prefix(12) == [0, 0, 0, 0, 1, 0, 0, 0, 4, 3, 2, 1])
    }
  }

  private func written(
    in dir: String, _ name: String, _ body: (BinaryFileWriter) throws(FilterError) -> Void
  ) throws -> [UInt8] {
    let path = "\(dir)/\(name)"
    let writer = try BinaryFileWriter(path: path, bufferSize: 8)
    try body(writer)
    try writer.close()
    return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
  }
}
