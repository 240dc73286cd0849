import Foundation
import Shards
import Testing

@Suite("safetensors: byte layout of Python's safetensors, mmap reader with validation")
struct SafetensorsTests {
  @Test("a shard is byte-identical to safetensors.numpy's file", arguments: [TokenDType.int32, .uint16])
  func shardBytes(dtype: TokenDType) throws {
    let fixtures = try ShardFixtures.load()
    let directory = try TemporaryDirectory()
    defer { directory.cleanup() }
    let metadata = try #require(fixtures.shardMetadata)
    let writer = try ShardWriter(
      .init(directory: directory.path, metadata: metadata, examplesPerShard: 100, inputIDsType: dtype))
    for example in fixtures.packed { try writer.add(example) }
    let files = try writer.finish()
    #expect(files.count == 1)
    let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(directory.path)/shard-00000.safetensors")))
    let expected = try Fixture.bytes(dtype == .int32 ? "shard_int32.safetensors" : "shard_uint16.safetensors")
    #expect(written == expected)
    #expect(files[0].sha256 == SHA256Hex.of(expected))
    #expect(files[0].bytes == Int64(expected.count))
    #expect(files[0].examples == fixtures.examples.count)
    #expect(files[0].tokens == fixtures.examples.reduce(0) { $0 + $1[0].count + $1[1].count })
    #expect(directory.contents() == ["shard-00000.safetensors"], "no temporary files left behind")
  }

