/// Trains a WordPiece vocabulary from word counts.
///
/// The algorithm, judged by what it is for (few pieces per word under greedy longest-match
/// encoding):
///
/// 1. **Alphabet.** Every character of the counted words, weighted by frequency; the
///    ``Configuration/limitAlphabet`` most frequent are kept. Each becomes a token, and its
///    `##` form too when it occurs inside a word (HF's rule, so unknown-token behaviour matches
///    a vocabulary trained by HF on the same text).
/// 2. **Candidates.** Byte-pair merges (as HF's `WordPieceTrainer`) continue past the target
///    size, to ``Configuration/candidateFactor`` times it.
/// 3. **Pruning.** Every word is encoded greedily with the candidates; the pieces that save the
///    fewest tokens (a piece used `u` times costs about `u` extra tokens when removed) are
///    dropped, a batch at a time, re-encoding after each batch, until the target size is met.
///    BPE leaves many intermediate pieces that greedy matching never or rarely uses; pruning
///    gives their slots to longer pieces that it does use.
///
/// Deterministic: the output depends only on the counts and the configuration (words are
/// processed in byte order; ties break on ids and bytes, never on hash order).
///
/// ```swift
/// let vocab = try WordPieceTrainer(.init(vocabularySize: 32000)).train(counts)
/// let sha256 = try vocab.write(to: "out/vocab.txt")
/// ```
public struct WordPieceTrainer: Sendable {
  /// The trainer's settings.
  public struct Configuration: Sendable, Hashable, Codable {
    /// Target number of tokens, special tokens included.
    public var vocabularySize: Int
    /// A pair must occur this often (weighted by word counts) to be merged.
    public var minFrequency: Int64
    /// At most this many distinct characters form the alphabet (HF's `limit_alphabet`).
    public var limitAlphabet: Int
    /// Tokens that open the vocabulary, in this order.
    public var specialTokens: [String]
    /// The prefix of word-internal pieces.
    public var continuationPrefix: String
    /// Words longer than this (in scalars) are skipped: the encoder maps them to `[UNK]`.
    public var maxInputCharsPerWord: Int
    /// How many candidates byte-pair merging makes, relative to ``vocabularySize``.
    public var candidateFactor: Double
    /// Share of the remaining surplus pruned per round (smaller is slower and a little better).
    public var pruneFraction: Double

    /// Creates a configuration; the defaults are those of HF's `BertWordPieceTokenizer.train`.
    public init(
      vocabularySize: Int, minFrequency: Int64 = 2, limitAlphabet: Int = 1000,
      specialTokens: [String] = WordPieceOptions.trainedVocabularyPrefix, continuationPrefix: String = "##",
      maxInputCharsPerWord: Int = 100, candidateFactor: Double = 1.25, pruneFraction: Double = 0.25
    ) {
      self.vocabularySize = vocabularySize
      self.minFrequency = minFrequency
      self.limitAlphabet = limitAlphabet
      self.specialTokens = specialTokens
      self.continuationPrefix = continuationPrefix
      self.maxInputCharsPerWord = maxInputCharsPerWord
      self.candidateFactor = candidateFactor
      self.pruneFraction = pruneFraction
    }
  }

  /// What the last training did, for reports.
  public struct Summary: Sendable, Hashable {
    /// Distinct words trained on.
    public var wordsUsed = 0
    /// Distinct words skipped (too long, not UTF-8, or with characters outside the alphabet).
    public var wordsSkipped = 0
    /// Characters in the alphabet (each a word-initial token).
    public var alphabet = 0
    /// Characters that also have a `##` token (those met inside words).
    public var continuationCharacters = 0
    /// Candidates made by merging.
    public var candidates = 0
    /// Rounds of pruning.
    public var pruneRounds = 0
    /// Tokens per word on the training words with the final vocabulary.
    public var tokensPerWord = 0.0
  }

  /// The settings.
  public let configuration: Configuration

  /// Creates a trainer.
  public init(_ configuration: Configuration) {
    self.configuration = configuration
  }

  /// Trains a vocabulary from `counts`.
  ///
  /// - Throws: ``WordPieceError/Code/badSetting`` when the size is not positive or the
  ///   special tokens repeat.
  /// - Complexity: about O(W·L) per merge batch and per pruning round, W distinct words of
  ///   average length L.
  public func train(_ counts: WordCounts) throws(WordPieceError) -> WordPieceVocabulary {
    try trainWithSummary(counts).vocabulary
  }

