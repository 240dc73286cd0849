import Electra
import Foundation
import Shards
import Testing

/// `parity.json`: the batch and the fixed corruption behind the reference tensors.
struct ParityCase: Decodable {
  var batch: Int
  var seq_len: Int
  var input_ids, token_type_ids, attention_mask: [Int32]
  var masked_rows: [Int]
  var generator_input_ids, discriminator_input_ids, labels: [Int32]
  var mlm_loss, disc_loss, total_loss: Float
  var learning_rates: [Float]
  var step_losses: [[Float]]

  static func load() throws -> ParityCase {
    try JSONDecoder().decode(
      ParityCase.self, from: Data(contentsOf: URL(fileURLWithPath: Fixture.path("parity/parity.json"))))
  }

  var electraBatch: ElectraBatch {
    ElectraBatch(
      inputIDs: input_ids, tokenTypeIDs: token_type_ids, attentionMask: attention_mask, batchSize: batch,
      seqLen: seq_len)
  }

  var masking: Masking { Masking(rows: masked_rows, maskedInputIDs: generator_input_ids) }
  var replacements: [Int32] { masked_rows.map { discriminator_input_ids[$0] } }
}

/// The Swift models against transformers 4.44.2 on unit-scale random weights
/// (`scripts/make_electra_fixtures.py`).
@Suite struct ParityTests {
  let special = SpecialTokens(cls: 2, sep: 3, pad: 0, mask: 4, unk: 1)

  @Test("discriminator logits match ElectraForPreTraining within 1e-4")
  func discriminatorLogits() throws {
    let c = try ParityCase.load()
    let model = try ElectraForPreTraining(directory: Fixture.path("parity/discriminator"))
    let logits = Array(try model.forward(c.electraBatch))
    let reference = try SafetensorsFile(path: Fixture.path("parity/reference.safetensors"))
    let expected = try Fixture.floats(reference, "disc_logits")
    #expect(expected.map(abs).max()! > 0.5, "unit-scale weights give logits of order 1")
    expectClose(logits, expected, atol: 1e-4, rtol: 1e-4, "disc_logits")
  }

  @Test("generator logits at every position match ElectraForMaskedLM within 1e-4 (tied head, no stored lm_head weight)")
  func generatorLogits() throws {
    let c = try ParityCase.load()
    let model = try ElectraForMaskedLM(directory: Fixture.path("parity/generator"))
    let logits = Array(try model.forward(c.electraBatch))
    let reference = try SafetensorsFile(path: Fixture.path("parity/reference.safetensors"))
    expectClose(logits, try Fixture.floats(reference, "gen_logits"), atol: 1e-4, rtol: 1e-4, "gen_logits")
  }

  func loadPair() throws -> ElectraPair {
    try ElectraPair(directory: Fixture.path("parity"), special: special, maskID: 4)
  }

  @Test("losses and every parameter gradient of MLM + 50·disc match PyTorch (rtol 1e-3)")
  func gradients() throws {
    let c = try ParityCase.load()
    let pair = try loadPair()
    var random = ElectraRandom(seed: 0)
    let result = try pair.accumulateGradients(
      batch: c.electraBatch, masking: c.masking, replacements: c.replacements, random: &random)
    #expect(abs(result.mlmLoss - c.mlm_loss) <= 1e-4 * abs(c.mlm_loss))
    #expect(abs(result.discriminatorLoss - c.disc_loss) <= 1e-4 * abs(c.disc_loss))
    #expect(abs(result.totalLoss - c.total_loss) <= 1e-4 * abs(c.total_loss))
    let reference = try SafetensorsFile(path: Fixture.path("parity/grads.safetensors"))
    var checked = 0
    for (prefix, set) in [("discriminator.", pair.discriminator.gradients), ("generator.", pair.generator.gradients)] {
      for entry in set.entries {
        // The generator's embedding gradients are accumulated in the discriminator's (shared) tensors.
        if prefix == "generator.", entry.name.hasPrefix("electra.embeddings.") { continue }
        let expected = try Fixture.floats(reference, prefix + entry.name)
        // atol: the key biases' gradients are exactly 0 (softmax ignores a per-row shift), so
        // both sides hold rounding noise of order 1e-8 there; other gradients are of order 0.1–10.
        expectClose(set.array(entry.name), expected, atol: 1e-5, rtol: 1e-3, prefix + entry.name)
        checked += 1
      }
    }
    #expect(checked == reference.tensors.count - 5)  // all but the generator's 5 shared embedding tensors
  }

  @Test("parameters after 3 ELECTRA-AdamW steps (clipping, decay exclusions) match PyTorch")
  func optimizerSteps() throws {
    let c = try ParityCase.load()
    let pair = try loadPair()
    let optimizer = ElectraAdamW(pair: pair)
    var random = ElectraRandom(seed: 0)
    for (step, lr) in c.learning_rates.enumerated() {
      pair.zeroGradients()
      let result = try pair.accumulateGradients(
        batch: c.electraBatch, masking: c.masking, replacements: c.replacements, random: &random)
      #expect(abs(result.totalLoss - c.step_losses[step][2]) <= 1e-3 * abs(c.step_losses[step][2]), "step \(step)")
      optimizer.step(learningRate: lr)
    }
    let reference = try SafetensorsFile(path: Fixture.path("parity/after_steps.safetensors"))
    for (prefix, set) in [("discriminator.", pair.discriminator.parameters), ("generator.", pair.generator.parameters)]
    {
      for entry in set.entries where !(prefix == "generator." && entry.name.hasPrefix("electra.embeddings.")) {
        expectClose(
          set.array(entry.name), try Fixture.floats(reference, prefix + entry.name), atol: 1e-5, rtol: 1e-3,
          prefix + entry.name)
      }
    }
  }

  @Test("a saved checkpoint has transformers' names and metadata and loads back identically")
  func checkpointRoundTrip() throws {
    let model = try ElectraForMaskedLM(directory: Fixture.path("parity/generator"))
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("electra-roundtrip-\(getpid())").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try model.save(to: directory)
    let file = try SafetensorsFile(path: directory + "/model.safetensors")
    #expect(file.metadata == ["format": "pt"])
    #expect(file.tensor(named: "generator_lm_head.weight") == nil)
    let original = try SafetensorsFile(path: Fixture.path("parity/generator/model.safetensors"))
    #expect(Set(file.tensors.map(\.name)) == Set(original.tensors.map(\.name)))
    let loaded = try ElectraForMaskedLM(directory: directory)
    #expect(loaded.config == model.config)
    for entry in model.parameters.entries {
      #expect(loaded.parameters.array(entry.name) == model.parameters.array(entry.name))
    }
  }
}
