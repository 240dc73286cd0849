/// The per-task dedup signature sidecar (`*.signatures`), written by
/// ``SignatureSidecarWriter`` in the ingest phase and read by ``DedupReducer``.
///
/// Binary, little-endian; records have a fixed size so the reducer can reach any document's
/// signature by offset:
///
/// ```
/// header   48 bytes   magic "DCMS" · version u16 = 1 · shingle u16 · bands u16 · rows u16
///                     · task index u32 · seed u64 · flags u32 = 0 · reserved 20 bytes (0)
/// records  n × (32 + 4·bands·rows)
///                     document index u64 · source index u32 · flags u32 (bit 0: exact key,
///                     bit 1: minhash) · exact key low u64 · exact key high u64
///                     · minhash u32 × bands·rows (zeros when absent)
/// ids      n × var    length u32 · UTF-8 document id (the record's, in record order)
/// footer   40 bytes   record count u64 · offset of the ids part u64 · reserved u64 (0)
///                     · checksum u64 · magic "DCME" · reserved u32 (0)
/// ```
///
/// The checksum is xxHash64 (seed 0) of every byte before it. All sidecars of one reduce must
/// agree on shingle, bands, rows and seed.
public enum SignatureSidecar {
  static let magic: UInt32 = 0x534D_4344  // "DCMS"
  static let footerMagic: UInt32 = 0x454D_4344  // "DCME"
  static let version: UInt16 = 1
  static let headerSize = 48
  static let footerSize = 40

  /// Record size for `hashes` minhashes.
  static func recordSize(hashes: Int) -> Int { 32 + 4 * hashes }

  /// An open, checked sidecar.
  final class Mapped {
    let file: MappedFile
    let taskIndex: Int
    let shingle: Int
    let bands: Int
    let rows: Int
    let seed: UInt64
    let count: Int
    let recordSize: Int
    let idsOffset: Int

    init(path: String) throws(FilterError) {
      file = try MappedFile(path: path)
      let size = file.size
      guard size >= headerSize + footerSize, file.u32(0) == magic, file.u32(size - 8) == footerMagic else {
        throw FilterError(.corruptSidecar, "not a signature sidecar (bad magic or too short)", path: path)
      }
      guard file.u16(4) == version else {
        throw FilterError(.corruptSidecar, "unsupported signature sidecar version \(file.u16(4))", path: path)
      }
      shingle = Int(file.u16(6))
      bands = Int(file.u16(8))
      rows = Int(file.u16(10))
      taskIndex = Int(file.u32(12))
      seed = file.u64(16)
      recordSize = SignatureSidecar.recordSize(hashes: bands * rows)
      let records = file.u64(size - footerSize)
      let ids = file.u64(size - footerSize + 8)
      guard records <= UInt64(size / recordSize), ids == UInt64(headerSize + Int(records) * recordSize),
        Int(ids) <= size - footerSize
      else {
        throw FilterError(.corruptSidecar, "counts in the footer do not match the file size", path: path)
      }
      count = Int(records)
      idsOffset = Int(ids)
      let checksum = XXHash64.hash(UnsafeRawBufferPointer(rebasing: file.bytes[0..<(size - 16)]))
      guard checksum == file.u64(size - 16) else {
        throw FilterError(.corruptSidecar, "checksum mismatch: the file is damaged; rerun its ingest task", path: path)
      }
    }

    @inline(__always) func recordOffset(_ index: Int) -> Int { headerSize + index * recordSize }
    @inline(__always) func documentIndex(_ index: Int) -> UInt64 { file.u64(recordOffset(index)) }
    @inline(__always) func sourceIndex(_ index: Int) -> Int { Int(file.u32(recordOffset(index) + 8)) }
    @inline(__always) func flags(_ index: Int) -> UInt32 { file.u32(recordOffset(index) + 12) }
    @inline(__always) func exact(_ index: Int) -> Hash128 {
      Hash128(low: file.u64(recordOffset(index) + 16), high: file.u64(recordOffset(index) + 24))
    }

