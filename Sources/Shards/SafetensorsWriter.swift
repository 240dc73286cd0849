/// Writes one safetensors file, streaming: the header first (it only needs names, dtypes and
/// shapes), then every tensor's bytes in file order (``tensors``), then ``finish()`` checks
/// the byte count and renames the file into place.
///
/// The bytes equal what Python's `safetensors.numpy.save_file` writes for the same tensors and
/// metadata, except that metadata keys are always in sorted order (see ``Safetensors``).
///
/// ```swift
/// let writer = try SafetensorsWriter(path: "x.safetensors", tensors: [
///   .init(name: "input_ids", dtype: .i32, shape: [n, 256]),
/// ], metadata: ["format": "pt"])
/// for tensor in writer.tensors { try writer.write(bytesOf(tensor)) }
/// let (size, sha256) = try writer.finish()
/// ```
///
/// - Complexity: O(header + data) time; memory is the output buffer (1 MiB).
public final class SafetensorsWriter {
  /// A tensor to be written: its name, element type and shape.
  public struct TensorSpec: Sendable, Hashable {
    public var name: String
    public var dtype: SafetensorsDType
    public var shape: [Int]

    public init(name: String, dtype: SafetensorsDType, shape: [Int]) {
      self.name = name
      self.dtype = dtype
      self.shape = shape
    }
  }

  /// The tensors in the order their bytes must be written, with their offsets.
  public let tensors: [SafetensorsTensorInfo]
  /// Size of the data section: the sum of all tensors' byte sizes.
  public let dataSize: Int
  /// The final path.
  public var path: String { file.path }

  private let file: HashingFileWriter
  private let headerSize: Int

  /// Creates the file and writes its header.
  ///
  /// - Throws: ``ShardsError/Kind/invalidArgument`` for duplicate or reserved names
  ///   (`__metadata__`) or negative dimensions; ``ShardsError/Kind/writeFailed``.
  public init(path: String, tensors specs: [TensorSpec], metadata: [String: String]?) throws(ShardsError) {
    var names = Set<String>()
    for spec in specs {
      guard spec.name != "__metadata__", names.insert(spec.name).inserted else {
        throw ShardsError(.invalidArgument, "tensor name '\(spec.name)' is reserved or used twice", path: path)
      }
      guard spec.shape.allSatisfy({ $0 >= 0 }) else {
        throw ShardsError(.invalidArgument, "tensor '\(spec.name)' has a negative dimension", path: path)
      }
    }
    var infos: [SafetensorsTensorInfo] = []
    var offset = 0
    for index in Safetensors.layoutOrder(specs.map { ($0.name, $0.dtype) }) {
      let spec = specs[index]
      let size = spec.shape.reduce(1, *) * spec.dtype.byteSize
      infos.append(
        SafetensorsTensorInfo(
          name: spec.name, dtype: spec.dtype, shape: spec.shape, dataOffsets: offset..<(offset + size)))
      offset += size
    }
    tensors = infos
    dataSize = offset
    let header = Safetensors.encodeHeader(infos, metadata: metadata)
    headerSize = header.count
    file = try HashingFileWriter(path: path)
    do {
      try file.write(header)
    } catch {
      file.abandon()
      throw error
    }
  }

  /// Bytes of tensor data written so far.
  public var dataBytesWritten: Int { Int(file.bytesWritten) - headerSize }

  /// Appends tensor bytes (little-endian, row-major), continuing where the last call stopped.
  public func write(_ bytes: UnsafeRawBufferPointer) throws(ShardsError) {
    guard dataBytesWritten + bytes.count <= dataSize else {
      throw ShardsError(.invalidArgument, "more tensor bytes than the header declares (\(dataSize))", path: path)
    }
    try file.write(bytes)
  }

  /// Appends `count` tensor bytes that `fill` writes into the region it is given.
  public func append(count: Int, _ fill: (UnsafeMutableRawBufferPointer) -> Void) throws(ShardsError) {
    guard dataBytesWritten + count <= dataSize else {
      throw ShardsError(.invalidArgument, "more tensor bytes than the header declares (\(dataSize))", path: path)
    }
    try file.append(count: count, fill)
  }

  /// Checks that all declared bytes were written, then closes and renames the file into place.
  ///
  /// - Returns: the file size and its SHA-256 (lowercase hex).
  public func finish() throws(ShardsError) -> (bytes: Int64, sha256: String) {
    guard dataBytesWritten == dataSize else {
      file.abandon()
      throw ShardsError(
        .invalidArgument, "\(dataBytesWritten) tensor bytes written, the header declares \(dataSize)", path: path)
    }
    return try file.finish()
  }

  /// Removes the unfinished file.
  public func abandon() { file.abandon() }

  /// Writes a whole file from tensors given as raw little-endian bytes.
  public static func write(
    path: String, tensors: [(spec: TensorSpec, bytes: [UInt8])], metadata: [String: String]?
  ) throws(ShardsError) -> (bytes: Int64, sha256: String) {
    let writer = try SafetensorsWriter(path: path, tensors: tensors.map(\.spec), metadata: metadata)
    do throws(ShardsError) {
      for info in writer.tensors {
        guard let tensor = tensors.first(where: { $0.spec.name == info.name }),
          tensor.bytes.count == info.dataOffsets.count
        else {
          throw ShardsError(.invalidArgument, "tensor '\(info.name)' needs \(info.dataOffsets.count) bytes", path: path)
        }
        try writer.write(tensor.bytes)
      }
      return try writer.finish()
    } catch {
      writer.abandon()
      throw error
    }
  }

  private func write(_ bytes: [UInt8]) throws(ShardsError) {
    let result = bytes.withUnsafeBytes { raw in Result { () throws(ShardsError) in try write(raw) } }
    try result.get()
  }
}
