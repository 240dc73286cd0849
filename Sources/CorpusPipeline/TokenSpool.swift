import CorpusIO
import Foundation

/// The token ids of one finish task's documents, line by line, in a scratch file: what the
/// parallel finish tasks hand to the sequential packer, so that examples never depend on how
/// many workers tokenized.
///
/// Format: little-endian `UInt32` words. A line is its token count `n` (< `0xFFFF_FFFF`)
/// followed by its `n` ids; `0xFFFF_FFFF` ends a document.
enum TokenSpool {
  static let documentEnd = UInt32.max

  /// Appends lines and document ends to a spool file.
  final class Writer {
    let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    /// Creates (or truncates) the file at `path`.
    init(path: String) throws(CorpusIOError) {
      self.path = path
      guard FileManager.default.createFile(atPath: path, contents: nil),
        let handle = FileHandle(forWritingAtPath: path)
      else { throw CorpusIOError(.writeFailed, "cannot create '\(path)'") }
      self.handle = handle
      buffer.reserveCapacity(1 << 20)
    }

    /// Appends one line's ids.
    func addLine(_ ids: [Int32]) throws(CorpusIOError) {
      append(UInt32(ids.count))
      for id in ids { append(UInt32(bitPattern: id)) }
      if buffer.count >= 1 << 20 { try flush() }
    }

    /// Ends the current document.
    func endDocument() throws(CorpusIOError) {
      append(TokenSpool.documentEnd)
      if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes what is buffered and closes the file.
    func finish() throws(CorpusIOError) {
      try flush()
      try? handle.close()
    }

    @inline(__always) private func append(_ word: UInt32) {
      withUnsafeBytes(of: word.littleEndian) { buffer.append(contentsOf: $0) }
    }

    private func flush() throws(CorpusIOError) {
      do { try handle.write(contentsOf: buffer) } catch {
        throw CorpusIOError(.writeFailed, "cannot write '\(path)': \(error.localizedDescription)")
      }
      buffer.removeAll(keepingCapacity: true)
    }
  }

  /// Reads a spool in order: `line` for each line's ids, `endDocument` after each document,
  /// `chunkSize` bytes at a time.
  ///
  /// - Throws: ``CorpusIOError`` when the file cannot be read or ends inside a line.
  static func read(
    path: String, chunkSize: Int = 1 << 20, line: ([Int32]) throws -> Void, endDocument: () throws -> Void
  ) throws {
    let file = try FileSource(path: path)
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 4)
    defer { chunk.deallocate() }
    var carry: [UInt8] = []
    var ids: [Int32] = []
    var remaining: Int?
    while true {
      let n = try file.read(into: chunk)
      if n == 0 { break }
      carry.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
      let words = carry.count / 4
      try carry.withUnsafeBytes { bytes in
        for w in 0..<words {
          let word = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4 * w, as: UInt32.self))
          if let left = remaining {
            ids.append(Int32(bitPattern: word))
            if left == 1 {
              try line(ids)
              remaining = nil
            } else {
              remaining = left - 1
            }
          } else if word == documentEnd {
            try endDocument()
          } else if word == 0 {
            ids.removeAll(keepingCapacity: true)
            try line(ids)
          } else {
            ids.removeAll(keepingCapacity: true)
            remaining = Int(word)
          }
        }
      }
      carry.removeFirst(words * 4)
    }
    guard carry.isEmpty, remaining == nil else {
      throw CorpusIOError(.truncated, "token spool '\(path)' ends inside a line")
    }
  }
}
