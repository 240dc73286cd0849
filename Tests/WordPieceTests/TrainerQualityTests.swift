import Foundation
import Testing

@testable import WordPiece

/// Issue 5, trainer quality: on held-out Danish text our vocabulary of size N gives no more
/// tokens per word and no more `[UNK]`s than one of the same size trained by HF `tokenizers`
/// on the same text (figures recorded by `scripts/make_trainer_quality_fixtures.py`).
@Suite struct TrainerQualityTests {
  static let sizes = [1000, 2000, 4000]

  /// Words, tokens and `[UNK]`s of `vocabulary` on the held-out lines.
  static func score(_ vocabulary: WordPieceVocabulary, options: WordPieceOptions) throws
    -> (words: Int64, tokens: Int, unknown: Int)
  {
    var encoder = try WordPieceEncoder(vocabulary: vocabulary, options: options)
    var counts = WordCounts(options: options)
    var tokens = 0
    var unknown = 0
    var ids: [Int32] = []
    for line in try Fixture.lines("trainer-quality/heldout.txt") {
      ids.removeAll(keepingCapacity: true)
      encoder.encode(line, into: &ids)
      tokens += ids.count
      unknown += ids.count { $0 == encoder.unknownID }
      counts.add(line)
    }
    return (counts.totalWords, tokens, unknown)
  }

  @Test("Our scorer counts what HF counted, on HF's own vocabulary", arguments: sizes)
  func scorerAgreesWithHF(size: Int) throws {
    let expected = try Fixture.trainerQuality()
    let hf = try expected.hf(size: size)
    let vocabulary = try Fixture.vocabulary("trainer-quality/hf-vocab-\(size).txt")
    #expect(vocabulary.count == hf.hfVocabSize)
    let score = try Self.score(vocabulary, options: WordPieceOptions(lowercase: expected.lowercase))
    #expect(score.words == hf.words)
    #expect(score.tokens == hf.tokens)
    #expect(score.unknown == hf.unknown)
  }

  @Test("Our vocabulary: no more tokens per word and no more [UNK]s than HF's of the same size", arguments: sizes)
  func noWorseThanHF(size: Int) throws {
    let expected = try Fixture.trainerQuality()
    let hf = try expected.hf(size: size)
    let options = WordPieceOptions(lowercase: expected.lowercase)
    var counts = WordCounts(options: options)
    for line in try Fixture.lines("trainer-quality/train.txt") { counts.add(line) }
    let configuration = WordPieceTrainer.Configuration(vocabularySize: size, minFrequency: expected.minFrequency)
    let vocabulary = try WordPieceTrainer(configuration).train(counts)
    #expect(vocabulary.count == hf.hfVocabSize)

    let ours = try Self.score(vocabulary, options: options)
    let oursPerWord = Double(ours.tokens) / Double(ours.words)
    let hfPerWord = Double(hf.tokens) / Double(hf.words)
    print(
      String(
        format: "vocabulary size %d, held-out %lld words: dacorpus %.4f tokens/word, %d [UNK]; "
          + "HF tokenizers %@ %.4f tokens/word, %d [UNK]; ratio %.4fx (target <= 1.00x)",
        size, ours.words, oursPerWord, ours.unknown, expected.tokenizers, hfPerWord, hf.unknown,
        oursPerWord / hfPerWord))
    #expect(ours.words == hf.words)
    #expect(oursPerWord <= hfPerWord)
    #expect(ours.unknown <= hf.unknown)
  }
}
