/// How text is normalized, split into words and matched against the vocabulary.
///
/// The defaults reproduce HuggingFace `tokenizers`' `BertWordPieceTokenizer(vocab,
/// clean_text=True, handle_chinese_chars=True, strip_accents=False, lowercase=False)` with
/// `add_special_tokens=False`, which is what the cased Danish ELECTRA model loads.
/// ``lowercase`` = `true` matches the same tokenizer with `lowercase=True` (accents stripped).
public struct WordPieceOptions: Sendable, Hashable, Codable {
  /// Whose definition of the normalizer and pre-tokenizer to follow.
  public enum Profile: String, Sendable, Hashable, Codable, CaseIterable {
    /// HuggingFace `tokenizers` (Rust): BertNormalizer, BertPreTokenizer, WordPiece. Removes
    /// Cc, Cf and Co code points; special tokens written in the text are kept whole.
    case huggingFace = "hf"
    /// The original google-research/bert and electra `tokenization.py` (FullTokenizer): removes
    /// every C* code point (unassigned ones too, Unicode 14.0), spaces CJK Extension E from
    /// U+2B820, splits `[CLS]` written in the text like any other text, and allows words of
    /// 200 code points.
    case bert
  }

  /// Whose rules to follow.
  public var profile: Profile
  /// Lower-case the text and strip accents (NFD, then remove nonspacing marks).
  ///
  /// In the ``Profile/bert`` profile this is `do_lower_case=True` with accent stripping. Greek
  /// final sigma is lowered to σ there (Python's `str.lower` gives ς), and marks are not
  /// canonically reordered across code points; both are out of scope for Danish text.
  public var lowercase: Bool
  /// Words longer than this many Unicode scalars become the unknown token (HF: 100; BERT: 200).
  public var maxInputCharsPerWord: Int
  /// The token emitted for a word that cannot be matched.
  public var unknownToken: String
  /// The prefix that marks a piece continuing a word.
  public var continuationPrefix: String
  /// Tokens recognised verbatim in the raw text before normalization, when they are in the
  /// vocabulary (HF's added special tokens; ignored by the ``Profile/bert`` profile).
  public var specialTokens: [String]

  /// Creates options; see the properties for the meaning of each.
  public init(
    profile: Profile = .huggingFace, lowercase: Bool = false, maxInputCharsPerWord: Int? = nil,
    unknownToken: String = "[UNK]", continuationPrefix: String = "##",
    specialTokens: [String] = WordPieceOptions.defaultSpecialTokens
  ) {
    self.profile = profile
    self.lowercase = lowercase
    self.maxInputCharsPerWord = maxInputCharsPerWord ?? (profile == .bert ? 200 : 100)
    self.unknownToken = unknownToken
    self.continuationPrefix = continuationPrefix
    self.specialTokens = profile == .bert ? [] : specialTokens
  }

  /// The special tokens `BertWordPieceTokenizer` registers, in its order.
  public static let defaultSpecialTokens = ["[UNK]", "[SEP]", "[CLS]", "[PAD]", "[MASK]"]

  /// The special tokens a trained vocabulary starts with, in id order.
  public static let trainedVocabularyPrefix = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
}
