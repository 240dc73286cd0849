/// The `__metadata__` of a dacorpus tensor shard.
///
/// All values are strings in the file:
///
/// | key | value |
/// |---|---|
/// | `format` | `pt` (transformers refuses files without it) |
/// | `seq_len` | example length, e.g. `256` |
/// | `vocab_sha256` | SHA-256 of the `vocab.txt` the ids refer to |
/// | `config_sha256` | SHA-256 of the producing config (canonical JSON) |
/// | `cls_token_id`, `sep_token_id`, `pad_token_id` | special-token ids |
/// | `mask_token_id`, `unk_token_id` | when known |
public struct ShardMetadata: Sendable, Hashable, Codable {
  /// Example length.
  public var seqLen: Int
  /// Special-token ids.
  public var special: SpecialTokens
  /// SHA-256 (lowercase hex) of the vocabulary file.
  public var vocabSHA256: String
  /// SHA-256 (lowercase hex) of the producing configuration.
  public var configSHA256: String

  public init(seqLen: Int, special: SpecialTokens, vocabSHA256: String, configSHA256: String) {
    self.seqLen = seqLen
    self.special = special
    self.vocabSHA256 = vocabSHA256
    self.configSHA256 = configSHA256
  }

  /// The string map stored as `__metadata__`.
  public var dictionary: [String: String] {
    var map = [
      "format": "pt",
      "seq_len": String(seqLen),
      "vocab_sha256": vocabSHA256,
      "config_sha256": configSHA256,
      "cls_token_id": String(special.cls),
      "sep_token_id": String(special.sep),
      "pad_token_id": String(special.pad),
    ]
    if let mask = special.mask { map["mask_token_id"] = String(mask) }
    if let unk = special.unk { map["unk_token_id"] = String(unk) }
    return map
  }

  /// Reads the map written by ``dictionary``; `nil` when a required key is missing or malformed.
  public init?(dictionary map: [String: String]) {
    guard map["format"] == "pt", let seqLen = map["seq_len"].flatMap({ Int($0) }),
      let cls = map["cls_token_id"].flatMap({ Int32($0) }),
      let sep = map["sep_token_id"].flatMap({ Int32($0) }),
      let pad = map["pad_token_id"].flatMap({ Int32($0) }),
      let vocab = map["vocab_sha256"], let config = map["config_sha256"]
    else { return nil }
    self.init(
      seqLen: seqLen,
      special: SpecialTokens(
        cls: cls, sep: sep, pad: pad, mask: map["mask_token_id"].flatMap { Int32($0) },
        unk: map["unk_token_id"].flatMap { Int32($0) }),
      vocabSHA256: vocab, configSHA256: config)
  }

  enum CodingKeys: String, CodingKey {
    case seqLen = "seq_len"
    case special = "special_tokens"
    case vocabSHA256 = "vocab_sha256"
    case configSHA256 = "config_sha256"
  }
}

/// One example as stored in a shard: three rows of `seqLen` values.
public struct ShardExample: Sendable, Hashable {
  /// `input_ids` `[seqLen]`.
  public var inputIDs: [Int32]
  /// `token_type_ids` (TFRecord `segment_ids`) `[seqLen]`.
  public var tokenTypeIDs: [Int32]
  /// `attention_mask` (TFRecord `input_mask`) `[seqLen]`.
  public var attentionMask: [Int32]

  public init(inputIDs: [Int32], tokenTypeIDs: [Int32], attentionMask: [Int32]) {
    self.inputIDs = inputIDs
    self.tokenTypeIDs = tokenTypeIDs
    self.attentionMask = attentionMask
  }

  /// The rows of `example` padded to `seqLen` with `pad`.
  public init(_ example: PackedExample, seqLen: Int, pad: Int32) {
    self.init(
      inputIDs: example.inputIDs(seqLen: seqLen, pad: pad), tokenTypeIDs: example.tokenTypeIDs(seqLen: seqLen),
      attentionMask: example.attentionMask(seqLen: seqLen))
  }

  /// The unpadded example, when the rows have the packer's layout: the mask is ones then
  /// zeros, token types are zeros, then ones up to the end of the mask, then zeros; `nil`
  /// otherwise.
  public var packed: PackedExample? {
    let length = attentionMask.firstIndex(of: 0) ?? attentionMask.count
    guard attentionMask[length...].allSatisfy({ $0 == 0 }), attentionMask[..<length].allSatisfy({ $0 == 1 }),
      inputIDs.count == attentionMask.count, tokenTypeIDs.count == attentionMask.count
    else { return nil }
    let firstEnd = tokenTypeIDs[..<length].firstIndex(of: 1) ?? length
    guard tokenTypeIDs[firstEnd..<length].allSatisfy({ $0 == 1 }), tokenTypeIDs[length...].allSatisfy({ $0 == 0 }),
      tokenTypeIDs[..<firstEnd].allSatisfy({ $0 == 0 })
    else { return nil }
    return PackedExample(tokens: Array(inputIDs[..<length]), firstSegmentEnd: firstEnd)
  }
}

