#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Vectorised `Float` `exp` and `erf` for the elementwise kernels (8 lanes, SSE2-safe: no FMA,
/// no rounding instructions, so no `-target-cpu` flag is needed).
///
/// `exp`: Cephes' `expf` — `x = n·ln2 + r`, a degree-6 polynomial in `r`, `2ⁿ` from the
/// exponent bits; relative error ≈ 2e-7 on [−87, 88], flushed to 0 below. `erf`: Abramowitz &
/// Stegun 7.1.26, the form PyTorch's AVX2 kernel uses; absolute error ≤ 1.5e-7.
enum FastMath {
  typealias Vector = SIMD8<Float>

  @inline(__always)
  static func exp(_ x: Vector) -> Vector {
    let high = Vector(repeating: 88.37)
    let low = Vector(repeating: -87.33)
    let clamped = x.replacing(with: high, where: x .> high).replacing(with: low, where: x .< low)
    // n = round(x / ln2) by the 1.5·2²³ trick: adding it leaves n in the low mantissa bits.
    let magic = Vector(repeating: 12_582_912)
    let shifted = clamped * 1.442_695_04 + magic
    let n = shifted - magic
    let r = clamped - n * 0.693_359_375 - n * -2.121_944_4e-4
    var p = Vector(repeating: 1.987_569_15e-4)
    p = p * r + 1.398_199_950_7e-3
    p = p * r + 8.333_451_907_3e-3
    p = p * r + 4.166_579_589_4e-2
    p = p * r + 1.666_666_545_9e-1
    p = p * r + 5.000_000_120_1e-1
    p = p * (r * r) + r + 1
    let bits = unsafeBitCast(shifted, to: SIMD8<Int32>.self)
    let exponent =
      (bits &- SIMD8<Int32>(repeating: 0x4B40_0000) &+ SIMD8<Int32>(repeating: 127)) &<< SIMD8<Int32>(repeating: 23)
    let scale = unsafeBitCast(exponent, to: Vector.self)
    return (p * scale).replacing(with: Vector.zero, where: x .< low)
  }

  /// Natural logarithm of positive finite `x` (Cephes' `logf`; relative error ≈ 1e-7).
  @inline(__always)
  static func log(_ x: Vector) -> Vector {
    let bits = unsafeBitCast(x, to: SIMD8<Int32>.self)
    var e = Vector((bits &>> SIMD8<Int32>(repeating: 23)) &- SIMD8<Int32>(repeating: 126))
    // The mantissa as a value in [0.5, 1).
    var m = unsafeBitCast(
      (bits & SIMD8<Int32>(repeating: 0x007F_FFFF)) | SIMD8<Int32>(repeating: 0x3F00_0000), to: Vector.self)
    let small = m .< Vector(repeating: 0.707_106_78)
    e = e.replacing(with: e - 1, where: small)
    m = m.replacing(with: m + m, where: small) - 1
    let z = m * m
    var y = Vector(repeating: 7.037_683_629_2e-2)
    y = y * m - 1.151_461_031_0e-1
    y = y * m + 1.167_699_874_0e-1
    y = y * m - 1.242_014_084_6e-1
    y = y * m + 1.424_932_278_7e-1
    y = y * m - 1.666_805_766_5e-1
    y = y * m + 2.000_071_476_5e-1
    y = y * m - 2.499_999_399_3e-1
    y = y * m + 3.333_333_117_4e-1
    y = y * m * z
    y = y + e * -2.121_944_4e-4 - 0.5 * z
    return m + y + e * 0.693_359_375
  }

  @inline(__always)
  static func erf(_ x: Vector) -> Vector {
    let a = unsafeBitCast(
      unsafeBitCast(x, to: SIMD8<UInt32>.self) & SIMD8<UInt32>(repeating: 0x7FFF_FFFF), to: Vector.self)
    let t = Vector(repeating: 1) / (Vector(repeating: 1) + Vector(repeating: 0.327_591_1) * a)
    var y = Vector(repeating: 1.061_405_429)
    y = y * t - 1.453_152_027
    y = y * t + 1.421_413_741
    y = y * t - 0.284_496_736
    y = y * t + 0.254_829_592
    let result = 1 - y * t * FastMath.exp(-(a * a))
    return result.replacing(with: -result, where: x .< Vector.zero)
  }

  /// `y = gelu(x)` for `count` values.
  static func gelu(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count: Int) {
    var i = 0
    while i + 8 <= count {
      let v = UnsafeRawPointer(x + i).loadUnaligned(as: Vector.self)
      let out = 0.5 * v * (1 + erf(v * 0.707_106_78))
      UnsafeMutableRawPointer(y + i).storeBytes(of: out, as: Vector.self)
      i += 8
    }
    while i < count {
      let v = x[i]
      y[i] = 0.5 * v * (1 + erff(v * 0.707_106_78))
      i += 1
    }
  }

  /// `dx = dy · (Φ(x) + x·φ(x))` for `count` values.
  static func geluBackward(
    _ x: UnsafePointer<Float>, _ dy: UnsafePointer<Float>, _ dx: UnsafeMutablePointer<Float>, count: Int
  ) {
    var i = 0
    while i + 8 <= count {
      let v = UnsafeRawPointer(x + i).loadUnaligned(as: Vector.self)
      let g = UnsafeRawPointer(dy + i).loadUnaligned(as: Vector.self)
      let cdf = 0.5 * (1 + erf(v * 0.707_106_78))
      let pdf = 0.398_942_28 * exp(-0.5 * v * v)
      UnsafeMutableRawPointer(dx + i).storeBytes(of: g * (cdf + v * pdf), as: Vector.self)
      i += 8
    }
    while i < count {
      let v = x[i]
      dx[i] = dy[i] * (0.5 * (1 + erff(v * 0.707_106_78)) + v * 0.398_942_28 * expf(-0.5 * v * v))
      i += 1
    }
  }

  /// `g[i] = −log(−log(g[i] + 1e-9) + 1e-9)` for `count` uniforms in `g`: Gumbel noise.
  static func gumbel(_ g: UnsafeMutablePointer<Float>, count: Int) {
    let tiny = Vector(repeating: 1e-9)
    var i = 0
    while i + 8 <= count {
      let u = UnsafeRawPointer(g + i).loadUnaligned(as: Vector.self)
      UnsafeMutableRawPointer(g + i).storeBytes(of: -log(-log(u + tiny) + tiny), as: Vector.self)
      i += 8
    }
    while i < count {
      g[i] = -logf(-logf(g[i] + 1e-9) + 1e-9)
      i += 1
    }
  }

  /// `x[i] = exp(x[i] − shift)` for `count` values; returns their sum.
  static func expShifted(_ x: UnsafeMutablePointer<Float>, shift: Float, count: Int) -> Float {
    var sum = Vector.zero
    var i = 0
    while i + 8 <= count {
      let e = exp(UnsafeRawPointer(x + i).loadUnaligned(as: Vector.self) - shift)
      UnsafeMutableRawPointer(x + i).storeBytes(of: e, as: Vector.self)
      sum += e
      i += 8
    }
    var total = sum.sum()
    while i < count {
      let e = expf(x[i] - shift)
      x[i] = e
      total += e
      i += 1
    }
    return total
  }
}
