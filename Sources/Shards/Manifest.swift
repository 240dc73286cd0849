import Foundation

/// `manifest.json`, the record of a build's shards (DESIGN §4).
///
/// Every output file with its SHA-256, example and token counts; the vocabulary; the packing;
/// the config used; the versions. `dacorpus stats` and the trainer check files against it.
///
/// Generic over the config type so that this module does not depend on the pipeline's config;
/// the pipeline uses `Manifest<PipelineConfig>`. Keys are snake_case; ``encoded()`` writes
/// sorted keys and no timestamps, so the same build gives the same bytes.
///
/// ```json
/// {
///   "config" : { … },
///   "config_sha256" : "…",
///   "files" : [ { "bytes" : 50331989, "examples" : 65536, "format" : "safetensors",
///                 "padding" : 1234567, "path" : "shards/shard-00000.safetensors",
///                 "sha256" : "…", "tokens" : 15123456 } ],
///   "manifest_version" : 1,
///   "packing" : { "counts" : { … }, "mode" : "lossless", "seed" : 1234, "seq_len" : 256 },
///   "shards" : { "examples_per_shard" : 65536, "formats" : ["safetensors"], "input_ids_dtype" : "int32",
///                "shuffle" : true, "shuffle_seed" : 1234, "metadata" : { … } },
///   "versions" : { "dacorpus" : "0.1.0", "manifest" : "1" },
///   "vocab" : { "path" : "vocab.txt", "sha256" : "…", "size" : 32000, "special_tokens" : { … } }
/// }
/// ```
public struct Manifest<Config: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
  /// The version of this file's schema.
  public static var currentVersion: Int { 1 }

  /// Schema version (``currentVersion`` when written).
  public var manifestVersion: Int
  /// Versions of the producing tool and its parts.
  ///
  /// For example `["dacorpus": "0.1.0", "manifest": "1"]`.
  public var versions: [String: String]
  /// The effective configuration.
  public var config: Config
  /// SHA-256 of the configuration's canonical JSON (the `config_sha256` in shard metadata).
  public var configSHA256: String
  /// The vocabulary the ids refer to.
  public var vocab: VocabRecord
  /// How examples were packed, with the builder's counts.
  public var packing: PackingRecord
  /// How shards were written.
  public var shards: ShardsRecord
  /// Every shard file, in shard order.
  public var files: [ShardFileRecord]

  public init(
    versions: [String: String], config: Config, configSHA256: String, vocab: VocabRecord, packing: PackingRecord,
    shards: ShardsRecord, files: [ShardFileRecord]
  ) {
    manifestVersion = Self.currentVersion
    self.versions = versions.merging(["manifest": String(Self.currentVersion)]) { old, _ in old }
    self.config = config
    self.configSHA256 = configSHA256
    self.vocab = vocab
    self.packing = packing
    self.shards = shards
    self.files = files
  }

  /// The vocabulary file.
  public struct VocabRecord: Codable, Sendable, Hashable {
    /// Path relative to the output directory (or as given when loaded from elsewhere).
    public var path: String
    /// SHA-256 of the file, lowercase hex.
    public var sha256: String
    /// Number of tokens (lines).
    public var size: Int
    /// Special-token ids.
    public var specialTokens: SpecialTokens

    public init(path: String, sha256: String, size: Int, specialTokens: SpecialTokens) {
      self.path = path
      self.sha256 = sha256
      self.size = size
      self.specialTokens = specialTokens
    }

    enum CodingKeys: String, CodingKey {
      case path, sha256, size
      case specialTokens = "special_tokens"
    }
  }

  /// The packing step.
  public struct PackingRecord: Codable, Sendable, Hashable {
    public var seqLen: Int
    public var mode: ExampleBuilder.Mode
    /// Seed of the builder's ``PythonRandom``.
    public var seed: Int
    /// Tokens in and out, examples, padding (summed over workers).
    public var counts: ExampleBuilder.Counts

    public init(seqLen: Int, mode: ExampleBuilder.Mode, seed: Int, counts: ExampleBuilder.Counts) {
      self.seqLen = seqLen
      self.mode = mode
      self.seed = seed
      self.counts = counts
    }

    enum CodingKeys: String, CodingKey {
      case mode, seed, counts
      case seqLen = "seq_len"
    }
  }

  /// The shard-writing step.
  public struct ShardsRecord: Codable, Sendable, Hashable {
    public var formats: [ShardFormat]
    public var examplesPerShard: Int
    public var inputIDsDType: TokenDType
    public var shuffle: Bool
    public var shuffleSeed: Int?
    /// The `__metadata__` written into every safetensors shard.
    public var metadata: [String: String]

    public init(
      formats: [ShardFormat], examplesPerShard: Int, inputIDsDType: TokenDType, shuffle: Bool, shuffleSeed: Int?,
      metadata: [String: String]
    ) {
      self.formats = formats
      self.examplesPerShard = examplesPerShard
      self.inputIDsDType = inputIDsDType
      self.shuffle = shuffle
      self.shuffleSeed = shuffleSeed
      self.metadata = metadata
    }

    /// The record of a ``ShardWriter`` configuration.
    public init(_ configuration: ShardWriter.Configuration) {
      self.init(
        formats: configuration.formats, examplesPerShard: configuration.examplesPerShard,
        inputIDsDType: configuration.inputIDsType, shuffle: configuration.shuffle,
        shuffleSeed: configuration.shuffle ? configuration.shuffleSeed : nil,
        metadata: configuration.metadata.dictionary)
    }

    enum CodingKeys: String, CodingKey {
      case formats, shuffle, metadata
      case examplesPerShard = "examples_per_shard"
      case inputIDsDType = "input_ids_dtype"
      case shuffleSeed = "shuffle_seed"
    }
  }

  /// Sums over the files of one format.
  public struct Totals: Sendable, Hashable {
    public var files = 0
    public var bytes: Int64 = 0
    public var examples = 0
    public var tokens = 0
    public var padding = 0
  }

  /// Sums over the files of `format`.
  public func totals(for format: ShardFormat) -> Totals {
    var totals = Totals()
    for file in files where file.format == format {
      totals.files += 1
      totals.bytes += file.bytes
      totals.examples += file.examples
      totals.tokens += file.tokens
      totals.padding += file.padding
    }
    return totals
  }

  enum CodingKeys: String, CodingKey {
    case versions, config, vocab, packing, shards, files
    case manifestVersion = "manifest_version"
    case configSHA256 = "config_sha256"
  }

  // MARK: Reading and writing

  /// Pretty-printed JSON with sorted keys and a final newline.
  public func encoded() throws(ShardsError) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      return [UInt8](try encoder.encode(self)) + [0x0A]
    } catch {
      throw ShardsError(.invalidArgument, "cannot encode the manifest: \(error)")
    }
  }

  /// Writes ``encoded()`` to `path` atomically; returns the file's SHA-256.
  @discardableResult
  public func write(to path: String) throws(ShardsError) -> String {
    let bytes = try encoded()
    let file = try HashingFileWriter(path: path)
    do throws(ShardsError) {
      try file.write(bytes)
      return try file.finish().sha256
    } catch {
      file.abandon()
      throw error
    }
  }

  /// Reads a manifest.
  ///
  /// - Throws: ``ShardsError/Kind/readFailed`` when the file cannot be read,
  ///   ``ShardsError/Kind/invalidHeader`` when it is not a manifest of this schema.
  public static func read(path: String) throws(ShardsError) -> Manifest {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw ShardsError(.readFailed, "cannot read: \(error.localizedDescription)", path: path)
    }
    do {
      return try JSONDecoder().decode(Manifest.self, from: data)
    } catch {
      throw ShardsError(.invalidHeader, "not a manifest: \(error)", path: path)
    }
  }

  /// A file that does not match its record.
  public struct Mismatch: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var problem: String
    public var description: String { "\(path): \(problem)" }
  }

  /// Checks every file against its record.
  ///
  /// Record paths are relative to `directory`; each file must exist with the recorded size and
  /// SHA-256. With `vocab: true` the vocabulary is checked too.
  ///
  /// - Complexity: reads every file once.
  public func verify(in directory: String, vocab checkVocab: Bool = false) -> [Mismatch] {
    var records = files.map { ($0.path, Optional($0.bytes), $0.sha256) }
    if checkVocab { records.append((vocab.path, nil, vocab.sha256)) }
    var mismatches: [Mismatch] = []
    for (relative, bytes, sha256) in records {
      let path = relative.hasPrefix("/") ? relative : directory + "/" + relative
      var info = stat()
      guard stat(path, &info) == 0 else {
        mismatches.append(Mismatch(path: relative, problem: "missing"))
        continue
      }
      if let bytes, Int64(info.st_size) != bytes {
        mismatches.append(Mismatch(path: relative, problem: "size \(info.st_size) bytes, manifest says \(bytes)"))
        continue
      }
      do {
        if try SHA256Hex.ofFile(path) != sha256 {
          mismatches.append(Mismatch(path: relative, problem: "sha256 differs from the manifest"))
        }
      } catch {
        mismatches.append(Mismatch(path: relative, problem: "unreadable: \(error)"))
      }
    }
    return mismatches
  }
}
