#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Sampling from a softmax by the Gumbel-max trick, as google-research/electra's
/// `sample_from_softmax`: `argmax(logits + g)`, `g = −log(−log(u + 1e-9) + 1e-9)`, `u ~ U(0,1)`.
public enum GumbelSampler {
  /// One sample per row of `logits` `[rows, classes]`.
  ///
  /// Uniforms are 24-bit (`u = k · 2⁻²⁴`), two per `random.next()`, drawn in row order; the two
  /// logarithms are vectorised (``FastMath/log(_:)``).
  public static func sample(
    logits: UnsafePointer<Float>, rows: Int, classes: Int, random: inout ElectraRandom
  ) -> [Int32] {
    typealias Vector = FastMath.Vector
    var out: [Int32] = []
    out.reserveCapacity(rows)
    let tiny = Vector(repeating: 1e-9)
    var uniforms = Vector.zero
    for r in 0..<rows {
      let z = logits + r * classes
      var best = 0
      var bestValue = -Float.infinity
      var c = 0
      while c < classes {
        for lane in stride(from: 0, to: 8, by: 2) {
          let bits = random.next()
          uniforms[lane] = Float(bits >> 40) * 0x1p-24
          uniforms[lane + 1] = Float((bits >> 16) & 0xFF_FFFF) * 0x1p-24
        }
        let gumbel = -FastMath.log(-FastMath.log(uniforms + tiny) + tiny)
        for lane in 0..<min(8, classes - c) {
          let value = z[c + lane] + gumbel[lane]
          if value > bestValue {
            bestValue = value
            best = c + lane
          }
        }
        c += 8
      }
      out.append(Int32(best))
    }
    return out
  }
}
