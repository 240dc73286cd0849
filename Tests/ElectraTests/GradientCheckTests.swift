import Electra
import Testing

/// Every backward kernel against central finite differences, in `Double` on tiny shapes, with
/// llm.c's projection `L = Σ out ⊙ dOut` for a random `dOut`.
@Suite struct GradientCheckTests {
  /// Compares `analytic[i][j]` with `(L(p + h) − L(p − h)) / 2h` for every element of every input.
  func check(
    _ inputs: [[Double]], analytic: [[Double]], step: Double = 1e-6, atol: Double = 1e-7, rtol: Double = 1e-5,
    sourceLocation: SourceLocation = #_sourceLocation, loss: ([[Double]]) -> Double
  ) {
    for (i, input) in inputs.enumerated() {
      var numeric = [Double](repeating: 0, count: input.count)
      for j in 0..<input.count {
        var plus = inputs
        plus[i][j] += step
        var minus = inputs
        minus[i][j] -= step
        numeric[j] = (loss(plus) - loss(minus)) / (2 * step)
      }
      expectClose(analytic[i], numeric, atol: atol, rtol: rtol, "input \(i)", sourceLocation: sourceLocation)
    }
  }

  func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }

  @Test func linear() {
    var data = TestData(seed: 10)
    let (rows, n, m) = (3, 4, 5)
    let inputs = [data.doubles(rows * n), data.doubles(m * n), data.doubles(m)]
    let dOut = data.doubles(rows * m)
    func forward(_ p: [[Double]]) -> [Double] {
      var y = [Double](repeating: 0, count: rows * m)
      Linear.forward(x: p[0], weight: p[1], bias: p[2], y: &y, rows: rows, inFeatures: n, outFeatures: m)
      return y
    }
    var dx = [Double](repeating: 7, count: rows * n)  // overwritten, not accumulated
    var dW = [Double](repeating: 0, count: m * n)
    var db = [Double](repeating: 0, count: m)
    Linear.backward(
      dy: dOut, x: inputs[0], weight: inputs[1], dx: &dx, dWeight: &dW, dBias: &db, rows: rows, inFeatures: n,
      outFeatures: m)
    check(inputs, analytic: [dx, dW, db]) { dot(forward($0), dOut) }
  }

  @Test func layerNorm() {
    var data = TestData(seed: 11)
    let (rows, width) = (3, 6)
    let inputs = [data.doubles(rows * width, scale: 2), data.doubles(width), data.doubles(width)]
    let dOut = data.doubles(rows * width)
    func forward(_ p: [[Double]]) -> [Double] {
      var y = [Double](repeating: 0, count: rows * width)
      var mean = [Double](repeating: 0, count: rows)
      var rstd = mean
      LayerNorm.forward(
        x: p[0], gamma: p[1], beta: p[2], y: &y, mean: &mean, rstd: &rstd, rows: rows, width: width, eps: 1e-12)
      return y
    }
    var mean = [Double](repeating: 0, count: rows)
    var rstd = mean
    var y = [Double](repeating: 0, count: rows * width)
    LayerNorm.forward(
      x: inputs[0], gamma: inputs[1], beta: inputs[2], y: &y, mean: &mean, rstd: &rstd, rows: rows, width: width,
      eps: 1e-12)
    var dx = [Double](repeating: 0, count: rows * width)
    var dGamma = [Double](repeating: 0, count: width)
    var dBeta = dGamma
    LayerNorm.backward(
      dy: dOut, x: inputs[0], gamma: inputs[1], mean: mean, rstd: rstd, dx: &dx, dGamma: &dGamma, dBeta: &dBeta,
      rows: rows, width: width)
    check(inputs, analytic: [dx, dGamma, dBeta]) { dot(forward($0), dOut) }
  }

  @Test func gelu() {
    var data = TestData(seed: 12)
    let x = data.doubles(20, scale: 2)
    let dOut = data.doubles(20)
    var dx = [Double](repeating: 0, count: 20)
    GELU.backward(x: x, dy: dOut, dx: &dx, count: 20)
    check([x], analytic: [dx]) { p in
      var y = [Double](repeating: 0, count: 20)
      GELU.forward(x: p[0], y: &y, count: 20)
      return dot(y, dOut)
    }
  }

  @Test("attention with a padded key", arguments: [1, 2], [false, true])
  func attention(heads: Int, dropout: Bool) {
    var data = TestData(seed: 13)
    let (batch, seqLen, hidden) = (2, 3, 4)
    let r = batch * seqLen * hidden
    let inputs = [data.doubles(r), data.doubles(r), data.doubles(r)]
    let keyBias = [0, 0, 0, 0, 0, Attention.maskedKeyBias]
    let dOut = data.doubles(r)
    var probs = [Double](repeating: 0, count: batch * heads * seqLen * seqLen)
    // A fixed dropout mask: every third probability dropped, the rest scaled by 1.5.
    let mask: [Double]? = dropout ? (0..<probs.count).map { $0 % 3 == 1 ? 0 : 1.5 } : nil
    var scratch = [Double](repeating: 0, count: 2 * seqLen * seqLen)
    func forward(_ p: [[Double]]) -> [Double] {
      var context = [Double](repeating: 0, count: r)
      Attention.forward(
        q: p[0], k: p[1], v: p[2], keyBias: keyBias, probs: &probs, probsDropout: mask, scratch: &scratch,
        context: &context, batch: batch, seqLen: seqLen, hidden: hidden, heads: heads)
      return context
    }
    _ = forward(inputs)
    #expect(probs[(1 * heads) * seqLen * seqLen + 2] == 0)  // batch 1, head 0, query 0, padded key 2
    var dq = [Double](repeating: 0, count: r)
    var dk = dq
    var dv = dq
    Attention.backward(
      dContext: dOut, q: inputs[0], k: inputs[1], v: inputs[2], probs: probs, probsDropout: mask, dq: &dq, dk: &dk,
      dv: &dv,
      scratch: &scratch, batch: batch, seqLen: seqLen, hidden: hidden, heads: heads)
    check(inputs, analytic: [dq, dk, dv]) { dot(forward($0), dOut) }
  }

  @Test func embedding() {
    var data = TestData(seed: 14)
    let ids: [Int32] = [3, 1, 3, 0]
    let types: [Int32] = [0, 0, 1, 1]
    let width = 3
    let inputs = [data.doubles(4 * width), data.doubles(2 * width), data.doubles(2 * width)]
    let dOut = data.doubles(4 * width)
    var dWord = [Double](repeating: 0, count: 4 * width)
    var dPosition = [Double](repeating: 0, count: 2 * width)
    var dType = dPosition
    Embedding.backward(
      dOut: dOut, ids: ids, types: types, dWord: &dWord, dPosition: &dPosition, dTokenType: &dType, batch: 2,
      seqLen: 2, width: width)
    check(inputs, analytic: [dWord, dPosition, dType]) { p in
      var out = [Double](repeating: 0, count: 4 * width)
      Embedding.forward(
        ids: ids, types: types, word: p[0], position: p[1], tokenType: p[2], out: &out, batch: 2, seqLen: 2,
        width: width)
      return dot(out, dOut)
    }
  }

  @Test func binaryCrossEntropy() {
    var data = TestData(seed: 15)
    let logits = data.doubles(6, scale: 3)
    let labels: [Int32] = [1, 0, 0, 1, 1, 0]
    let mask: [Int32] = [1, 1, 1, 1, 0, 0]
    var d = [Double](repeating: 0, count: 6)
    Losses.binaryCrossEntropy(logits: logits, labels: labels, mask: mask, count: 6, dLogits: &d, scale: 50)
    #expect(d[4] == 0 && d[5] == 0)
    check([logits], analytic: [d]) { p in
      50 * Losses.binaryCrossEntropy(logits: p[0], labels: labels, mask: mask, count: 6, dLogits: nil)
    }
  }

  @Test func softmaxCrossEntropy() {
    var data = TestData(seed: 16)
    let logits = data.doubles(3 * 5, scale: 2)
    let targets: [Int32] = [4, 0, 4]
    let weights: [Double] = [1, 0.5, 2]
    var d = [Double](repeating: 0, count: 15)
    Losses.softmaxCrossEntropy(
      logits: logits, targets: targets, weights: weights, rows: 3, classes: 5, dLogits: &d, scale: 1)
    check([logits], analytic: [d]) { p in
      Losses.softmaxCrossEntropy(logits: p[0], targets: targets, weights: weights, rows: 3, classes: 5, dLogits: nil)
    }
  }
}
