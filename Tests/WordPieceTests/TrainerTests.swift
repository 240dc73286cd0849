import Foundation
import Testing

@testable import WordPiece

@Suite struct TrainerTests {
  /// The golden inputs' Danish lines, as training text.
  static func counts(lowercase: Bool = false) throws -> WordCounts {
    var counts = WordCounts(options: WordPieceOptions(lowercase: lowercase))
    for line in try Fixture.golden().inputs { counts.add(line) }
    return counts
  }

  @Test("Specials first, then the alphabet; exact size; deterministic")
  func layout() throws {
    let counts = try Self.counts()
    let trainer = WordPieceTrainer(.init(vocabularySize: 600))
    let (vocab, summary) = try trainer.trainWithSummary(counts)
    #expect(Array(vocab.tokens.prefix(5)) == ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"])
    #expect(vocab.count == 600)
    // Distinct as bytes (a Set<String> would merge NFC and NFD spellings).
    #expect(Set(vocab.tokens.map { Array($0.utf8) }).count == vocab.count)
    #expect(summary.alphabet > 0 && summary.candidates > 0)
    let alphabet = vocab.tokens[5..<(5 + summary.alphabet)]
    #expect(alphabet.allSatisfy { $0.unicodeScalars.count == 1 })
    #expect(
      zip(alphabet, alphabet.dropFirst()).allSatisfy { $0.unicodeScalars.first!.value < $1.unicodeScalars.first!.value }
    )
    let again = try trainer.train(try Self.counts())
    #expect(again.vocabTxt == vocab.vocabTxt)
  }

  @Test("Merged sidecars train the same vocabulary as one pass")
  func fromSidecars() throws {
    let lines = try Fixture.golden().inputs
    var parts = [WordCounts(options: WordPieceOptions()), WordCounts(options: WordPieceOptions())]
    for (i, line) in lines.enumerated() { parts[i % 2].add(line) }
    var merged = WordCounts(options: WordPieceOptions())
    for part in parts.reversed() { merged.merge(try WordCounts(serialized: part.serialized())) }
    let trainer = WordPieceTrainer(.init(vocabularySize: 500))
    #expect(try trainer.train(merged).vocabTxt == trainer.train(try Self.counts()).vocabTxt)
  }

  @Test("Every training word encodes without [UNK]")
  func coverage() throws {
    let counts = try Self.counts(lowercase: true)
    let vocab = try WordPieceTrainer(.init(vocabularySize: 400, minFrequency: 1)).train(counts)
    var encoder = try WordPieceEncoder(vocabulary: vocab, options: WordPieceOptions(lowercase: true))
    var unknown = 0
    counts.forEach { word, _ in
      var ids: [Int32] = []
      encoder.encode(utf8: UnsafeRawBufferPointer(word), into: &ids)
      if word.count <= 100 { unknown += ids.filter { $0 == encoder.unknownID }.count }
    }
    #expect(unknown == 0)
  }

  @Test("Bad settings are errors")
  func settings() throws {
    let counts = try Self.counts()
    #expect(throws: WordPieceError.self) { try WordPieceTrainer(.init(vocabularySize: 0)).train(counts) }
    #expect(throws: WordPieceError.self) {
      try WordPieceTrainer(.init(vocabularySize: 10, specialTokens: ["[UNK]", "[UNK]"])).train(counts)
    }
  }
}
