import CorpusIO

/// Writes a TFRecord file (uncompressed), atomically (temporary name, then rename).
///
/// The framing:
///
/// ```
/// per record: UInt64 LE length | UInt32 LE masked CRC-32C of those 8 bytes |
///             payload          | UInt32 LE masked CRC-32C of the payload
/// ```
///
/// ```swift
/// let writer = try TFRecordWriter(path: "out/shards/shard-00000.tfrecord")
/// try writer.write(example, seqLen: 256, pad: 0)   // a tf.train.Example, as ELECTRA reads it
/// let (bytes, sha256) = try writer.finish()
/// ```
///
/// - Complexity: O(record bytes) per record.
public final class TFRecordWriter {
  /// Records written.
  public private(set) var records = 0
  /// The final path.
  public var path: String { file.path }

  private let file: HashingFileWriter
  private var scratch: [UInt8] = []

  /// Creates the file under its temporary name.
  public init(path: String) throws(ShardsError) {
    file = try HashingFileWriter(path: path)
    scratch.reserveCapacity(4096)
  }

  /// Appends one record with `payload`.
  public func write(record payload: UnsafeRawBufferPointer) throws(ShardsError) {
    var header = [UInt8](repeating: 0, count: 12)
    let length = UInt64(payload.count)
    for i in 0..<8 { header[i] = UInt8(truncatingIfNeeded: length >> UInt64(8 * i)) }
    let lengthCRC = CRC32C.masked(CRC32C.checksum(Array(header[0..<8])))
    for i in 0..<4 { header[8 + i] = UInt8(truncatingIfNeeded: lengthCRC >> UInt32(8 * i)) }
    try file.write(header)
    try file.write(payload)
    let dataCRC = CRC32C.masked(CRC32C.checksum(payload))
    try file.write((0..<4).map { UInt8(truncatingIfNeeded: dataCRC >> UInt32(8 * $0)) })
    records += 1
  }

  /// Appends one record with `payload`.
  public func write(record payload: [UInt8]) throws(ShardsError) {
    let result = payload.withUnsafeBytes { raw in Result { () throws(ShardsError) in try write(record: raw) } }
    try result.get()
  }

  /// Appends `example` as the `tf.train.Example` google-research/electra reads (`input_ids`,
  /// `input_mask`, `segment_ids`: int64 lists of `seqLen`).
  public func write(_ example: PackedExample, seqLen: Int, pad: Int32) throws(ShardsError) {
    try writeElectra(tokens: example.tokens[...], firstSegmentEnd: example.firstSegmentEnd, seqLen: seqLen, pad: pad)
  }

  func writeElectra(tokens: ArraySlice<Int32>, firstSegmentEnd: Int, seqLen: Int, pad: Int32) throws(ShardsError) {
    scratch.removeAll(keepingCapacity: true)
    TFExample.appendElectra(tokens: tokens, firstSegmentEnd: firstSegmentEnd, seqLen: seqLen, pad: pad, to: &scratch)
    try write(record: scratch)
  }

  /// Closes the file and renames it into place; returns its size and SHA-256.
  public func finish() throws(ShardsError) -> (bytes: Int64, sha256: String) {
    try file.finish()
  }

  /// Removes the unfinished file.
  public func abandon() { file.abandon() }
}

/// Reads the records of a TFRecord file in order, checking both CRCs of every record.
///
/// ```swift
/// var reader = try TFRecordReader(path: path)
/// while let payload = try reader.next() {
///   let example = try TFExample(serialized: payload)
/// }
/// ```
///
/// Errors carry the byte offset of the record: ``ShardsError/Kind/truncated`` when the file ends
/// inside a record, ``ShardsError/Kind/checksumMismatch`` when a CRC does not match. After an
/// error the reader is finished (`next()` returns `nil`).
public struct TFRecordReader {
  /// The file being read.
  public let path: String
  /// Byte offset of the next record.
  public private(set) var offset: Int64 = 0
  /// Records returned so far.
  public private(set) var records = 0
  /// Largest record accepted (1 GiB by default); a larger length is reported as corrupt.
  public var maxRecordSize = 1 << 30

