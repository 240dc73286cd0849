/// The per-task line-count sidecar (`*.linecounts`), written by ``LineCountAccumulator`` in the
/// ingest phase and read by ``OverrepresentedReducer``.
///
/// Binary, little-endian, in four parts:
///
/// ```
/// header   32 bytes   magic "DCLC" · version u16 = 1 · record size u16 = 32 · task index u32
///                     · flags u32 = 0 · reserved 16 bytes (0)
/// records  n × 32     line key u64 · domain key u64 · occurrences u32 · documents u32
///                     · first document u64 (index within the task of the first document with the line)
/// samples  m × var    line key u64 · length u32 · UTF-8 bytes (no padding)
/// footer   40 bytes   record count n u64 · sample count m u64 · offset of the samples part u64
///                     · checksum u64 · magic "DCLE" · reserved u32 (0)
/// ```
///
/// The checksum is xxHash64 (seed 0) of every byte before it (header, records, samples and the
/// footer's first 24 bytes). The line key is ``OverrepresentedPolicy/countingKey(_:group:)`` of
/// the line's ``LineKey/hash``; the domain key is ``DomainKey/of(url:)``. Records are in no
/// particular order and a (line, domain) pair may occur more than once (after the accumulator
/// spilled); the reducer sums them.
public enum LineCountSidecar {
  static let magic: UInt32 = 0x434C_4344  // "DCLC" little-endian
  static let footerMagic: UInt32 = 0x454C_4344  // "DCLE"
  static let version: UInt16 = 1
  static let headerSize = 32
  static let recordSize = 32
  static let footerSize = 40

  /// One record as stored.
  struct Record {
    var line: UInt64
    var domain: UInt64
    var occurrences: UInt32
    var documents: UInt32
    var firstDocument: UInt64
  }

  static func writeHeader(_ writer: BinaryFileWriter, taskIndex: Int) throws(FilterError) {
    try writer.write(magic)
    try writer.write(version)
    try writer.write(UInt16(recordSize))
    try writer.write(UInt32(truncatingIfNeeded: taskIndex))
    try writer.write(UInt32(0))
    try writer.write(UInt64(0))
    try writer.write(UInt64(0))
  }

  @inline(__always)
  static func write(_ record: Record, to writer: BinaryFileWriter) throws(FilterError) {
    try writer.write(record.line)
    try writer.write(record.domain)
    try writer.write(record.occurrences)
    try writer.write(record.documents)
    try writer.write(record.firstDocument)
  }

  /// An open sidecar: header and footer read and checked; records and samples read on demand.
  final class Reader {
    let path: String
    let taskIndex: Int
    let recordCount: Int
    let sampleCount: Int
    let samplesOffset: Int64
    let storedChecksum: UInt64
    private let reader: BinaryFileReader

    init(path: String) throws(FilterError) {
      self.path = path
      reader = try BinaryFileReader(path: path)
      let size = reader.size
      guard size >= Int64(headerSize + footerSize) else {
        throw FilterError(.corruptSidecar, "too short for a line-count sidecar (\(size) bytes)", path: path)
      }
      let header = try reader.read(at: 0, count: headerSize)
      let footer = try reader.read(at: size - Int64(footerSize), count: footerSize)
      func u16(_ b: [UInt8], _ o: Int) -> UInt16 { UInt16(b[o]) | UInt16(b[o + 1]) << 8 }
      func u32(_ b: [UInt8], _ o: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(b[o + $1]) << (8 * $1) } }
      func u64(_ b: [UInt8], _ o: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(b[o + $1]) << (8 * $1) } }
      guard u32(header, 0) == magic, u32(footer, 32) == footerMagic else {
        throw FilterError(.corruptSidecar, "not a line-count sidecar (bad magic)", path: path)
      }
      guard u16(header, 4) == version, u16(header, 6) == UInt16(recordSize) else {
        throw FilterError(.corruptSidecar, "unsupported line-count sidecar version \(u16(header, 4))", path: path)
      }
      taskIndex = Int(u32(header, 8))
      let records = u64(footer, 0)
      let samples = u64(footer, 8)
      samplesOffset = Int64(bitPattern: u64(footer, 16))
      storedChecksum = u64(footer, 24)
      guard records <= UInt64(Int.max / recordSize), samples <= UInt64(Int.max),
        samplesOffset == Int64(headerSize) + Int64(records) * Int64(recordSize),
        samplesOffset <= size - Int64(footerSize)
      else {
        throw FilterError(.corruptSidecar, "counts in the footer do not match the file size", path: path)
      }
      recordCount = Int(records)
      sampleCount = Int(samples)
      reader.checksumLimit = size - Int64(footerSize) + 24
    }

    /// Calls `body` with every record, then reads to the end and checks the checksum.
    func forEachRecord(_ body: (Record) throws(FilterError) -> Void) throws(FilterError) {
      try reader.skip(Int64(headerSize))
      for _ in 0..<recordCount {
        let record = Record(
          line: try reader.read(), domain: try reader.read(), occurrences: try reader.read(),
          documents: try reader.read(), firstDocument: try reader.read())
        try body(record)
      }
      try reader.skip(reader.size - reader.position)
      guard reader.checksum == storedChecksum else {
        throw FilterError(.corruptSidecar, "checksum mismatch: the file is damaged; rerun its ingest task", path: path)
      }
    }

    /// Calls `body` with every sample (key, UTF-8 bytes).
    ///
    /// Call after ``forEachRecord(_:)``,
    /// which checked the checksum.
    func forEachSample(_ body: (UInt64, [UInt8]) throws(FilterError) -> Void) throws(FilterError) {
      try reader.seek(to: samplesOffset)
      for _ in 0..<sampleCount {
        let key: UInt64 = try reader.read()
        let length: UInt32 = try reader.read()
        guard Int64(length) <= reader.size else {
          throw FilterError(.corruptSidecar, "sample length \(length) exceeds the file", path: path)
        }
        try body(key, try reader.readBytes(Int(length)))
      }
    }
  }
}
