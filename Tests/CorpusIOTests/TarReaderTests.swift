import CorpusIO
import Testing

/// What a test expects of one member.
struct ExpectedMember: CustomStringConvertible {
  var name: String
  var kind: TarEntry.Kind
  var body: [UInt8]
  var linkName: String? = nil
  var offset: Int64? = nil

  init(
    _ name: String, _ kind: TarEntry.Kind, _ body: String = "", linkName: String? = nil,
    offset: Int64? = nil
  ) {
    self.init(name, kind, bytes: Array(body.utf8), linkName: linkName, offset: offset)
  }

  init(
    _ name: String, _ kind: TarEntry.Kind, bytes: [UInt8], linkName: String? = nil,
    offset: Int64? = nil
  ) {
    self.name = name
    self.kind = kind
    self.body = bytes
    self.linkName = linkName
    self.offset = offset
  }

  var description: String { "\(kind) \(name) (\(body.count) bytes)" }
}

private let n60 = String(repeating: "n", count: 60)
private let lang16 = String(repeating: "lang_", count: 16)

/// The tree packed into gnu.tar.gz and pax.tar by GNU tar (sorted by name).
private let treeMembers: [ExpectedMember] = [
  .init("corpus/", .directory),
  .init("corpus/._a.txt", .file, "AppleDouble\n"),
  .init("corpus/a.txt", .file, "første fil\nlinje to\n"),
  .init("corpus/link-to-a", .symlink, linkName: "a.txt"),
  .init("corpus/\(n60)/", .directory),
  .init("corpus/\(n60)/\(lang16)fil.txt", .file, "langt navn\n"),
  .init("corpus/sub/", .directory),
  .init("corpus/sub/b.txt", .file, "i en undermappe\n"),
]

private let mappe18 = String(repeating: "mappe", count: 18)
private let u30 = String(repeating: "u", count: 30)

/// ustar.tar: the deep path is split into the prefix and name fields.
private let ustarMembers: [ExpectedMember] = [
  .init("ustar/", .directory, offset: 0),
  .init("ustar/\(mappe18)/", .directory, offset: 512),
  .init("ustar/\(mappe18)/\(u30)/", .directory, offset: 1024),
  .init("ustar/\(mappe18)/\(u30)/fil.txt", .file, "ustar prefix\n", offset: 1536),
]

/// edge.tar, built by hand in scripts/make_io_fixtures.sh.
private let edgeMembers: [ExpectedMember] = [
  .init("base256.txt", .file, "base-256 size\n", offset: 1024),
  .init(
    "links/" + String(repeating: "l", count: 150), .symlink,
    linkName: "mål/" + String(repeating: "t", count: 150), offset: 2048),
  .init(
    "pax/" + String(repeating: "p", count: 120) + "/æøå.txt", .file,
    "pax size overrides the header\n",
    offset: 4608),
  .init("blåbær.txt", .file, "latin-1 name\n", offset: 6656),
  .init("empty.txt", .file, offset: 7680),
  .init("dir/", .directory, offset: 8192),
  .init("last.bin", .file, bytes: (0..<700).map { UInt8(($0 * 7) % 251) }, offset: 8704),
]

/// Lists every member of `reader` with its body (read with reads of `readSize` bytes).
private func members(_ reader: TarReader, readSize: Int = 1 << 16) throws -> [(
  entry: TarEntry, body: [UInt8]
)] {
  var result: [(TarEntry, [UInt8])] = []
  while let entry = try reader.next() {
    let drained = drain(reader.currentBody(), readSize: readSize)
    if let error = drained.error { throw error }
    result.append((entry, drained.bytes))
  }
  return result
}

private func check(
  _ actual: [(entry: TarEntry, body: [UInt8])], _ expected: [ExpectedMember],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual.map(\.entry.name) == expected.map(\.name), sourceLocation: sourceLocation)
  for (got, want) in zip(actual, expected) {
    #expect(got.entry.kind == want.kind, "\(want)", sourceLocation: sourceLocation)
    #expect(got.entry.size == Int64(want.body.count), "\(want)", sourceLocation: sourceLocation)
    #expect(got.body == want.body, "\(want)", sourceLocation: sourceLocation)
    if let link = want.linkName {
      #expect(got.entry.linkName == link, "\(want)", sourceLocation: sourceLocation)
    }
    if let offset = want.offset {
      #expect(got.entry.offset == offset, "\(want)", sourceLocation: sourceLocation)
    }
    #expect(got.entry.offset % 512 == 0, sourceLocation: sourceLocation)
  }
}

