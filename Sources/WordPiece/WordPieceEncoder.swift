/// Turns text into WordPiece ids: HF-identical, in one pass over the bytes.
///
/// For every input string the ids equal those of HuggingFace `tokenizers`'
/// `BertWordPieceTokenizer(vocab, clean_text=True, handle_chinese_chars=True,
/// strip_accents=False, lowercase=False).encode(text, add_special_tokens=False).ids` (and with
/// `lowercase=True`, accents stripped, when ``WordPieceOptions/lowercase`` is set), or those of
/// the original BERT/ELECTRA `FullTokenizer` in the ``WordPieceOptions/Profile/bert`` profile.
/// Invalid UTF-8 bytes are deleted, as the normalizer deletes U+FFFD.
///
/// An encoder holds a scratch buffer, so make one per worker and reuse it; the vocabulary it
/// wraps is shared (copying an encoder copies references, not tables).
///
/// ```swift
/// var encoder = try WordPieceEncoder(vocabulary: WordPieceVocabulary(contentsOf: "vocab.txt"))
/// var ids: [Int32] = []
/// for line in lines {
///   ids.removeAll(keepingCapacity: true)
///   encoder.encode(line, into: &ids)
/// }
/// ```
public struct WordPieceEncoder: Sendable {
  /// The vocabulary ids refer to.
  public let vocabulary: WordPieceVocabulary
  /// The normalizer and pre-tokenizer.
  public let preTokenizer: BertPreTokenizer
  /// The id of ``WordPieceOptions/unknownToken``.
  public let unknownID: Int32
  /// The trie node after the continuation prefix (`##`), or -1 when no piece continues a word.
  let continuationNode: Int
  let maxInputCharsPerWord: Int
  private var scratch: [UInt8] = []

  /// The options the encoder follows.
  public var options: WordPieceOptions { preTokenizer.options }

  /// Creates an encoder for `vocabulary`.
  ///
  /// Special tokens of ``WordPieceOptions/specialTokens`` that are in the vocabulary are
  /// recognised verbatim in the raw text (HF profile), as `BertWordPieceTokenizer` registers
  /// them.
  ///
  /// - Throws: ``WordPieceError/Code/badVocabulary`` when the unknown token is missing,
  ///   ``WordPieceError/Code/badSetting`` when the word limit is not positive.
  public init(vocabulary: WordPieceVocabulary, options: WordPieceOptions = WordPieceOptions()) throws(WordPieceError) {
    guard let unknownID = vocabulary.id(of: options.unknownToken) else {
      throw WordPieceError(
        .badVocabulary,
        "the vocabulary has no unknown token '\(options.unknownToken)'; add it as a line of vocab.txt")
    }
    guard options.maxInputCharsPerWord > 0 else {
      throw WordPieceError(.badSetting, "maxInputCharsPerWord must be positive")
    }
    self.vocabulary = vocabulary
    self.unknownID = unknownID
    maxInputCharsPerWord = options.maxInputCharsPerWord
    continuationNode = vocabulary.trie.walk(options.continuationPrefix.utf8) ?? -1
    let specials = options.specialTokens.compactMap { token in
      vocabulary.id(of: token).map { (token: token, id: $0) }
    }
    preTokenizer = BertPreTokenizer(options: options, specialTokens: specials)
  }

  /// Appends the ids of the UTF-8 text `bytes` to `ids`.
  ///
  /// - Complexity: O(n) for the normalizer and pre-tokenizer; WordPiece matching walks each
  ///   word's bytes in the trie, so O(n · k) where k is small (the bytes a failed longest match
  ///   reads past the piece it keeps).
  public mutating func encode(utf8 bytes: UnsafeRawBufferPointer, into ids: inout [Int32]) {
    var scratch: [UInt8] = []
    swap(&scratch, &self.scratch)
    defer { swap(&scratch, &self.scratch) }
    vocabulary.trie.units.withUnsafeBufferPointer { units in
      var sink = PieceSink(
        units: units.baseAddress.unsafelyUnwrapped, continuationNode: continuationNode,
        unknownID: unknownID, maxChars: maxInputCharsPerWord, ids: [])
      swap(&sink.ids, &ids)
      preTokenizer.forEachWord(bytes, scratch: &scratch, into: &sink)
      swap(&sink.ids, &ids)
    }
  }

  /// Appends the ids of `text` to `ids`.
  ///
  /// - Complexity: see ``encode(utf8:into:)``; a native `String` is read in place.
  public mutating func encode(_ text: String, into ids: inout [Int32]) {
    var text = text
    text.withUTF8 { encode(utf8: UnsafeRawBufferPointer($0), into: &ids) }
  }

  /// The ids of `text`.
  public mutating func encode(_ text: String) -> [Int32] {
    var ids: [Int32] = []
    encode(text, into: &ids)
    return ids
  }

  /// The tokens of `text` (its ids looked up in the vocabulary).
  public mutating func tokens(_ text: String) -> [String] {
    encode(text).map { vocabulary.token($0) ?? "" }
  }
}