  private let source: FileSource
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEOF = false
  private var failed = false

  /// Opens `path`.
  public init(path: String) throws(ShardsError) {
    self.path = path
    do {
      source = try FileSource(path: path)
    } catch {
      throw ShardsError(.readFailed, error.message, path: path)
    }
  }

  /// Reads all records of `path`.
  public static func readAll(path: String) throws(ShardsError) -> [[UInt8]] {
    var reader = try TFRecordReader(path: path)
    var records: [[UInt8]] = []
    while let record = try reader.next() { records.append(record) }
    return records
  }

  /// Ensures `count` unread bytes are buffered, reading more as needed; false at end of file.
  private mutating func fill(_ count: Int) throws(ShardsError) -> Bool {
    while buffer.count - start < count {
      if atEOF { return false }
      if start > 0, start >= buffer.count / 2 {
        buffer.removeFirst(start)
        start = 0
      }
      let chunk = max(1 << 16, count - (buffer.count - start))
      let old = buffer.count
      buffer.append(contentsOf: [UInt8](repeating: 0, count: chunk))
      let source = self.source
      let result = buffer.withUnsafeMutableBytes { raw in
        Result { () throws(CorpusIOError) in
          try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[old..<(old + chunk)]))
        }
      }
      let n: Int
      switch result {
      case .success(let count): n = count
      case .failure(let error):
        buffer.removeLast(chunk)
        throw ShardsError(.readFailed, error.message, path: path, offset: offset)
      }
      buffer.removeLast(chunk - n)
      if n == 0 { atEOF = true }
    }
    return true
  }

  private func littleEndian(_ at: Int, _ count: Int) -> UInt64 {
    var value: UInt64 = 0
    for i in 0..<count { value |= UInt64(buffer[at + i]) << UInt64(8 * i) }
    return value
  }

  /// The next record's payload, or `nil` at the end of the file.
  ///
  /// - Throws: ``ShardsError/Kind/truncated``, ``ShardsError/Kind/checksumMismatch`` or
  ///   ``ShardsError/Kind/readFailed``, with the record's offset.
  public mutating func next() throws(ShardsError) -> [UInt8]? {
    guard !failed else { return nil }
    do throws(ShardsError) {
      guard try fill(12) else {
        if buffer.count > start {
          throw ShardsError(.truncated, "the file ends inside a record header", path: path, offset: offset)
        }
        return nil
      }
      let length = littleEndian(start, 8)
      let lengthCRC = UInt32(littleEndian(start + 8, 4))
      let expected = buffer.withUnsafeBytes {
        CRC32C.masked(CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[start..<(start + 8)])))
      }
      guard lengthCRC == expected else {
        throw ShardsError(
          .checksumMismatch, "the length CRC does not match (corrupt record header)", path: path, offset: offset)
      }
      guard length <= UInt64(maxRecordSize) else {
        throw ShardsError(
          .invalidRecord, "record length \(length) exceeds the limit \(maxRecordSize)", path: path, offset: offset)
      }
      let total = 12 + Int(length) + 4
      guard try fill(total) else {
        throw ShardsError(.truncated, "the file ends inside a \(length)-byte record", path: path, offset: offset)
      }
      let payloadRange = (start + 12)..<(start + 12 + Int(length))
      let dataCRC = UInt32(littleEndian(payloadRange.upperBound, 4))
      let actual = buffer.withUnsafeBytes {
        CRC32C.masked(CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[payloadRange])))
      }
      guard dataCRC == actual else {
        throw ShardsError(
          .checksumMismatch, "the data CRC does not match (corrupt payload)", path: path, offset: offset)
      }
      let payload = Array(buffer[payloadRange])
      start += total
      offset += Int64(total)
      records += 1
      return payload
    } catch {
      failed = true
      throw error
    }
  }
}
