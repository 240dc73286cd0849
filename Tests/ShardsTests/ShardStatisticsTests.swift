import Foundation
import Shards
import Testing

@Suite("ShardStatistics: lengths, padding, [UNK] and top tokens read back from shards")
struct ShardStatisticsTests {
  static let metadata = ShardMetadata(
    seqLen: 16, special: .bertOrder, vocabSHA256: String(repeating: "a", count: 64),
    configSHA256: String(repeating: "b", count: 64))

  /// Three examples of 16, with `[UNK]` = 1 (``SpecialTokens/bertOrder``).
  ///
  /// - `[CLS] 10 11 12 [SEP] 1 13 [SEP]`: A 3, B 2, length 8;
  /// - `[CLS] 10×13 [SEP]`: A 13, no B, length 15;
  /// - `[CLS] 1 [SEP] 14…23 [SEP]`: A 1, B 10, length 14.
  static let examples = [
    PackedExample(first: [10, 11, 12], second: [1, 13], special: .bertOrder),
    PackedExample(first: Array(repeating: 10, count: 13), second: [], special: .bertOrder),
    PackedExample(first: [1], second: Array(14...23), special: .bertOrder),
  ]

  static func write(_ configure: (inout ShardWriter.Configuration) -> Void, in directory: String) throws
    -> [ShardFileRecord]
  {
    var configuration = ShardWriter.Configuration(directory: directory, metadata: metadata, examplesPerShard: 2)
    configure(&configuration)
    let writer = try ShardWriter(configuration)
    for example in examples { try writer.add(example) }
    return try writer.finish()
  }

  enum Layout: String, CaseIterable {
    case int32Safetensors, uint16Safetensors, tfrecordOnly, bothFormats
  }

  @Test("hand-counted statistics, whatever the format and dtype", arguments: Layout.allCases)
  func handCounted(_ layout: Layout) throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanup() }
    let files = try Self.write(
      {
        switch layout {
        case .int32Safetensors: break
        case .uint16Safetensors: $0.inputIDsType = .uint16
        case .tfrecordOnly: $0.formats = [.tfrecord]
        case .bothFormats: $0.formats = [.tfrecord, .safetensors]
        }
      }, in: directory.path)
    let statistics = try ShardStatistics.read(
      files, in: directory.path, seqLen: 16, vocabularySize: 30, unknownTokenID: 1, binWidth: 4, topTokens: 3)
    #expect(statistics.format == (layout == .tfrecordOnly ? .tfrecord : .safetensors))
    #expect(statistics.files == 2)
    #expect(statistics.examples == 3)
    #expect(statistics.twoSegmentExamples == 2)
    #expect(statistics.tokens == 5 + 13 + 11)
    #expect(statistics.padding == 8 + 1 + 2)
    #expect(statistics.unknownTokens == 2)
    #expect(statistics.outOfVocabularyTokens == 0)
    // Bins of 4: 0–4, 5–8, 9–12, 13–16.
    #expect(statistics.segmentALengths.counts == [2, 0, 0, 1])
    #expect(statistics.segmentBLengths.counts == [1, 0, 1, 0])
    #expect(statistics.exampleLengths.counts == [0, 1, 0, 2])
    #expect(
      statistics.topTokens == [.init(id: 10, count: 14), .init(id: 1, count: 2), .init(id: 11, count: 1)])
    #expect(statistics.paddingFraction == 11.0 / 48)
    #expect(statistics.twoSegmentShare == 2.0 / 3)
    #expect(statistics.unknownRate == 2.0 / 29)
  }

  @Test func idsOutsideTheVocabularyAreCountedApart() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanup() }
    let files = try Self.write({ _ in }, in: directory.path)
    let statistics = try ShardStatistics.read(
      files, in: directory.path, seqLen: 16, vocabularySize: 14, unknownTokenID: nil, topTokens: 100)
    // 14…23 are outside a vocabulary of 14; without an [UNK] id nothing is unknown.
    #expect(statistics.outOfVocabularyTokens == 10)
    #expect(statistics.unknownTokens == 0)
    #expect(statistics.topTokens.map(\.id) == [10, 1, 11, 12, 13])
    #expect(statistics.topTokens.map(\.count).reduce(0, +) + 10 == statistics.tokens)
  }

  @Test func aShardOfAnotherLengthIsAnError() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanup() }
    let files = try Self.write({ _ in }, in: directory.path)
    #expect {
      _ = try ShardStatistics.read(files, in: directory.path, seqLen: 32, vocabularySize: 30, unknownTokenID: 1)
    } throws: { error in
      (error as? ShardsError)?.kind == .invalidTensor
        && (error as? ShardsError)?.path?.hasSuffix("00000.safetensors") == true
    }
  }

  @Test("a seq_len or bin width below 1 is an error, not a crash", arguments: [(0, 16), (16, 0), (-1, 4)])
  func nonPositiveLengths(_ seqLen: Int, _ binWidth: Int) {
    #expect {
      _ = try ShardStatistics.read(
        [], in: "/nonexistent", seqLen: seqLen, vocabularySize: 30, unknownTokenID: 1, binWidth: binWidth)
    } throws: { error in
      (error as? ShardsError)?.kind == .invalidArgument
    }
  }

  @Test func aCorruptTFRecordNamesTheFile() throws {
    let directory = try TemporaryDirectory()
    defer { directory.cleanup() }
    let files = try Self.write({ $0.formats = [.tfrecord] }, in: directory.path)
    let path = "\(directory.path)/\(files[1].path)"
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    bytes[20] ^= 0xFF
    try bytes.write(to: URL(fileURLWithPath: path))
    #expect {
      _ = try ShardStatistics.read(files, in: directory.path, seqLen: 16, vocabularySize: 30, unknownTokenID: 1)
    } throws: { error in
      (error as? ShardsError)?.kind == .checksumMismatch && (error as? ShardsError)?.path == path
    }
  }

  @Test(
    "bins hold i×w+1 … (i+1)×w, bin 0 also 0, the last ends at the maximum",
    arguments: [
      (20, 8, [0: 0, 1: 0, 8: 0, 9: 1, 16: 1, 17: 2, 20: 2]),
      (256, 16, [0: 0, 16: 0, 17: 1, 255: 15, 256: 15]),
    ])
  func histogramBins(_ maximum: Int, _ width: Int, _ binOfLength: [Int: Int]) {
    for (length, bin) in binOfLength {
      var histogram = LengthHistogram(maximum: maximum, binWidth: width)
      histogram.add(length)
      #expect(histogram.counts.firstIndex(of: 1) == bin, "length \(length)")
      #expect(histogram.lengths(ofBin: bin).contains(length), "length \(length)")
    }
    let histogram = LengthHistogram(maximum: maximum, binWidth: width)
    #expect(histogram.lengths(ofBin: histogram.counts.count - 1).upperBound == maximum)
  }
}
