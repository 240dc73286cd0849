import CorpusFilters
import CorpusIO
import Foundation
import Shards
import WordPiece

/// The reduce phase (DESIGN.md §2): merges the ingest sidecars into the corpus-wide decisions —
/// the over-represented lines, the duplicate set, and the vocabulary.
enum ReducePhase {
  /// The decisions the finish phase applies.
  struct Result: Sendable {
    var overrepresented: OverrepresentedLines?
    var duplicates: DuplicateSet?
    /// The vocabulary and its ids, when the tokenizer is on.
    var vocabulary: WordPieceVocabulary?
    var special: SpecialTokens?
    var summary = ReduceSummary()
  }

  static func run(ingest: [IngestPhase.Result], loadedVocabulary: WordPieceVocabulary?, context: PhaseContext) throws
    -> Result
  {
    let config = context.config
    var result = Result()
    let lineCounts = ingest.compactMap(\.lineCounts)
    if !lineCounts.isEmpty {
      let lines = try OverrepresentedReducer(config: config.filters.overrepresented, temporaryDirectory: context.layout.spill)
        .reduce(sidecars: lineCounts)
      result.overrepresented = lines
      result.summary.overrepresentedLines = lines.count
      result.summary.distinctLines = lines.statistics.distinctLines
      result.summary.topOverrepresented = lines.top(50).map {
        RemovedLineCount(
          rule: OverrepresentedLineFilter.ruleName, text: $0.sample ?? "", count: Int($0.entry.occurrences),
          documents: Int($0.entry.documents))
      }
    }
    let signatures = ingest.compactMap(\.signatures)
    if !signatures.isEmpty {
      let duplicates = try DedupReducer(config: config.filters.dedup, temporaryDirectory: context.layout.spill)
        .reduce(sidecars: signatures)
      result.duplicates = duplicates
      result.summary.signedDocuments = duplicates.statistics.signed
      result.summary.exactDuplicates = duplicates.statistics.exactDuplicates
      result.summary.nearDuplicates = duplicates.statistics.nearDuplicates
      result.summary.duplicateClusters = duplicates.statistics.clusters
    }
    guard config.tokenizer.enabled, context.write else { return result }

    let tokenizer = config.tokenizer
    let vocabulary: WordPieceVocabulary
    var counts = WordCounts(options: tokenizer.options)
    if let loadedVocabulary {
      vocabulary = loadedVocabulary
    } else {
      for path in ingest.compactMap(\.wordCounts) {
        let bytes = try FileSource(path: path).readAll()
        counts.merge(try WordCounts(serialized: bytes))
      }
      vocabulary = try WordPieceTrainer(
        .init(
          vocabularySize: tokenizer.size, minFrequency: tokenizer.minFrequency, limitAlphabet: tokenizer.limitAlphabet,
          maxInputCharsPerWord: tokenizer.options.maxInputCharsPerWord)
      ).train(counts)
    }
    let sha256 = try vocabulary.write(to: context.layout.vocab)
    result.vocabulary = vocabulary
    result.special = try specialTokens(of: vocabulary)
    let origin: String =
      switch tokenizer.vocab {
      case .train: "train"
      case .file(let path): path
      }
    result.summary.vocab = VocabSummary(
      path: "vocab.txt", sha256: sha256, size: vocabulary.count, origin: origin, trainingWords: counts.totalWords,
      distinctWords: counts.distinctWords)
    return result
  }

  /// The ids of `[CLS]`, `[SEP]`, `[PAD]`, `[MASK]` and `[UNK]` in `vocabulary`.
  ///
  /// - Throws: ``CorpusIOError`` naming a missing token (`[CLS]`, `[SEP]` and `[PAD]` are
  ///   required to pack examples).
  static func specialTokens(of vocabulary: WordPieceVocabulary) throws(CorpusIOError) -> SpecialTokens {
    guard let cls = vocabulary.id(of: "[CLS]"), let sep = vocabulary.id(of: "[SEP]"),
      let pad = vocabulary.id(of: "[PAD]")
    else {
      throw CorpusIOError(.corrupt, "the vocabulary lacks [CLS], [SEP] or [PAD]; shards need all three")
    }
    return SpecialTokens(cls: cls, sep: sep, pad: pad, mask: vocabulary.id(of: "[MASK]"), unk: vocabulary.id(of: "[UNK]"))
  }
}
