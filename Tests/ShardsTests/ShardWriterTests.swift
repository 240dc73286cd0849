import Foundation
import Shards
import Testing

@Suite("ShardWriter: rolling, both formats, records, seeded out-of-core shuffle")
struct ShardWriterTests {
  static let metadata = ShardMetadata(
    seqLen: 32, special: .bertOrder, vocabSHA256: String(repeating: "a", count: 64),
    configSHA256: String(repeating: "b", count: 64))

  /// `count` examples whose first content token is their number (1000 + i), so order is visible.
  static func examples(_ count: Int, seed: UInt64 = 1) -> [PackedExample] {
    var rng = SplitMix64(state: seed)
    return (0..<count).map { i in
      let a =
        [Int32(1000 + i)]
        + (0..<Int.random(in: 0...14, using: &rng)).map { _ in Int32.random(in: 5...40000, using: &rng) }
      let b = (0..<Int.random(in: 0...13, using: &rng)).map { _ in Int32.random(in: 5...40000, using: &rng) }
      return PackedExample(first: a, second: b, special: .bertOrder)
    }
  }

  /// Every example in the safetensors shards of `files`, in order.
  static func readBack(_ files: [ShardFileRecord], in directory: String) throws -> [PackedExample] {
    var out: [PackedExample] = []
    for file in files where file.format == .safetensors {
      let shard = try SafetensorsShard(path: "\(directory)/\(file.path)")
      try shard.validateLayout()
      for i in 0..<shard.count { out.append(try #require(try shard.example(at: i).packed)) }
    }
    return out
  }

  static func write(
    _ examples: [PackedExample], in directory: String, configure: (inout ShardWriter.Configuration) -> Void = { _ in }
  ) throws -> [ShardFileRecord] {
    var configuration = ShardWriter.Configuration(directory: directory, metadata: metadata, examplesPerShard: 10)
    configure(&configuration)
    let writer = try ShardWriter(configuration)
    for example in examples { try writer.add(example) }
    return try writer.finish()
  }

  @Test("shards roll at examples_per_shard; records match the files")
  func rolling() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanup() }
    let examples = Self.examples(25)
    let files = try Self.write(examples, in: directory.path) {
      $0.formats = [.safetensors, .tfrecord]
      $0.recordPathPrefix = ""
    }
    #expect(
      files.map(\.path) == [
        "shard-00000.safetensors", "shard-00000.tfrecord", "shard-00001.safetensors", "shard-00001.tfrecord",
        "shard-00002.safetensors", "shard-00002.tfrecord",
      ])
    #expect(files.map(\.examples) == [10, 10, 10, 10, 5, 5])
    #expect(directory.contents() == files.map(\.path).sorted())
    for file in files {
      let path = "\(directory.path)/\(file.path)"
      #expect(try SHA256Hex.ofFile(path) == file.sha256)
      #expect((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int).map(Int64.init) == file.bytes)
    }
    #expect(
      files.filter { $0.format == .safetensors }.reduce(0) { $0 + $1.tokens }
        == examples.reduce(0) { $0 + $1.contentTokenCount })
    #expect(files[0].padding == examples[0..<10].reduce(0) { $0 + 32 - $1.tokens.count })
    #expect(try Self.readBack(files, in: directory.path).map(\.tokens) == examples.map(\.tokens))
    // TFRecords hold the same examples.
    var fromRecords: [[Int64]] = []
    for file in files where file.format == .tfrecord {
      for record in try TFRecordReader.readAll(path: "\(directory.path)/\(file.path)") {
        fromRecords.append(try #require(try TFExample(serialized: record).int64s("input_ids")))
      }
    }
    #expect(fromRecords == examples.map { $0.inputIDs(seqLen: 32, pad: 0).map(Int64.init) })
  }

  @Test("no examples, no files")
  func empty() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanup() }
    #expect(try Self.write([], in: directory.path).isEmpty)
    #expect(try Self.write([], in: directory.path) { $0.shuffle = true }.isEmpty)
    #expect(directory.contents().isEmpty)
  }

  @Test(
    "the shuffle is a seeded permutation across shards, with or without bucket splitting",
    arguments: [(64, 131_072), (4, 7), (1, 3), (16, 1)])
  func shuffle(buckets: Int, memory: Int) throws {
    let examples = Self.examples(103)
    func run(seed: Int) throws -> [PackedExample] {
      let directory = try TemporaryDirectory()
      defer { directory.cleanup() }
      let files = try Self.write(examples, in: directory.path) {
        $0.shuffle = true
        $0.shuffleSeed = seed
        $0.shuffleBuckets = buckets
        $0.shuffleMemoryExamples = memory
      }
      #expect(files.map(\.examples) == [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 3])
      #expect(directory.contents() == files.map(\.path).sorted(), "scratch files are removed")
      return try Self.readBack(files, in: directory.path)
    }
    let first = try run(seed: 1234)
    #expect(
      first.map(\.tokens).sorted { $0.lexicographicallyPrecedes($1) }
        == examples.map(\.tokens).sorted { $0.lexicographicallyPrecedes($1) })
    #expect(first.map(\.tokens) != examples.map(\.tokens), "the order changed")
    #expect(try run(seed: 1234).map(\.tokens) == first.map(\.tokens), "same seed, same order")
    #expect(try run(seed: 99).map(\.tokens) != first.map(\.tokens), "another seed, another order")
  }

  @Test("the shuffle moves examples far: positions are spread over all shards")
  func shuffleSpread() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanup() }
    let examples = Self.examples(400)
    let files = try Self.write(examples, in: directory.path) {
      $0.shuffle = true
      $0.shuffleSeed = 5
      $0.shuffleBuckets = 8
    }
    let out = try Self.readBack(files, in: directory.path)
    // The first 40 examples in come out across (nearly) every shard.
    let shardsHoldingFirst = Set(out.enumerated().filter { $0.element.tokens[1] < 1040 }.map { $0.offset / 10 })
    #expect(shardsHoldingFirst.count >= 20)
  }

  @Test("uint16 input_ids: ids above 65535 are refused, small ones written as U16")
  func uint16() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanup() }
    var configuration = ShardWriter.Configuration(
      directory: directory.path, metadata: Self.metadata, inputIDsType: .uint16)
    configuration.examplesPerShard = 4
    let writer = try ShardWriter(configuration)
    #expect(throws: ShardsError.self) {
      try writer.add(PackedExample(first: [70_000], second: [], special: .bertOrder))
    }
    try writer.add(PackedExample(first: [65_535, 6], second: [7], special: .bertOrder))
    let files = try writer.finish()
    let shard = try SafetensorsShard(path: "\(directory.path)/\(files[0].path)")
    #expect(shard.inputIDsDType == .u16)
    #expect(try shard.example(at: 0).inputIDs.prefix(6) == [2, 65_535, 6, 3, 7, 3])
  }

  @Test("bad examples and configurations are refused")
  func refusals() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanup() }
    let writer = try ShardWriter(.init(directory: directory.path, metadata: Self.metadata))
    #expect(throws: ShardsError.self) {
      try writer.add(PackedExample(tokens: Array(repeating: 5, count: 33), firstSegmentEnd: 33))
    }
    #expect(throws: ShardsError.self) { try writer.add(PackedExample(tokens: [2, 3], firstSegmentEnd: 3)) }
    #expect(throws: ShardsError.self) {
      try ShardWriter(.init(directory: directory.path, metadata: Self.metadata, examplesPerShard: 0))
    }
    #expect(throws: ShardsError.self) {
      try ShardWriter(.init(directory: directory.path, metadata: Self.metadata, formats: []))
    }
  }

  @Test("builder → writer → reader: tokens in equal tokens in the shards")
  func endToEnd() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanup() }
    var builder = try ExampleBuilder(seqLen: 32, mode: .lossless, special: .bertOrder, seed: 1234)
    let writer = try ShardWriter(
      .init(
        directory: directory.path, metadata: Self.metadata, formats: [.safetensors, .tfrecord], examplesPerShard: 50,
        shuffle: true, shuffleSeed: 1234))
    var rng = SplitMix64(state: 77)
    var tokensIn: [Int32] = []
    for document in 0..<200 {
      let segments = (0..<Int.random(in: 1...6, using: &rng)).map { _ in
        (0..<Int.random(in: 0...70, using: &rng)).map { _ in Int32.random(in: 5...28_994, using: &rng) }
      }
      tokensIn += segments.flatMap { $0 }
      try builder.addDocument(segments, source: document % 3) { try writer.add($0) }
    }
    let files = try writer.finish()
    let out = try Self.readBack(files, in: directory.path)
    #expect(out.count == builder.counts.examples)
    let tokensOut = out.flatMap { Array($0.firstSegment) + Array($0.secondSegment) }
    #expect(tokensOut.sorted() == tokensIn.sorted())
    let safetensors = files.filter { $0.format == .safetensors }
    #expect(safetensors.reduce(0) { $0 + $1.tokens } == builder.counts.tokensOut)
    #expect(safetensors.reduce(0) { $0 + $1.padding } == builder.counts.padding)
  }
}