    /// Calls `body` with the minhash values of record `index` (little-endian on disk; copied
    /// when the platform is big-endian).
    @inline(__always)
    func withSignature<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt32>) -> R) -> R {
      let offset = recordOffset(index) + 32
      let hashes = bands * rows
      #if _endian(little)
        if let base = file.bytes.baseAddress, (Int(bitPattern: base) + offset) % 4 == 0 {
          return body(UnsafeBufferPointer(start: (base + offset).assumingMemoryBound(to: UInt32.self), count: hashes))
        }
      #endif
      let values = (0..<hashes).map { file.u32(offset + 4 * $0) }
      return values.withUnsafeBufferPointer(body)
    }

    /// The ids of the records at `indices` (ascending), read from the ids part in one walk.
    func ids(at indices: [Int]) throws(FilterError) -> [Int: String] {
      var result: [Int: String] = [:]
      var offset = idsOffset
      var next = 0
      let end = file.size - footerSize
      for record in 0..<count {
        guard next < indices.count else { break }
        guard offset + 4 <= end else { throw FilterError(.corruptSidecar, "ids part is truncated", path: file.path) }
        let length = Int(file.u32(offset))
        guard offset + 4 + length <= end else {
          throw FilterError(.corruptSidecar, "ids part is truncated", path: file.path)
        }
        if indices[next] == record {
          result[record] = String(
            decoding: UnsafeRawBufferPointer(rebasing: file.bytes[(offset + 4)..<(offset + 4 + length)]), as: UTF8.self)
          next += 1
        }
        offset += 4 + length
      }
      return result
    }
  }
}

/// Writes one task's signature sidecar (format: ``SignatureSidecar``): records stream to a
/// temporary file as documents are appended; ``finish()`` adds the ids and the footer and
/// renames the file into place.
public final class SignatureSidecarWriter {
  /// The final path.
  public let path: String
  /// The parameters written into the header.
  public let config: MinHashConfig
  private let target: AtomicPath
  private let writer: BinaryFileWriter
  private let idsPath: String
  private let ids: BinaryFileWriter
  private var count = 0
  private var finished = false

  /// Starts the sidecar of task `taskIndex`; `seed` is the MinHash seed used (``DedupSigner/seed``).
  public init(path: String, taskIndex: Int, config: MinHashConfig, seed: UInt64) throws(FilterError) {
    self.path = path
    self.config = config
    target = AtomicPath(path)
    idsPath = target.temporaryPath + ".ids"
    writer = try BinaryFileWriter(path: target.temporaryPath, bufferSize: 1 << 18)
    ids = try BinaryFileWriter(path: idsPath, bufferSize: 1 << 16)
    try writer.write(SignatureSidecar.magic)
    try writer.write(SignatureSidecar.version)
    try writer.write(UInt16(truncatingIfNeeded: config.shingle))
    try writer.write(UInt16(truncatingIfNeeded: config.bands))
    try writer.write(UInt16(truncatingIfNeeded: config.rows))
    try writer.write(UInt32(truncatingIfNeeded: taskIndex))
    try writer.write(seed)
    try writer.write(UInt32(0))
    for _ in 0..<5 { try writer.write(UInt32(0)) }
  }

  deinit {
    if !finished {
      target.abandon()
      SpillDirectory.unlinkFile(idsPath)
    }
  }

  /// Documents appended so far.
  public var documentCount: Int { count }

  /// Appends one document.
  ///
  /// - Parameters:
  ///   - documentIndex: its index within the task (the same in the finish phase).
  ///   - sourceIndex: its source's index in pipeline order (the keeper prefers smaller ones).
  public func append(documentIndex: Int, sourceIndex: Int, id: String, signature: DocumentSignature) throws(FilterError)
  {
    try writer.write(UInt64(documentIndex))
    try writer.write(UInt32(truncatingIfNeeded: sourceIndex))
    var flags: UInt32 = 0
    if signature.exact != nil { flags |= 1 }
    if signature.minhash != nil { flags |= 2 }
    try writer.write(flags)
    try writer.write(signature.exact?.low ?? 0)
    try writer.write(signature.exact?.high ?? 0)
    let hashes = config.hashes
    if let minhash = signature.minhash, minhash.count == hashes {
      try writer.write(minhash)
    } else {
      for _ in 0..<hashes { try writer.write(UInt32(0)) }
    }
    try ids.write(UInt32(id.utf8.count))
    try ids.write(utf8: id)
    count += 1
  }

  /// Appends the ids and the footer and renames the file into place.
  public func finish() throws(FilterError) {
    do {
      try ids.close()
      let idsOffset = writer.offset
      let reader = try BinaryFileReader(path: idsPath, bufferSize: 1 << 18)
      var remaining = reader.size
      while remaining > 0 {
        let chunk = Int(min(remaining, 1 << 18))
        try writer.write(try reader.readBytes(chunk))
        remaining -= Int64(chunk)
      }
      SpillDirectory.unlinkFile(idsPath)
      try writer.write(UInt64(count))
      try writer.write(UInt64(idsOffset))
      try writer.write(UInt64(0))
      try writer.write(try writer.checksum())
      try writer.write(SignatureSidecar.footerMagic)
      try writer.write(UInt32(0))
      try writer.close()
      try target.commit()
      finished = true
    } catch {
      target.abandon()
      SpillDirectory.unlinkFile(idsPath)
      finished = true
      throw error
    }
  }
}
