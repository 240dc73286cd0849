/// Row-wise softmax, in place, with an optional additive bias per column.
///
/// Shapes: `x` `[rows, width]`, `bias` `[width]`.
public enum Softmax {
  /// `x[r] = softmax(x[r] + bias)`; the row maximum is subtracted first.
  @_specialize(where T == Float)
  public static func forwardRows<T: ElectraScalar>(
    _ x: UnsafeMutablePointer<T>, bias: UnsafePointer<T>?, rows: Int, width: Int
  ) {
    let shared = UncheckedSendable((x, bias))
    Parallel.chunks(rows, cost: 20 * width) { range in
      let (x, bias) = shared.value
      for r in range {
        let row = x + r * width
        if let bias { for i in 0..<width { row[i] += bias[i] } }
        var maxValue = row[0]
        for i in 1..<width where row[i] > maxValue { maxValue = row[i] }
        let inv = 1 / exponentiate(row, shift: maxValue, count: width)
        for i in 0..<width { row[i] *= inv }
      }
    }
  }

  /// Backward of ``forwardRows(_:bias:rows:width:)``, in place on the gradient:
  /// `dProbs[r] = probs[r] ⊙ (dProbs[r] − Σ probs[r] ⊙ dProbs[r])` — the gradient of the
  /// pre-softmax scores (and of the bias).
  @_specialize(where T == Float)
  public static func backwardRows<T: ElectraScalar>(
    probs: UnsafePointer<T>, dProbs: UnsafeMutablePointer<T>, rows: Int, width: Int
  ) {
    let shared = UncheckedSendable((probs, dProbs))
    Parallel.chunks(rows, cost: 4 * width) { range in
      let (probs, dProbs) = shared.value
      for r in range {
        let p = probs + r * width
        let g = dProbs + r * width
        var dot: T = 0
        for i in 0..<width { dot += p[i] * g[i] }
        for i in 0..<width { g[i] = p[i] * (g[i] - dot) }
      }
    }
  }

  /// `x[i] = exp(x[i] − shift)`; returns the sum (vectorised for `Float`).
  @_specialize(where T == Float)
  @inline(__always)
  static func exponentiate<T: ElectraScalar>(_ x: UnsafeMutablePointer<T>, shift: T, count: Int) -> T {
    if T.self == Float.self {
      return T(FastMath.expShifted(Float.cast(x), shift: Float(shift), count: count))
    }
    var sum: T = 0
    for i in 0..<count {
      let e = T.exp(x[i] - shift)
      x[i] = e
      sum += e
    }
    return sum
  }
}
