import CorpusIO
import Crypto

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Writes a file through a buffer with `write(2)`, computing its SHA-256 on the way, under a
/// temporary name (``AtomicFile``) until ``finish()`` renames it into place.
///
/// ```swift
/// let file = try HashingFileWriter(path: "out/shards/shard-00000.safetensors")
/// do {
///   try file.write(header)
///   try file.append(count: 1024) { region in /* fill region */ }
///   let (bytes, sha256) = try file.finish()
/// } catch {
///   file.abandon()
///   throw error
/// }
/// ```
///
/// - Complexity: O(bytes written); memory is the buffer (1 MiB by default).
public final class HashingFileWriter {
  /// The final path.
  public let path: String
  /// Bytes written so far (buffered bytes included).
  public private(set) var bytesWritten: Int64 = 0

  private let target: AtomicFile
  private var fd: Int32
  private var hasher = SHA256()
  private let buffer: UnsafeMutableRawPointer
  private let capacity: Int
  private var used = 0
  private var finished = false

  /// Creates (truncates) the temporary file for `path`.
  ///
  /// - Throws: ``ShardsError/Kind/writeFailed`` when the file cannot be created.
  public init(path: String, bufferSize: Int = 1 << 20) throws(ShardsError) {
    self.path = path
    target = AtomicFile(path: path)
    fd = open(target.temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    if fd < 0 {
      throw ShardsError(
        .writeFailed, "cannot create '\(target.temporaryPath)': \(String(cString: strerror(errno)))", path: path)
    }
    capacity = max(4096, bufferSize)
    buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
  }

  deinit {
    if fd >= 0 {
      close(fd)
      if !finished { target.abandon() }
    }
    buffer.deallocate()
  }

  /// Appends `bytes`.
  public func write(_ bytes: UnsafeRawBufferPointer) throws(ShardsError) {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
    if bytes.count > capacity - used {
      try flush()
      if bytes.count > capacity {
        try writeOut(bytes)
        bytesWritten += Int64(bytes.count)
        return
      }
    }
    (buffer + used).copyMemory(from: base, byteCount: bytes.count)
    used += bytes.count
    bytesWritten += Int64(bytes.count)
  }

  /// Appends `bytes`.
  public func write(_ bytes: [UInt8]) throws(ShardsError) {
    let result = bytes.withUnsafeBytes { raw in
      Result { () throws(ShardsError) in try write(raw) }
    }
    try result.get()
  }

  /// Appends `count` bytes that `fill` writes into the region it is given.
  ///
  /// The region is exactly `count` bytes long and uninitialized. Use it to encode straight into the output buffer.
  public func append(count: Int, _ fill: (UnsafeMutableRawBufferPointer) -> Void) throws(ShardsError) {
    guard count > 0 else { return }
    if count > capacity - used { try flush() }
    if count > capacity {
      let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 16)
      defer { scratch.deallocate() }
      fill(scratch)
      try writeOut(UnsafeRawBufferPointer(scratch))
    } else {
      fill(UnsafeMutableRawBufferPointer(start: buffer + used, count: count))
      used += count
    }
    bytesWritten += Int64(count)
  }

  private func flush() throws(ShardsError) {
    guard used > 0 else { return }
    let pending = UnsafeRawBufferPointer(start: buffer, count: used)
    used = 0
    try writeOut(pending)
  }

  /// Hashes and writes `bytes` to the file (not through the buffer).
  private func writeOut(_ bytes: UnsafeRawBufferPointer) throws(ShardsError) {
    guard fd >= 0 else { throw ShardsError(.writeFailed, "the file is already closed", path: path) }
    guard let base = bytes.baseAddress else { return }
    hasher.update(bufferPointer: bytes)
    var offset = 0
    while offset < bytes.count {
      let n = Glibc.write(fd, base + offset, bytes.count - offset)
      if n < 0 {
        if errno == EINTR { continue }
        throw ShardsError(
          .writeFailed, "cannot write '\(target.temporaryPath)': \(String(cString: strerror(errno)))", path: path)
      }
      offset += n
    }
  }

  /// Flushes, closes, renames the file into place and returns its size and SHA-256 (lowercase
  /// hex).
  public func finish() throws(ShardsError) -> (bytes: Int64, sha256: String) {
    try flush()
    guard fd >= 0 else { throw ShardsError(.writeFailed, "the file is already closed", path: path) }
    let status = close(fd)
    fd = -1
    if status != 0 {
      target.abandon()
      throw ShardsError(
        .writeFailed, "cannot close '\(target.temporaryPath)': \(String(cString: strerror(errno)))", path: path)
    }
    do {
      try target.commit()
    } catch {
      target.abandon()
      throw ShardsError(.writeFailed, error.message, path: path)
    }
    finished = true
    return (bytesWritten, hexString(hasher.finalize()))
  }

  /// Closes and removes the temporary file; the final path is untouched.
  public func abandon() {
    if fd >= 0 {
      close(fd)
      fd = -1
    }
    target.abandon()
  }
}

/// Lowercase hex of `bytes`.
func hexString<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
  let hex = Array("0123456789abcdef".utf8)
  var out: [UInt8] = []
  for byte in bytes {
    out.append(hex[Int(byte >> 4)])
    out.append(hex[Int(byte & 15)])
  }
  return String(decoding: out, as: UTF8.self)
}

/// SHA-256 helpers for manifests and metadata.
public enum SHA256Hex {
  /// The SHA-256 of `bytes`, lowercase hex.
  public static func of(_ bytes: some Sequence<UInt8>) -> String {
    var hasher = SHA256()
    hasher.update(data: Array(bytes))
    return hexString(hasher.finalize())
  }

  /// The SHA-256 of the file at `path`, lowercase hex, read in 1 MiB pieces.
  ///
  /// - Throws: ``ShardsError/Kind/readFailed`` when the file cannot be read.
  public static func ofFile(_ path: String) throws(ShardsError) -> String {
    do {
      let file = try FileSource(path: path)
      var hasher = SHA256()
      let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
      defer { buffer.deallocate() }
      while true {
        let n = try file.read(into: buffer)
        if n == 0 { break }
        hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
      }
      return hexString(hasher.finalize())
    } catch {
      throw ShardsError(.readFailed, error.description, path: path)
    }
  }
}
