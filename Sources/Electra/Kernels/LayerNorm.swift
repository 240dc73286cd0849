/// Layer normalisation over the last dimension, as `torch.nn.LayerNorm`: biased variance,
/// `y = (x − mean) / sqrt(var + eps) · γ + β`.
///
/// Shapes: `x`, `y` `[rows, width]`; `γ`, `β` `[width]`; the caches `mean`, `rstd` `[rows]`
/// (kept for the backward pass).
public enum LayerNorm {
  /// Normalises every row of `x` into `y` and records each row's mean and `1/sqrt(var + eps)`.
  @_specialize(where T == Float)
  public static func forward<T: ElectraScalar>(
    x: UnsafePointer<T>, gamma: UnsafePointer<T>, beta: UnsafePointer<T>, y: UnsafeMutablePointer<T>,
    mean: UnsafeMutablePointer<T>, rstd: UnsafeMutablePointer<T>, rows: Int, width: Int, eps: T
  ) {
    let n = T(width)
    let shared = UncheckedSendable((x, gamma, beta, y, mean, rstd))
    Parallel.chunks(rows, cost: 8 * width) { range in
      let (x, gamma, beta, y, mean, rstd) = shared.value
      for r in range {
        let xr = x + r * width
        let yr = y + r * width
        var sum: T = 0
        for i in 0..<width { sum += xr[i] }
        let m = sum / n
        var squares: T = 0
        for i in 0..<width {
          let d = xr[i] - m
          squares += d * d
        }
        let s = 1 / (squares / n + eps).squareRoot()
        for i in 0..<width { yr[i] = (xr[i] - m) * s * gamma[i] + beta[i] }
        mean[r] = m
        rstd[r] = s
      }
    }
  }

  /// Backward (llm.c's form): `dx = rstd · (dy·γ − mean(dy·γ) − x̂ · mean(dy·γ·x̂))`, written to
  /// `dx` (which may be `dy` itself); `dγ += Σ dy·x̂`, `dβ += Σ dy`.
  @_specialize(where T == Float)
  public static func backward<T: ElectraScalar>(
    dy: UnsafePointer<T>, x: UnsafePointer<T>, gamma: UnsafePointer<T>,
    mean: UnsafePointer<T>, rstd: UnsafePointer<T>, dx: UnsafeMutablePointer<T>,
    dGamma: UnsafeMutablePointer<T>, dBeta: UnsafeMutablePointer<T>, rows: Int, width: Int
  ) {
    let n = T(width)
    for r in 0..<rows {
      let xr = x + r * width
      let dyr = dy + r * width
      let dxr = dx + r * width
      let m = mean[r]
      let s = rstd[r]
      var sumG: T = 0
      var sumGX: T = 0
      for i in 0..<width {
        let xhat = (xr[i] - m) * s
        let g = dyr[i] * gamma[i]
        sumG += g
        sumGX += g * xhat
        dGamma[i] += dyr[i] * xhat
        dBeta[i] += dyr[i]
      }
      let meanG = sumG / n
      let meanGX = sumGX / n
      for i in 0..<width {
        let xhat = (xr[i] - m) * s
        dxr[i] = s * (dyr[i] * gamma[i] - meanG - xhat * meanGX)
      }
    }
  }
}