@Suite("TarReader")
struct TarReaderTests {
  @Test(
    "GNU tar: long names (L), directories, symlinks, AppleDouble entries", arguments: chunkSizes)
  func gnuArchive(chunkSize: Int) throws {
    let tar = drain(try GzipDecoder(MemorySource(try Fixture.bytes("gnu.tar.gz")))).bytes
    let reader = TarReader(MemorySource(tar, chunkSize: chunkSize))
    let listed = try members(reader)
    check(listed, treeMembers)
    #expect(
      listed.map(\.entry.isAppleDouble) == [false, true, false, false, false, false, false, false])
    #expect(listed.allSatisfy { $0.entry.modificationTime == 1_577_836_800 })
    #expect(try reader.next() == nil)
  }

  @Test("pax tar: path from the extended header", arguments: chunkSizes)
  func paxArchive(chunkSize: Int) throws {
    let reader = TarReader(MemorySource(try Fixture.bytes("pax.tar"), chunkSize: chunkSize))
    let listed = try members(reader, readSize: 5)
    check(listed, treeMembers)
    // The long member's offset is its pax header's, one block before its ustar header.
    #expect(listed[5].entry.offset == 3584)
    // Two zero blocks end the archive; the rest of the record is not read.
    #expect(reader.offset == 7168 + 1024)
  }

  @Test("ustar: name = prefix + '/' + name", arguments: chunkSizes)
  func ustarPrefix(chunkSize: Int) throws {
    check(
      try members(TarReader(MemorySource(try Fixture.bytes("ustar.tar"), chunkSize: chunkSize))),
      ustarMembers)
  }

  @Test(
    "edge cases: base-256 size, K+L long names, pax size, Latin-1 name, no end blocks",
    arguments: chunkSizes)
  func edgeCases(chunkSize: Int) throws {
    let reader = TarReader(MemorySource(try Fixture.bytes("edge.tar"), chunkSize: chunkSize))
    check(try members(reader, readSize: 100), edgeMembers)
    #expect(try reader.next() == nil)
  }

  @Test(
    "listing without reading bodies skips them", arguments: ["pax.tar", "ustar.tar", "edge.tar"])
  func skipBodies(fixture: String) throws {
    let reader = TarReader(MemorySource(try Fixture.bytes(fixture), chunkSize: 100))
    var names: [String] = []
    while let entry = try reader.next() { names.append(entry.name) }
    let expected =
      switch fixture {
      case "pax.tar": treeMembers
      case "ustar.tar": ustarMembers
      default: edgeMembers
      }
    #expect(names == expected.map(\.name))
  }

  @Test("a partly read body is skipped, and a stale body reads as empty")
  func partialBody() throws {
    let reader = TarReader(MemorySource(try Fixture.bytes("pax.tar"), chunkSize: 7))
    _ = try reader.next()
    _ = try reader.next()
    let apple = try #require(try reader.next())
    #expect(apple.name == "corpus/a.txt")
    let body = reader.currentBody()
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 3, alignment: 1)
    defer { buffer.deallocate() }
    #expect(try body.read(into: buffer) == 3)
    #expect(Array(buffer) == Array("før".utf8.prefix(3)))
    #expect(body.consumedBytes == 3)
    #expect(try reader.next()?.name == "corpus/link-to-a")
    #expect(try body.read(into: buffer) == 0)
    #expect(try reader.next()?.kind == .directory)
  }

  @Test("a gzip member inside a bzip2 tar decodes through Compression.decoded")
  func nestedCompression() throws {
    let input = try Compression.openDecoded(path: Fixture.path("nested.tar.bz2"))
    #expect(input.compression == .bzip2)
    let reader = TarReader(input.source)
    #expect(try reader.next()?.name == "nested/")
    let member = try #require(try reader.next())
    #expect(member.name == "nested/lines.txt.gz")
    let decoded = try Compression.decodedInput(reader.currentBody())
    #expect(decoded.compression == .gzip)
    #expect(drain(decoded.source).bytes == (try Fixture.lines()))
    #expect(try reader.next() == nil)
  }

  @Test("readCurrentBody respects its limit")
  func bodyLimit() throws {
    let reader = TarReader(MemorySource(try Fixture.bytes("edge.tar")))
    while let entry = try reader.next(), entry.name != "last.bin" {}
    #expect(throws: CorpusIOError.self) { try reader.readCurrentBody(limit: 100) }
  }

  // MARK: - Damage

  @Test("a body cut short throws truncated when read", arguments: [1, 64, Int.max])
  func truncatedBody(chunkSize: Int) throws {
    let tar = Array(try Fixture.bytes("ustar.tar").prefix(1536 + 512 + 5))
    let reader = TarReader(MemorySource(tar, chunkSize: chunkSize))
    for _ in 0..<3 { _ = try reader.next() }
    let file = try #require(try reader.next())
    #expect(file.size == 13)
    let result = drain(reader.currentBody())
    #expect(result.bytes == Array("ustar".utf8))
    #expect(result.error?.kind == .truncated)
    #expect(result.error?.offset == Int64(tar.count))
    #expect(try reader.next() == nil, "after an error the reader is at its end")
  }

  @Test("a body cut short throws truncated when skipped")
  func truncatedSkip() throws {
    let tar = Array(try Fixture.bytes("edge.tar").prefix(9216 + 100))
    let reader = TarReader(MemorySource(tar, chunkSize: 3))
    var error: CorpusIOError?
    do {
      while try reader.next() != nil {}
    } catch let caught {
      error = caught
    }
    #expect(error?.kind == .truncated)
    #expect(error?.offset == Int64(tar.count))
    #expect(error?.message.contains("last.bin") == true)
  }

  @Test("a header cut short throws truncated", arguments: [600, 2048 + 100, 3584 + 10])
  func truncatedHeader(length: Int) throws {
    let tar = Array(try Fixture.bytes("edge.tar").prefix(length))
    let reader = TarReader(MemorySource(tar))
    #expect {
      while try reader.next() != nil {}
    } throws: { error in
      (error as? CorpusIOError)?.kind == .truncated
    }
  }

  @Test("a cut .tar.gz throws the gzip layer's truncated error")
  func truncatedCompressedTar() throws {
    let gz = try Fixture.bytes("gnu.tar.gz")
    let reader = TarReader(try GzipDecoder(MemorySource(Array(gz.prefix(gz.count - 30)))))
    #expect {
      while (try reader.next()) != nil { _ = try reader.readCurrentBody() }
    } throws: { error in
      (error as? CorpusIOError)?.kind == .truncated
    }
  }

  @Test("a damaged header fails its checksum with the header's offset")
  func badChecksum() throws {
    var tar = try Fixture.bytes("ustar.tar")
    tar[512 + 10] ^= 0x01
    let reader = TarReader(MemorySource(tar))
    #expect(try reader.next()?.name == "ustar/")
    do {
      _ = try reader.next()
      Issue.record("no error")
    } catch {
      #expect(error.kind == .badArchive)
      #expect(error.offset == 512)
    }
    #expect(try reader.next() == nil)
  }

  @Test("text is not a tar archive")
  func notTar() throws {
    let reader = TarReader(MemorySource(try Fixture.lines()))
    #expect {
      _ = try reader.next()
    } throws: { error in
      (error as? CorpusIOError)?.kind == .badArchive && (error as? CorpusIOError)?.offset == 0
    }
  }

  @Test("a lone zero block followed by a header is tolerated; end of stream after it is the end")
  func loneZeroBlock() throws {
    let edge = try Fixture.bytes("edge.tar")
    let tar =
      [UInt8](repeating: 0, count: 512) + edge[7680..<8192] + [UInt8](repeating: 0, count: 512)
    let reader = TarReader(MemorySource(tar, chunkSize: 5))
    let entry = try #require(try reader.next())
    #expect(entry.name == "empty.txt")
    #expect(entry.offset == 512)
    #expect(try reader.next() == nil)
    #expect(try TarReader(MemorySource([])).next() == nil, "an empty stream is an empty archive")
  }
}
