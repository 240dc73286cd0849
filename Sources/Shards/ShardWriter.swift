#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// A shard file format.
public enum ShardFormat: String, Sendable, Hashable, Codable, CaseIterable {
  /// `*.safetensors`: `input_ids`, `token_type_ids`, `attention_mask`, each `[N, seq_len]`.
  case safetensors
  /// `*.tfrecord`: one `tf.train.Example` per example (`input_ids`, `input_mask`, `segment_ids`).
  case tfrecord

  /// The file name extension, without the dot.
  public var fileExtension: String { rawValue }
}

/// The element type of the `input_ids` tensor in safetensors shards.
public enum TokenDType: String, Sendable, Hashable, Codable, CaseIterable {
  /// `I32` (the default; what PyTorch embedding layers take without conversion).
  case int32
  /// `U16`, half the size; every id (and `[PAD]`) must be below 65 536.
  case uint16

  var safetensors: SafetensorsDType { self == .int32 ? .i32 : .u16 }
}

/// One file written by ``ShardWriter``, as the manifest records it.
public struct ShardFileRecord: Sendable, Hashable, Codable {
  /// Path: ``ShardWriter/Configuration/recordPathPrefix`` + file name.
  public var path: String
  /// The file's format.
  public var format: ShardFormat
  /// File size in bytes.
  public var bytes: Int64
  /// SHA-256 of the file, lowercase hex.
  public var sha256: String
  /// Examples (rows) in the file.
  public var examples: Int
  /// Content tokens: positions that are neither `[CLS]`, `[SEP]` nor padding.
  public var tokens: Int
  /// Padding positions.
  public var padding: Int

  public init(path: String, format: ShardFormat, bytes: Int64, sha256: String, examples: Int, tokens: Int, padding: Int)
  {
    self.path = path
    self.format = format
    self.bytes = bytes
    self.sha256 = sha256
    self.examples = examples
    self.tokens = tokens
    self.padding = padding
  }
}

/// Writes packed examples to shard files of ``Configuration/examplesPerShard`` examples each
/// (the last one may be smaller), in every format asked for, and returns a record per file.
///
/// Files are `DIRECTORY/PREFIX-NNNNN.safetensors` (and `.tfrecord`, same examples), `NNNNN`
/// counting from 0. Each is written under a temporary name and renamed when complete
/// (``AtomicFile``), so a killed run never leaves a partial file under a final name.
///
/// **Order.** Without shuffling, examples appear in the order they were added. With
/// ``Configuration/shuffle``, the order is a uniformly random permutation of all examples added,
/// determined by ``Configuration/shuffleSeed`` and the sequence of examples alone — computed
/// out of core in two passes:
/// 1. each example goes to one of ``Configuration/shuffleBuckets`` scratch files, chosen by
///    `randbelow(buckets)` of a ``PythonRandom`` seeded with the shuffle seed;
/// 2. bucket after bucket is read back, permuted with `shuffle` (Python's Fisher–Yates), and
///    written out. A bucket holding more than ``Configuration/shuffleMemoryExamples`` examples
///    is first split the same way into enough sub-buckets, recursively.
///
/// Independent uniform bucket choices followed by uniform permutations within buckets give a
/// uniform permutation of the whole. Scratch files live in `DIRECTORY/.shuffle-PID/` and are
/// removed at the end.
///
/// **Memory.** Without shuffling: one shard's examples, compactly (`examplesPerShard × (4 ×
/// tokens + 12)` bytes, about 64 MiB for 65 536 full examples of 256), plus a 1 MiB output buffer.
/// With shuffling, in addition: pass 1 keeps a 64 KiB buffer per bucket (4 MiB for 64), pass 2
/// one bucket of at most `shuffleMemoryExamples` examples (about 128 MiB for 131 072 of 256) and
/// its raw bytes while decoding (the same again). Disk: the examples once more, twice for
/// buckets that must be split.
///
/// ```swift
/// let writer = try ShardWriter(.init(directory: "out/shards", metadata: metadata, formats: [.safetensors, .tfrecord]))
/// try builder.addDocument(segments, source: 0) { try writer.add($0) }
/// let files = try writer.finish()
/// ```
public final class ShardWriter {
  /// Where and how to write shards.
  public struct Configuration: Sendable, Hashable {
    /// Directory the shard files go to (created if missing).
    public var directory: String
    /// File names are `namePrefix-NNNNN.EXT`.
    public var namePrefix = "shard"
    /// Prepended to file names in ``ShardFileRecord/path``.
    ///
    /// For example `"shards/"`, for paths relative to the build output directory.
    public var recordPathPrefix = ""
    /// Formats to write; each shard is written in each.
    public var formats: [ShardFormat] = [.safetensors]
    /// Examples per shard file.
    public var examplesPerShard = 65_536
    /// The safetensors `input_ids` element type.
    public var inputIDsType = TokenDType.int32
    /// `seq_len`, special tokens and hashes; stored as the safetensors `__metadata__`.
    public var metadata: ShardMetadata
    /// Shuffle all examples across shards before writing.
    public var shuffle = false
    /// Seed of the shuffle (``PythonRandom``).
    public var shuffleSeed = 0
    /// Scratch files of the first shuffle pass.
    public var shuffleBuckets = 64
    /// Largest bucket sorted in memory; larger ones are split again.
    public var shuffleMemoryExamples = 131_072

