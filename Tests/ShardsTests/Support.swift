import Foundation
import Shards
import Testing

/// Fixtures made by `scripts/make_shards_fixtures.py` with CPython, safetensors and TensorFlow.
enum Fixture {
  static func path(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let directory = try #require(
      Bundle.module.url(forResource: "Fixtures", withExtension: nil), "Fixtures folder is missing",
      sourceLocation: sourceLocation)
    return directory.appendingPathComponent(name).path
  }

  static func bytes(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(name, sourceLocation: sourceLocation))))
  }

  static func json(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path(name, sourceLocation: sourceLocation)))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], sourceLocation: sourceLocation)
  }

  static func decode<T: Decodable>(_ type: T.Type, _ name: String, sourceLocation: SourceLocation = #_sourceLocation)
    throws -> T
  {
    try JSONDecoder().decode(
      T.self, from: Data(contentsOf: URL(fileURLWithPath: path(name, sourceLocation: sourceLocation))))
  }
}

/// `shards.json`: the inputs behind the binary shard fixtures.
struct ShardFixtures: Decodable {
  struct Special: Decodable { var cls, sep, pad, mask, unk: Int32 }
  struct Tensor: Decodable {
    var name: String
    var dtype: String
    var shape: [Int]
    var hex: String
  }
  var seq_len: Int
  var special: Special
  var metadata: [String: String]
  var examples: [[[Int32]]]
  var mixed: [Tensor]

  var specialTokens: SpecialTokens {
    SpecialTokens(cls: special.cls, sep: special.sep, pad: special.pad, mask: special.mask, unk: special.unk)
  }

  var packed: [PackedExample] {
    examples.map { PackedExample(first: $0[0], second: $0[1], special: specialTokens) }
  }

  var shardMetadata: ShardMetadata? { ShardMetadata(dictionary: metadata) }

  static func load() throws -> ShardFixtures { try Fixture.decode(ShardFixtures.self, "shards.json") }
}

/// A fresh directory under the system temporary directory, removed by `cleanup()`.
struct TemporaryDirectory {
  let path: String

  init(_ label: String = "shards") throws {
    let base = FileManager.default.temporaryDirectory.path
    path = "\(base)/dacorpus-\(label)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  func cleanup() { try? FileManager.default.removeItem(atPath: path) }

  func contents() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
}

/// SplitMix64: a seeded generator for property tests.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

func hexBytes(_ hex: String) -> [UInt8] {
  var out: [UInt8] = []
  var iterator = hex.utf8.makeIterator()
  func nibble(_ c: UInt8) -> UInt8 { c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10 }
  while let high = iterator.next(), let low = iterator.next() { out.append(nibble(high) << 4 | nibble(low)) }
  return out
}
