import Foundation
import Shards
import WordPiece

/// What `dacorpus stats` reports: a build's report and, when it wrote shards, the statistics
/// read back from them.
///
/// `dacorpus stats --json` prints it as `{"report": …, "shard_statistics": …}`; the second key
/// is absent when there are no shards (a build without them, or a scan of source files).
public struct OutputStatistics: Codable, Sendable, Equatable {
  /// The build report (`report.json`).
  public var report: BuildReport
  /// The examples as the shards hold them, with the top tokens named.
  public var shardStatistics: ShardStatistics?

  /// A report and, optionally, its shards' statistics.
  public init(report: BuildReport, shardStatistics: ShardStatistics? = nil) {
    self.report = report
    self.shardStatistics = shardStatistics
  }

  /// Reads the shards `directory/manifest.json` lists and names their top tokens with its
  /// vocabulary; `nil` when `report` lists no shards.
  ///
  /// - Parameters:
  ///   - binWidth: tokens per length-histogram bin.
  ///   - topTokens: how many of the most frequent tokens to keep.
  /// - Throws: when the manifest, the vocabulary or a shard cannot be read.
  /// - Complexity: reads every example once (the safetensors copy when there is one).
  public static func readShards(
    of report: BuildReport, in directory: String, binWidth: Int = 16, topTokens: Int = 25
  ) throws -> ShardStatistics? {
    guard !report.shards.isEmpty else { return nil }
    let manifest = try Manifest<PipelineConfig>.read(path: directory + "/manifest.json")
    let vocabPath = manifest.vocab.path.hasPrefix("/") ? manifest.vocab.path : directory + "/" + manifest.vocab.path
    let vocabulary = try WordPieceVocabulary(contentsOf: vocabPath)
    var statistics = try ShardStatistics.read(
      manifest.files, in: directory, seqLen: manifest.packing.seqLen, vocabularySize: vocabulary.count,
      unknownTokenID: manifest.vocab.specialTokens.unk, binWidth: binWidth, topTokens: topTokens)
    for i in statistics.topTokens.indices {
      statistics.topTokens[i].token = vocabulary.token(statistics.topTokens[i].id)
    }
    return statistics
  }

  /// Pretty-printed JSON with sorted keys.
  public func encoded() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(self), as: UTF8.self)
  }

  enum CodingKeys: String, CodingKey {
    case report
    case shardStatistics = "shard_statistics"
  }
}