  @Test("the generic writer matches save_file for many dtypes, a scalar and an empty tensor")
  func mixedBytes() throws {
    let fixtures = try ShardFixtures.load()
    let directory = try TemporaryDirectory()
    defer { directory.cleanup() }
    let tensors = try fixtures.mixed.map { tensor in
      (
        spec: SafetensorsWriter.TensorSpec(
          name: tensor.name, dtype: try #require(SafetensorsDType(rawValue: tensor.dtype)), shape: tensor.shape),
        bytes: hexBytes(tensor.hex)
      )
    }
    let path = "\(directory.path)/mixed.safetensors"
    _ = try SafetensorsWriter.write(path: path, tensors: tensors, metadata: ["format": "pt"])
    #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == Fixture.bytes("mixed.safetensors"))

    let file = try SafetensorsFile(path: try Fixture.path("mixed.safetensors"))
    #expect(file.headerSize % 8 == 0)
    #expect(file.metadata == ["format": "pt"])
    #expect(file.tensors.map(\.name) == ["step", "big", "weight", "ids", "small", "empty", "flags"])
    #expect(try file.integers("small") == [-1, 2, 300, -32768])
    #expect(try file.integers("step") == [123_456_789_012])
    #expect(try file.integers("flags") == [1, 0, 1])
    #expect(try file.integers("empty") == [])
    #expect(file.tensor(named: "empty")?.shape == [0, 4])
    #expect(file.tensor(named: "step")?.shape == [])
    let weights = try file.withBytes(of: "weight") { raw in
      (0..<6).map {
        Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self)))
      }
    }
    #expect(weights == (0..<6).map { Float($0) / 7 })
    #expect(throws: ShardsError.self) { try file.integers("weight") }
  }

  @Test("a single-key metadata file matches too")
  func formatOnly() throws {
    let fixtures = try ShardFixtures.load()
    let directory = try TemporaryDirectory()
    defer { directory.cleanup() }
    let rows = fixtures.packed.flatMap { $0.inputIDs(seqLen: fixtures.seq_len, pad: 0) }
    let bytes = rows.flatMap { value in
      (0..<4).map { UInt8(truncatingIfNeeded: UInt32(bitPattern: value.littleEndian) >> (8 * $0)) }
    }
    let path = "\(directory.path)/f.safetensors"
    _ = try SafetensorsWriter.write(
      path: path,
      tensors: [
        (.init(name: "input_ids", dtype: .i32, shape: [rows.count / fixtures.seq_len, fixtures.seq_len]), bytes)
      ],
      metadata: ["format": "pt"])
    #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == Fixture.bytes("format_only.safetensors"))
  }

  @Test("header vectors from safetensors' own tests")
  func headerVectors() {
    // tensor.rs test_serialization: one F32 [1,2,3] tensor "attn.0", no metadata: N = 64.
    let one = Safetensors.encodeHeader(
      [SafetensorsTensorInfo(name: "attn.0", dtype: .f32, shape: [1, 2, 3], dataOffsets: 0..<24)], metadata: nil)
    #expect(one.count == 8 + 64)
    #expect(
      String(decoding: one[8...], as: UTF8.self) == #"{"attn.0":{"dtype":"F32","shape":[1,2,3],"data_offsets":[0,24]}}"#
    )
    // test_empty with metadata {"framework":"pt"}: N = 40.
    let empty = Safetensors.encodeHeader([], metadata: ["framework": "pt"])
    #expect(empty.count == 8 + 40)
    #expect(String(decoding: empty[8...], as: UTF8.self) == #"{"__metadata__":{"framework":"pt"}}     "#)
    // serde_json string escaping
    let escaped = Safetensors.encodeHeader([], metadata: ["k": "v\"\\\n\u{E6}\u{1}/"])
    #expect(
      String(decoding: escaped[8...], as: UTF8.self).hasPrefix(
        #"{"__metadata__":{"k":"v\"\\\n"# + "\u{E6}" + #"\u0001/"}}"#))
  }

  @Test(
    "SafetensorsShard reads the fixture examples back",
    arguments: ["shard_int32.safetensors", "shard_uint16.safetensors"])
  func shardReader(name: String) throws {
    let fixtures = try ShardFixtures.load()
    let shard = try SafetensorsShard(path: try Fixture.path(name))
    #expect(shard.count == fixtures.examples.count)
    #expect(shard.seqLen == fixtures.seq_len)
    #expect(shard.inputIDsDType == (name.contains("uint16") ? .u16 : .i32))
    #expect(shard.metadata == fixtures.shardMetadata)
    try shard.validateLayout()
    for (index, example) in fixtures.packed.enumerated() {
      let row = try shard.example(at: index)
      #expect(row == ShardExample(example, seqLen: fixtures.seq_len, pad: 0))
      #expect(row.packed?.tokens == example.tokens)
      #expect(row.packed?.firstSegmentEnd == example.firstSegmentEnd)
    }
    #expect(throws: ShardsError.self) { try shard.example(at: fixtures.examples.count) }
  }

  // MARK: Validation

  static func expectRejected(
    _ bytes: [UInt8], _ kind: ShardsError.Kind, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanup() }
    let path = "\(directory.path)/bad.safetensors"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    do throws(ShardsError) {
      _ = try SafetensorsFile(path: path)
      Issue.record("accepted a bad file", sourceLocation: sourceLocation)
    } catch {
      #expect(error.kind == kind, "\(error)", sourceLocation: sourceLocation)
    }
  }

  /// A file made of `header` (padded) and `data` bytes.
  static func file(_ header: String, data: Int) -> [UInt8] {
    var json = Array(header.utf8)
    while json.count % 8 != 0 { json.append(0x20) }
    let n = UInt64(json.count)
    return (0..<8).map { UInt8(truncatingIfNeeded: n >> (8 * UInt64($0))) } + json + [UInt8](repeating: 7, count: data)
  }

  @Test("truncated and oversized files, bad length prefixes")
  func sizes() throws {
    let good = try Fixture.bytes("shard_int32.safetensors")
    try Self.expectRejected(Array(good.dropLast()), .sizeMismatch)
    try Self.expectRejected(good + [0], .sizeMismatch)
    try Self.expectRejected(Array(good.prefix(5)), .truncated)
    try Self.expectRejected([UInt8](repeating: 0xFF, count: 8) + Array(good[8...]), .invalidHeader)
    var long = good
    long[0] = 0xFF
    long[1] = 0xFF
    try Self.expectRejected(long, .truncated)
  }

  @Test("malformed headers")
  func headers() throws {
    try Self.expectRejected(Self.file("[]", data: 0), .invalidHeader)
    try Self.expectRejected(Self.file("{\"a\":", data: 0), .invalidHeader)
    try Self.expectRejected(
      Self.file(#"{"a":{"dtype":"Q8","shape":[1],"data_offsets":[0,1]}}"#, data: 1), .invalidHeader)
    try Self.expectRejected(
      Self.file(#"{"a":{"dtype":"I32","shape":[-1],"data_offsets":[0,4]}}"#, data: 4), .invalidHeader)
    try Self.expectRejected(
      Self.file(#"{"a":{"dtype":"I32","shape":[2],"data_offsets":[0,4]}}"#, data: 4), .invalidTensor)
    try Self.expectRejected(
      Self.file(
        #"{"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},"a":{"dtype":"U8","shape":[1],"data_offsets":[1,2]}}"#,
        data: 2),
      .invalidHeader)
    try Self.expectRejected(
      Self.file(
        #"{"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},"b":{"dtype":"U8","shape":[1],"data_offsets":[2,3]}}"#,
        data: 3),
      .invalidTensor)
    try Self.expectRejected(
      Self.file(
        #"{"a":{"dtype":"U8","shape":[2],"data_offsets":[0,2]},"b":{"dtype":"U8","shape":[1],"data_offsets":[1,2]}}"#,
        data: 2),
      .invalidTensor)
    try Self.expectRejected(Self.file(#"{"__metadata__":{"a":1}}"#, data: 0), .invalidHeader)
    try Self.expectRejected(
      Self.file(#"{"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1]}}"#, data: 2), .sizeMismatch)
    // A valid one, for contrast: tensors listed out of offset order are fine.
    let directory = try TemporaryDirectory()
    defer { directory.cleanup() }
    let path = "\(directory.path)/ok.safetensors"
    try Data(
      Self.file(
        #"{"b":{"dtype":"U8","shape":[1],"data_offsets":[1,2]},"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1]}}"#,
        data: 2)
    ).write(to: URL(fileURLWithPath: path))
    #expect(try SafetensorsFile(path: path).tensors.map(\.name) == ["a", "b"])
  }

  @Test("a shard needs all three tensors with matching shapes")
  func shardTensors() throws {
    #expect(throws: ShardsError.self) { try SafetensorsShard(path: try Fixture.path("mixed.safetensors")) }
    #expect(throws: ShardsError.self) { try SafetensorsShard(path: try Fixture.path("format_only.safetensors")) }
  }
}
