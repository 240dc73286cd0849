import Foundation
import Shards
import Testing

/// `dacorpus inspect SHARD`: examples decoded back to text with the build's vocabulary.
@Suite struct InspectShardTests {
  static let tokens = [
    "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "Vejr", "##et", "er", "kold", "##t", ".", "i", "dag", "Det",
  ]

  /// A build output in a new directory: `out/vocab.txt` and `out/shards/shard-00000.{safetensors,tfrecord}`
  /// with three examples of 12 positions.
  static func makeOutput(vocabSHA256: String? = nil) throws -> String {
    let directory = try CLIRunner.temporaryDirectory()
    let out = directory + "/out"
    try FileManager.default.createDirectory(atPath: out + "/shards", withIntermediateDirectories: true)
    let vocab = Array(tokens.map { $0 + "\n" }.joined().utf8)
    try Data(vocab).write(to: URL(fileURLWithPath: out + "/vocab.txt"))
    let metadata = ShardMetadata(
      seqLen: 12, special: .bertOrder, vocabSHA256: vocabSHA256 ?? SHA256Hex.of(vocab), configSHA256: "config")
    let writer = try ShardWriter(.init(directory: out + "/shards", metadata: metadata, formats: [.safetensors, .tfrecord]))
    for (first, second) in [([5, 6, 7, 8, 9], [11, 12, 10]), ([13, 7, 8, 9, 10], []), ([6, 7], [1])] as [([Int32], [Int32])] {
      try writer.add(PackedExample(first: first, second: second, special: .bertOrder))
    }
    _ = try writer.finish()
    return directory
  }

  static let expectedText = """
    out/shards/shard-00000.safetensors: 3 examples (safetensors)
    example 0: 11 tokens, padding 1
      A (5): Vejret er koldt
      B (3): i dag .
    example 1: 7 tokens, padding 5
      A (5): Det er koldt .
    example 2: 6 tokens, padding 6
      A (2): ##et er
      B (1): [UNK]

    """

  @Test("A safetensors shard: segments as text with the vocab.txt of the build output")
  func text() throws {
    let directory = try Self.makeOutput()
    let result = try CLIRunner.run(["inspect", "out/shards/shard-00000.safetensors"], in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == Self.expectedText)
    #expect(result.stderr.isEmpty)
  }

  @Test("A TFRecord shard as JSON lines, --limit, --vocab")
  func json() throws {
    let directory = try Self.makeOutput()
    try FileManager.default.moveItem(atPath: directory + "/out/vocab.txt", toPath: directory + "/elsewhere.txt")
    let result = try CLIRunner.run(
      ["inspect", "--json", "--limit", "2", "--vocab", "elsewhere.txt", "out/shards/shard-00000.tfrecord"], in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(
      lines.first == """
        {"file":"out/shards/shard-00000.tfrecord","example":0,"tokens":11,"padding":1,"segments":\
        [{"text":"Vejret er koldt","ids":[5,6,7,8,9]},{"text":"i dag .","ids":[11,12,10]}]}
        """)
    let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
    #expect(second["example"] as? Int == 1)
    #expect((second["segments"] as? [Any])?.count == 1)
  }

  @Test("Without a vocabulary the ids are shown; another vocabulary is a warning")
  func vocabularies() throws {
    let directory = try Self.makeOutput(vocabSHA256: String(repeating: "0", count: 64))
    let mismatch = try CLIRunner.run(["inspect", "--limit", "1", "out/shards/shard-00000.safetensors"], in: directory)
    #expect(mismatch.status == 0)
    #expect(mismatch.stderr.contains("was made with the vocabulary of sha256 0000"))
    try FileManager.default.removeItem(atPath: directory + "/out/vocab.txt")
    let ids = try CLIRunner.run(["inspect", "--limit", "1", "out/shards/shard-00000.safetensors"], in: directory)
    #expect(ids.status == 0)
    #expect(ids.stdout.contains("  A (5): 5 6 7 8 9\n  B (3): 11 12 10\n"))
    #expect(ids.stderr.contains("no vocab.txt"))
  }

  @Test("Damaged shards are reported with the file and exit 1; the other shards are still shown")
  func damaged() throws {
    let directory = try Self.makeOutput()
    for (name, cut) in [("shard-00000.safetensors", 7), ("shard-00000.tfrecord", 1)] {
      let path = directory + "/out/shards/" + name
      var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
      bytes.removeLast(cut)
      try bytes.write(to: URL(fileURLWithPath: directory + "/out/shards/bad-" + name))
    }
    let result = try CLIRunner.run(["inspect", "out/shards"], in: directory)
    #expect(result.status == 1)
    #expect(result.stderr.contains("error: size_mismatch in 'out/shards/bad-shard-00000.safetensors'"), "\(result.stderr)")
    #expect(result.stderr.contains("error: truncated in 'out/shards/bad-shard-00000.tfrecord' at byte"), "\(result.stderr)")
    #expect(result.stdout.contains("out/shards/shard-00000.safetensors: 3 examples"))
    #expect(result.stdout.contains("out/shards/shard-00000.tfrecord: examples"))
  }
}
