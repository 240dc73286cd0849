import Crypto
import Foundation
import Shards
import Testing

/// `electra_examples.json`: an oracle of google-research/electra's ExampleBuilder run with
/// CPython's seeded `random` (see scripts/make_shards_fixtures.py).
struct ElectraFixture: Decodable {
  struct Case: Decodable {
    var name: String
    var seed: Int
    var max_length: Int
    var cls_id: Int32
    var sep_id: Int32
    var pad_id: Int32
    /// `nil` is a blank line; `[]` a non-blank line without tokens.
    var lines: [[Int32]?]
    /// `[unpadded input_ids, first_segment_end]`.
    var examples: [[ExampleField]]
    var sha256: String
  }

  enum ExampleField: Decodable {
    case ids([Int32])
    case end(Int)
    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let n = try? container.decode(Int.self) {
        self = .end(n)
      } else {
        self = .ids(try container.decode([Int32].self))
      }
    }
  }

  var cases: [Case]

  static let loaded: ElectraFixture? = try? Fixture.decode(ElectraFixture.self, "electra_examples.json")
}

@Suite("electra mode reproduces google-research/electra's ExampleBuilder")
struct ElectraModeTests {
  static var names: [String] { ElectraFixture.loaded?.cases.map(\.name) ?? [] }

  static func run(_ testCase: ElectraFixture.Case, mode: ExampleBuilder.Mode) throws -> (
    [PackedExample], ExampleBuilder
  ) {
    var builder = try ExampleBuilder(
      seqLen: testCase.max_length, mode: mode,
      special: SpecialTokens(cls: testCase.cls_id, sep: testCase.sep_id, pad: testCase.pad_id), seed: testCase.seed)
    var examples: [PackedExample] = []
    for line in testCase.lines {
      if let line {
        builder.addLine(line) { examples.append($0) }
      } else {
        builder.endDocument { examples.append($0) }
      }
    }
    builder.endDocument { examples.append($0) }  // the flush after the file's last line
    return (examples, builder)
  }

  @Test("the fixture has its three cases")
  func fixture() {
    #expect(Self.names == ["seq16", "seq128", "seq256"])
  }

  @Test("identical examples, in the same order", arguments: names)
  func identical(name: String) throws {
    let testCase = try #require(ElectraFixture.loaded?.cases.first { $0.name == name })
    let (examples, builder) = try Self.run(testCase, mode: .electra)
    #expect(examples.count == testCase.examples.count)
    for (index, (got, expected)) in zip(examples, testCase.examples).enumerated() {
      guard case .ids(let ids) = expected[0], case .end(let end) = expected[1] else {
        Issue.record("bad fixture entry \(index)")
        return
      }
      if got.tokens != ids || got.firstSegmentEnd != end {
        Issue.record("\(name) example \(index): got \(got.tokens) / \(got.firstSegmentEnd), expected \(ids) / \(end)")
        return
      }
    }
    // The padded rows, as a trainer sees them, hash to the oracle's digest.
    var hasher = SHA256()
    for example in examples {
      for row in [
        example.inputIDs(seqLen: testCase.max_length, pad: testCase.pad_id),
        example.attentionMask(seqLen: testCase.max_length),
        example.tokenTypeIDs(seqLen: testCase.max_length),
      ] {
        row.map(\.littleEndian).withUnsafeBytes { hasher.update(bufferPointer: $0) }
      }
    }
    let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
    #expect(digest == testCase.sha256)
    let counts = builder.counts
    #expect(counts.examples == examples.count)
    #expect(counts.tokensIn == counts.tokensOut + counts.tokensDropped)
    #expect(counts.tokensDropped > 0)
    #expect(builder.pendingTokenCount == 0)
    #expect(counts.tokensOut == examples.reduce(0) { $0 + $1.contentTokenCount })
    #expect(counts.twoSegmentExamples == examples.filter(\.hasSecondSegment).count)
    #expect(counts.padding == examples.reduce(0) { $0 + testCase.max_length - $1.tokens.count })
  }

  @Test("lossless mode on the same corpus drops nothing and keeps every layout rule", arguments: names)
  func losslessOnFixture(name: String) throws {
    let testCase = try #require(ElectraFixture.loaded?.cases.first { $0.name == name })
    let (examples, builder) = try Self.run(testCase, mode: .lossless)
    #expect(builder.counts.tokensDropped == 0)
    #expect(builder.counts.tokensIn == builder.counts.tokensOut)
    let input = testCase.lines.compactMap { $0 }.flatMap { $0 }
    let output = examples.flatMap { Array($0.firstSegment) + Array($0.secondSegment) }
    #expect(input.sorted() == output.sorted())
    #expect(examples.allSatisfy { $0.tokens.count <= testCase.max_length })
  }

  @Test("addDocument is addLine for each segment, then endDocument")
  func addDocumentEquivalence() throws {
    let documents: [[[Int32]]] = [[[5, 6, 7], [8, 9]], [[10]], [Array(100..<400)], [[], [11, 12]]]
    var a = try ExampleBuilder(seqLen: 32, mode: .electra, special: .bertOrder, seed: 9)
    var b = a
    var fromDocuments: [PackedExample] = []
    var fromLines: [PackedExample] = []
    for (index, document) in documents.enumerated() {
      a.addDocument(document, source: index) { fromDocuments.append($0) }
      for segment in document { b.addLine(segment, source: index) { fromLines.append($0) } }
      b.endDocument { fromLines.append($0) }
    }
    #expect(fromDocuments == fromLines)
    #expect(fromDocuments.map(\.source) == [0, 1, 2, 3])
  }

  @Test("seq_len below 5 is refused")
  func tooShort() {
    #expect(throws: ShardsError.self) { try ExampleBuilder(seqLen: 4, special: .bertOrder, seed: 1) }
  }
}
