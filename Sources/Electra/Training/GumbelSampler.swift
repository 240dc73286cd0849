#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Sampling from a softmax by the Gumbel-max trick, as google-research/electra's
/// `sample_from_softmax`: `argmax(logits + g)`, `g = −log(−log(u + 1e-9) + 1e-9)`, `u ~ U(0,1)`.
public enum GumbelSampler {
  /// One sample per row of `logits` `[rows, classes]`.
  public static func sample(
    logits: UnsafePointer<Float>, rows: Int, classes: Int, random: inout ElectraRandom
  ) -> [Int32] {
    var out: [Int32] = []
    out.reserveCapacity(rows)
    for r in 0..<rows {
      let z = logits + r * classes
      var best = 0
      var bestValue = -Float.infinity
      for c in 0..<classes {
        let u = random.nextUniform()
        let g = -logf(-logf(u + 1e-9) + 1e-9)
        let value = z[c] + g
        if value > bestValue {
          bestValue = value
          best = c
        }
      }
      out.append(Int32(best))
    }
    return out
  }
}
