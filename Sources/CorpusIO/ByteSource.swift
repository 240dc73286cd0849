/// A pull-based stream of bytes: a file, a decompressor, a tar member, or a test buffer.
///
/// `read(into:)` fills at most `buffer.count` bytes and returns how many it wrote;
/// it returns 0 only at the end of the stream. Implementations never buffer more than a
/// fixed, documented amount, so memory stays flat however long the stream is.
public protocol ByteSource: AnyObject {
  /// Reads up to `buffer.count` bytes into `buffer`.
  ///
  /// - Returns: the number of bytes written; 0 means end of stream.
  /// - Throws: ``CorpusIOError`` when the underlying data is unreadable or corrupt.
  ///   After a throw the source is at its end: later calls return 0.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws(CorpusIOError) -> Int

  /// Bytes consumed from the underlying file so far (compressed bytes for a decoder),
  /// for progress reporting.
  var consumedBytes: Int64 { get }
}

extension ByteSource {
  /// Reads the whole remaining stream into memory. Meant for small members and tests.
  public func readAll(limit: Int = .max) throws(CorpusIOError) -> [UInt8] {
    var result: [UInt8] = []
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
    defer { chunk.deallocate() }
    while true {
      let n = try read(into: chunk)
      if n == 0 { return result }
      result.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
      if result.count > limit {
        throw CorpusIOError(.tooLarge, "stream is larger than \(limit) bytes", offset: Int64(result.count))
      }
    }
  }
}

/// A ``ByteSource`` over bytes in memory that hands them out in chunks of a fixed size.
///
/// Tests use it to prove that a consumer's output does not depend on how its input is chunked.
public final class MemorySource: ByteSource {
  private let bytes: [UInt8]
  private let chunkSize: Int
  private var position = 0

  /// Creates a source over `bytes` that returns at most `chunkSize` bytes per read.
  public init(_ bytes: [UInt8], chunkSize: Int = .max) {
    self.bytes = bytes
    self.chunkSize = max(1, chunkSize)
  }

  public var consumedBytes: Int64 { Int64(position) }

  public func read(into buffer: UnsafeMutableRawBufferPointer) throws(CorpusIOError) -> Int {
    let n = min(buffer.count, chunkSize, bytes.count - position)
    if n <= 0 { return 0 }
    bytes.withUnsafeBytes { src in
      buffer.baseAddress!.copyMemory(from: src.baseAddress! + position, byteCount: n)
    }
    position += n
    return n
  }
}