    /// Example length, from the metadata.
    public var seqLen: Int { metadata.seqLen }

    public init(
      directory: String, metadata: ShardMetadata, formats: [ShardFormat] = [.safetensors],
      examplesPerShard: Int = 65_536, inputIDsType: TokenDType = .int32, shuffle: Bool = false, shuffleSeed: Int = 0
    ) {
      self.directory = directory
      self.metadata = metadata
      self.formats = formats
      self.examplesPerShard = examplesPerShard
      self.inputIDsType = inputIDsType
      self.shuffle = shuffle
      self.shuffleSeed = shuffleSeed
    }
  }

  /// The configuration in use.
  public let configuration: Configuration
  /// Examples added so far.
  public private(set) var examplesAdded = 0
  /// Files completed so far (all of them after ``finish()``).
  public private(set) var files: [ShardFileRecord] = []

  private var block = ExampleBlock()
  private var shardIndex = 0
  private var random: PythonRandom
  private var buckets: [ScratchFile] = []
  private var scratchDirectory: String?
  private var scratchCounter = 0
  private var finished = false

  /// Checks `configuration` and creates the output directory.
  ///
  /// - Throws: ``ShardsError/Kind/invalidArgument`` for a non-positive `examplesPerShard`,
  ///   `shuffleBuckets` or `shuffleMemoryExamples`, a `seq_len` below 5, no formats, or a `[PAD]`
  ///   that does not fit `uint16`; ``ShardsError/Kind/writeFailed`` when the directory cannot be
  ///   created.
  public init(_ configuration: Configuration) throws(ShardsError) {
    guard configuration.examplesPerShard > 0, configuration.shuffleBuckets > 0,
      configuration.shuffleMemoryExamples > 0
    else {
      throw ShardsError(.invalidArgument, "examples_per_shard, shuffle buckets and shuffle memory must be positive")
    }
    guard configuration.seqLen >= 5 else {
      throw ShardsError(.invalidArgument, "seq_len is \(configuration.seqLen); it must be at least 5")
    }
    guard !configuration.formats.isEmpty else {
      throw ShardsError(.invalidArgument, "no shard formats given; use safetensors and/or tfrecord")
    }
    if configuration.inputIDsType == .uint16, !(0...65_535).contains(configuration.metadata.special.pad) {
      throw ShardsError(
        .invalidArgument, "[PAD] id \(configuration.metadata.special.pad) does not fit uint16; use dtype int32")
    }
    self.configuration = configuration
    random = PythonRandom(seed: configuration.shuffleSeed)
    try Self.makeDirectory(configuration.directory)
  }

  deinit { removeScratch() }