/// A dacorpus tensor shard read through ``SafetensorsFile`` (mmap): tensors `input_ids`
/// (I32, or U16), `token_type_ids` and `attention_mask` (I32), each `[N, seqLen]`.
///
/// Opening validates the file format and that the three tensors exist with these dtypes and
/// identical 2-D shapes; ``validateLayout()`` additionally checks every row.
public struct SafetensorsShard: Sendable {
  /// The mapped file.
  public let file: SafetensorsFile
  /// `N`, the number of examples.
  public let count: Int
  /// Example length.
  public let seqLen: Int
  /// `I32` or `U16`.
  public let inputIDsDType: SafetensorsDType
  /// The parsed `__metadata__`, `nil` when it lacks the dacorpus keys (the file is still read).
  public let metadata: ShardMetadata?

  /// Opens and validates the shard at `path`.
  ///
  /// - Throws: any error of ``SafetensorsFile/init(path:)``, or
  ///   ``ShardsError/Kind/invalidTensor`` when a tensor is missing or has the wrong dtype or shape.
  public init(path: String) throws(ShardsError) {
    file = try SafetensorsFile(path: path)
    guard let ids = file.tensor(named: "input_ids"), let types = file.tensor(named: "token_type_ids"),
      let mask = file.tensor(named: "attention_mask")
    else {
      throw ShardsError(.invalidTensor, "a shard needs input_ids, token_type_ids and attention_mask", path: path)
    }
    guard ids.dtype == .i32 || ids.dtype == .u16 else {
      throw ShardsError(.invalidTensor, "input_ids is \(ids.dtype.rawValue); expected I32 or U16", path: path)
    }
    guard types.dtype == .i32, mask.dtype == .i32 else {
      throw ShardsError(.invalidTensor, "token_type_ids and attention_mask must be I32", path: path)
    }
    guard ids.shape.count == 2, ids.shape == types.shape, ids.shape == mask.shape else {
      throw ShardsError(
        .invalidTensor, "shapes differ or are not [N, seq_len]: \(ids.shape), \(types.shape), \(mask.shape)", path: path
      )
    }
    count = ids.shape[0]
    seqLen = ids.shape[1]
    inputIDsDType = ids.dtype
    metadata = file.metadata.flatMap { ShardMetadata(dictionary: $0) }
    if let metadata, metadata.seqLen != seqLen {
      throw ShardsError(.invalidTensor, "metadata says seq_len \(metadata.seqLen), tensors have \(seqLen)", path: path)
    }
  }

  /// Example `index` (`0..<count`).
  ///
  /// - Throws: ``ShardsError/Kind/invalidArgument`` when `index` is out of range.
  public func example(at index: Int) throws(ShardsError) -> ShardExample {
    guard index >= 0, index < count else {
      throw ShardsError(.invalidArgument, "example \(index) out of range 0..<\(count)", path: file.path)
    }
    let range = (index * seqLen)..<((index + 1) * seqLen)
    func row(_ name: String) throws(ShardsError) -> [Int32] {
      try file.integers(name, elements: range).map { Int32(truncatingIfNeeded: $0) }
    }
    return ShardExample(
      inputIDs: try row("input_ids"), tokenTypeIDs: try row("token_type_ids"), attentionMask: try row("attention_mask"))
  }

  /// Checks every row: the attention mask is ones then zeros; token types are 0 … 0 1 … 1 within
  /// the mask and 0 after it; padded positions hold `pad` (from the metadata, else 0).
  ///
  /// - Throws: ``ShardsError/Kind/invalidTensor`` naming the first bad example.
  /// - Complexity: O(N × seqLen) time, O(1) memory (reads the mapping in place).
  public func validateLayout() throws(ShardsError) {
    let pad = Int64(metadata?.special.pad ?? 0)
    let ids = try file.view("input_ids")
    let types = try file.view("token_type_ids")
    let mask = try file.view("attention_mask")
    try withExtendedLifetime(file) { () throws(ShardsError) in
      for example in 0..<count {
        let base = example * seqLen
        var position = 0
        while position < seqLen, mask[base + position] == 1 { position += 1 }
        let length = position
        while position < seqLen, mask[base + position] == 0, ids[base + position] == pad { position += 1 }
        guard position == seqLen else {
          throw ShardsError(
            .invalidTensor, "example \(example): attention_mask is not ones then zeros over padding", path: file.path)
        }
        var p = 0
        while p < length, types[base + p] == 0 { p += 1 }
        while p < length, types[base + p] == 1 { p += 1 }
        while p < seqLen, p >= length, types[base + p] == 0 { p += 1 }
        guard p == seqLen else {
          throw ShardsError(
            .invalidTensor, "example \(example): token_type_ids are not 0…0 1…1 then 0 padding", path: file.path)
        }
      }
    }
  }
}
