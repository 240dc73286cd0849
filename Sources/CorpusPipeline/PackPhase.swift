import CorpusIO
import Foundation
import Shards
import WordPiece

/// The last step of the finish phase: one ``ExampleBuilder`` reads every task's token spool in
/// task order — so the examples are the same for any number of workers, and in `electra` mode
/// are google-research/electra's after `random.seed(seed)` — and a ``ShardWriter`` writes them
/// (shuffled across shards when asked), then `manifest.json`.
enum PackPhase {
  struct Result: Sendable {
    var files: [ShardFileRecord]
    var counts: ExampleBuilder.Counts
    /// Examples by the source index of their first segment.
    var examplesBySource: [Int]
  }

  /// Packs `spools` (task order; each with its source index) into shards.
  static func run(
    spools: [(path: String, sourceIndex: Int)], reduce: ReducePhase.Result, context: PhaseContext
  ) throws -> Result {
    let config = context.config
    guard let special = reduce.special, let vocab = reduce.summary.vocab else {
      throw CorpusIOError(.writeFailed, "packing needs a vocabulary")
    }
    let seed = Int(truncatingIfNeeded: config.seed)
    let configSHA256 = try configHash(config)
    let metadata = ShardMetadata(
      seqLen: config.packing.seqLen, special: special, vocabSHA256: vocab.sha256, configSHA256: configSHA256)
    var shardConfiguration = ShardWriter.Configuration(
      directory: context.layout.shards, metadata: metadata, formats: config.shards.formats,
      examplesPerShard: config.shards.examplesPerShard, inputIDsType: config.shards.dtype,
      shuffle: config.shards.shuffle, shuffleSeed: seed)
    shardConfiguration.recordPathPrefix = "shards/"
    let writer = try ShardWriter(shardConfiguration)
    var builder = try ExampleBuilder(
      seqLen: config.packing.seqLen, mode: config.packing.mode, special: special, seed: seed)
    var examplesBySource = Array(repeating: 0, count: config.sources.count)
    let emit = { (example: PackedExample) throws in
      examplesBySource[example.source] += 1
      try writer.add(example)
    }
    for spool in spools {
      try TokenSpool.read(
        path: spool.path, line: { try builder.addLine($0, source: spool.sourceIndex, emit: emit) },
        endDocument: { try builder.endDocument(emit: emit) })
    }
    let files = try writer.finish()
    let manifest = Manifest(
      versions: ["dacorpus": dacorpusVersion], config: config, configSHA256: configSHA256,
      vocab: .init(path: vocab.path, sha256: vocab.sha256, size: vocab.size, specialTokens: special),
      packing: .init(seqLen: config.packing.seqLen, mode: config.packing.mode, seed: seed, counts: builder.counts),
      shards: .init(shardConfiguration), files: files)
    _ = try manifest.write(to: context.layout.manifest)
    return Result(files: files, counts: builder.counts, examplesBySource: examplesBySource)
  }

  /// SHA-256 of the config as canonical JSON (sorted keys), lowercase hex, without the keys
  /// that do not change what is built (`output`, `workers`), so equal shards carry equal hashes.
  static func configHash(_ config: PipelineConfig) throws -> String {
    var content = config
    content.output = ""
    content.workers = nil
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return SHA256Hex.of(try encoder.encode(content))
  }
}
