import CorpusIO
import CorpusSources
import Foundation
import Testing

/// Chunk sizes every streaming test runs with; `nil` means the whole input at once.
let chunkSizes: [Int?] = [1, 2, 3, 7, 64, 4096, nil]

/// A committed fixture under `Tests/CorpusSourcesTests/Fixtures/`.
func fixture(_ name: String) -> String {
  (Bundle.module.resourcePath ?? ".") + "/Fixtures/" + name
}

/// What a reader made of a unit.
struct ReadOutcome {
  var documents: [Document]
  var log: ReadLog

  var ids: [String] { documents.map(\.id) }
  var texts: [String] { documents.map(\.text) }
  func issues(_ kind: DataIssue.Kind) -> Int { log.issueCounts[kind] ?? 0 }
}

/// Reads `unit`, feeding every file to the reader in chunks of `chunkSize` compressed bytes.
func read(
  _ unit: InputUnit, options: ReaderOptions = ReaderOptions(), chunkSize: Int? = nil, source: String = "test"
) throws -> ReadOutcome {
  let log = ReadLog(keepIssues: 1000)
  var context = ReadContext(source: source, options: options, log: log)
  if let chunkSize {
    context.openFile = { path throws(CorpusIOError) in
      let file = try FileSource(path: path)
      let bytes = try file.readAll()
      return try Compression.decoded(MemorySource(bytes, chunkSize: chunkSize))
    }
  }
  var documents: [Document] = []
  try SourceReader.read(unit, context: context) { documents.append($0) }
  return ReadOutcome(documents: documents, log: log)
}

/// Reads `unit` at every chunk size and checks that all readings agree; returns one of them.
func readAtEveryChunking(
  _ unit: InputUnit, options: ReaderOptions = ReaderOptions(), sourceLocation: SourceLocation = #_sourceLocation
) throws -> ReadOutcome {
  let whole = try read(unit, options: options)
  for size in chunkSizes.dropLast() {
    let chunked = try read(unit, options: options, chunkSize: size)
    #expect(chunked.documents == whole.documents, "chunk size \(size ?? 0)", sourceLocation: sourceLocation)
    #expect(chunked.log.issueCounts == whole.log.issueCounts, "chunk size \(size ?? 0)", sourceLocation: sourceLocation)
    #expect(chunked.log.recordsRead == whole.log.recordsRead, "chunk size \(size ?? 0)", sourceLocation: sourceLocation)
  }
  return whole
}

/// A temporary folder for inputs a test writes itself; removed on deinit.
final class TemporaryFolder {
  let path: String

  init() throws {
    path = FileManager.default.temporaryDirectory.path + "/dacorpus-test-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// Writes `text` to `name`, gzip-compressed when `gzip` is true; returns the path.
  @discardableResult
  func write(_ name: String, _ text: String, gzip: Bool = false) throws -> String {
    try write(name, Array(text.utf8), gzip: gzip)
  }

  /// Writes `bytes` to `name`, gzip-compressed when `gzip` is true; returns the path.
  @discardableResult
  func write(_ name: String, _ bytes: [UInt8], gzip: Bool = false) throws -> String {
    let full = path + "/" + name
    try FileManager.default.createDirectory(
      atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    if gzip {
      let writer = try GzipWriter(path: full)
      try writer.write(bytes)
      try writer.finish()
    } else {
      FileManager.default.createFile(atPath: full, contents: Data(bytes))
    }
    return full
  }
}
