import Electra
import Foundation
import Testing

/// Kernels against naive loops.
@Suite struct KernelTests {
  @Test("GEMM matches a naive triple loop", arguments: [(false, false), (false, true), (true, false), (true, true)])
  func gemm(transposes: (Bool, Bool)) {
    let (ta, tb) = transposes
    let m = 5, n = 7, k = 4
    var data = TestData(seed: 1)
    let lda = (ta ? m : k) + 2  // strided rows, as the per-head attention slices use
    let ldb = (tb ? k : n) + 1
    let a = data.doubles((ta ? k : m) * lda)
    let b = data.doubles((tb ? n : k) * ldb)
    let c0 = data.doubles(m * n)
    var c = c0
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        c.withUnsafeMutableBufferPointer { c in
          Double.gemm(
            transA: ta, transB: tb, m: m, n: n, k: k, alpha: 0.5, a: a.baseAddress!, lda: lda, b: b.baseAddress!,
            ldb: ldb, beta: 2, c: c.baseAddress!, ldc: n)
        }
      }
    }
    var expected = c0
    for i in 0..<m {
      for j in 0..<n {
        var s = 0.0
        for p in 0..<k { s += (ta ? a[p * lda + i] : a[i * lda + p]) * (tb ? b[j * ldb + p] : b[p * ldb + j]) }
        expected[i * n + j] = 0.5 * s + 2 * c0[i * n + j]
      }
    }
    expectClose(c, expected, atol: 1e-12, rtol: 1e-12, "gemm")
  }

  @Test("Float GEMM goes through OpenBLAS and agrees with Double")
  func floatGemm() {
    #expect(BLAS.config.contains("OpenBLAS"))
    var data = TestData(seed: 2)
    let a = data.floats(6 * 3)
    let b = data.floats(4 * 3)
    var c = [Float](repeating: 0, count: 6 * 4)
    Float.gemm(
      transA: false, transB: true, m: 6, n: 4, k: 3, alpha: 1, a: a, lda: 3, b: b, ldb: 3, beta: 0, c: &c, ldc: 4)
    var expected = [Float](repeating: 0, count: 24)
    for i in 0..<6 { for j in 0..<4 { for p in 0..<3 { expected[i * 4 + j] += a[i * 3 + p] * b[j * 3 + p] } } }
    expectClose(c, expected, atol: 1e-6, rtol: 1e-5, "sgemm")
  }

  @Test("GELU is the exact erf form, not the tanh approximation")
  func gelu() {
    let xs: [Float] = stride(from: -6, through: 6, by: 0.25).map { Float($0) }
    var ys = [Float](repeating: 0, count: xs.count)
    GELU.forward(x: xs, y: &ys, count: xs.count)
    let exact = xs.map { x in Float(0.5 * Double(x) * (1 + erf(Double(x) / 2.0.squareRoot()))) }
    expectClose(ys, exact, atol: 1e-6, rtol: 1e-6, "gelu")
    // At x = 2.75 the tanh form is off by ~4.7e-4; the exact form must not be.
    let tanhForm = 0.5 * 2.75 * (1 + tanh((2 / Double.pi).squareRoot() * (2.75 + 0.044715 * pow(2.75, 3))))
    #expect(abs(Double(ys[35]) - tanhForm) > 1e-4)
  }

  @Test("Softmax rows sum to 1 and a masked key gets no weight")
  func softmax() {
    var data = TestData(seed: 3)
    var x = data.doubles(3 * 5, scale: 3)
    let original = x
    let bias = [0, 0, Attention.maskedKeyBias, 0, 0]
    Softmax.forwardRows(&x, bias: bias, rows: 3, width: 5)
    for r in 0..<3 {
      let row = (0..<5).map { original[r * 5 + $0] + bias[$0] }
      let mx = row.max()!
      let sum = row.reduce(0) { $0 + exp($1 - mx) }
      expectClose(Array(x[(r * 5)..<(r * 5 + 5)]), row.map { exp($0 - mx) / sum }, atol: 1e-15, rtol: 1e-12)
      #expect(x[r * 5 + 2] == 0)
    }
  }

  @Test("LayerNorm: biased variance, epsilon inside the square root")
  func layerNorm() {
    var data = TestData(seed: 4)
    let x = data.doubles(2 * 6, scale: 2)
    let gamma = data.doubles(6)
    let beta = data.doubles(6)
    var y = [Double](repeating: 0, count: 12)
    var mean = [Double](repeating: 0, count: 2)
    var rstd = [Double](repeating: 0, count: 2)
    LayerNorm.forward(x: x, gamma: gamma, beta: beta, y: &y, mean: &mean, rstd: &rstd, rows: 2, width: 6, eps: 0.5)
    for r in 0..<2 {
      let row = Array(x[(r * 6)..<(r * 6 + 6)])
      let mu = row.reduce(0, +) / 6
      let variance = row.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / 6
      let expected = (0..<6).map { (row[$0] - mu) / (variance + 0.5).squareRoot() * gamma[$0] + beta[$0] }
      expectClose(Array(y[(r * 6)..<(r * 6 + 6)]), expected, atol: 1e-12, rtol: 1e-12)
    }
  }

  @Test("Embedding gathers three tables and scatters repeated ids back")
  func embedding() {
    let ids: [Int32] = [1, 2, 1]
    let types: [Int32] = [0, 1, 1]
    let word: [Double] = [0, 0, 1, 10, 2, 20]
    let position: [Double] = [100, 100, 200, 200, 300, 300]
    let tokenType: [Double] = [0.5, 0.5, 0.25, 0.25]
    var out = [Double](repeating: 0, count: 6)
    Embedding.forward(
      ids: ids, types: types, word: word, position: position, tokenType: tokenType, out: &out, batch: 1, seqLen: 3,
      width: 2)
    #expect(out == [101.5, 110.5, 202.25, 220.25, 301.25, 310.25])
    var dWord = [Double](repeating: 0, count: 6)
    var dPosition = [Double](repeating: 0, count: 6)
    var dType = [Double](repeating: 0, count: 4)
    Embedding.backward(
      dOut: [1, 2, 3, 4, 5, 6], ids: ids, types: types, dWord: &dWord, dPosition: &dPosition, dTokenType: &dType,
      batch: 1, seqLen: 3, width: 2)
    #expect(dWord == [0, 0, 6, 8, 3, 4])
    #expect(dPosition == [1, 2, 3, 4, 5, 6])
    #expect(dType == [1, 2, 8, 10])
  }

  @Test("Losses: BCE ignores padding, CE is weighted and divided by the weight sum")
  func losses() {
    let logits: [Double] = [2, -1, 0.5, 9]
    let bce = Losses.binaryCrossEntropy(
      logits: logits, labels: [1, 0, 1, 1], mask: [1, 1, 1, 0], count: 4, dLogits: nil)
    let expected = (log(1 + exp(-2)) + log(1 + exp(-1)) + log(1 + exp(-0.5))) / (3 + 1e-6)
    #expect(abs(bce - expected) < 1e-12)
    let ce = Losses.softmaxCrossEntropy(
      logits: [1, 2, 3, 0, 0, 0], targets: [2, 0], weights: [1, 1], rows: 2, classes: 3, dLogits: nil)
    let expectedCE = ((log(exp(1) + exp(2) + exp(3)) - 3) + log(3)) / (2 + 1e-6)
    #expect(abs(ce - expectedCE) < 1e-12)
  }
}
