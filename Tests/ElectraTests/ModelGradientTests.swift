import Electra
import Testing

/// Whole-model backward passes against directional finite differences in `Float`.
///
/// For a random direction `u` over all parameters, `(L(θ + εu) − L(θ − εu)) / 2ε ≈ ∇L · u` with
/// `L = Σ logits ⊙ r`. Dropout masks are redrawn identically for every forward pass, so this
/// checks the backward pass through them (the parity tests cover the eval-mode model).
@Suite struct ModelGradientTests {
  func directionalCheck(
    parameters: ParameterSet, gradients: ParameterSet, loss: () throws -> Double, backward: () throws -> Void,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    var data = TestData(seed: 21)
    let direction = data.floats(parameters.count)
    gradients.zero()
    _ = try loss()
    try backward()
    var analytic = 0.0
    for i in 0..<parameters.count { analytic += Double(gradients.values[i]) * Double(direction[i]) }
    let epsilon: Float = 1e-3
    func shifted(_ sign: Float) throws -> Double {
      for i in 0..<parameters.count { parameters.values[i] += sign * epsilon * direction[i] }
      defer { for i in 0..<parameters.count { parameters.values[i] -= sign * epsilon * direction[i] } }
      return try loss()
    }
    let numeric = (try shifted(1) - shifted(-1)) / (2 * Double(epsilon))
    #expect(
      abs(numeric - analytic) <= 2e-3 * abs(analytic) + 1e-3, "numeric \(numeric), analytic \(analytic)",
      sourceLocation: sourceLocation)
  }

  func smallConfig(dropout: Double) -> ElectraConfig {
    var config = ElectraConfig(vocabSize: 50, embeddingSize: 12, hiddenSize: 16, layers: 2, heads: 2)
    config.maxPositionEmbeddings = 16
    config.initializerRange = 0.3  // large enough that every layer matters
    config.hiddenDropoutProb = dropout
    config.attentionProbsDropoutProb = dropout
    return config
  }

  func batch() -> ElectraBatch {
    var random = ElectraRandom(seed: 8)
    let ids = (0..<24).map { _ in Int32(random.next() % 50) }
    var mask = [Int32](repeating: 1, count: 24)
    mask[20...] = [0, 0, 0, 0]
    return ElectraBatch(
      inputIDs: ids, tokenTypeIDs: (0..<24).map { Int32($0 % 12 >= 6 ? 1 : 0) }, attentionMask: mask, batchSize: 2,
      seqLen: 12)
  }

  @Test("discriminator backward, with and without dropout", arguments: [0.0, 0.2])
  func discriminator(dropout: Double) throws {
    let model = try ElectraForPreTraining(config: smallConfig(dropout: dropout))
    model.initializeWeights(seed: 4)
    let input = batch()
    var data = TestData(seed: 5)
    let r = data.floats(input.count)
    func loss() throws -> Double {
      model.dropoutRandom = dropout > 0 ? ElectraRandom(seed: 77) : nil
      let logits = try model.forward(input)
      return zip(logits, r).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }
    try directionalCheck(parameters: model.parameters, gradients: model.gradients, loss: loss) { model.backward(r) }
  }

  @Test("generator backward at selected rows, with and without dropout", arguments: [0.0, 0.2])
  func generator(dropout: Double) throws {
    let model = try ElectraForMaskedLM(config: smallConfig(dropout: dropout))
    model.initializeWeights(seed: 6)
    let input = batch()
    let rows = [1, 5, 5, 14]
    var data = TestData(seed: 7)
    let r = data.floats(rows.count * 50)
    func loss() throws -> Double {
      model.dropoutRandom = dropout > 0 ? ElectraRandom(seed: 78) : nil
      let logits = try model.forward(input, rows: rows)
      return zip(logits, r).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }
    try directionalCheck(parameters: model.parameters, gradients: model.gradients, loss: loss) { model.backward(r) }
  }

  @Test("dropout masks: share dropped ≈ p, kept values scaled by 1/(1−p)")
  func dropoutMask() {
    var random = ElectraRandom(seed: 1)
    var mask = [Float](repeating: -1, count: 10_001)
    Dropout.makeMask(&mask, count: mask.count, p: 0.1, random: &random)
    let dropped = mask.filter { $0 == 0 }.count
    #expect(mask.allSatisfy { $0 == 0 || abs($0 - 1 / 0.9) < 1e-6 })
    #expect(abs(Double(dropped) / Double(mask.count) - 0.1) < 0.015)
  }
}