  /// Trains a vocabulary and reports what happened.
  public func trainWithSummary(_ counts: WordCounts) throws(WordPieceError) -> (
    vocabulary: WordPieceVocabulary, summary: Summary
  ) {
    let c = configuration
    guard c.vocabularySize > 0 else { throw WordPieceError(.badSetting, "the vocabulary size must be positive") }
    guard Set(c.specialTokens.map { Array($0.utf8) }).count == c.specialTokens.count else {
      throw WordPieceError(.badSetting, "special tokens repeat: \(c.specialTokens)")
    }
    guard c.limitAlphabet > 0, c.candidateFactor >= 1, c.pruneFraction > 0, c.pruneFraction <= 1 else {
      throw WordPieceError(.badSetting, "limitAlphabet, candidateFactor or pruneFraction out of range")
    }
    var summary = Summary()
    let prefix = Array(c.continuationPrefix.utf8)

    // Words as scalars, in byte order.
    var words: [(scalars: [UInt32], bytes: [UInt8], frequency: Int64)] = []
    var characterCounts: [UInt32: Int64] = [:]
    for (bytes, count) in counts.sortedEntries() {
      guard let text = String(validating: bytes, as: UTF8.self) else {
        summary.wordsSkipped += 1
        continue
      }
      let scalars = text.unicodeScalars.map(\.value)
      if scalars.isEmpty || scalars.count > c.maxInputCharsPerWord {
        summary.wordsSkipped += 1
        continue
      }
      for s in scalars { characterCounts[s, default: 0] += count }
      words.append((scalars, bytes, count))
    }
    let alphabet = Set(
      characterCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        .prefix(c.limitAlphabet).map(\.key))

    // Initial tokens: specials, alphabet, `##` characters.
    var tokens: [[UInt8]] = c.specialTokens.map { Array($0.utf8) }
    var initialID: [UInt32: Int32] = [:]
    for s in alphabet.sorted() {
      initialID[s] = Int32(tokens.count)
      tokens.append(utf8(s))
    }
    var inside = Set<UInt32>()
    words.removeAll { word in
      guard word.scalars.allSatisfy(alphabet.contains) else {
        summary.wordsSkipped += 1
        return true
      }
      inside.formUnion(word.scalars.dropFirst())
      return false
    }
    summary.wordsUsed = words.count
    var continuationID: [UInt32: Int32] = [:]
    for s in inside.sorted() {
      continuationID[s] = Int32(tokens.count)
      tokens.append(prefix + utf8(s))
    }
    summary.alphabet = alphabet.count
    summary.continuationCharacters = inside.count
    let fixedCount = tokens.count

    // Candidates by pair merging.
    var merger = PairMerger(
      tokens: tokens, prefixLength: prefix.count,
      words: words.map { word in
        (
          word.scalars.enumerated().map {
            $0.offset == 0 ? initialID[$0.element] ?? 0 : continuationID[$0.element] ?? 0
          }, word.frequency
        )
      })
    let target = max(c.vocabularySize, Int((Double(c.vocabularySize) * c.candidateFactor).rounded()))
    let created = merger.merge(until: target, minFrequency: c.minFrequency)
    summary.candidates = created.count
    tokens = merger.tokens

    // Pruning by greedy usage. The trie holds every candidate; a pruned piece only loses its
    // value, which greedy matching then never returns.
    var alive = Array(repeating: true, count: tokens.count)
    var aliveCount = tokens.count
    var total: Int64 = 0
    let wordBytes = FlatWords(words.map(\.bytes))
    let frequencies = words.map(\.frequency)
    let skip = c.specialTokens.count
    var trie = ByteTrie(tokens.enumerated().dropFirst(skip).map { ($0.element, Int32($0.offset)) })
    let nodes = tokens.map { trie.walk($0) ?? -1 }
    let continuation = trie.walk(prefix) ?? -1
    while true {
      let usage: [Int64]
      (usage, total) = VocabularyPruning.usage(
        trie: trie, continuation: continuation, tokenCount: tokens.count, words: wordBytes,
        frequencies: frequencies)
      let surplus = aliveCount - c.vocabularySize
      if surplus <= 0 { break }
      summary.pruneRounds += 1
      let candidates = created.filter { alive[Int($0)] }.sorted {
        usage[Int($0)] != usage[Int($1)] ? usage[Int($0)] < usage[Int($1)] : $0 > $1
      }
      if candidates.isEmpty { break }
      let unused = candidates.prefix { usage[Int($0)] == 0 }.count
      let batch = min(surplus, max(unused, Int((Double(surplus) * c.pruneFraction).rounded(.up)), 1))
      for id in candidates.prefix(batch) {
        alive[Int(id)] = false
        aliveCount -= 1
        if nodes[Int(id)] >= 0 { trie.removeValue(at: nodes[Int(id)]) }
      }
    }
    summary.tokensPerWord =
      Double(total) / Double(max(1, frequencies.reduce(0, +)))

    var output: [String] = []
    output.reserveCapacity(aliveCount)
    for (id, bytes) in tokens.enumerated() where id < fixedCount || alive[id] {
      output.append(String(decoding: bytes, as: UTF8.self))
    }
    return (WordPieceVocabulary(tokens: output), summary)
  }
}

/// UTF-8 bytes of one scalar.
func utf8(_ scalar: UInt32) -> [UInt8] {
  var buffer: (UInt64) = 0
  let n = withUnsafeMutableBytes(of: &buffer) {
    encodeUTF8(scalar, $0.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: UInt8.self))
  }
  return withUnsafeBytes(of: buffer) { Array($0.prefix(n)) }
}
