import CorpusIO
import Shards

/// `shards`: the tensor files the packed examples go to (`out/shards/`).
public struct ShardsConfig: Codable, Sendable, Equatable {
  /// `false`: no shards (the vocabulary is still made when the tokenizer is on).
  public var enabled = true
  /// `safetensors` and/or `tfrecord` (what google-research/electra's trainer reads).
  public var formats: [ShardFormat] = [.safetensors]
  /// Examples per file; the last file may hold fewer.
  public var examplesPerShard = 65_536
  /// Element type of the safetensors `input_ids`: `int32`, or `uint16` when the vocabulary fits.
  public var dtype = TokenDType.int32
  /// Shuffle all examples across shards, seeded by the pipeline seed.
  public var shuffle = true

  /// The defaults: safetensors, 65,536 examples per file, int32, shuffled.
  public init() {}

  enum CodingKeys: String, CodingKey, CaseIterable {
    case enabled, formats, examplesPerShard = "examples_per_shard", dtype, shuffle
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled) ?? enabled
    if let names = try c.decodeStrings(forKey: .formats) {
      formats = []
      for name in names {
        guard let format = ShardFormat(rawValue: name) else {
          throw DecodingError.dataCorruptedError(
            forKey: .formats, in: c,
            debugDescription:
              "unknown format '\(name)'; expected some of: \(ShardFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if !formats.contains(format) { formats.append(format) }
      }
      guard !formats.isEmpty else {
        throw DecodingError.dataCorruptedError(
          forKey: .formats, in: c, debugDescription: "give at least one format, or write 'enabled: false'")
      }
    }
    examplesPerShard = try c.decodeInt(forKey: .examplesPerShard, minimum: 1) ?? examplesPerShard
    dtype = try c.decodeChoice(TokenDType.self, forKey: .dtype) ?? dtype
    shuffle = try c.decodeIfPresent(Bool.self, forKey: .shuffle) ?? shuffle
  }
}
