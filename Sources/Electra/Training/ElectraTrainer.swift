import Foundation
import Shards

/// The ELECTRA pre-training loop over a ``ShardDataset``: per step, a batch, masking, dropout
/// masks and Gumbel sampling from random streams derived from the seed and the step number, one
/// forward/backward of the pair, global-norm clipping and an ELECTRA-AdamW update with warmup
/// and linear decay.
///
/// Everything a step does is a function of (seed, step, weights, moments), so a run resumed from
/// a checkpoint continues exactly as the uninterrupted run would have.
///
/// A checkpoint directory holds `generator/` and `discriminator/` (transformers checkpoints),
/// `optimizer.safetensors` (the moments) and `trainer_state.json`.
public final class ElectraTrainer {
  /// The run's settings (saved in `trainer_state.json`).
  public struct Options: Codable, Sendable, Hashable {
    /// Total optimizer steps of the run (the decay reaches 0 here).
    public var steps: Int
    public var batchSize: Int
    public var learningRate: Float
    /// Linear warmup steps (ELECTRA: 10 000 of 1 M).
    public var warmupSteps: Int
    public var seed: UInt64
    /// Visit examples in a seeded random order per epoch (`false`: manifest order).
    public var shuffle = true

    public init(steps: Int, batchSize: Int, learningRate: Float, warmupSteps: Int, seed: UInt64, shuffle: Bool = true) {
      self.steps = steps
      self.batchSize = batchSize
      self.learningRate = learningRate
      self.warmupSteps = warmupSteps
      self.seed = seed
      self.shuffle = shuffle
    }
  }

  /// What one step reports.
  public struct StepLog: Sendable, Hashable {
    /// The step just taken (1-based count of completed steps).
    public var step: Int
    public var learningRate: Float
    public var result: ElectraPair.StepResult
    /// Gradient norm before clipping.
    public var gradientNorm: Double
    /// Positions (batch × seq_len, padding included) per second in this step.
    public var tokensPerSecond: Double
  }

  /// Saved next to the weights.
  private struct State: Codable {
    var step: Int
    var options: Options
  }

  public let pair: ElectraPair
  public let optimizer: ElectraAdamW
  public let dataset: ShardDataset
  public private(set) var options: Options
  /// Completed steps.
  public private(set) var step = 0

  /// A trainer for `pair` on `dataset`, starting at step 0.
  public init(pair: ElectraPair, dataset: ShardDataset, options: Options) throws(ElectraError) {
    guard options.steps > 0, options.batchSize > 0 else {
      throw ElectraError(.invalidInput, "steps and batch size must be positive")
    }
    guard dataset.seqLen <= pair.discriminator.config.maxPositionEmbeddings,
      dataset.vocabSize <= pair.discriminator.config.vocabSize
    else {
      throw ElectraError(.invalidInput, "the shards' seq_len or vocabulary do not fit the model config")
    }
    self.pair = pair
    self.dataset = dataset
    self.options = options
    optimizer = ElectraAdamW(pair: pair)
  }

  /// Resumes from checkpoint `directory` (written by ``saveCheckpoint(to:)``); `steps` may
  /// extend the run (the decay then ends at the new total).
  public convenience init(resumingFrom directory: String, dataset: ShardDataset, steps: Int? = nil) throws(ElectraError)
  {
    let statePath = directory + "/trainer_state.json"
    let state: State
    do { state = try JSONDecoder().decode(State.self, from: Data(contentsOf: URL(fileURLWithPath: statePath))) } catch {
      throw ElectraError(.readFailed, "not a trainer state: \(error)", path: statePath)
    }
    guard let maskID = dataset.special.mask else {
      throw ElectraError(.invalidInput, "the shards' metadata has no [MASK] id")
    }
    let pair = try ElectraPair(directory: directory, special: dataset.special, maskID: maskID)
    var options = state.options
    if let steps { options.steps = steps }
    try self.init(pair: pair, dataset: dataset, options: options)
    step = state.step
    let m = optimizer.discriminatorMoments
    let g = optimizer.generatorMoments
    try Checkpoint.read(
      directory + "/optimizer.safetensors",
      into: [("discriminator.m.", m.m), ("discriminator.v.", m.v), ("generator.m.", g.m), ("generator.v.", g.v)])
  }

  /// Writes the pair, the optimizer moments and the step into `directory`.
  public func saveCheckpoint(to directory: String) throws(ElectraError) {
    try pair.save(to: directory)
    let m = optimizer.discriminatorMoments
    let g = optimizer.generatorMoments
    try Checkpoint.write(
      directory + "/optimizer.safetensors",
      [("discriminator.m.", m.m), ("discriminator.v.", m.v), ("generator.m.", g.m), ("generator.v.", g.v)])
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    do {
      try encoder.encode(State(step: step, options: options)).write(
        to: URL(fileURLWithPath: directory + "/trainer_state.json"), options: .atomic)
    } catch {
      throw ElectraError(.writeFailed, "cannot write the trainer state: \(error)", path: directory)
    }
  }

  /// Runs one step and returns its log.
  public func trainStep() throws(ElectraError) -> StepLog {
    guard let maskID = dataset.special.mask else {
      throw ElectraError(.invalidInput, "the shards' metadata has no [MASK] id")
    }
    let start = DispatchTime.now().uptimeNanoseconds
    let batch = try dataset.batch(
      step: step, batchSize: options.batchSize, shuffleSeed: options.shuffle ? options.seed : nil)
    var random = ElectraRandom(seed: options.seed, stream: UInt64(step))
    let masking = Masking(batch, special: dataset.special, maskID: maskID, random: &random)
    pair.zeroGradients()
    pair.generator.dropoutRandom = ElectraRandom(seed: options.seed, stream: UInt64(step) | 1 << 62)
    pair.discriminator.dropoutRandom = ElectraRandom(seed: options.seed, stream: UInt64(step) | 1 << 61)
    defer {
      pair.generator.dropoutRandom = nil
      pair.discriminator.dropoutRandom = nil
    }
    let result = try pair.accumulateGradients(batch: batch, masking: masking, random: &random)
    let lr = ElectraAdamW.learningRate(
      step: step, peak: options.learningRate, warmupSteps: options.warmupSteps, totalSteps: options.steps)
    let norm = optimizer.step(learningRate: lr)
    step += 1
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return StepLog(
      step: step, learningRate: lr, result: result, gradientNorm: norm,
      tokensPerSecond: Double(batch.count) / seconds)
  }
}
