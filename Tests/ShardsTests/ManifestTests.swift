import Foundation
import Shards
import Testing

@Suite("Manifest: snake_case JSON, round trip, verification")
struct ManifestTests {
  struct Config: Codable, Sendable, Equatable {
    var version = 1
    var seed = 1234
  }

  static func manifest(files: [ShardFileRecord]) -> Manifest<Config> {
    var counts = ExampleBuilder.Counts()
    counts.tokensIn = 10
    counts.tokensOut = 10
    counts.examples = 2
    let configuration = ShardWriter.Configuration(
      directory: "out/shards",
      metadata: ShardMetadata(seqLen: 32, special: .bertOrder, vocabSHA256: "v", configSHA256: "c"), shuffle: true,
      shuffleSeed: 7)
    return Manifest(
      versions: ["dacorpus": "0.1.0"], config: Config(), configSHA256: "c",
      vocab: .init(path: "vocab.txt", sha256: "v", size: 5, specialTokens: .bertOrder),
      packing: .init(seqLen: 32, mode: .lossless, seed: 1234, counts: counts),
      shards: .init(configuration), files: files)
  }

  @Test("keys are snake_case and sorted; decoding gives the same manifest")
  func roundTrip() throws {
    let file = ShardFileRecord(
      path: "shards/shard-00000.safetensors", format: .safetensors, bytes: 100, sha256: "ab", examples: 2, tokens: 10,
      padding: 44)
    let manifest = Self.manifest(files: [file])
    let text = String(decoding: try manifest.encoded(), as: UTF8.self)
    for key in [
      "\"manifest_version\" : 1", "\"config_sha256\"", "\"tokens_in\" : 10", "\"two_segment_examples\"",
      "\"examples_per_shard\" : 65536", "\"input_ids_dtype\" : \"int32\"", "\"shuffle_seed\" : 7", "\"seq_len\" : 32",
      "\"special_tokens\"", "\"cls_token_id\" : 2", "\"path\" : \"shards/shard-00000.safetensors\"",
      "\"manifest\" : \"1\"",
      "\"format\" : \"pt\"",
    ] {
      #expect(text.contains(key), "missing \(key)")
    }
    #expect(text.hasSuffix("}\n"))
    let decoded = try JSONDecoder().decode(Manifest<Config>.self, from: Data(try manifest.encoded()))
    #expect(decoded == manifest)
    #expect(try decoded.encoded() == manifest.encoded())
    #expect(manifest.totals(for: .safetensors).examples == 2)
    #expect(manifest.totals(for: .tfrecord).files == 0)
  }

  @Test("write, read and verify against real shard files; a changed file is reported")
  func verify() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanup() }
    var configuration = ShardWriter.Configuration(
      directory: directory.path + "/shards", metadata: ShardWriterTests.metadata, formats: [.safetensors, .tfrecord],
      examplesPerShard: 4)
    configuration.recordPathPrefix = "shards/"
    let writer = try ShardWriter(configuration)
    for example in ShardWriterTests.examples(9) { try writer.add(example) }
    let manifest = Self.manifest(files: try writer.finish())
    try manifest.write(to: directory.path + "/manifest.json")
    let read = try Manifest<Config>.read(path: directory.path + "/manifest.json")
    #expect(read == manifest)
    #expect(read.verify(in: directory.path).isEmpty)

    let victim = directory.path + "/shards/shard-00001.tfrecord"
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: victim)))
    bytes[20] ^= 1
    try Data(bytes).write(to: URL(fileURLWithPath: victim))
    try FileManager.default.removeItem(atPath: directory.path + "/shards/shard-00002.safetensors")
    let problems = read.verify(in: directory.path).map(\.description)
    #expect(
      problems == [
        "shards/shard-00001.tfrecord: sha256 differs from the manifest", "shards/shard-00002.safetensors: missing",
      ])
    #expect(read.verify(in: directory.path, vocab: true).last?.description == "vocab.txt: missing")
  }

  @Test("a file that is not a manifest is refused")
  func notAManifest() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanup() }
    try Data("{\"files\": 3}".utf8).write(to: URL(fileURLWithPath: directory.path + "/m.json"))
    #expect(throws: ShardsError.self) { try Manifest<Config>.read(path: directory.path + "/m.json") }
    #expect(throws: ShardsError.self) { try Manifest<Config>.read(path: directory.path + "/missing.json") }
  }
}
