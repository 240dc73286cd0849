#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// A buffered writer of a binary file: little-endian integers, raw bytes, and a running
/// xxHash64 of everything written (the sidecars' checksum).
///
/// Not thread-safe: one writer belongs to one task.
final class BinaryFileWriter {
  let path: String
  private var fd: Int32
  private let base: UnsafeMutableRawPointer
  private let capacity: Int
  private var used = 0
  private var hasher = XXHash64Hasher()
  /// Bytes written so far, buffered or not.
  private(set) var offset: Int64 = 0

  /// Creates (or truncates) the file at `path`.
  init(path: String, bufferSize: Int = 1 << 16) throws(FilterError) {
    self.path = path
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    if fd < 0 { throw FilterError(.io, "cannot create: \(String(cString: strerror(errno)))", path: path) }
    capacity = max(bufferSize, 64)
    base = .allocate(byteCount: capacity, alignment: 16)
  }

  deinit {
    if fd >= 0 { _ = Glibc.close(fd) }
    base.deallocate()
  }

  /// Appends raw bytes.
  func write(_ bytes: UnsafeRawBufferPointer) throws(FilterError) {
    guard let source = bytes.baseAddress, bytes.count > 0 else { return }
    if used + bytes.count > capacity {
      try flush()
      if bytes.count > capacity {
        try writeThrough(bytes)
        return
      }
    }
    (base + used).copyMemory(from: source, byteCount: bytes.count)
    used += bytes.count
    offset += Int64(bytes.count)
  }

  /// Appends the elements of `array`, each little-endian: one copy on a little-endian machine.
  func write<T: FixedWidthInteger>(_ array: [T]) throws(FilterError) {
    #if _endian(little)
      var failure: FilterError?
      array.withUnsafeBytes { raw in
        do throws(FilterError) { try write(raw) } catch { failure = error }
      }
      if let failure { throw failure }
    #else
      for value in array { try write(value) }
    #endif
  }

  /// Appends the UTF-8 bytes of `text`.
  func write(utf8 text: String) throws(FilterError) {
    var text = text
    var failure: FilterError?
    text.withUTF8 { bytes in
      do throws(FilterError) { try write(UnsafeRawBufferPointer(bytes)) } catch { failure = error }
    }
    if let failure { throw failure }
  }

  /// Appends `value` little-endian.
  @inline(__always)
  func write<T: FixedWidthInteger>(_ value: T) throws(FilterError) {
    let size = MemoryLayout<T>.size
    if used + size > capacity { try flush() }
    (base + used).storeBytes(of: value.littleEndian, as: T.self)
    used += size
    offset += Int64(size)
  }

  /// Appends the in-memory bytes of `value` (native layout; for same-machine spill files only).
  @inline(__always)
  func writeRaw<T: BitwiseCopyable>(_ value: T) throws(FilterError) {
    let size = MemoryLayout<T>.stride
    if used + size > capacity { try flush() }
    (base + used).storeBytes(of: value, as: T.self)
    used += size
    offset += Int64(size)
  }

  /// The xxHash64 of every byte written so far (flushes first).
  func checksum() throws(FilterError) -> UInt64 {
    try flush()
    return hasher.finalize()
  }

  /// Writes the buffer to the file.
  func flush() throws(FilterError) {
    guard used > 0 else { return }
    let pending = UnsafeRawBufferPointer(start: base, count: used)
    hasher.update(pending)
    try writeAll(pending)
    used = 0
  }

  private func writeThrough(_ bytes: UnsafeRawBufferPointer) throws(FilterError) {
    hasher.update(bytes)
    try writeAll(bytes)
    offset += Int64(bytes.count)
  }

  private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(FilterError) {
    guard var pointer = bytes.baseAddress else { return }
    var remaining = bytes.count
    while remaining > 0 {
      let n = Glibc.write(fd, pointer, remaining)
      if n < 0 {
        if errno == EINTR { continue }
        throw FilterError(.io, "cannot write: \(String(cString: strerror(errno)))", path: path)
      }
      pointer += n
      remaining -= n
    }
  }

  /// Flushes and closes the file.
  func close() throws(FilterError) {
    try flush()
    if fd >= 0 {
      let result = Glibc.close(fd)
      fd = -1
      if result != 0 { throw FilterError(.io, "cannot close: \(String(cString: strerror(errno)))", path: path) }
    }
  }
}

/// A buffered sequential reader of a binary file: little-endian integers and raw bytes, with
/// an xxHash64 of the bytes read below a limit (to check a sidecar's checksum in one pass).
final class BinaryFileReader {
  let path: String
  /// The file size in bytes.
  let size: Int64
  private var fd: Int32
  private let base: UnsafeMutableRawPointer
  private let capacity: Int
  private var start = 0
  private var end = 0
  /// File offset of `buffer[end]`.
  private var fileOffset: Int64 = 0
  private var hasher = XXHash64Hasher()
  private var hashed: Int64 = 0
  /// Bytes below this offset are fed to the checksum as they are read.
  var checksumLimit: Int64 = 0

