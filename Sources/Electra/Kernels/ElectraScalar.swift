import COpenBLAS

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// The element type of the kernels: `Float` for the model, `Double` for finite-difference checks.
///
/// Every kernel is generic over it and specialised inside this module; the matrix product goes
/// to OpenBLAS (`cblas_sgemm` / `cblas_dgemm`, see ``BLAS``).
public protocol ElectraScalar: BinaryFloatingPoint, Sendable {
  /// `C = alpha · op(A) · op(B) + beta · C`, row-major, with `op(X) = Xᵀ` when `trans…` is set.
  ///
  /// Shapes: `op(A)` `[m, k]`, `op(B)` `[k, n]`, `C` `[m, n]`; `lda`, `ldb`, `ldc` are the row
  /// strides of the matrices as stored.
  static func gemm(
    transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Self,
    a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int,
    beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)
  /// `eˣ`.
  static func exp(_ x: Self) -> Self
  /// The natural logarithm.
  static func log(_ x: Self) -> Self
  /// `log(1 + x)`, accurate near 0.
  static func log1p(_ x: Self) -> Self
  /// The error function.
  static func erf(_ x: Self) -> Self
}

extension Float: ElectraScalar {
  @inline(__always)
  public static func gemm(
    transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
    beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
  ) {
    dac_blas_sgemm(
      transA ? 1 : 0, transB ? 1 : 0, Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c,
      Int32(ldc))
  }
  @inline(__always) public static func exp(_ x: Float) -> Float { expf(x) }
  @inline(__always) public static func log(_ x: Float) -> Float { logf(x) }
  @inline(__always) public static func log1p(_ x: Float) -> Float { log1pf(x) }
  @inline(__always) public static func erf(_ x: Float) -> Float { erff(x) }
}

extension Double: ElectraScalar {
  @inline(__always)
  public static func gemm(
    transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double,
    a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
    beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
  ) {
    dac_blas_dgemm(
      transA ? 1 : 0, transB ? 1 : 0, Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c,
      Int32(ldc))
  }
  @inline(__always) public static func exp(_ x: Double) -> Double { Glibc.exp(x) }
  @inline(__always) public static func log(_ x: Double) -> Double { Glibc.log(x) }
  @inline(__always) public static func log1p(_ x: Double) -> Double { Glibc.log1p(x) }
  @inline(__always) public static func erf(_ x: Double) -> Double { Glibc.erf(x) }
}

extension Float {
  /// `pointer` as a `Float` pointer; only called where the generic `T` is `Float`.
  @inline(__always)
  static func cast<T>(_ pointer: UnsafePointer<T>) -> UnsafePointer<Float> {
    UnsafeRawPointer(pointer).assumingMemoryBound(to: Float.self)
  }

  @inline(__always)
  static func cast<T>(_ pointer: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<Float> {
    UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: Float.self)
  }
}
