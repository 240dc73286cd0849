/// Sampling from a softmax by the Gumbel-max trick, as google-research/electra's
/// `sample_from_softmax`: `argmax(logits + g)`, `g = −log(−log(u + 1e-9) + 1e-9)`, `u ~ U(0,1)`.
public enum GumbelSampler {
  /// One sample per row of `logits` `[rows, classes]`.
  ///
  /// Each row draws its uniforms from its own generator, seeded by one `random.next()` per row
  /// in row order, so rows run in parallel and the result depends only on `random`'s state.
  /// Uniforms are 24-bit (`u = k · 2⁻²⁴`), two per 64-bit draw.
  public static func sample(
    logits: UnsafePointer<Float>, rows: Int, classes: Int, random: inout ElectraRandom
  ) -> [Int32] {
    let seeds = (0..<rows).map { _ in random.next() }
    var out = [Int32](repeating: 0, count: rows)
    out.withUnsafeMutableBufferPointer { out in
      let shared = UncheckedSendable((logits, out.baseAddress!))
      Parallel.chunks(rows, cost: 30 * classes) { range in
        let (logits, out) = shared.value
        let noise = UnsafeMutablePointer<Float>.allocate(capacity: classes + 1)
        defer { noise.deallocate() }
        for r in range {
          var rowRandom = ElectraRandom(seed: seeds[r])
          var c = 0
          while c < classes {
            let bits = rowRandom.next()
            noise[c] = Float(bits >> 40) * 0x1p-24
            noise[c + 1] = Float((bits >> 16) & 0xFF_FFFF) * 0x1p-24
            c += 2
          }
          FastMath.gumbel(noise, count: classes)
          let z = logits + r * classes
          var best = 0
          var bestValue = -Float.infinity
          for c in 0..<classes {
            let value = z[c] + noise[c]
            if value > bestValue {
              bestValue = value
              best = c
            }
          }
          out[r] = Int32(best)
        }
      }
    }
    return out
  }
}
