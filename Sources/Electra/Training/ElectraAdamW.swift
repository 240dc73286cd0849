/// google-research/electra's `AdamWeightDecayOptimizer` with global-norm clipping, over a
/// generator–discriminator pair.
///
/// Update per tensor, without bias correction: `m = β1·m + (1−β1)·g`,
/// `v = β2·v + (1−β2)·g²`, `u = m / (√v + ε)`, `u += λ·θ` unless the name contains
/// `LayerNorm`, `layer_norm` or `bias`, `θ −= lr·u`. Before that, all gradients are scaled by
/// `clip / max(‖g‖, clip)` (`tf.clip_by_global_norm`). The generator's own copies of the shared
/// embeddings are skipped: their gradients live in the discriminator's tensors.
public final class ElectraAdamW {
  public var beta1: Float = 0.9
  public var beta2: Float = 0.999
  public var epsilon: Float = 1e-6
  public var weightDecay: Float = 0.01
  public var clipNorm: Float = 1.0

  /// One optimised tensor: pointers into values, gradients and the two moments.
  private struct Slot {
    var values, gradients, m, v: UnsafeMutablePointer<Float>
    var count: Int
    var decays: Bool
  }

  /// First and second moments, in the models' layouts.
  public let generatorMoments: (m: ParameterSet, v: ParameterSet)
  public let discriminatorMoments: (m: ParameterSet, v: ParameterSet)
  private let slots: [Slot]
  /// Keeps the models (which own the memory the slots point into) alive.
  private let pair: ElectraPair

  /// An optimizer for `pair` with zero moments.
  public init(pair: ElectraPair) {
    self.pair = pair
    generatorMoments = (
      ParameterSet(sameLayoutAs: pair.generator.parameters), ParameterSet(sameLayoutAs: pair.generator.parameters)
    )
    discriminatorMoments = (
      ParameterSet(sameLayoutAs: pair.discriminator.parameters),
      ParameterSet(sameLayoutAs: pair.discriminator.parameters)
    )
    var slots: [Slot] = []
    func add(
      _ values: ParameterSet, _ gradients: ParameterSet, _ moments: (m: ParameterSet, v: ParameterSet),
      skip: Set<String>
    ) {
      for entry in values.entries where !skip.contains(entry.name) {
        slots.append(
          Slot(
            values: values.values + entry.offset, gradients: gradients.values + entry.offset,
            m: moments.m.values + entry.offset, v: moments.v.values + entry.offset, count: entry.count,
            decays: entry.decays))
      }
    }
    add(pair.discriminator.parameters, pair.discriminator.gradients, discriminatorMoments, skip: [])
    add(
      pair.generator.parameters, pair.generator.gradients, generatorMoments, skip: EncoderWeights.sharedEmbeddingNames)
    self.slots = slots
  }

  /// The global L2 norm of all gradients (accumulated in `Double`).
  public func gradientNorm() -> Double {
    var sum = 0.0
    for slot in slots {
      var partial: Float = 0
      for i in 0..<slot.count { partial += slot.gradients[i] * slot.gradients[i] }
      sum += Double(partial)
    }
    return sum.squareRoot()
  }

  /// Clips and applies one update with learning rate `lr`; returns the norm before clipping.
  @discardableResult
  public func step(learningRate lr: Float) -> Double {
    let norm = gradientNorm()
    let scale = Float(Double(clipNorm) / max(norm, Double(clipNorm)))
    let b1 = beta1
    let b2 = beta2
    for slot in slots {
      let decay = slot.decays ? weightDecay : 0
      for i in 0..<slot.count {
        let g = slot.gradients[i] * scale
        let m = b1 * slot.m[i] + (1 - b1) * g
        let v = b2 * slot.v[i] + (1 - b2) * g * g
        slot.m[i] = m
        slot.v[i] = v
        let update = m / (v.squareRoot() + epsilon) + decay * slot.values[i]
        slot.values[i] -= lr * update
      }
    }
    return norm
  }

  /// ELECTRA's schedule: `peak · min(1, step / warmup) · (1 − step / total)`, step counted
  /// from 0 (so the first update of a run with warmup has rate 0, as in ELECTRA).
  public static func learningRate(step: Int, peak: Float, warmupSteps: Int, totalSteps: Int) -> Float {
    let warm = warmupSteps > 0 ? min(1, Float(step) / Float(warmupSteps)) : 1
    let decay = max(0, 1 - Float(step) / Float(max(totalSteps, 1)))
    return peak * warm * decay
  }
}
