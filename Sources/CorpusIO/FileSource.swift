#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// `read(2)`, named apart from the `read(into:)` methods that call it.
@inline(__always)
func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(fd, buffer, count)
}

/// A ``ByteSource`` over a file on disk, read with `read(2)` straight into the caller's buffer.
///
/// It keeps no buffer of its own; give it large reads (``LineReader`` and the decoders read
/// 256 KiB at a time). The file descriptor is closed when the source is released.
///
/// ```swift
/// let file = try FileSource(path: "dump.txt")
/// let lines = LineReader(file)
/// ```
public final class FileSource: ByteSource {
  /// The path the source was opened with, for messages.
  public let path: String
  /// The file size when it was opened, or `nil` when it is not a regular file (a pipe, a device).
  public let size: Int64?

  private let fd: Int32
  private var position: Int64 = 0
  private var failed = false

  /// Opens `path` for reading.
  ///
  /// - Throws: ``CorpusIOError/Kind/missingFile`` when the file does not exist, cannot be opened,
  ///   or is a directory.
  public init(path: String) throws(CorpusIOError) {
    self.path = path
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 {
      let reason = String(cString: strerror(errno))
      throw CorpusIOError(.missingFile, "cannot open '\(path)': \(reason)")
    }
    var info = stat()
    if fstat(fd, &info) != 0 {
      let reason = String(cString: strerror(errno))
      close(fd)
      throw CorpusIOError(.missingFile, "cannot stat '\(path)': \(reason)")
    }
    let type = info.st_mode & S_IFMT
    if type == S_IFDIR {
      close(fd)
      throw CorpusIOError(.missingFile, "'\(path)' is a directory, not a file")
    }
    self.fd = fd
    self.size = type == S_IFREG ? Int64(info.st_size) : nil
    #if os(Linux)
      // A hint only; the result does not matter.
      _ = posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL)
    #endif
  }

  /// Reads from a duplicate of the open `descriptor` (standard input, say), named `name` in
  /// messages; the duplicate is closed when the source is released, `descriptor` stays open.
  ///
  /// - Throws: ``CorpusIOError/Kind/missingFile`` when `descriptor` is not open.
  public init(duplicating descriptor: Int32, name: String) throws(CorpusIOError) {
    let fd = dup(descriptor)
    if fd < 0 {
      throw CorpusIOError(.missingFile, "cannot read \(name): \(String(cString: strerror(errno)))")
    }
    var info = stat()
    let isRegular = fstat(fd, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    self.path = name
    self.fd = fd
    self.size = isRegular ? Int64(info.st_size) : nil
  }

  deinit { close(fd) }

  /// Bytes read from the file so far.
  public var consumedBytes: Int64 { position }

  public func read(into buffer: UnsafeMutableRawBufferPointer) throws(CorpusIOError) -> Int {
    guard !failed, let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
    while true {
      let n = systemRead(fd, base, buffer.count)
      if n >= 0 {
        position += Int64(n)
        return n
      }
      let code = errno
      if code == EINTR { continue }
      failed = true
      let reason = String(cString: strerror(code))
      throw CorpusIOError(.readFailed, "reading '\(path)' failed: \(reason)", offset: position)
    }
  }

  /// The size of the regular file at `path`, or `nil` when it does not exist or is not a
  /// regular file.
  public static func fileSize(_ path: String) -> Int64? {
    var info = stat()
    guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    return Int64(info.st_size)
  }
}
