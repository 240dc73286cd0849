#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Examples stored compactly, back to back.
///
/// Unpadded tokens in one array, plus per example its end offset and the end of its type-0 part.
/// About `4 × tokens + 12` bytes per example.
struct ExampleBlock {
  var tokens: [Int32] = []
  var ends: [Int] = []
  var firstEnds: [Int32] = []

  var count: Int { ends.count }
  var isEmpty: Bool { ends.isEmpty }

  mutating func append(_ example: PackedExample) {
    tokens.append(contentsOf: example.tokens)
    ends.append(tokens.count)
    firstEnds.append(Int32(truncatingIfNeeded: example.firstSegmentEnd))
  }

  mutating func append(tokens slice: ArraySlice<Int32>, firstSegmentEnd: Int32) {
    tokens.append(contentsOf: slice)
    ends.append(tokens.count)
    firstEnds.append(firstSegmentEnd)
  }

  func tokens(_ i: Int) -> ArraySlice<Int32> {
    tokens[(i == 0 ? 0 : ends[i - 1])..<ends[i]]
  }

  mutating func removeAll() {
    tokens.removeAll(keepingCapacity: true)
    ends.removeAll(keepingCapacity: true)
    firstEnds.removeAll(keepingCapacity: true)
  }

  /// Appends example `i` in the scratch-file record format (see ``encodeRecord(tokens:firstSegmentEnd:into:)``).
  func encode(_ i: Int, into out: inout [UInt8]) {
    Self.encodeRecord(tokens: tokens(i), firstSegmentEnd: firstEnds[i], into: &out)
  }

  /// The scratch-file record format: `UInt32 LE token count`, `Int32 LE firstSegmentEnd`, then
  /// the tokens as `Int32 LE`.
  static func encodeRecord(tokens: ArraySlice<Int32>, firstSegmentEnd: Int32, into out: inout [UInt8]) {
    appendLE(UInt32(tokens.count), &out)
    appendLE(UInt32(bitPattern: firstSegmentEnd), &out)
    for token in tokens { appendLE(UInt32(bitPattern: token), &out) }
  }

  /// Decodes the complete records at the start of `bytes` and appends them; returns how many
  /// bytes they took (a trailing partial record is left).
  mutating func decodeRecords(_ bytes: UnsafeRawBufferPointer) -> Int {
    var position = 0
    guard let base = bytes.baseAddress else { return 0 }
    while bytes.count - position >= 8 {
      let count = Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
      let firstEnd = Int32(littleEndian: base.loadUnaligned(fromByteOffset: position + 4, as: Int32.self))
      guard (bytes.count - position - 8) / 4 >= count else { break }
      position += 8
      for k in 0..<count {
        tokens.append(Int32(littleEndian: base.loadUnaligned(fromByteOffset: position + 4 * k, as: Int32.self)))
      }
      position += 4 * count
      ends.append(tokens.count)
      firstEnds.append(firstEnd)
    }
    return position
  }
}

@inline(__always)
private func appendLE(_ value: UInt32, _ out: inout [UInt8]) {
  out.append(UInt8(truncatingIfNeeded: value))
  out.append(UInt8(truncatingIfNeeded: value >> 8))
  out.append(UInt8(truncatingIfNeeded: value >> 16))
  out.append(UInt8(truncatingIfNeeded: value >> 24))
}

/// A temporary file written through a buffer and read back whole; removed by ``remove()`` (and
/// on deinit).
final class ScratchFile {
  let path: String
  private var fd: Int32
  private var buffer: [UInt8] = []
  private(set) var records = 0

  init(path: String) throws(ShardsError) {
    self.path = path
    fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw ShardsError(.writeFailed, "cannot create scratch file: \(String(cString: strerror(errno)))", path: path)
    }
    buffer.reserveCapacity(1 << 16)
  }

  deinit { remove() }

  /// Appends one encoded record.
  func append(_ encode: (inout [UInt8]) -> Void) throws(ShardsError) {
    encode(&buffer)
    records += 1
    if buffer.count >= 1 << 16 { try flush() }
  }

  func flush() throws(ShardsError) {
    guard fd >= 0 else { throw ShardsError(.writeFailed, "scratch file already removed", path: path) }
    var offset = 0
    let fd = self.fd
    let failure: Int32? = buffer.withUnsafeBytes { raw in
      guard let base = raw.baseAddress else { return nil }
      while offset < raw.count {
        let n = write(fd, base + offset, raw.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += n
      }
      return nil
    }
    if let failure {
      throw ShardsError(.writeFailed, "cannot write scratch file: \(String(cString: strerror(failure)))", path: path)
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes, then reads the file back in pieces of about `chunkBytes`, calling `body` with the
  /// complete records of each piece decoded into a block (the block is reused between calls).
  ///
  /// - Throws: ``ShardsError/Kind/readFailed``, ``ShardsError/Kind/truncated`` when the file
  ///   ends inside a record, or what `body` throws.
  func forEachBlock(chunkBytes: Int = 1 << 22, _ body: (ExampleBlock) throws(ShardsError) -> Void) throws(ShardsError) {
    try flush()
    let size = lseek(fd, 0, SEEK_END)
    guard size >= 0 else { throw ShardsError(.readFailed, "cannot seek scratch file", path: path) }
    var pending: [UInt8] = []
    var fileOffset = 0
    var block = ExampleBlock()
    let fd = self.fd
    while fileOffset < Int(size) {
      let want = min(chunkBytes, Int(size) - fileOffset)
      let old = pending.count
      pending.append(contentsOf: [UInt8](repeating: 0, count: want))
      let got: Int = pending.withUnsafeMutableBytes { raw in
        guard let base = raw.baseAddress else { return -1 }
        var done = 0
        while done < want {
          let n = pread(fd, base + old + done, want - done, off_t(fileOffset + done))
          if n < 0, errno == EINTR { continue }
          if n <= 0 { return n < 0 ? -1 : done }
          done += n
        }
        return done
      }
      guard got == want else { throw ShardsError(.readFailed, "cannot read scratch file", path: path) }
      fileOffset += got
      block.removeAll()
      let used = pending.withUnsafeBytes { block.decodeRecords($0) }
      pending.removeFirst(used)
      if !block.isEmpty { try body(block) }
    }
    guard pending.isEmpty else {
      throw ShardsError(
        .truncated, "scratch file ends inside a record", path: path, offset: Int64(fileOffset - pending.count))
    }
  }

  func remove() {
    if fd >= 0 {
      close(fd)
      fd = -1
      unlink(path)
    }
  }
}
