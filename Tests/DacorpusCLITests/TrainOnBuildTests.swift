import Foundation
import Testing

/// The README's whole path: `dacorpus build` on `samples/`, then `dacorpus train` on its shards
/// and `dacorpus score` of the result.
@Suite struct TrainOnBuildTests {
  static func train(shards: String, out: String) throws -> CLIRunner.Result {
    try CLIRunner.run([
      "train", "--shards", shards, "--model-config", "tiny", "--steps", "3", "--batch", "4", "--lr", "1e-3",
      "--out", out, "--seed", "7",
    ])
  }

  @Test func buildTrainAndScore() throws {
    let directory = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let build = try CLIRunner.run(["build", "--output", directory + "/out", "--quiet"])
    #expect(build.status == 0, "\(build.stderr)")

    // Training is deterministic for a seed, and the checkpoint carries the build's vocabulary.
    let first = try Self.train(shards: directory + "/out", out: directory + "/a")
    #expect(first.status == 0, "\(first.stderr)")
    let second = try Self.train(shards: directory + "/out", out: directory + "/b")
    #expect(second.status == 0, "\(second.stderr)")
    for model in ["discriminator", "generator"] {
      let a = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/a/\(model)/model.safetensors"))
      let b = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/b/\(model)/model.safetensors"))
      #expect(a == b, "\(model)")
      #expect(
        try Data(contentsOf: URL(fileURLWithPath: "\(directory)/a/\(model)/vocab.txt"))
          == Data(contentsOf: URL(fileURLWithPath: directory + "/out/vocab.txt")))
    }

    let shards = try CLIRunner.run([
      "score", "--model", directory + "/a", "--shards", directory + "/out", "--examples", "8", "--json",
    ])
    #expect(shards.status == 0, "\(shards.stderr)")
    let metrics = try #require(
      try JSONSerialization.jsonObject(with: Data(shards.stdout.utf8)) as? [String: Any])
    #expect(metrics["examples"] as? Int == 8)
    for key in ["disc_loss", "disc_accuracy", "disc_auc", "mlm_loss", "mlm_accuracy"] {
      let value = try #require(metrics[key] as? Double, "\(key)")
      #expect(value.isFinite, "\(key)")
    }

    try "Hej med dig, København.\n".write(toFile: directory + "/in.txt", atomically: true, encoding: .utf8)
    let text = try CLIRunner.run([
      "score", "--model", directory + "/a/discriminator", "--text", directory + "/in.txt", "--json",
    ])
    #expect(text.status == 0, "\(text.stderr)")
    let line = try #require(
      try JSONSerialization.jsonObject(with: Data(text.stdout.utf8)) as? [String: Any])
    #expect((line["tokens"] as? [String])?.first == "[CLS]")
    #expect((line["tokens"] as? [String])?.contains("København") == true)
  }
}
