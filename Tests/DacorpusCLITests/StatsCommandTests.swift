import Foundation
import Testing

/// `dacorpus stats OUT` with shard statistics, `--json` and `--html FILE`, on a small build.
@Suite struct StatsCommandTests {
  static let words = ["skoven", "havnen", "kirken", "marken", "skolen", "stranden", "møllen", "broen", "torvet", "åen"]

  /// Builds 30 documents of six sentences into `directory/out`: examples of 64, both formats.
  static func build(in directory: String) throws {
    var corpus = ""
    for i in 0..<30 {
      let sentences = (0..<6).map { j in
        "Dag \(j) i fortælling \(i) gik vi fra \(words[(i + j) % 10]) til \(words[(3 * i + j) % 10]) og hjem over \(words[(7 * i + 2 * j) % 10])."
      }
      corpus += "{\"id\":\"d\(i)\",\"text\":\"\(sentences.joined(separator: " "))\"}\n"
    }
    try corpus.write(toFile: directory + "/notes.jsonl", atomically: true, encoding: .utf8)
    try """
    output: out
    sources:
      - {name: notes, type: jsonl, paths: [notes.jsonl]}
    filters:
      quality: {enabled: false}
    tokenizer: {size: 300, min_frequency: 1}
    packing: {seq_len: 64}
    shards: {formats: [safetensors, tfrecord], examples_per_shard: 8}
    """.write(toFile: directory + "/small.yaml", atomically: true, encoding: .utf8)
    let build = try CLIRunner.run(["build", "small.yaml", "-q"], in: directory)
    #expect(build.status == 0, "\(build.stderr)")
  }

  @Test func statsPrintsShardStatisticsAndWritesTheSameHTMLEveryRun() throws {
    let directory = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try Self.build(in: directory)

    let text = try CLIRunner.run(["stats", "out", "--html", "report.html", "--top-tokens", "5"], in: directory)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stderr.isEmpty)
    for heading in ["shard files", "tokens  segment A  segment B  example", "top token", "files checked"] {
      #expect(text.stdout.contains(heading), "\(heading)")
    }
    #expect(text.stdout.contains(" safetensors files: "))
    #expect(text.stdout.contains("49–64"))

    let page = try String(contentsOfFile: directory + "/report.html", encoding: .utf8)
    for id in ["sources", "funnel", "removals", "tokens", "lengths", "top-tokens", "shards"] {
      #expect(page.contains("<section id=\"\(id)\">"), "\(id)")
    }
    #expect(page.components(separatedBy: "<svg").count - 1 >= 6)
    #expect(!page.contains("<script"))

    // Another process (another hash seed) writes the same bytes; --json wraps report and shards.
    let json = try CLIRunner.run(
      ["stats", "out", "--json", "--html", "again.html", "--top-tokens", "5"], in: directory)
    #expect(json.status == 0, "\(json.stderr)")
    #expect(try String(contentsOfFile: directory + "/again.html", encoding: .utf8) == page)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(Set(object.keys) == ["report", "shard_statistics"])
    let shards = try #require(object["shard_statistics"] as? [String: Any])
    let report = try #require(object["report"] as? [String: Any])
    let packing = try #require(report["packing"] as? [String: Any])
    #expect(shards["examples"] as? Int == packing["examples"] as? Int)
    #expect((shards["top_tokens"] as? [Any])?.count == 5)
  }

  @Test func unreadableShardsAreAnError() throws {
    let directory = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try Self.build(in: directory)
    try FileManager.default.removeItem(atPath: directory + "/out/shards/shard-00000.safetensors")
    let result = try CLIRunner.run(["stats", "out"], in: directory)
    #expect(result.status == 1)
    #expect(result.stderr.contains("shards/shard-00000.safetensors: missing"))
    #expect(result.stderr.contains("cannot read the shards"))
  }
}
