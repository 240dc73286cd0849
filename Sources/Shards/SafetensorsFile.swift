#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// A safetensors file mapped read-only into memory (`mmap`), with its header validated.
///
/// Opening checks everything ``Safetensors/parseHeader(_:dataSize:path:)`` checks, plus the
/// length prefix: at least 8 bytes, `N <= 100 MB`, `8 + N <= file size`. Tensor bytes are read
/// from the mapping on demand; nothing is copied until asked for.
///
/// Thread safety: the mapping is read-only and never changes after `init`, and it is unmapped
/// only in `deinit`, so sharing one instance between threads is safe (hence `@unchecked
/// Sendable`).
public final class SafetensorsFile: @unchecked Sendable {
  /// The path the file was opened with.
  public let path: String
  /// The file size in bytes.
  public let fileSize: Int
  /// `N`, the header's length in bytes (without the 8-byte prefix).
  public let headerSize: Int
  /// The tensors in file order.
  public let tensors: [SafetensorsTensorInfo]
  /// The `__metadata__` map, `nil` when the header has none.
  public let metadata: [String: String]?

  private let mapping: UnsafeRawPointer?
  private let index: [String: Int]

  /// Maps and validates the file at `path`.
  ///
  /// - Throws: ``ShardsError/Kind/readFailed`` when it cannot be opened or mapped;
  ///   ``ShardsError/Kind/truncated``, ``ShardsError/Kind/invalidHeader``,
  ///   ``ShardsError/Kind/invalidTensor`` or ``ShardsError/Kind/sizeMismatch`` when it is not a
  ///   valid safetensors file.
  public init(path: String) throws(ShardsError) {
    self.path = path
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      throw ShardsError(.readFailed, "cannot open: \(String(cString: strerror(errno)))", path: path)
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
      throw ShardsError(.readFailed, "not a regular file", path: path)
    }
    let size = Int(info.st_size)
    fileSize = size
    guard size >= 8 else {
      throw ShardsError(.truncated, "\(size) bytes; a safetensors file has at least 8", path: path, offset: Int64(size))
    }
    guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
      throw ShardsError(.readFailed, "cannot mmap: \(String(cString: strerror(errno)))", path: path)
    }
    let base = UnsafeRawPointer(mapped)
    var n: UInt64 = 0
    for i in 0..<8 { n |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << UInt64(8 * i) }
    guard n <= UInt64(Safetensors.maxHeaderSize) else {
      munmap(mapped, size)
      throw ShardsError(.invalidHeader, "header length \(n) exceeds 100 MB", path: path, offset: 0)
    }
    guard 8 + Int(n) <= size else {
      munmap(mapped, size)
      throw ShardsError(
        .truncated, "header length \(n) runs past the end of the \(size)-byte file", path: path, offset: 0)
    }
    headerSize = Int(n)
    do {
      let parsed = try Safetensors.parseHeader(
        UnsafeRawBufferPointer(start: base + 8, count: Int(n)), dataSize: size - 8 - Int(n), path: path)
      tensors = parsed.tensors
      metadata = parsed.metadata
    } catch {
      munmap(mapped, size)
      throw error
    }
    mapping = base
    var index: [String: Int] = [:]
    for (i, tensor) in tensors.enumerated() { index[tensor.name] = i }
    self.index = index
  }

  deinit {
    if let mapping { munmap(UnsafeMutableRawPointer(mutating: mapping), fileSize) }
  }

  /// The tensor called `name`, if there is one.
  public func tensor(named name: String) -> SafetensorsTensorInfo? {
    index[name].map { tensors[$0] }
  }

  /// Calls `body` with the raw little-endian bytes of tensor `name`, straight from the mapping.
  ///
  /// Nothing is copied. The pointer is valid only inside `body`; it may be unaligned for the dtype, so
  /// read it with `loadUnaligned`.
  ///
  /// - Throws: ``ShardsError/Kind/invalidTensor`` when there is no such tensor.
  public func withBytes<R>(of name: String, _ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
    guard let tensor = tensor(named: name), let mapping else {
      throw ShardsError(.invalidTensor, "no tensor '\(name)'", path: path)
    }
    let start = mapping + 8 + headerSize + tensor.dataOffsets.lowerBound
    return try withExtendedLifetime(self) {
      try body(UnsafeRawBufferPointer(start: start, count: tensor.dataOffsets.count))
    }
  }

  /// Elements `range` (flat, row-major) of an integer tensor, converted to `Int64`.
  ///
  /// - Throws: ``ShardsError/Kind/invalidTensor`` when there is no such tensor, it is not an
  ///   integer or bool tensor, or `range` is out of bounds.
  public func integers(_ name: String, elements range: Range<Int>? = nil) throws(ShardsError) -> [Int64] {
    let view = try view(name)
    let range = range ?? 0..<view.count
    guard range.lowerBound >= 0, range.upperBound <= view.count else {
      throw ShardsError(.invalidTensor, "elements \(range) out of bounds for '\(name)' (\(view.count))", path: path)
    }
    var values: [Int64] = []
    values.reserveCapacity(range.count)
    withExtendedLifetime(self) {
      for i in range { values.append(view[i]) }
    }
    return values
  }

  /// An unchecked view of integer tensor `name` over the mapping; valid while `self` lives.
  func view(_ name: String) throws(ShardsError) -> IntegerTensorView {
    guard let tensor = tensor(named: name) else {
      throw ShardsError(.invalidTensor, "no tensor '\(name)'", path: path)
    }
    guard let mapping else { throw ShardsError(.readFailed, "not mapped", path: path) }
    switch tensor.dtype {
    case .bool, .u8, .i8, .i16, .u16, .i32, .u32, .i64, .u64: break
    default:
      throw ShardsError(.invalidTensor, "'\(name)' is \(tensor.dtype.rawValue), not an integer tensor", path: path)
    }
    return IntegerTensorView(
      base: mapping + 8 + headerSize + tensor.dataOffsets.lowerBound, dtype: tensor.dtype, count: tensor.elementCount)
  }
}

/// Reads elements of an integer tensor in place (little-endian, any alignment).
struct IntegerTensorView {
  let base: UnsafeRawPointer
  let dtype: SafetensorsDType
  let count: Int

  /// Element `i` as `Int64` (`U64` values above `Int64.max` wrap).
  ///
  /// `i` must be in `0..<count`.
  @inline(__always)
  subscript(i: Int) -> Int64 {
    switch dtype {
    case .bool, .u8: Int64(base.load(fromByteOffset: i, as: UInt8.self))
    case .i8: Int64(base.load(fromByteOffset: i, as: Int8.self))
    case .i16: Int64(Int16(littleEndian: base.loadUnaligned(fromByteOffset: i &* 2, as: Int16.self)))
    case .u16: Int64(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: i &* 2, as: UInt16.self)))
    case .i32: Int64(Int32(littleEndian: base.loadUnaligned(fromByteOffset: i &* 4, as: Int32.self)))
    case .u32: Int64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: i &* 4, as: UInt32.self)))
    case .i64: Int64(littleEndian: base.loadUnaligned(fromByteOffset: i &* 8, as: Int64.self))
    case .u64: Int64(bitPattern: UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i &* 8, as: UInt64.self)))
    default: 0
    }
  }
}
