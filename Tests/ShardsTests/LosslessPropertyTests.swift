import Shards
import Testing

@Suite("lossless mode: properties on random documents")
struct LosslessPropertyTests {
  /// Random documents: segment lengths from 0 up to 3 × seqLen, token ids 5…29999, some
  /// documents empty.
  static func documents(seed: UInt64, seqLen: Int, count: Int) -> [[[Int32]]] {
    var rng = SplitMix64(state: seed)
    var documents: [[[Int32]]] = []
    for _ in 0..<count {
      var document: [[Int32]] = []
      for _ in 0..<Int.random(in: 0...12, using: &rng) {
        let roll = Int.random(in: 0..<100, using: &rng)
        let length =
          roll < 5
          ? 0
          : roll < 15
            ? Int.random(in: seqLen...(3 * seqLen), using: &rng)
            : Int.random(in: 1...max(1, seqLen / 3), using: &rng)
        document.append((0..<length).map { _ in Int32.random(in: 5..<30000, using: &rng) })
      }
      documents.append(document)
    }
    return documents
  }

  @Test(
    "every example is seq_len long with a valid layout, and tokens in == tokens out",
    arguments: [(UInt64(1), 5), (2, 8), (3, 16), (4, 64), (5, 128), (6, 256), (7, 256), (8, 512)])
  func properties(seed: UInt64, seqLen: Int) throws {
    let special = SpecialTokens.bertOrder
    var builder = try ExampleBuilder(seqLen: seqLen, mode: .lossless, special: special, seed: Int(seed))
    let documents = Self.documents(seed: seed, seqLen: seqLen, count: 150)
    var examples: [PackedExample] = []
    for (index, document) in documents.enumerated() {
      builder.addDocument(document, source: index % 5) { examples.append($0) }
      #expect(builder.pendingTokenCount == 0)
    }
    var tokensOut: [Int32] = []
    for example in examples {
      let ids = example.inputIDs(seqLen: seqLen, pad: special.pad)
      let types = example.tokenTypeIDs(seqLen: seqLen)
      let mask = example.attentionMask(seqLen: seqLen)
      #expect(ids.count == seqLen && types.count == seqLen && mask.count == seqLen)
      #expect(example.tokens.count <= seqLen)
      // attention_mask == (input_ids != [PAD]) (content ids are never [PAD] here)
      #expect(mask == ids.map { $0 != special.pad ? 1 : 0 })
      // [CLS] A [SEP] (B [SEP]) with segment ids 0…0 1…1 and 0 padding
      let length = example.tokens.count
      #expect(ids[0] == special.cls)
      #expect(ids[example.firstSegmentEnd - 1] == special.sep)
      #expect(example.firstSegmentEnd >= 3, "segment A is never empty")
      if example.hasSecondSegment {
        #expect(ids[length - 1] == special.sep)
        #expect(length - example.firstSegmentEnd >= 2, "segment B is never empty when present")
      }
      #expect(types == (0..<seqLen).map { $0 >= example.firstSegmentEnd && $0 < length ? 1 : 0 })
      let content = Array(example.firstSegment) + Array(example.secondSegment)
      #expect(!content.contains(special.cls) && !content.contains(special.sep))
      tokensOut += content
    }
    let tokensIn = documents.flatMap { $0.flatMap { $0 } }
    #expect(tokensOut.count == tokensIn.count)
    #expect(tokensOut.sorted() == tokensIn.sorted(), "the multiset of tokens is preserved")
    let counts = builder.counts
    #expect(counts.tokensIn == tokensIn.count && counts.tokensOut == tokensIn.count && counts.tokensDropped == 0)
    #expect(counts.examples == examples.count)
    #expect(counts.documents == documents.count)
  }

  @Test("within a document, lossless keeps the token order except where the original reorders")
  func orderWithinLongSegment() throws {
    // One very long segment: it is split at token boundaries, in order, across examples.
    var builder = try ExampleBuilder(seqLen: 16, mode: .lossless, special: .bertOrder, seed: 3)
    let segment = (1000..<1300).map(Int32.init)
    var examples: [PackedExample] = []
    builder.addDocument([segment]) { examples.append($0) }
    let out = examples.flatMap { Array($0.firstSegment) + Array($0.secondSegment) }
    #expect(out == segment)
    #expect(examples.dropLast().allSatisfy { $0.tokens.count == 16 })
  }

  @Test("examples never span documents, and carry their document's source")
  func documentsStayApart() throws {
    var builder = try ExampleBuilder(seqLen: 32, mode: .lossless, special: .bertOrder, seed: 11)
    var examples: [PackedExample] = []
    for source in 0..<20 {
      let tokens = (0..<(source * 7 + 3)).map { Int32(10_000 * (source + 1) + $0) }
      builder.addDocument([tokens], source: source) { examples.append($0) }
    }
    for example in examples {
      let content = Array(example.firstSegment) + Array(example.secondSegment)
      #expect(Set(content.map { $0 / 10_000 }).count == 1)
      #expect(content.allSatisfy { $0 / 10_000 == Int32(example.source + 1) })
    }
  }

  @Test("the same seed gives the same examples; another seed other ones")
  func deterministic() throws {
    func run(_ seed: Int) throws -> [PackedExample] {
      var builder = try ExampleBuilder(seqLen: 64, mode: .lossless, special: .bertOrder, seed: seed)
      var out: [PackedExample] = []
      for document in Self.documents(seed: 99, seqLen: 64, count: 60) {
        builder.addDocument(document) { out.append($0) }
      }
      return out
    }
    #expect(try run(1) == run(1))
    #expect(try run(1) != run(2))
  }
}