  /// Adds one example.
  ///
  /// - Throws: ``ShardsError/Kind/invalidArgument`` when the example is longer than `seq_len`,
  ///   its segment boundary is impossible, or (for `uint16`) an id is outside 0…65535; any
  ///   write error of the shard or scratch files.
  public func add(_ example: PackedExample) throws(ShardsError) {
    guard !finished else { throw ShardsError(.invalidArgument, "add after finish") }
    let seqLen = configuration.seqLen
    guard example.tokens.count <= seqLen, example.tokens.count >= 2,
      example.firstSegmentEnd >= 2, example.firstSegmentEnd <= example.tokens.count
    else {
      throw ShardsError(
        .invalidArgument,
        "example \(examplesAdded) has \(example.tokens.count) tokens (seq_len \(seqLen)) and segment A end \(example.firstSegmentEnd)"
      )
    }
    if configuration.inputIDsType == .uint16, let bad = example.tokens.first(where: { $0 < 0 || $0 > 65_535 }) {
      throw ShardsError(.invalidArgument, "token id \(bad) does not fit uint16; use dtype int32")
    }
    examplesAdded += 1
    if configuration.shuffle {
      if buckets.isEmpty { buckets = try makeBuckets(configuration.shuffleBuckets) }
      let bucket = buckets[random.randbelow(buckets.count)]
      let firstEnd = Int32(example.firstSegmentEnd)
      try bucket.append { ExampleBlock.encodeRecord(tokens: example.tokens[...], firstSegmentEnd: firstEnd, into: &$0) }
    } else {
      block.append(example)
      if block.count == configuration.examplesPerShard { try writeShard() }
    }
  }

  /// Writes what is left (the shuffle's second pass, the last partial shard) and returns a
  /// record for every file written, in shard order, formats in configuration order.
  public func finish() throws(ShardsError) -> [ShardFileRecord] {
    guard !finished else { return files }
    finished = true
    do throws(ShardsError) {
      if configuration.shuffle {
        let first = buckets
        buckets = []
        for bucket in first { try drain(bucket) }
      }
      if !block.isEmpty { try writeShard() }
      removeScratch()
      return files
    } catch {
      removeScratch()
      throw error
    }
  }

  /// Removes scratch files.
  ///
  /// Shard files already completed stay (they are complete and listed
  /// in ``files``).
  public func abandon() {
    finished = true
    buckets = []
    removeScratch()
  }

  // MARK: Shuffle

  private func makeBuckets(_ count: Int) throws(ShardsError) -> [ScratchFile] {
    if scratchDirectory == nil {
      let path = "\(configuration.directory)/.shuffle-\(getpid())"
      try Self.makeDirectory(path)
      scratchDirectory = path
    }
    let directory = scratchDirectory ?? configuration.directory
    var files: [ScratchFile] = []
    for _ in 0..<count {
      scratchCounter += 1
      files.append(try ScratchFile(path: "\(directory)/bucket-\(scratchCounter).bin"))
    }
    return files
  }

  /// Shuffles one bucket into the output, splitting it first when it is too large.
  private func drain(_ bucket: ScratchFile) throws(ShardsError) {
    defer { bucket.remove() }
    let limit = configuration.shuffleMemoryExamples
    if bucket.records > limit {
      let parts = 2 * ((bucket.records + limit - 1) / limit)
      let sub = try makeBuckets(parts)
      try bucket.forEachBlock { (piece: ExampleBlock) throws(ShardsError) in
        for i in 0..<piece.count {
          try sub[random.randbelow(parts)].append { piece.encode(i, into: &$0) }
        }
      }
      bucket.remove()
      for part in sub { try drain(part) }
      return
    }
    var loaded = ExampleBlock()
    try bucket.forEachBlock { (piece: ExampleBlock) throws(ShardsError) in
      for i in 0..<piece.count { loaded.append(tokens: piece.tokens(i), firstSegmentEnd: piece.firstEnds[i]) }
    }
    bucket.remove()
    var order = Array(0..<loaded.count)
    random.shuffle(&order)
    for i in order {
      block.append(tokens: loaded.tokens(i), firstSegmentEnd: loaded.firstEnds[i])
      if block.count == configuration.examplesPerShard { try writeShard() }
    }
  }

  private func removeScratch() {
    for bucket in buckets { bucket.remove() }
    if let scratchDirectory { rmdir(scratchDirectory) }
    scratchDirectory = nil
  }

  // MARK: Writing shards

