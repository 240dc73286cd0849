import CorpusIO
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// ``MappedInput``: the rest of a regular file on a descriptor, or `nil` for anything else.
@Suite struct MappedInputTests {
  @Test("Maps from the descriptor's offset to the end and leaves the descriptor at the end", arguments: [0, 1, 4095, 4096, 5000, 30000])
  func mapsTheRest(offset: Int) throws {
    let path = try Fixture.path("lines.txt")
    let expected = try Fixture.lines()
    let fd = open(path, O_RDONLY)
    try #require(fd >= 0)
    defer { close(fd) }
    #expect(lseek(fd, off_t(offset), SEEK_SET) == off_t(offset))
    let input = try #require(MappedInput(descriptor: fd))
    #expect(Array(input.bytes) == Array(expected[offset...]))
    #expect(lseek(fd, 0, SEEK_CUR) == off_t(expected.count))
  }

  @Test("An empty rest maps to no bytes")
  func emptyRest() throws {
    let path = try Fixture.path("lines.txt")
    let fd = open(path, O_RDONLY)
    try #require(fd >= 0)
    defer { close(fd) }
    _ = lseek(fd, 0, SEEK_END)
    let input = try #require(MappedInput(descriptor: fd))
    #expect(input.bytes.isEmpty)
  }

  @Test("A pipe is not mapped and nothing is consumed")
  func pipe() throws {
    let pipe = Pipe()
    pipe.fileHandleForWriting.write(Data("abc".utf8))
    try pipe.fileHandleForWriting.close()
    #expect(MappedInput(descriptor: pipe.fileHandleForReading.fileDescriptor) == nil)
    #expect(pipe.fileHandleForReading.readDataToEndOfFile() == Data("abc".utf8))
  }
}
