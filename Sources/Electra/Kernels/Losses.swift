/// The two ELECTRA losses with their fused backward passes.
public enum Losses {
  /// Sigmoid cross-entropy over the positions with `mask = 1`, divided by `Σ mask + 1e-6`
  /// (google-research/electra's discriminator loss).
  ///
  /// Shapes: `logits`, `labels` (0 or 1), `mask`, `dLogits` `[count]`. When `dLogits` is given
  /// it receives `scale · ∂loss/∂logits` (overwritten).
  /// - Returns: the loss.
  @_specialize(where T == Float)
  @discardableResult
  public static func binaryCrossEntropy<T: ElectraScalar>(
    logits: UnsafePointer<T>, labels: UnsafePointer<Int32>, mask: UnsafePointer<Int32>, count: Int,
    dLogits: UnsafeMutablePointer<T>?, scale: T = 1
  ) -> T {
    var active: T = 0
    for i in 0..<count where mask[i] != 0 { active += 1 }
    let denominator = active + T(1e-6)
    var total: T = 0
    for i in 0..<count {
      let z = logits[i]
      let y = T(labels[i])
      guard mask[i] != 0 else {
        dLogits?[i] = 0
        continue
      }
      total += max(z, 0) - z * y + T.log1p(T.exp(-abs(z)))
      if let dLogits {
        let sigmoid = z >= 0 ? 1 / (1 + T.exp(-z)) : T.exp(z) / (1 + T.exp(z))
        dLogits[i] = scale * (sigmoid - y) / denominator
      }
    }
    return total / denominator
  }

  /// Softmax cross-entropy of `logits` rows against `targets`, weighted, divided by
  /// `Σ weights + 1e-6` (google-research/electra's MLM loss over the masked slots).
  ///
  /// Shapes: `logits`, `dLogits` `[rows, classes]`; `targets`, `weights` `[rows]`. `dLogits`
  /// (may be `logits` itself) receives `scale · ∂loss/∂logits`.
  /// - Returns: the loss.
  @_specialize(where T == Float)
  @discardableResult
  public static func softmaxCrossEntropy<T: ElectraScalar>(
    logits: UnsafePointer<T>, targets: UnsafePointer<Int32>, weights: UnsafePointer<T>, rows: Int, classes: Int,
    dLogits: UnsafeMutablePointer<T>?, scale: T = 1
  ) -> T {
    var weightSum: T = 0
    for r in 0..<rows { weightSum += weights[r] }
    let denominator = weightSum + T(1e-6)
    var partials = [T](repeating: 0, count: Parallel.workers)
    let shared = UncheckedSendable((logits, targets, weights, dLogits))
    partials.withUnsafeMutableBufferPointer { partials in
      let totals = UncheckedSendable(partials.baseAddress!)
      Parallel.chunks(rows, cost: 20 * classes) { part, range in
        let (logits, targets, weights, dLogits) = shared.value
        var total: T = 0
        for r in range {
          let z = logits + r * classes
          let target = Int(targets[r])
          let targetLogit = z[target]
          var maxValue = z[0]
          for c in 1..<classes where z[c] > maxValue { maxValue = z[c] }
          if let dLogits {
            // Exponentials written straight into the gradient row (which may be the logits row).
            let g = dLogits + r * classes
            if UnsafePointer(g) != z { g.update(from: z, count: classes) }
            let sum = Softmax.exponentiate(g, shift: maxValue, count: classes)
            total += weights[r] * (T.log(sum) + maxValue - targetLogit)
            let factor = scale * weights[r] / denominator
            let normalise = factor / sum
            for c in 0..<classes { g[c] *= normalise }
            g[target] -= factor
          } else {
            var sum: T = 0
            for c in 0..<classes { sum += T.exp(z[c] - maxValue) }
            total += weights[r] * (T.log(sum) + maxValue - targetLogit)
          }
        }
        totals.value[part] = total
      }
    }
    let total = partials.reduce(0, +)
    return total / denominator
  }
}
