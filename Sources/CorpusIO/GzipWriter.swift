import CZlib

/// Compresses bytes into a gzip file (one member), streaming with bounded memory.
///
/// The header carries no file name and a zero modification time, so equal input gives equal
/// output bytes (manifests compare checksums). Small writes are gathered into a 64 KiB buffer
/// before zlib sees them; compressed output is written in 256 KiB blocks (by a ``FileWriter``).
///
/// Call ``finish(sync:)`` to complete the file; a writer released without it leaves an
/// incomplete file behind (pair it with ``AtomicFile`` and `abandon()`).
///
/// ```swift
/// let target = AtomicFile(path: "out/part-0.jsonl.gz")
/// let writer = try GzipWriter(path: target.temporaryPath, level: 6)
/// try writer.write(Array("{\"id\":1}\n".utf8))
/// try writer.finish()
/// try target.commit()
/// ```
public final class GzipWriter {
  /// The path being written.
  public let path: String
  /// Uncompressed bytes accepted so far.
  public private(set) var bytesIn: Int64 = 0
  /// Compressed bytes written to the file so far.
  public var bytesOut: Int64 { file.bytesWritten }

  private let file: FileWriter
  private let stream: UnsafeMutablePointer<z_stream>
  private var streamActive = true
  private let staging: UnsafeMutableRawBufferPointer
  private var staged = 0
  private let output: UnsafeMutableRawBufferPointer
  private var failure: CorpusIOError?
  private var finished = false

  /// Creates (or truncates) `path` and prepares to compress at `level` (0 = store, 1 = fastest,
  /// 9 = smallest; 6 is gzip's default).
  ///
  /// - Throws: ``CorpusIOError/Kind/writeFailed`` when the file cannot be created or the level
  ///   is out of range.
  public init(path: String, level: Int32 = 6) throws(CorpusIOError) {
    guard (0...9).contains(level) else {
      throw CorpusIOError(.writeFailed, "gzip level \(level) is not in 0...9")
    }
    file = try FileWriter(path: path)
    stream = .allocate(capacity: 1)
    stream.initialize(to: z_stream())
    // windowBits 15 + 16: gzip wrapper; memLevel 8 is zlib's default. `deflateInit2` is a macro.
    let ret = deflateInit2_(
      stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
      Int32(MemoryLayout<z_stream>.size))
    if ret != Z_OK {
      stream.deinitialize(count: 1)
      stream.deallocate()
      throw CorpusIOError(.writeFailed, "zlib initialisation failed (code \(ret))")
    }
    self.path = path
    staging = .allocate(byteCount: 1 << 16, alignment: 16)
    output = .allocate(byteCount: 1 << 18, alignment: 16)
  }

  deinit {
    if streamActive { deflateEnd(stream) }
    stream.deinitialize(count: 1)
    stream.deallocate()
    staging.deallocate()
    output.deallocate()
  }

  /// Compresses `bytes`.
  ///
  /// - Throws: ``CorpusIOError/Kind/writeFailed`` when writing the file fails, or after
  ///   ``finish(sync:)``. Once a write has failed, every later call throws the same error.
  public func write(_ bytes: UnsafeRawBufferPointer) throws(CorpusIOError) {
    try checkWritable()
    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
    bytesIn += Int64(bytes.count)
    if bytes.count <= staging.count - staged {
      (staging.baseAddress.unsafelyUnwrapped + staged).copyMemory(
        from: base, byteCount: bytes.count)
      staged += bytes.count
      return
    }
    try flushStaging()
    if bytes.count >= staging.count {
      try deflateBytes(base, count: bytes.count, flush: Z_NO_FLUSH)
    } else {
      staging.baseAddress.unsafelyUnwrapped.copyMemory(from: base, byteCount: bytes.count)
      staged = bytes.count
    }
  }