  private func writeShard() throws(ShardsError) {
    let name = "\(configuration.namePrefix)-\(Self.fiveDigits(shardIndex))"
    shardIndex += 1
    var tokens = 0
    for i in 0..<block.count {
      let length = block.ends[i] - (i == 0 ? 0 : block.ends[i - 1])
      tokens += length - (length > Int(block.firstEnds[i]) ? 3 : 2)
    }
    let padding = block.count * configuration.seqLen - block.tokens.count
    for format in configuration.formats {
      let fileName = "\(name).\(format.fileExtension)"
      let path = "\(configuration.directory)/\(fileName)"
      let (bytes, sha256) =
        switch format {
        case .safetensors: try writeSafetensors(path)
        case .tfrecord: try writeTFRecord(path)
        }
      files.append(
        ShardFileRecord(
          path: configuration.recordPathPrefix + fileName, format: format, bytes: bytes, sha256: sha256,
          examples: block.count, tokens: tokens, padding: padding))
    }
    block.removeAll()
  }

  private func writeSafetensors(_ path: String) throws(ShardsError) -> (Int64, String) {
    let seqLen = configuration.seqLen
    let n = block.count
    let writer = try SafetensorsWriter(
      path: path,
      tensors: [
        .init(name: "input_ids", dtype: configuration.inputIDsType.safetensors, shape: [n, seqLen]),
        .init(name: "token_type_ids", dtype: .i32, shape: [n, seqLen]),
        .init(name: "attention_mask", dtype: .i32, shape: [n, seqLen]),
      ], metadata: configuration.metadata.dictionary)
    do throws(ShardsError) {
      let pad = configuration.metadata.special.pad
      for tensor in writer.tensors {
        let width = tensor.dtype.byteSize
        for i in 0..<n {
          let row = block.tokens(i)
          let firstEnd = Int(block.firstEnds[i])
          try writer.append(count: seqLen * width) { region in
            guard let out = region.baseAddress else { return }
            switch tensor.name {
            case "input_ids":
              if width == 4 {
                var k = 0
                for token in row {
                  out.storeBytes(of: token.littleEndian, toByteOffset: 4 * k, as: Int32.self)
                  k += 1
                }
                for j in k..<seqLen { out.storeBytes(of: pad.littleEndian, toByteOffset: 4 * j, as: Int32.self) }
              } else {
                var k = 0
                for token in row {
                  out.storeBytes(
                    of: UInt16(truncatingIfNeeded: token).littleEndian, toByteOffset: 2 * k, as: UInt16.self)
                  k += 1
                }
                let p = UInt16(truncatingIfNeeded: pad).littleEndian
                for j in k..<seqLen { out.storeBytes(of: p, toByteOffset: 2 * j, as: UInt16.self) }
              }
            case "token_type_ids":
              for j in 0..<seqLen {
                let value: Int32 = j >= firstEnd && j < row.count ? 1 : 0
                out.storeBytes(of: value.littleEndian, toByteOffset: 4 * j, as: Int32.self)
              }
            default:
              for j in 0..<seqLen {
                let value: Int32 = j < row.count ? 1 : 0
                out.storeBytes(of: value.littleEndian, toByteOffset: 4 * j, as: Int32.self)
              }
            }
          }
        }
      }
      return try writer.finish()
    } catch {
      writer.abandon()
      throw error
    }
  }

  private func writeTFRecord(_ path: String) throws(ShardsError) -> (Int64, String) {
    let writer = try TFRecordWriter(path: path)
    do throws(ShardsError) {
      for i in 0..<block.count {
        try writer.writeElectra(
          tokens: block.tokens(i), firstSegmentEnd: Int(block.firstEnds[i]), seqLen: configuration.seqLen,
          pad: configuration.metadata.special.pad)
      }
      return try writer.finish()
    } catch {
      writer.abandon()
      throw error
    }
  }

  static func fiveDigits(_ value: Int) -> String {
    let digits = String(value)
    return digits.count >= 5 ? digits : String(repeating: "0", count: 5 - digits.count) + digits
  }

  /// `mkdir -p`.
  static func makeDirectory(_ path: String) throws(ShardsError) {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
      prefix += component
      if mkdir(prefix, 0o755) != 0, errno != EEXIST {
        throw ShardsError(.writeFailed, "cannot create directory: \(String(cString: strerror(errno)))", path: prefix)
      }
      prefix += "/"
    }
  }
}
