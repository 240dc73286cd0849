/// The exact GELU of transformers' `"gelu"`: `x · Φ(x) = 0.5 · x · (1 + erf(x / √2))`.
///
/// Elementwise over `count` values; the backward pass recomputes `Φ` from the stored input.
/// `Float` takes the vectorised path of ``FastMath`` (A&S erf, |error| ≤ 1.5e-7); `Double`
/// uses libm's `erf`.
public enum GELU {
  @usableFromInline static let invSqrt2 = 0.70710678118654752440
  @usableFromInline static let invSqrt2Pi = 0.39894228040143267794

  /// `y[i] = gelu(x[i])`; `y` may be `x`.
  @_specialize(where T == Float)
  public static func forward<T: ElectraScalar>(x: UnsafePointer<T>, y: UnsafeMutablePointer<T>, count: Int) {
    if T.self == Float.self {
      let (x, y) = (UncheckedSendable(Float.cast(x)), UncheckedSendable(Float.cast(y)))
      return Parallel.chunks(count, cost: 20) { r in
        FastMath.gelu(x.value + r.lowerBound, y.value + r.lowerBound, count: r.count)
      }
    }
    let c = T(invSqrt2)
    for i in 0..<count {
      let v = x[i]
      y[i] = 0.5 * v * (1 + T.erf(v * c))
    }
  }

  /// `dx[i] = dy[i] · (Φ(x) + x · φ(x))`; `dx` may be `dy`.
  @_specialize(where T == Float)
  public static func backward<T: ElectraScalar>(
    x: UnsafePointer<T>, dy: UnsafePointer<T>, dx: UnsafeMutablePointer<T>, count: Int
  ) {
    if T.self == Float.self {
      let (x, dy, dx) = (
        UncheckedSendable(Float.cast(x)), UncheckedSendable(Float.cast(dy)), UncheckedSendable(Float.cast(dx))
      )
      return Parallel.chunks(count, cost: 30) { r in
        FastMath.geluBackward(x.value + r.lowerBound, dy.value + r.lowerBound, dx.value + r.lowerBound, count: r.count)
      }
    }
    let c = T(invSqrt2)
    let d = T(invSqrt2Pi)
    for i in 0..<count {
      let v = x[i]
      let cdf = 0.5 * (1 + T.erf(v * c))
      let pdf = d * T.exp(-0.5 * v * v)
      dx[i] = dy[i] * (cdf + v * pdf)
    }
  }
}
