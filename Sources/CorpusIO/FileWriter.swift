#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// `write(2)`, named apart from the `write(_:)` methods that call it.
@inline(__always)
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, buffer, count)
}

/// Writes bytes to a file with `write(2)`, unbuffered: callers hand it large blocks (a
/// ``JSONWriter``'s buffer, ``GzipWriter``'s compressed output).
///
/// Call ``finish(sync:)`` to close the file; pair it with ``AtomicFile`` so that an unfinished
/// file never takes the final name. Once a write has failed, every later call throws the same
/// error.
///
/// ```swift
/// let target = AtomicFile(path: "work/ingest/oscar-00000.jsonl")
/// let file = try FileWriter(path: target.temporaryPath)
/// try file.write(json.bytes)
/// try file.finish()
/// try target.commit()
/// ```
public final class FileWriter {
  /// The path being written.
  public let path: String
  /// Bytes written so far.
  public private(set) var bytesWritten: Int64 = 0

  private var fd: Int32
  private var failure: CorpusIOError?

  /// Creates (or truncates) `path`.
  ///
  /// - Throws: ``CorpusIOError/Kind/writeFailed`` when the file cannot be created.
  public init(path: String) throws(CorpusIOError) {
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    if fd < 0 {
      throw CorpusIOError(.writeFailed, "cannot create '\(path)': \(String(cString: strerror(errno)))")
    }
    self.path = path
  }

  deinit {
    if fd >= 0 { close(fd) }
  }

  /// Writes all of `bytes`.
  ///
  /// - Throws: ``CorpusIOError/Kind/writeFailed`` when writing fails, or after ``finish(sync:)``.
  public func write(_ bytes: UnsafeRawBufferPointer) throws(CorpusIOError) {
    if let failure { throw failure }
    if fd < 0 { throw CorpusIOError(.writeFailed, "'\(path)' is already finished") }
    guard let base = bytes.baseAddress else { return }
    var offset = 0
    while offset < bytes.count {
      let n = systemWrite(fd, base + offset, bytes.count - offset)
      if n < 0 {
        if errno == EINTR { continue }
        try record("cannot write '\(path)'")
      }
      offset += n
    }
    bytesWritten += Int64(bytes.count)
  }

  /// Writes all of `bytes`.
  public func write(_ bytes: [UInt8]) throws(CorpusIOError) {
    // `withUnsafeBytes` rethrows untyped errors; carry the typed one in a Result.
    try bytes.withUnsafeBytes { raw in Result { () throws(CorpusIOError) in try write(raw) } }.get()
  }

  /// Optionally `fsync`s, then closes the file.
  ///
  /// - Parameter sync: flush the file to stable storage before closing (slower; use it for
  ///   outputs a resumed run will trust).
  /// - Throws: ``CorpusIOError/Kind/writeFailed`` when syncing or closing fails, or after a
  ///   failed write.
  public func finish(sync: Bool = false) throws(CorpusIOError) {
    if let failure { throw failure }
    if fd < 0 { throw CorpusIOError(.writeFailed, "'\(path)' is already finished") }
    if sync, fsync(fd) != 0 { try record("cannot sync '\(path)'") }
    let result = close(fd)
    fd = -1
    if result != 0 { try record("cannot close '\(path)'") }
  }

  /// Records a failure with `strerror(errno)` and throws it.
  private func record(_ message: String) throws(CorpusIOError) -> Never {
    let error = CorpusIOError(.writeFailed, "\(message): \(String(cString: strerror(errno)))", offset: bytesWritten)
    failure = error
    throw error
  }
}
