import Testing

@testable import WordPiece

/// Ids compared with HF `tokenizers` (and BERT's `tokenization.py`) on the golden inputs.
@Suite struct GoldenEncodingTests {
  static let modes = ["hf-cased", "hf-lower", "bert-cased", "bert-lower"]
  static let vocabularies = ["vocab-danish.txt", "vocab-awkward.txt"]

  @Test("Special tokens that split inside words (HF add_special_tokens)")
  func extraSpecialTokens() throws {
    try goldenIds(vocab: "vocab-awkward.txt", mode: "hf-cased+specials")
  }

  @Test("Ids equal the reference on every golden input", arguments: vocabularies, modes)
  func goldenIds(vocab: String, mode: String) throws {
    let golden = try Fixture.golden()
    let reference = try #require(golden.cases.first { $0.vocab == vocab && $0.mode == mode })
    let options = try #require(WordPieceOptions.mode(mode))
    let vocabulary = try Fixture.vocabulary(vocab, trimming: options.profile == .bert ? .both : .trailing)
    var encoder = try WordPieceEncoder(vocabulary: vocabulary, options: options)
    let skip = Set(reference.skip ?? [])
    var differences = 0
    for (index, input) in golden.inputs.enumerated() where !skip.contains(index) {
      let ids = encoder.encode(input)
      if ids != reference.ids[index] {
        differences += 1
        if differences <= 5 {
          Issue.record(
            "\(vocab) \(mode) input \(index) \(input.unicodeScalars.map { String($0.value, radix: 16) }): got \(ids), want \(reference.ids[index])"
          )
        }
      }
    }
    #expect(differences == 0)
    #expect(skip.count <= 4)
  }

  @Test("Byte input equals String input, chunked per line", arguments: modes)
  func bytesEqualString(mode: String) throws {
    let golden = try Fixture.golden()
    let options = try #require(WordPieceOptions.mode(mode))
    var encoder = try WordPieceEncoder(vocabulary: try Fixture.vocabulary("vocab-danish.txt"), options: options)
    var appended: [Int32] = []
    var separate: [Int32] = []
    for input in golden.inputs {
      let bytes = Array(input.utf8)
      bytes.withUnsafeBytes { encoder.encode(utf8: $0, into: &appended) }
      separate += encoder.encode(input)
    }
    #expect(appended == separate)
  }
}
