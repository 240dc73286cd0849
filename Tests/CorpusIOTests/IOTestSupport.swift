import CorpusIO
import Foundation
import Testing

/// Fixtures made by `scripts/make_io_fixtures.sh` with the reference tools.
enum Fixture {
  static func path(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> String
  {
    let directory = try #require(
      Bundle.module.url(forResource: "Fixtures", withExtension: nil), "Fixtures folder is missing",
      sourceLocation: sourceLocation)
    return directory.appendingPathComponent(name).path
  }

  static func bytes(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> [UInt8]
  {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(name, sourceLocation: sourceLocation))))
  }

  /// The uncompressed text every `lines.txt.*` and `multi.*` fixture decodes to.
  static func lines() throws -> [UInt8] { try bytes("lines.txt") }

  /// `part0` of the multi-member fixtures: the first 30000 bytes of lines.txt.
  static func part0() throws -> [UInt8] { Array(try lines()[0..<30000]) }
}

/// Chunk sizes every streaming consumer is tested with (`Int.max` = the whole input at once).
let chunkSizes = [1, 2, 3, 7, 64, 4096, Int.max]

/// The three codecs, with the file suffix their fixtures use.
let codecs: [Compression] = [.gzip, .zstd, .bzip2]

extension Compression {
  var suffix: String {
    switch self {
    case .none: ""
    case .gzip: "gz"
    case .zstd: "zst"
    case .bzip2: "bz2"
    }
  }
}

/// Everything a source produced, and the error that ended it (if any).
struct Drained {
  var bytes: [UInt8]
  var error: CorpusIOError?
  var reads: Int
}

/// Reads `source` to its end with reads of `readSize` bytes. Checks the contract that a source
/// returns 0 (and does not throw again) after it has thrown.
func drain(
  _ source: any ByteSource, readSize: Int = 1 << 16,
  sourceLocation: SourceLocation = #_sourceLocation
)
  -> Drained
{
  var out: [UInt8] = []
  var reads = 0
  let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: readSize, alignment: 16)
  defer { buffer.deallocate() }
  while true {
    do {
      reads += 1
      let n = try source.read(into: buffer)
      if n == 0 { return Drained(bytes: out, error: nil, reads: reads) }
      #expect(n <= readSize, sourceLocation: sourceLocation)
      out.append(contentsOf: buffer[0..<n])
    } catch {
      let again = Result { () throws(CorpusIOError) -> Int in try source.read(into: buffer) }
      #expect(
        (try? again.get()) == 0, "a read after a throw must return 0",
        sourceLocation: sourceLocation)
      return Drained(bytes: out, error: error, reads: reads)
    }
  }
}

/// Splits bytes at LF the simple way: the oracle for ``LineReader``.
func oracleLines(_ bytes: [UInt8]) -> [[UInt8]] {
  var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
  if bytes.last == 0x0A || bytes.isEmpty { lines.removeLast() }
  return lines
}

/// All lines of `source` through ``LineReader``, plus the error that ended them.
func readLines(_ source: any ByteSource, chunkSize: Int = 1 << 18) -> (
  lines: [[UInt8]], error: CorpusIOError?
) {
  let reader = LineReader(source, chunkSize: chunkSize)
  var lines: [[UInt8]] = []
  do {
    while let line = try reader.next() { lines.append(Array(line)) }
    return (lines, nil)
  } catch {
    return (lines, error)
  }
}

/// A source that returns `bytes` and then fails with `error`, as a failing disk would.
final class FailingSource: ByteSource {
  private let inner: MemorySource
  private let error: CorpusIOError
  private var failed = false

  init(_ bytes: [UInt8], chunkSize: Int = .max, error: CorpusIOError) {
    inner = MemorySource(bytes, chunkSize: chunkSize)
    self.error = error
  }

  var consumedBytes: Int64 { inner.consumedBytes }

  func read(into buffer: UnsafeMutableRawBufferPointer) throws(CorpusIOError) -> Int {
    if failed { return 0 }
    let n = try inner.read(into: buffer)
    if n == 0 {
      failed = true
      throw error
    }
    return n
  }
}

/// A fixed-seed generator (SplitMix64) for test data.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// A temporary directory removed when the value goes away.
final class TemporaryDirectory {
  let path: String
  init() throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent(
      "corpusio-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    path = base.path
  }
  deinit { try? FileManager.default.removeItem(atPath: path) }
  func file(_ name: String) -> String { path + "/" + name }
}
