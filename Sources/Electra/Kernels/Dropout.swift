/// Inverted dropout, as `torch.nn.Dropout` in training mode: each value is kept with probability
/// `1 − p` and scaled by `1 / (1 − p)`, or zeroed.
///
/// The mask is stored as those factors (`0` or `1 / (1 − p)`) so that the backward pass is the
/// same product.
public enum Dropout {
  /// Fills `mask` `[count]` with `0` (probability `p`) or `1 / (1 − p)`, from `random`.
  public static func makeMask(_ mask: UnsafeMutablePointer<Float>, count: Int, p: Float, random: inout ElectraRandom) {
    let keep = 1 / (1 - p)
    var i = 0
    while i < count {
      let bits = random.next()
      mask[i] = Float(bits >> 40) * 0x1p-24 < p ? 0 : keep
      if i + 1 < count { mask[i + 1] = Float((bits >> 16) & 0xFF_FFFF) * 0x1p-24 < p ? 0 : keep }
      i += 2
    }
  }

  /// `y[i] = x[i] · mask[i]`; `y` may be `x`.
  public static func apply(
    _ x: UnsafePointer<Float>, mask: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count: Int
  ) {
    for i in 0..<count { y[i] = x[i] * mask[i] }
  }
}
