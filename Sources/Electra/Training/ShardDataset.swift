import Foundation
import Shards

/// The examples of a dacorpus build output (`OUT/manifest.json` + `OUT/shards/*.safetensors`),
/// read through mmap, addressed by one global index in manifest order.
public final class ShardDataset: @unchecked Sendable {
  /// The mapped shards, in manifest order (or file-name order without a manifest).
  public let shards: [SafetensorsShard]
  /// Examples over all shards.
  public let count: Int
  /// Example length.
  public let seqLen: Int
  /// Special-token ids from the shard metadata (`[MASK]` is required for training).
  public let special: SpecialTokens
  /// Rows of the vocabulary the ids refer to (`manifest.json`'s vocab size, else the line count
  /// of `OUT/vocab.txt`, else the largest id + 1 in the first shard).
  public let vocabSize: Int
  private let starts: [Int]

  /// The parts of `manifest.json` read here (the config type of the full manifest is the
  /// pipeline's, which this module does not depend on).
  private struct ManifestFiles: Decodable {
    struct Vocab: Decodable { var size: Int }
    var files: [ShardFileRecord]
    var vocab: Vocab?
  }

  /// Opens the build output directory `directory`.
  ///
  /// - Throws: ``ElectraError/Kind/readFailed`` when there are no shards or one cannot be read;
  ///   ``ElectraError/Kind/invalidInput`` when shards disagree on `seq_len` or metadata is missing.
  public init(directory: String) throws(ElectraError) {
    var paths: [String] = []
    var vocabSize: Int?
    let manifestPath = directory + "/manifest.json"
    if let data = FileManager.default.contents(atPath: manifestPath) {
      do {
        let manifest = try JSONDecoder().decode(ManifestFiles.self, from: data)
        paths = manifest.files.filter { $0.format == .safetensors }.map {
          $0.path.hasPrefix("/") ? $0.path : directory + "/" + $0.path
        }
        vocabSize = manifest.vocab?.size
      } catch {
        throw ElectraError(.readFailed, "not a dacorpus manifest: \(error)", path: manifestPath)
      }
    } else {
      let shardDirectory = directory + "/shards"
      let names = (try? FileManager.default.contentsOfDirectory(atPath: shardDirectory)) ?? []
      paths = names.filter { $0.hasSuffix(".safetensors") }.sorted().map { shardDirectory + "/" + $0 }
    }
    guard !paths.isEmpty else {
      throw ElectraError(.readFailed, "no safetensors shards (manifest.json or shards/*.safetensors)", path: directory)
    }
    var shards: [SafetensorsShard] = []
    for path in paths {
      do { shards.append(try SafetensorsShard(path: path)) } catch {
        throw ElectraError(.readFailed, "\(error)", path: path)
      }
    }
    guard let first = shards.first, let metadata = first.metadata else {
      throw ElectraError(.invalidInput, "the first shard has no dacorpus metadata (special-token ids)", path: paths[0])
    }
    guard shards.allSatisfy({ $0.seqLen == first.seqLen }) else {
      throw ElectraError(.invalidInput, "shards have different seq_len", path: directory)
    }
    self.shards = shards
    seqLen = first.seqLen
    special = metadata.special
    var starts: [Int] = []
    var total = 0
    for shard in shards {
      starts.append(total)
      total += shard.count
    }
    self.starts = starts
    count = total
    if vocabSize == nil, let text = FileManager.default.contents(atPath: directory + "/vocab.txt") {
      vocabSize = text.split(separator: 0x0A, omittingEmptySubsequences: false).count - (text.last == 0x0A ? 1 : 0)
    }
    if let vocabSize {
      self.vocabSize = vocabSize
    } else {
      let ids = (try? first.file.integers("input_ids")) ?? []
      self.vocabSize = Int(ids.max() ?? 0) + 1
    }
  }

  /// Example `index` (`0..<count`).
  public func example(at index: Int) throws(ElectraError) -> ShardExample {
    var lo = 0
    var hi = starts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if starts[mid] <= index { lo = mid } else { hi = mid - 1 }
    }
    do { return try shards[lo].example(at: index - starts[lo]) } catch {
      throw ElectraError(.readFailed, "\(error)", path: shards[lo].file.path)
    }
  }

  /// The examples of batch `step` of size `batchSize`: consecutive positions `step · batchSize …`
  /// of an endless stream of epochs, each epoch the whole dataset in manifest order or, with
  /// `shuffleSeed`, in a permutation drawn from that seed and the epoch number.
  public func batch(step: Int, batchSize: Int, shuffleSeed: UInt64?) throws(ElectraError) -> ElectraBatch {
    var examples: [ShardExample] = []
    for i in 0..<batchSize {
      let position = step * batchSize + i
      let epoch = position / count
      let offset = position % count
      let index = shuffleSeed.map { permutation(epoch: epoch, seed: $0)[offset] } ?? offset
      examples.append(try example(at: index))
    }
    return ElectraBatch(examples)
  }

  private var cachedPermutation: (epoch: Int, seed: UInt64, order: [Int])?

  private func permutation(epoch: Int, seed: UInt64) -> [Int] {
    if let cached = cachedPermutation, cached.epoch == epoch, cached.seed == seed { return cached.order }
    var random = ElectraRandom(seed: seed, stream: UInt64(epoch) | 1 << 63)
    var order = Array(0..<count)
    for i in stride(from: order.count - 1, to: 0, by: -1) {
      order.swapAt(i, Int(random.next() % UInt64(i + 1)))
    }
    cachedPermutation = (epoch, seed, order)
    return order
  }
}
