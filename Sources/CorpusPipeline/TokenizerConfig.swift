import CorpusIO
import WordPiece

/// `tokenizer`: the WordPiece vocabulary of the shards, trained in the reduce phase from the
/// ingest phase's word counts, or loaded from an existing `vocab.txt`.
public struct TokenizerConfig: Codable, Sendable, Equatable {
  /// Where the vocabulary comes from.
  public enum Vocabulary: Sendable, Equatable {
    /// Trained on the cleaned corpus (`vocab: train`).
    case train
    /// Loaded from a BERT-style `vocab.txt` (`vocab: path/to/vocab.txt`).
    case file(String)
  }

  /// `false`: no vocabulary, no tokens, no shards; the build ends with the clean text.
  public var enabled = true
  /// Train or load.
  public var vocab = Vocabulary.train
  /// Target size of a trained vocabulary, special tokens included.
  public var size = 32_000
  /// A trained piece must occur at least this often.
  public var minFrequency: Int64 = 2
  /// At most this many distinct characters in a trained vocabulary's alphabet.
  public var limitAlphabet = 1000
  /// Lower-case and strip accents (an uncased model); the Danish ELECTRA model is cased.
  public var lowercase = false
  /// Word-splitting rules: `hf` (HuggingFace `tokenizers`) or `bert` (the original `tokenization.py`).
  public var profile = WordPieceOptions.Profile.huggingFace

  /// The defaults: train a cased vocabulary of 32,000.
  public init() {}

  /// The encoder and word-counting options.
  public var options: WordPieceOptions { WordPieceOptions(profile: profile, lowercase: lowercase) }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case enabled, vocab, size, minFrequency = "min_frequency", limitAlphabet = "limit_alphabet", lowercase, profile
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled) ?? enabled
    if let raw = try c.decodeIfPresent(String.self, forKey: .vocab) {
      guard !raw.isEmpty else {
        throw DecodingError.dataCorruptedError(
          forKey: .vocab, in: c, debugDescription: "write 'train' or the path of a vocab.txt")
      }
      vocab = raw == "train" ? .train : .file(raw)
    }
    size = try c.decodeInt(forKey: .size, minimum: 6) ?? size
    minFrequency = Int64(try c.decodeInt(forKey: .minFrequency, minimum: 1) ?? Int(minFrequency))
    limitAlphabet = try c.decodeInt(forKey: .limitAlphabet, minimum: 1) ?? limitAlphabet
    lowercase = try c.decodeIfPresent(Bool.self, forKey: .lowercase) ?? lowercase
    profile = try c.decodeChoice(WordPieceOptions.Profile.self, forKey: .profile) ?? profile
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(enabled, forKey: .enabled)
    switch vocab {
    case .train: try c.encode("train", forKey: .vocab)
    case .file(let path): try c.encode(path, forKey: .vocab)
    }
    try c.encode(size, forKey: .size)
    try c.encode(minFrequency, forKey: .minFrequency)
    try c.encode(limitAlphabet, forKey: .limitAlphabet)
    try c.encode(lowercase, forKey: .lowercase)
    try c.encode(profile, forKey: .profile)
  }
}