  /// Opens `path` for reading.
  init(path: String, bufferSize: Int = 1 << 16) throws(FilterError) {
    self.path = path
    fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw FilterError(.io, "cannot open: \(String(cString: strerror(errno)))", path: path) }
    var info = stat()
    if fstat(fd, &info) != 0 {
      let message = String(cString: strerror(errno))
      _ = Glibc.close(fd)
      throw FilterError(.io, "cannot stat: \(message)", path: path)
    }
    size = Int64(info.st_size)
    capacity = max(bufferSize, 64)
    base = .allocate(byteCount: capacity, alignment: 16)
  }

  deinit {
    if fd >= 0 { _ = Glibc.close(fd) }
    base.deallocate()
  }

  /// The current read position.
  var position: Int64 { fileOffset - Int64(end - start) }

  /// The xxHash64 of the bytes read so far below ``checksumLimit``.
  var checksum: UInt64 { hasher.finalize() }

  /// Bytes hashed so far.
  var checksummed: Int64 { hashed }

  /// Moves the sequential position to `offset` and stops checksumming.
  func seek(to offset: Int64) throws(FilterError) {
    if lseek(fd, off_t(offset), SEEK_SET) < 0 {
      throw FilterError(.io, "cannot seek: \(String(cString: strerror(errno)))", path: path)
    }
    start = 0
    end = 0
    fileOffset = offset
    checksumLimit = 0
  }

  /// Reads `count` bytes at `offset` without disturbing the sequential position or checksum.
  func read(at offset: Int64, count: Int) throws(FilterError) -> [UInt8] {
    var result = [UInt8](repeating: 0, count: count)
    let n = result.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
    if n != count { throw FilterError(.corruptSidecar, "cannot read \(count) bytes at offset \(offset)", path: path) }
    return result
  }

  private func refill() throws(FilterError) -> Bool {
    if start > 0 {
      let pending = end - start
      if pending > 0 { base.copyMemory(from: base + start, byteCount: pending) }
      start = 0
      end = pending
    }
    while true {
      let n = Glibc.read(fd, base + end, capacity - end)
      if n < 0 {
        if errno == EINTR { continue }
        throw FilterError(.io, "cannot read: \(String(cString: strerror(errno)))", path: path)
      }
      if n == 0 { return false }
      if hashed < checksumLimit {
        let take = Int(min(Int64(n), checksumLimit - hashed))
        hasher.update(UnsafeRawBufferPointer(start: base + end, count: take))
        hashed += Int64(take)
      }
      end += n
      fileOffset += Int64(n)
      return true
    }
  }

  /// Makes at least `count` bytes available (count ≤ buffer size), or throws at end of file.
  @inline(__always)
  private func require(_ count: Int) throws(FilterError) {
    if count > capacity { throw FilterError(.invalidArgument, "read of \(count) bytes exceeds the buffer", path: path) }
    while end - start < count {
      if try !refill() {
        throw FilterError(.corruptSidecar, "unexpected end of file at offset \(position)", path: path)
      }
    }
  }

  /// Reads a little-endian integer.
  @inline(__always)
  func read<T: FixedWidthInteger>(_: T.Type = T.self) throws(FilterError) -> T {
    let size = MemoryLayout<T>.size
    if end - start < size { try require(size) }
    let value = T(littleEndian: (base + start).loadUnaligned(as: T.self))
    start += size
    return value
  }

  /// Reads a value in native layout (spill files).
  @inline(__always)
  func readRaw<T: BitwiseCopyable>(_: T.Type = T.self) throws(FilterError) -> T {
    let size = MemoryLayout<T>.stride
    if end - start < size { try require(size) }
    let value = (base + start).loadUnaligned(as: T.self)
    start += size
    return value
  }

  /// Reads `count` raw bytes.
  func readBytes(_ count: Int) throws(FilterError) -> [UInt8] {
    var result = [UInt8](repeating: 0, count: count)
    var copied = 0
    while copied < count {
      if end == start, try !refill() {
        throw FilterError(.corruptSidecar, "unexpected end of file at offset \(position)", path: path)
      }
      let take = min(end - start, count - copied)
      let source = base + start
      result.withUnsafeMutableBytes { $0.baseAddress?.advanced(by: copied).copyMemory(from: source, byteCount: take) }
      start += take
      copied += take
    }
    return result
  }

  /// Skips `count` bytes (still checksummed).
  func skip(_ count: Int64) throws(FilterError) {
    var remaining = count
    while remaining > 0 {
      if end == start, try !refill() {
        throw FilterError(.corruptSidecar, "unexpected end of file at offset \(position)", path: path)
      }
      let take = Int(min(Int64(end - start), remaining))
      start += take
      remaining -= Int64(take)
    }
  }
}

/// File-system helpers for temporary spill directories.
enum SpillDirectory {
  /// Creates a fresh directory `PARENT/dacorpus-PREFIX-XXXXXX` and returns its path.
  static func create(in parent: String, prefix: String) throws(FilterError) -> String {
    var template = Array("\(parent)/dacorpus-\(prefix)-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { $0.baseAddress.flatMap { mkdtemp($0) } }
    guard let made else {
      throw FilterError(.io, "cannot create a temporary directory: \(String(cString: strerror(errno)))", path: parent)
    }
    return String(cString: made)
  }

  /// Removes the files in `directory` (not recursive) and the directory itself.
  static func remove(_ directory: String) {
    if let dir = opendir(directory) {
      while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          raw.baseAddress.map { String(cString: $0.assumingMemoryBound(to: CChar.self)) } ?? ""
        }
        if name == "." || name == ".." { continue }
        _ = unlink("\(directory)/\(name)")
      }
      closedir(dir)
    }
    _ = rmdir(directory)
  }

  /// Deletes one file, ignoring errors.
  static func unlinkFile(_ path: String) { _ = unlink(path) }

  /// The default parent for spill directories: `$TMPDIR` or `/tmp`.
  static var defaultParent: String {
    if let value = getenv("TMPDIR") { return String(cString: value) }
    return "/tmp"
  }
}
