import ArgumentParser
import CorpusIO
import Electra
import Foundation
import WordPiece

struct Score: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Score text or shards with a trained ELECTRA model.",
    discussion: """
      With --text: each input line is tokenized ([CLS] pieces [SEP], cut at the model's \
      max_position_embeddings) and, for every token, the discriminator's probability that it was \
      replaced (sigmoid of the logit) is printed — one JSON object per line with --json. \
      With --shards: the first --examples examples are corrupted by the generator (seeded \
      masking and Gumbel sampling, as in training) and the discriminator's loss, accuracy, \
      precision and recall on replaced tokens and AUC, and the generator's MLM loss and \
      accuracy are printed. --model is a `dacorpus train` output (discriminator/ and \
      generator/) or, for --text, a discriminator checkpoint directory.
      """)

  @Option(help: "A `dacorpus train` output directory or a discriminator checkpoint.", completion: .directory)
  var model: String

  @Option(help: "Text to score, one sequence per line.", completion: .file())
  var text: String?

  @Option(help: "A dacorpus build output directory to evaluate on.", completion: .directory)
  var shards: String?

  @Option(help: "vocab.txt for --text (default: the one saved with the model).", completion: .file())
  var vocab: String?

  @Option(help: "Examples to evaluate with --shards.")
  var examples = 256

  @Option(help: "Sequences per forward pass.")
  var batch = 16

  @Option(help: "Seed of the corruption for --shards.")
  var seed: UInt64 = 1234

  @Flag(help: "Print JSON.")
  var json = false

  func validate() throws {
    guard (text == nil) != (shards == nil) else { throw ValidationError("give exactly one of --text and --shards") }
    guard batch > 0, examples > 0 else { throw ValidationError("--batch and --examples must be positive") }
  }

  private var discriminatorDirectory: String {
    FileManager.default.fileExists(atPath: model + "/discriminator/config.json") ? model + "/discriminator" : model
  }

  func run() throws {
    if let text { try scoreText(text) } else if let shards { try scoreShards(shards) }
  }

  private struct ScoredLine: Encodable {
    var tokens: [String]
    var replaced_probability: [Float]
  }

  private func scoreText(_ path: String) throws {
    let discriminator = try ElectraForPreTraining(directory: discriminatorDirectory)
    let vocabPath =
      vocab
      ?? [discriminatorDirectory + "/vocab.txt", model + "/vocab.txt"].first {
        FileManager.default.fileExists(atPath: $0)
      }
    guard let vocabPath else { throw ValidationError("no vocab.txt next to the model; pass --vocab") }
    let vocabulary = try WordPieceVocabulary(contentsOf: vocabPath)
    var encoder = try WordPieceEncoder(vocabulary: vocabulary)
    guard let cls = vocabulary.id(of: "[CLS]"), let sep = vocabulary.id(of: "[SEP]") else {
      throw ValidationError("\(vocabPath) has no [CLS] or [SEP]")
    }
    let pad = vocabulary.id(of: "[PAD]") ?? 0
    let maxLength = discriminator.config.maxPositionEmbeddings
    let lines = LineReader(try FileSource(path: path))
    var pending: [[Int32]] = []
    let encoderJSON = JSONEncoder()
    encoderJSON.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var ids: [Int32] = []

    func flush() throws {
      guard !pending.isEmpty else { return }
      let seqLen = pending.map(\.count).max() ?? 1
      var input: [Int32] = []
      var mask: [Int32] = []
      for sequence in pending {
        input += sequence + [Int32](repeating: pad, count: seqLen - sequence.count)
        mask += [Int32](repeating: 1, count: sequence.count) + [Int32](repeating: 0, count: seqLen - sequence.count)
      }
      let logits = try discriminator.forward(
        ElectraBatch(
          inputIDs: input, tokenTypeIDs: [Int32](repeating: 0, count: input.count), attentionMask: mask,
          batchSize: pending.count, seqLen: seqLen))
      var out = Data()
      for (b, sequence) in pending.enumerated() {
        let probabilities = (0..<sequence.count).map { 1 / (1 + expf(-logits[b * seqLen + $0])) }
        let tokens = sequence.map { vocabulary.token($0) ?? "[UNK]" }
        if json {
          out += try encoderJSON.encode(ScoredLine(tokens: tokens, replaced_probability: probabilities))
        } else {
          out += Data(
            zip(tokens, probabilities).map { "\($0)\t\(String(format: "%.4f", $1))" }.joined(separator: " ").utf8)
        }
        out.append(0x0A)
      }
      FileHandle.standardOutput.write(out)
      pending.removeAll()
    }

    while let line = try lines.next() {
      ids.removeAll(keepingCapacity: true)
      encoder.encode(utf8: line, into: &ids)
      pending.append([cls] + ids.prefix(maxLength - 2) + [sep])
      if pending.count == batch { try flush() }
    }
    try flush()
  }

  private func scoreShards(_ directory: String) throws {
    let dataset = try ShardDataset(directory: directory)
    guard let maskID = dataset.special.mask else { throw ValidationError("the shards' metadata has no [MASK] id") }
    guard FileManager.default.fileExists(atPath: model + "/generator/config.json") else {
      throw ValidationError("--shards needs a `dacorpus train` output with generator/ and discriminator/")
    }
    let pair = try ElectraPair(directory: model, special: dataset.special, maskID: maskID)
    let start = Date()
    let r = try ElectraEvaluation.run(pair: pair, dataset: dataset, examples: examples, batchSize: batch, seed: seed)
    let seconds = Date().timeIntervalSince(start)
    if json {
      let object: [String: Any] = [
        "examples": min(examples, dataset.count), "positions": r.positions, "masked": r.maskedSlots,
        "replaced": r.replaced, "disc_loss": r.discriminatorLoss, "disc_accuracy": r.discriminatorAccuracy,
        "disc_precision": r.precision, "disc_recall": r.recall, "disc_auc": r.auc, "mlm_loss": r.mlmLoss,
        "mlm_accuracy": r.mlmAccuracy, "seconds": seconds,
      ]
      var data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
      data.append(0x0A)
      FileHandle.standardOutput.write(data)
    } else {
      print(
        String(
          format: """
            positions %d, masked %d, replaced %d
            discriminator: loss %.4f accuracy %.4f precision %.4f recall %.4f auc %.4f
            generator: mlm loss %.4f accuracy %.4f
            """, r.positions, r.maskedSlots, r.replaced, r.discriminatorLoss, r.discriminatorAccuracy, r.precision,
          r.recall, r.auc, r.mlmLoss, r.mlmAccuracy))
    }
  }
}
