/// Multi-head scaled dot-product self-attention over already projected queries, keys and values,
/// as transformers' `ElectraSelfAttention` (eval mode).
///
/// Shapes: `q`, `k`, `v`, `context` `[batch · seqLen, hidden]` with head `h` in columns
/// `h·d ..< (h+1)·d`, `d = hidden / heads`; `keyBias` `[batch, seqLen]`, added to every score
/// of that key (0 for real tokens, ``maskedKeyBias`` for padding — transformers 4.44 uses
/// `finfo(float32).min`); `probs` `[batch, heads, seqLen, seqLen]`, kept for the backward pass.
/// Per-head slices are passed to BLAS with row stride `hidden`, without copies.
///
/// With `probsDropout` (`[batch, heads, seqLen, seqLen]` factors, see ``Dropout``) the context
/// is `(probs ⊙ probsDropout) · v`, as transformers' attention dropout in training mode; `probs`
/// keeps the undropped values for the backward pass.
public enum Attention {
  /// The additive bias of a padded key: the most negative finite `Float`, as transformers uses.
  public static var maskedKeyBias: Double { -Double(Float.greatestFiniteMagnitude) }

  /// `probs = softmax(q·kᵀ/√d + keyBias)`, `context = probs · v`, per batch row and head.
  ///
  /// `scratch` (`seqLen · seqLen` values) is needed with `probsDropout`.
  @_specialize(where T == Float)
  public static func forward<T: ElectraScalar>(
    q: UnsafePointer<T>, k: UnsafePointer<T>, v: UnsafePointer<T>, keyBias: UnsafePointer<T>,
    probs: UnsafeMutablePointer<T>, probsDropout: UnsafePointer<T>? = nil, scratch: UnsafeMutablePointer<T>? = nil,
    context: UnsafeMutablePointer<T>, batch: Int, seqLen: Int, hidden: Int, heads: Int
  ) {
    precondition(probsDropout == nil || scratch != nil, "attention dropout needs a scratch block")
    let d = hidden / heads
    let scale = 1 / T(d).squareRoot()
    for b in 0..<batch {
      for h in 0..<heads {
        let offset = b * seqLen * hidden + h * d
        let p = probs + (b * heads + h) * seqLen * seqLen
        T.gemm(
          transA: false, transB: true, m: seqLen, n: seqLen, k: d, alpha: scale,
          a: q + offset, lda: hidden, b: k + offset, ldb: hidden, beta: 0, c: p, ldc: seqLen)
        Softmax.forwardRows(p, bias: keyBias + b * seqLen, rows: seqLen, width: seqLen)
        var used = UnsafePointer(p)
        if let probsDropout, let scratch {
          let mask = probsDropout + (b * heads + h) * seqLen * seqLen
          for i in 0..<(seqLen * seqLen) { scratch[i] = p[i] * mask[i] }
          used = UnsafePointer(scratch)
        }
        T.gemm(
          transA: false, transB: false, m: seqLen, n: d, k: seqLen, alpha: 1,
          a: used, lda: seqLen, b: v + offset, ldb: hidden, beta: 0, c: context + offset, ldc: hidden)
      }
    }
  }

  /// Backward: writes `dq`, `dk`, `dv` `[batch · seqLen, hidden]` from `dContext`.
  ///
  /// `scratch` holds `seqLen · seqLen` values, twice that with `probsDropout`.
  @_specialize(where T == Float)
  public static func backward<T: ElectraScalar>(
    dContext: UnsafePointer<T>, q: UnsafePointer<T>, k: UnsafePointer<T>, v: UnsafePointer<T>,
    probs: UnsafePointer<T>, probsDropout: UnsafePointer<T>? = nil,
    dq: UnsafeMutablePointer<T>, dk: UnsafeMutablePointer<T>, dv: UnsafeMutablePointer<T>,
    scratch: UnsafeMutablePointer<T>, batch: Int, seqLen: Int, hidden: Int, heads: Int
  ) {
    let d = hidden / heads
    let scale = 1 / T(d).squareRoot()
    for b in 0..<batch {
      for h in 0..<heads {
        let offset = b * seqLen * hidden + h * d
        let p = probs + (b * heads + h) * seqLen * seqLen
        // dP = dContext · vᵀ ; dv = Pᵀ · dContext
        T.gemm(
          transA: false, transB: true, m: seqLen, n: seqLen, k: d, alpha: 1,
          a: dContext + offset, lda: hidden, b: v + offset, ldb: hidden, beta: 0, c: scratch, ldc: seqLen)
        var used = p
        if let probsDropout {
          let mask = probsDropout + (b * heads + h) * seqLen * seqLen
          let dropped = scratch + seqLen * seqLen
          for i in 0..<(seqLen * seqLen) {
            dropped[i] = p[i] * mask[i]
            scratch[i] *= mask[i]
          }
          used = UnsafePointer(dropped)
        }
        T.gemm(
          transA: true, transB: false, m: seqLen, n: d, k: seqLen, alpha: 1,
          a: used, lda: seqLen, b: dContext + offset, ldb: hidden, beta: 0, c: dv + offset, ldc: hidden)
        Softmax.backwardRows(probs: p, dProbs: scratch, rows: seqLen, width: seqLen)
        // dq = scale · dS · k ; dk = scale · dSᵀ · q
        T.gemm(
          transA: false, transB: false, m: seqLen, n: d, k: seqLen, alpha: scale,
          a: scratch, lda: seqLen, b: k + offset, ldb: hidden, beta: 0, c: dq + offset, ldc: hidden)
        T.gemm(
          transA: true, transB: false, m: seqLen, n: d, k: seqLen, alpha: scale,
          a: scratch, lda: seqLen, b: q + offset, ldb: hidden, beta: 0, c: dk + offset, ldc: hidden)
      }
    }
  }
}
