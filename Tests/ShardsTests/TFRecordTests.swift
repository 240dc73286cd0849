import Foundation
import Shards
import Testing

@Suite("TFRecord: CRC-32C, tf.train.Example, framing, corruption")
struct TFRecordTests {
  @Test(
    "CRC-32C check values (RFC 3720 B.4 and the usual '123456789')",
    arguments: [
      (Array("123456789".utf8), UInt32(0xE306_9283)),
      ([UInt8](repeating: 0, count: 32), 0x8A91_36AA),
      ([UInt8](repeating: 0xFF, count: 32), 0x62A8_AB43),
      ((0..<32).map { UInt8($0) }, 0x46DD_794E),
      ((0..<32).map { UInt8(31 - $0) }, 0x113F_DB5C),
      ([], 0),
    ] as [([UInt8], UInt32)])
  func crc(bytes: [UInt8], expected: UInt32) {
    #expect(CRC32C.checksum(bytes) == expected)
  }

  @Test("CRC-32C in pieces equals CRC-32C at once, for every split")
  func crcPieces() {
    var rng = SplitMix64(state: 5)
    let bytes = (0..<100).map { _ in UInt8.random(in: 0...255, using: &rng) }
    let whole = CRC32C.checksum(bytes)
    for split in 0...bytes.count {
      #expect(CRC32C.checksum(Array(bytes[split...]), continuing: CRC32C.checksum(Array(bytes[..<split]))) == whole)
    }
  }

  @Test("written records are byte-identical to TensorFlow's TFRecordWriter output")
  func bytesMatchTensorFlow() throws {
    let fixtures = try ShardFixtures.load()
    let directory = try TemporaryDirectory()
    defer { directory.cleanup() }
    let path = "\(directory.path)/x.tfrecord"
    let writer = try TFRecordWriter(path: path)
    for example in fixtures.packed { try writer.write(example, seqLen: fixtures.seq_len, pad: 0) }
    let (size, sha256) = try writer.finish()
    let expected = try Fixture.bytes("electra.tfrecord")
    #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == expected)
    #expect(size == Int64(expected.count))
    #expect(sha256 == SHA256Hex.of(expected))
    // The fast encoder equals the general one.
    for example in fixtures.packed {
      var fast: [UInt8] = []
      TFExample.appendElectra(example, seqLen: fixtures.seq_len, pad: 0, to: &fast)
      #expect(fast == TFExample(electra: example, seqLen: fixtures.seq_len, pad: 0).serialized())
    }
  }

  @Test(
    "records parse back to the examples, whatever the map order",
    arguments: ["electra.tfrecord", "electra_unsorted.tfrecord"])
  func readBack(name: String) throws {
    let fixtures = try ShardFixtures.load()
    let records = try TFRecordReader.readAll(path: try Fixture.path(name))
    #expect(records.count == fixtures.examples.count)
    for (record, example) in zip(records, fixtures.packed) {
      let parsed = try TFExample(serialized: record)
      let row = ShardExample(example, seqLen: fixtures.seq_len, pad: 0)
      #expect(parsed.int64s("input_ids") == row.inputIDs.map(Int64.init))
      #expect(parsed.int64s("input_mask") == row.attentionMask.map(Int64.init))
      #expect(parsed.int64s("segment_ids") == row.tokenTypeIDs.map(Int64.init))
      #expect(parsed.features.count == 3)
    }
  }

  @Test("general features round trip: bytes, floats, negative int64, empty lists")
  func generalRoundTrip() throws {
    let example = TFExample(features: [
      "b": .bytes([Array("hej".utf8), [], [0, 255]]),
      "f": .float([1.5, -0.0, .infinity]),
      "i": .int64([-1, 0, .max, .min]),
      "e": .int64([]),
    ])
    #expect(try TFExample(serialized: example.serialized()) == example)
  }

  @Test("unpacked repeated int64 and unknown fields are accepted")
  func unpackedAndUnknown() throws {
    // Feature{int64_list: Int64List{value: 7, value: 300 (unpacked)}} under key "x", plus an
    // unknown varint field 5 in Example.
    let list: [UInt8] = [0x08, 0x07, 0x08, 0xAC, 0x02]
    let feature: [UInt8] = [0x1A, UInt8(list.count)] + list
    let entry: [UInt8] = [0x0A, 0x01, UInt8(ascii: "x"), 0x12, UInt8(feature.count)] + feature
    let features: [UInt8] = [0x0A, UInt8(entry.count)] + entry
    let example: [UInt8] = [0x28, 0x01, 0x0A, UInt8(features.count)] + features
    #expect(try TFExample(serialized: example).int64s("x") == [7, 300])
    #expect(throws: ShardsError.self) { try TFExample(serialized: Array(example.dropLast())) }
  }

  // MARK: Corruption

  static func read(_ bytes: [UInt8]) throws -> (records: [[UInt8]], error: ShardsError?) {
    let directory = try TemporaryDirectory()
    defer { directory.cleanup() }
    let path = "\(directory.path)/c.tfrecord"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    var reader = try TFRecordReader(path: path)
    var records: [[UInt8]] = []
    do throws(ShardsError) {
      while let record = try reader.next() { records.append(record) }
    } catch {
      #expect(try reader.next() == nil, "the reader stops after an error")
      return (records, error)
    }
    return (records, nil)
  }

  @Test("a flipped payload byte is a data-CRC mismatch at that record's offset")
  func corruptedPayload() throws {
    var bytes = try Fixture.bytes("electra.tfrecord")
    let first = Int(bytes[0]) + 16  // record 0: 12 + payload + 4 bytes (payload < 256)
    bytes[first + 12 + 5] ^= 0x01
    let (records, error) = try Self.read(bytes)
    #expect(records.count == 1)
    #expect(error?.kind == .checksumMismatch)
    #expect(error?.offset == Int64(first))
  }

  @Test("a flipped length byte is a length-CRC mismatch")
  func corruptedLength() throws {
    var bytes = try Fixture.bytes("electra.tfrecord")
    bytes[0] ^= 0x04
    let (records, error) = try Self.read(bytes)
    #expect(records.isEmpty)
    #expect(error?.kind == .checksumMismatch)
    #expect(error?.offset == 0)
  }

  @Test("a flipped CRC byte is a mismatch too", arguments: [8, 9, 10, 11])
  func corruptedCRC(at index: Int) throws {
    var bytes = try Fixture.bytes("electra.tfrecord")
    bytes[index] ^= 0x80
    #expect(try Self.read(bytes).error?.kind == .checksumMismatch)
    var tail = try Fixture.bytes("electra.tfrecord")
    tail[tail.count - 1 - (index - 8)] ^= 0x80
    let result = try Self.read(tail)
    #expect(result.error?.kind == .checksumMismatch)
    #expect(result.records.count == 6)
  }

  @Test("a file cut anywhere inside a record is truncated, never silently short")
  func truncated() throws {
    let bytes = try Fixture.bytes("electra.tfrecord")
    let first = Int(bytes[0]) + 16
    for cut in [1, 11, 12, 13, first - 1, first + 5] {
      let result = try Self.read(Array(bytes[..<cut]))
      #expect(result.error?.kind == .truncated, "cut at \(cut)")
    }
    #expect(try Self.read(Array(bytes[..<first])).error == nil)
    #expect(try Self.read([]).records.isEmpty)
  }
}
