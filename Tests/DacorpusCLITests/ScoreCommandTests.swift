import Foundation
import Testing

/// `dacorpus score --text` end to end on the transformers-made discriminator fixture of the
/// ELECTRA tests (97-token vocabulary).
@Suite struct ScoreCommandTests {
  static let model = CLIRunner.packageRoot + "/Tests/ElectraTests/Fixtures/parity/discriminator"

  @Test("score --text --json: one object per line, [CLS] … [SEP], probabilities in (0, 1)")
  func scoreText() throws {
    let directory = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    // 5 special tokens, letters and their continuations, digits (no "##2": "42" is one [UNK]),
    // 67 ids, all below the model's vocab_size of 97.
    let letters = "abcdefghijklmnopqrstuvwxyz".map(String.init)
    let vocab =
      ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + letters + letters.map { "##" + $0 }
      + (0..<10).map(String.init)
    try (vocab.joined(separator: "\n") + "\n").write(
      toFile: directory + "/vocab.txt", atomically: true, encoding: .utf8)
    try "hej med dig\n\nabc 42\n".write(toFile: directory + "/in.txt", atomically: true, encoding: .utf8)
    let result = try CLIRunner.run([
      "score", "--model", Self.model, "--text", directory + "/in.txt", "--vocab", directory + "/vocab.txt", "--json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 3)
    for (line, words) in zip(
      lines, [["h", "##e", "##j", "m", "##e", "##d", "d", "##i", "##g"], [], ["a", "##b", "##c", "[UNK]"]])
    {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let tokens = try #require(object["tokens"] as? [String])
      let probabilities = try #require(object["replaced_probability"] as? [Double])
      #expect(tokens == ["[CLS]"] + words + ["[SEP]"])
      #expect(probabilities.count == tokens.count)
      #expect(probabilities.allSatisfy { $0 > 0 && $0 < 1 })
    }
  }

  @Test("score needs exactly one of --text and --shards")
  func usage() throws {
    let result = try CLIRunner.run(["score", "--model", Self.model])
    #expect(result.status == 64)
  }
}
