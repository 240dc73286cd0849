import Foundation
import Shards
import Testing

/// ``ShardReader``: the examples of either shard format, and every problem named with its file.
@Suite struct ShardReaderTests {
  @Test(
    "Fixture shards read back to the packed examples",
    arguments: ["shard_int32.safetensors", "shard_uint16.safetensors", "electra.tfrecord"])
  func readBack(name: String) throws {
    let fixtures = try ShardFixtures.load()
    var reader = try ShardReader(path: try Fixture.path(name))
    var examples: [PackedExample] = []
    while let example = try reader.nextPacked() { examples.append(example) }
    #expect(examples.map(\.tokens) == fixtures.packed.map(\.tokens))
    #expect(examples.map(\.firstSegmentEnd) == fixtures.packed.map(\.firstSegmentEnd))
    #expect(reader.seqLen == fixtures.seq_len)
    #expect(reader.examplesRead == fixtures.examples.count)
    if reader.format == .safetensors {
      #expect(reader.count == fixtures.examples.count)
      #expect(reader.metadata == fixtures.shardMetadata)
    } else {
      #expect(reader.count == nil && reader.metadata == nil)
    }
  }

  @Test("The format comes from the extension; other names are refused")
  func formats() throws {
    #expect(ShardReader.format(ofPath: "out/shards/shard-00000.safetensors") == .safetensors)
    #expect(ShardReader.format(ofPath: "shard-00000.tfrecord") == .tfrecord)
    #expect(ShardReader.format(ofPath: "notes.txt") == nil)
    let error = #expect(throws: ShardsError.self) { try ShardReader(path: "notes.txt") }
    #expect(error?.kind == .invalidArgument && error?.path == "notes.txt")
  }

  /// A copy of fixture `name` in `directory`, changed by `edit`.
  static func damaged(_ name: String, in directory: TemporaryDirectory, _ edit: (inout [UInt8]) -> Void) throws
    -> String
  {
    var bytes = try Fixture.bytes(name)
    edit(&bytes)
    let path = directory.path + "/" + name
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Every example of the shard at `path` (to make its errors surface).
  static func readAll(_ path: String) throws {
    var reader = try ShardReader(path: path)
    while try reader.nextPacked() != nil {}
  }

  @Test("Damaged files are errors with the file (and offset), never a crash")
  func damagedFiles() throws {
    let directory = try TemporaryDirectory("reader")
    defer { directory.cleanup() }
    let cases: [(String, ShardsError.Kind, (inout [UInt8]) -> Void)] = [
      ("shard_int32.safetensors", .sizeMismatch, { $0.removeLast(4) }),
      ("shard_uint16.safetensors", .invalidHeader, { $0[9] = 0x5B }),
      ("electra.tfrecord", .truncated, { $0.removeLast(3) }),
      ("electra.tfrecord", .checksumMismatch, { $0[40] ^= 0x01 }),
    ]
    for (name, kind, edit) in cases {
      let path = try Self.damaged(name, in: directory, edit)
      let error = #expect(throws: ShardsError.self, "\(name) \(kind)") { try Self.readAll(path) }
      #expect(error?.kind == kind, "\(name): \(String(describing: error))")
      #expect(error?.path == path)
    }
  }

  @Test("A TFRecord example that is not ELECTRA's, or not the packer's layout, is an error")
  func badExamples() throws {
    let directory = try TemporaryDirectory("reader")
    defer { directory.cleanup() }
    let good = TFExample(electra: PackedExample(tokens: [2, 7, 3], firstSegmentEnd: 3), seqLen: 5, pad: 0)
    var holey = good
    holey.features["input_mask"] = .int64([1, 0, 1, 0, 0])
    var missing = good
    missing.features["segment_ids"] = nil
    var shorter = TFExample(electra: PackedExample(tokens: [2, 7, 3], firstSegmentEnd: 3), seqLen: 4, pad: 0)
    shorter.features["input_ids"] = good.features["input_ids"]
    for (label, example, kind) in [
      ("holey mask", holey, ShardsError.Kind.invalidTensor), ("missing feature", missing, .invalidRecord),
      ("lengths differ", shorter, .invalidRecord),
    ] {
      let path = directory.path + "/\(label.replacingOccurrences(of: " ", with: "-")).tfrecord"
      let writer = try TFRecordWriter(path: path)
      try writer.write(record: good.serialized())
      try writer.write(record: example.serialized())
      _ = try writer.finish()
      var reader = try ShardReader(path: path)
      #expect(try reader.nextPacked()?.tokens == [2, 7, 3])
      let error = #expect(throws: ShardsError.self, "\(label)") { try reader.nextPacked() }
      #expect(error?.kind == kind, "\(label): \(String(describing: error))")
      #expect(error?.path == path)
      #expect(error?.message.contains("1") == true)
    }
  }
}
