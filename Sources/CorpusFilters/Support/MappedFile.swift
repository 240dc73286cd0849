#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// A read-only memory map of a whole file (the reducer reads signature sidecars at random).
///
/// The pages are file-backed: the kernel can drop and re-read them under memory pressure.
final class MappedFile {
  let path: String
  let size: Int
  private let base: UnsafeRawPointer?

  init(path: String) throws(FilterError) {
    self.path = path
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw FilterError(.io, "cannot open: \(String(cString: strerror(errno)))", path: path) }
    defer { close(fd) }
    var info = stat()
    if fstat(fd, &info) != 0 { throw FilterError(.io, "cannot stat: \(String(cString: strerror(errno)))", path: path) }
    size = Int(info.st_size)
    if size == 0 {
      base = nil
      return
    }
    let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
    if mapped == MAP_FAILED || mapped == nil {
      throw FilterError(.io, "cannot map: \(String(cString: strerror(errno)))", path: path)
    }
    base = UnsafeRawPointer(mapped)
  }

  deinit {
    if let base { munmap(UnsafeMutableRawPointer(mutating: base), size) }
  }

  /// The bytes.
  var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: size) }

  @inline(__always) func u16(_ offset: Int) -> UInt16 {
    UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
  }
  @inline(__always) func u32(_ offset: Int) -> UInt32 {
    UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
  }
  @inline(__always) func u64(_ offset: Int) -> UInt64 {
    UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }
}
