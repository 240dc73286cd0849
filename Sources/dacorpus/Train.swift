import ArgumentParser
import Electra
import Foundation

struct Train: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Pre-train an ELECTRA generator + discriminator pair on dacorpus shards (CPU).",
    discussion: """
      The objective of google-research/electra: 15 % masking (85 % [MASK], 15 % kept), Gumbel \
      sampling from the generator, loss = MLM + 50 × discriminator, shared embeddings, AdamW \
      (weight decay 0.01 except LayerNorm and biases, ε 1e-6, no bias correction), warmup then \
      linear decay to 0 at --steps, global-norm clipping 1.0, dropout 0.1 (the config's \
      hidden_dropout_prob and attention_probs_dropout_prob). --model-config tiny \
      (discriminator 128×4, generator 32×4), small (256×12 and 64×12, the Danish-small shape) or \
      a config.json for the discriminator (the generator is a quarter of its width). The vocabulary \
      size comes from the shards. Writes OUT-DIR/discriminator and OUT-DIR/generator \
      (transformers checkpoints), optimizer.safetensors and trainer_state.json; when OUT-DIR \
      already holds a trainer_state.json the run resumes from it. Set OPENBLAS_THREAD_TIMEOUT=4 \
      in the environment for best speed on few cores.
      """)

  @Option(help: "A dacorpus build output directory (manifest.json + shards/).", completion: .directory)
  var shards: String

  @Option(help: "tiny, small, or a discriminator config.json.")
  var modelConfig: String

  @Option(help: "Total optimizer steps.")
  var steps: Int

  @Option(help: "Sequences per step.")
  var batch: Int

  @Option(help: "Peak learning rate.")
  var lr: Float

  @Option(help: "Checkpoint directory (resumed from when it holds one).", completion: .directory)
  var out: String

  @Option(help: "Seed of initialisation, data order, masking and sampling.")
  var seed: UInt64 = 1234

  @Option(help: "Warmup steps (default: 10 % of --steps).")
  var warmup: Int?

  @Option(help: "Write a checkpoint every N steps (0: only at the end).")
  var saveEvery = 0

  @Option(help: "Print progress every N steps.")
  var logEvery = 1

  @Flag(help: "Read examples in manifest order instead of a seeded shuffle.")
  var noShuffle = false

  func run() throws {
    let dataset = try ShardDataset(directory: shards)
    let trainer: ElectraTrainer
    if FileManager.default.fileExists(atPath: out + "/trainer_state.json") {
      trainer = try ElectraTrainer(resumingFrom: out, dataset: dataset, steps: steps)
      let o = trainer.options
      log(
        "resuming \(out) at step \(trainer.step) of \(steps); model, --batch \(o.batchSize), --lr \(o.learningRate), --seed \(o.seed) and --warmup \(o.warmupSteps) come from the checkpoint"
      )
    } else {
      guard let maskID = dataset.special.mask else {
        throw ValidationError("the shards' metadata has no [MASK] id")
      }
      let config = try discriminatorConfig(vocabSize: dataset.vocabSize)
      let discriminator = try ElectraForPreTraining(config: config)
      let generator = try ElectraForMaskedLM(config: config.generator())
      discriminator.initializeWeights(seed: seed)
      generator.initializeWeights(seed: seed &+ 1)
      let pair = try ElectraPair(
        generator: generator, discriminator: discriminator, special: dataset.special, maskID: maskID)
      trainer = try ElectraTrainer(
        pair: pair, dataset: dataset,
        options: .init(
          steps: steps, batchSize: batch, learningRate: lr, warmupSteps: warmup ?? steps / 10, seed: seed,
          shuffle: !noShuffle))
    }
    let d = trainer.pair.discriminator.config
    let g = trainer.pair.generator.config
    log("BLAS: \(BLAS.description)")
    log(
      "data: \(dataset.count) examples × \(dataset.seqLen), vocab \(dataset.vocabSize); discriminator \(d.hiddenSize)×\(d.numHiddenLayers), generator \(g.hiddenSize)×\(g.numHiddenLayers), embeddings \(d.embeddingSize)"
    )
    var totalTokens = 0
    let start = Date()
    while trainer.step < trainer.options.steps {
      let entry = try trainer.trainStep()
      totalTokens += trainer.options.batchSize * dataset.seqLen
      if entry.step % max(logEvery, 1) == 0 || entry.step == trainer.options.steps {
        let r = entry.result
        log(
          String(
            format: "step %d/%d lr %.2e loss %.4f mlm %.4f disc %.4f disc_acc %.4f gen_acc %.4f |g| %.3f %.0f tok/s",
            entry.step, trainer.options.steps, entry.learningRate, r.totalLoss, r.mlmLoss, r.discriminatorLoss,
            r.discriminatorAccuracy, r.generatorAccuracy, entry.gradientNorm, entry.tokensPerSecond))
      }
      if saveEvery > 0, entry.step % saveEvery == 0, entry.step < trainer.options.steps {
        try trainer.saveCheckpoint(to: out)
      }
    }
    try trainer.saveCheckpoint(to: out)
    copyVocabulary()
    let seconds = Date().timeIntervalSince(start)
    log(String(format: "saved %@ (%.0f tok/s over the run)", out, Double(totalTokens) / max(seconds, 1e-9)))
  }

  private func discriminatorConfig(vocabSize: Int) throws -> ElectraConfig {
    switch modelConfig {
    case "tiny": return .tiny(vocabSize: vocabSize)
    case "small": return .small(vocabSize: vocabSize)
    default:
      var config = try ElectraConfig.read(path: modelConfig)
      guard config.vocabSize >= vocabSize else {
        throw ValidationError("\(modelConfig): vocab_size \(config.vocabSize) is smaller than the shards' \(vocabSize)")
      }
      config.architectures = ["ElectraForPreTraining"]
      return config
    }
  }

  /// Puts the shards' vocab.txt beside both checkpoints, so `score --text` and transformers'
  /// tokenizers find it.
  private func copyVocabulary() {
    let source = shards + "/vocab.txt"
    guard FileManager.default.fileExists(atPath: source) else { return }
    for model in ["discriminator", "generator"] {
      let target = out + "/" + model + "/vocab.txt"
      try? FileManager.default.removeItem(atPath: target)
      try? FileManager.default.copyItem(atPath: source, toPath: target)
    }
  }

  private func log(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
