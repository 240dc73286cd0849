/// ELECTRA's input embedding sum: `out[b,t] = word[ids[b,t]] + tokenType[types[b,t]] + position[t]`.
///
/// Shapes: `ids`, `types` `[batch, seqLen]`; `word` `[V, width]`; `position` `[P ≥ seqLen, width]`;
/// `tokenType` `[typeVocab, width]`; `out` `[batch · seqLen, width]`. Ids must be in range (the
/// model checks them before calling).
public enum Embedding {
  /// Gathers and sums the three tables.
  @_specialize(where T == Float)
  public static func forward<T: ElectraScalar>(
    ids: UnsafePointer<Int32>, types: UnsafePointer<Int32>,
    word: UnsafePointer<T>, position: UnsafePointer<T>, tokenType: UnsafePointer<T>,
    out: UnsafeMutablePointer<T>, batch: Int, seqLen: Int, width: Int
  ) {
    for b in 0..<batch {
      for t in 0..<seqLen {
        let row = b * seqLen + t
        let w = word + Int(ids[row]) * width
        let p = position + t * width
        let y = tokenType + Int(types[row]) * width
        let o = out + row * width
        for i in 0..<width { o[i] = w[i] + p[i] + y[i] }
      }
    }
  }

  /// Scatter-adds `dOut` into the three table gradients (repeated ids accumulate).
  @_specialize(where T == Float)
  public static func backward<T: ElectraScalar>(
    dOut: UnsafePointer<T>, ids: UnsafePointer<Int32>, types: UnsafePointer<Int32>,
    dWord: UnsafeMutablePointer<T>, dPosition: UnsafeMutablePointer<T>, dTokenType: UnsafeMutablePointer<T>,
    batch: Int, seqLen: Int, width: Int
  ) {
    for b in 0..<batch {
      for t in 0..<seqLen {
        let row = b * seqLen + t
        let g = dOut + row * width
        let w = dWord + Int(ids[row]) * width
        let p = dPosition + t * width
        let y = dTokenType + Int(types[row]) * width
        for i in 0..<width {
          w[i] += g[i]
          p[i] += g[i]
          y[i] += g[i]
        }
      }
    }
  }
}
