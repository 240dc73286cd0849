/// A fully connected layer with PyTorch's weight layout: `y = x · Wᵀ + b`.
///
/// Shapes: `x` `[rows, inFeatures]`, `W` `[outFeatures, inFeatures]`, `b` `[outFeatures]`,
/// `y` `[rows, outFeatures]`. Both products go to BLAS.
public enum Linear {
  /// `y = x · Wᵀ + b` (`b` may be `nil`).
  @_specialize(where T == Float)
  public static func forward<T: ElectraScalar>(
    x: UnsafePointer<T>, weight: UnsafePointer<T>, bias: UnsafePointer<T>?, y: UnsafeMutablePointer<T>,
    rows: Int, inFeatures: Int, outFeatures: Int
  ) {
    T.gemm(
      transA: false, transB: true, m: rows, n: outFeatures, k: inFeatures, alpha: 1,
      a: x, lda: inFeatures, b: weight, ldb: inFeatures, beta: 0, c: y, ldc: outFeatures)
    guard let bias else { return }
    for r in 0..<rows {
      let row = y + r * outFeatures
      for o in 0..<outFeatures { row[o] += bias[o] }
    }
  }

  /// Backward: `dx = dy · W` (or `dx += dy · W` with `accumulate`), `dW += dyᵀ · x`, `db += Σ dy`.
  ///
  /// Any of `dx`, `dW`, `db` may be `nil` when not needed.
  @_specialize(where T == Float)
  public static func backward<T: ElectraScalar>(
    dy: UnsafePointer<T>, x: UnsafePointer<T>, weight: UnsafePointer<T>,
    dx: UnsafeMutablePointer<T>?, accumulate: Bool = false,
    dWeight: UnsafeMutablePointer<T>?, dBias: UnsafeMutablePointer<T>?,
    rows: Int, inFeatures: Int, outFeatures: Int
  ) {
    if let dx {
      T.gemm(
        transA: false, transB: false, m: rows, n: inFeatures, k: outFeatures, alpha: 1,
        a: dy, lda: outFeatures, b: weight, ldb: inFeatures, beta: accumulate ? 1 : 0, c: dx, ldc: inFeatures)
    }
    if let dWeight {
      T.gemm(
        transA: true, transB: false, m: outFeatures, n: inFeatures, k: rows, alpha: 1,
        a: dy, lda: outFeatures, b: x, ldb: inFeatures, beta: 1, c: dWeight, ldc: inFeatures)
    }
    if let dBias {
      for r in 0..<rows {
        let row = dy + r * outFeatures
        for o in 0..<outFeatures { dBias[o] += row[o] }
      }
    }
  }
}
