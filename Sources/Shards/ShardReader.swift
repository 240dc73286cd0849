/// The examples of one tensor shard, in file order, whichever format it is in: a safetensors shard
/// (read through ``SafetensorsShard``, mmap) or a TFRecord file of `tf.train.Example`s (read
/// through ``TFRecordReader``, CRCs checked).
///
/// ```swift
/// var reader = try ShardReader(path: "out/shards/shard-00000.safetensors")
/// while let example = try reader.nextPacked() {
///   print(example.firstSegment, example.secondSegment, reader.seqLen - example.tokens.count)
/// }
/// ```
///
/// Every problem is a ``ShardsError`` that names the file: a bad header or sizes (on opening a
/// safetensors shard), a CRC mismatch or truncation (with its byte offset, for TFRecord), a
/// record that is not an ELECTRA example, rows that are not the packer's layout.
public struct ShardReader {
  /// The file being read.
  public let path: String
  /// Its format.
  public let format: ShardFormat
  /// The safetensors `__metadata__` (seq_len, special tokens, vocab hash); `nil` for TFRecord,
  /// which has none.
  public let metadata: ShardMetadata?
  /// The number of examples, when the format says it up front (safetensors).
  public let count: Int?
  /// Example length: from the safetensors header, or the rows of the first TFRecord example
  /// (0 until it is read).
  public private(set) var seqLen: Int
  /// Examples returned so far.
  public private(set) var examplesRead = 0

  private let safetensors: SafetensorsShard?
  private var records: TFRecordReader?

  /// The format of the shard at `path`, by its extension (`.safetensors`, `.tfrecord`), or `nil`.
  public static func format(ofPath path: String) -> ShardFormat? {
    ShardFormat.allCases.first { path.hasSuffix("." + $0.fileExtension) }
  }

  /// Opens the shard at `path`; a safetensors shard is validated at once (header, sizes, tensors).
  ///
  /// - Throws: ``ShardsError/Kind/invalidArgument`` when the extension names no shard format; any
  ///   error of ``SafetensorsShard/init(path:)`` or ``TFRecordReader/init(path:)``.
  public init(path: String) throws(ShardsError) {
    guard let format = Self.format(ofPath: path) else {
      throw ShardsError(.invalidArgument, "not a shard: the name ends neither in .safetensors nor in .tfrecord", path: path)
    }
    self.path = path
    self.format = format
    switch format {
    case .safetensors:
      let shard = try SafetensorsShard(path: path)
      safetensors = shard
      records = nil
      metadata = shard.metadata
      count = shard.count
      seqLen = shard.seqLen
    case .tfrecord:
      safetensors = nil
      records = try TFRecordReader(path: path)
      metadata = nil
      count = nil
      seqLen = 0
    }
  }

  /// The next example's rows, or `nil` after the last.
  ///
  /// - Throws: ``ShardsError`` with this file's path: a TFRecord CRC mismatch, truncation or a
  ///   record without ELECTRA's three int64 features (`input_ids`, `input_mask`,
  ///   `segment_ids`) of one length, or a length that differs from the first example's.
  public mutating func next() throws(ShardsError) -> ShardExample? {
    let example: ShardExample
    if let safetensors {
      guard examplesRead < safetensors.count else { return nil }
      example = try safetensors.example(at: examplesRead)
    } else {
      let offset = records?.offset
      guard let record = try records?.next() else { return nil }
      do {
        example = try ShardExample(electra: try TFExample(serialized: record))
      } catch {
        throw ShardsError(error.kind, "record \(examplesRead): \(error.message)", path: path, offset: offset)
      }
      if examplesRead == 0 { seqLen = example.inputIDs.count }
      guard example.inputIDs.count == seqLen else {
        throw ShardsError(
          .invalidRecord, "record \(examplesRead) has \(example.inputIDs.count) positions, the first had \(seqLen)",
          path: path, offset: offset)
      }
    }
    examplesRead += 1
    return example
  }

  /// The next example without its padding, or `nil` after the last.
  ///
  /// - Throws: the errors of ``next()``, and ``ShardsError/Kind/invalidTensor`` when the rows are
  ///   not the packer's layout (``ShardExample/packed``): the attention mask is not ones then zeros,
  ///   or the token types are not 0…0 1…1 within it and 0 after it.
  public mutating func nextPacked() throws(ShardsError) -> PackedExample? {
    guard let example = try next() else { return nil }
    guard let packed = example.packed else {
      throw ShardsError(
        .invalidTensor,
        "example \(examplesRead - 1): attention mask or token types are not [CLS] A [SEP] (B [SEP]) then padding",
        path: path)
    }
    return packed
  }
}