  /// Compresses `bytes`.
  public func write(_ bytes: [UInt8]) throws(CorpusIOError) {
    // `withUnsafeBytes` rethrows untyped errors; carry the typed one in a Result.
    try bytes.withUnsafeBytes { raw in Result { () throws(CorpusIOError) in try write(raw) } }.get()
  }

  /// Compresses the UTF-8 bytes of `string`.
  public func write(_ string: String) throws(CorpusIOError) {
    var string = string
    try string.withUTF8 { utf8 in
      Result { () throws(CorpusIOError) in try write(UnsafeRawBufferPointer(utf8)) }
    }.get()
  }

  /// Writes the gzip trailer, optionally `fsync`s, and closes the file.
  ///
  /// - Parameter sync: flush the file to stable storage before closing (slower; use it for
  ///   outputs a resumed run will trust).
  /// - Throws: ``CorpusIOError/Kind/writeFailed`` when writing, syncing or closing fails.
  public func finish(sync: Bool = false) throws(CorpusIOError) {
    try checkWritable()
    try flushStaging()
    try deflateBytes(nil, count: 0, flush: Z_FINISH)
    deflateEnd(stream)
    streamActive = false
    finished = true
    try recording { () throws(CorpusIOError) in try file.finish(sync: sync) }
  }

  private func checkWritable() throws(CorpusIOError) {
    if let failure { throw failure }
    if finished { throw CorpusIOError(.writeFailed, "'\(path)' is already finished") }
  }

  private func flushStaging() throws(CorpusIOError) {
    guard staged > 0 else { return }
    let count = staged
    staged = 0
    try deflateBytes(
      UnsafeRawPointer(staging.baseAddress.unsafelyUnwrapped), count: count, flush: Z_NO_FLUSH)
  }

  /// Runs deflate over `count` bytes at `base` and writes whatever it produces.
  private func deflateBytes(_ base: UnsafeRawPointer?, count: Int, flush: Int32)
    throws(CorpusIOError)
  {
    var pointer = base
    var remaining = count
    repeat {
      let chunk = min(remaining, maxCodecSpan)
      stream.pointee.next_in = pointer.map {
        UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: Bytef.self))
      }
      stream.pointee.avail_in = UInt32(chunk)
      let last = remaining == chunk
      let mode = last ? flush : Z_NO_FLUSH
      while true {
        stream.pointee.next_out = output.baseAddress.unsafelyUnwrapped.assumingMemoryBound(
          to: Bytef.self)
        stream.pointee.avail_out = UInt32(output.count)
        let ret = deflate(stream, mode)
        let produced = output.count - Int(stream.pointee.avail_out)
        if produced > 0 { try writeOut(produced) }
        if ret == Z_STREAM_END { break }
        if ret != Z_OK && ret != Z_BUF_ERROR {
          try record(CorpusIOError(.writeFailed, "zlib deflate failed (code \(ret))", offset: bytesIn))
        }
        // Done once all input is taken and zlib had room to spare (or, finishing, on Z_STREAM_END).
        if mode != Z_FINISH, stream.pointee.avail_in == 0, stream.pointee.avail_out > 0 { break }
      }
      pointer = pointer.map { $0 + chunk }
      remaining -= chunk
    } while remaining > 0
  }

  private func writeOut(_ count: Int) throws(CorpusIOError) {
    let block = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(output)[0..<count])
    try recording { () throws(CorpusIOError) in try file.write(block) }
  }

  /// Runs `body` (a file operation); an error it throws is recorded, at the uncompressed
  /// offset, before it is passed on.
  private func recording(_ body: () throws(CorpusIOError) -> Void) throws(CorpusIOError) {
    do { try body() } catch { try record(CorpusIOError(error.kind, error.message, offset: bytesIn)) }
  }

  /// Records `error`, so that every later call throws it, and throws it.
  private func record(_ error: CorpusIOError) throws(CorpusIOError) -> Never {
    failure = error
    throw error
  }
}
