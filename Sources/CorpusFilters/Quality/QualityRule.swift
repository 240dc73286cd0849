/// The document quality rules (``QualityFilter``).
///
/// The raw value is the key in
/// `filters.quality.rules` and the rule name in reports.
///
/// Each rule compares one score of the document with a threshold, in the direction and with
/// the strictness of the implementation it copies (datatrove's `GopherQualityFilter`,
/// `GopherRepetitionFilter` and `FineWebQualityFilter` as FineWeb-2 runs them):
/// ``failsAbove`` rules fail when the score is greater than the threshold (or equal, for the
/// two FineWeb rules marked *inclusive*), the others when it is smaller (or equal, for
/// ``linePunct``).
public enum QualityRule: String, Sendable, Codable, CaseIterable, CodingKey {
  /// Words that are not only punctuation (Gopher `min_doc_words`; fails when < threshold).
  case minWords = "min_words"
  /// The same count (Gopher `max_doc_words`; fails when > threshold).
  case maxWords = "max_words"
  /// Mean length in characters of those words (fails when < threshold).
  case minMeanWordLength = "min_mean_word_length"
  /// The same mean (fails when > threshold).
  case maxMeanWordLength = "max_mean_word_length"
  /// Count of `#` per token (Gopher `max_symbol_word_ratio`; fails when > threshold).
  case hashRatio = "hash_ratio"
  /// Count of `...` and `…` per token (fails when > threshold).
  case ellipsisRatio = "ellipsis_ratio"
  /// Share of lines starting with `•` or `-` (fails when > threshold).
  case bulletLines = "bullet_lines"
  /// Share of lines ending with `...` or `…` (fails when > threshold).
  case ellipsisLines = "ellipsis_lines"
  /// Share of tokens containing a letter (Gopher `max_non_alpha_words_ratio`; fails when < threshold).
  case alphaWords = "alpha_words"
  /// Tokens that are stop words (fails when < threshold).
  case stopWords = "stop_words"
  /// Share of lines ending in `. ' " ! ?` (FineWeb `line_punct_thr`; fails when ≤ threshold).
  case linePunct = "line_punct"
  /// Share of lines of ≤ 30 characters (FineWeb `short_line_thr`; fails when ≥ threshold, inclusive).
  case shortLines = "short_lines"
  /// Characters in repeated non-empty lines / characters without newlines (FineWeb
  /// `char_duplicates_ratio`; fails when ≥ threshold, inclusive).
  case charDupRatio = "char_dup_ratio"
  /// Newlines per token (FineWeb `new_line_ratio`; fails when > threshold).
  case newLineRatio = "new_line_ratio"
  /// Share of repeated paragraphs (split on 2+ newlines; fails when > threshold).
  case dupParaFrac = "dup_para_frac"
  /// Characters in repeated paragraphs / all characters (fails when > threshold).
  case dupParaCharFrac = "dup_para_char_frac"
  /// Share of repeated lines (split on 1+ newlines; fails when > threshold).
  case dupLineFrac = "dup_line_frac"
  /// Characters in repeated lines / all characters (fails when > threshold).
  case dupLineCharFrac = "dup_line_char_frac"
  /// Characters covered by the most frequent 2-gram / all characters (fails when > threshold).
  case top2Gram = "top_2_gram"
  /// The same for 3-grams.
  case top3Gram = "top_3_gram"
  /// The same for 4-grams.
  case top4Gram = "top_4_gram"
  /// Characters in repeated 5-grams / all characters (fails when > threshold).
  case dup5Gram = "dup_5_gram"
  /// The same for 6-grams.
  case dup6Gram = "dup_6_gram"
  /// The same for 7-grams.
  case dup7Gram = "dup_7_gram"
  /// The same for 8-grams.
  case dup8Gram = "dup_8_gram"
  /// The same for 9-grams.
  case dup9Gram = "dup_9_gram"
  /// The same for 10-grams.
  case dup10Gram = "dup_10_gram"
  /// Unicode scalars in the text (fails when < threshold).
  case minChars = "min_chars"
  /// Unicode scalars in the text (fails when > threshold).
  case maxChars = "max_chars"

  /// Whether a score above the threshold fails (otherwise a score below it does).
  public var failsAbove: Bool {
    switch self {
    case .minWords, .minMeanWordLength, .alphaWords, .stopWords, .linePunct, .minChars: false
    default: true
    }
  }

  /// Whether a score equal to the threshold also fails.
  public var inclusive: Bool {
    switch self {
    case .linePunct, .shortLines, .charDupRatio: true
    default: false
    }
  }

  /// Whether `score` fails the rule at `threshold`.
  @inline(__always)
  public func fails(_ score: Double, threshold: Double) -> Bool {
    if failsAbove { return inclusive ? score >= threshold : score > threshold }
    return inclusive ? score <= threshold : score < threshold
  }

  /// The value of the rule in the implementation it copies (Gopher / FineWeb English
  /// defaults), used when a config switches a rule on with `true`.
  public var referenceValue: Double {
    switch self {
    case .minWords: 50
    case .maxWords: 100_000
    case .minMeanWordLength: 3
    case .maxMeanWordLength: 10
    case .hashRatio, .ellipsisRatio: 0.1
    case .bulletLines: 0.9
    case .ellipsisLines: 0.3
    case .alphaWords: 0.8
    case .stopWords: 2
    case .linePunct: 0.12
    case .shortLines: 0.67
    case .charDupRatio: 0.01
    case .newLineRatio: 0.3
    case .dupParaFrac, .dupLineFrac: 0.3
    case .dupParaCharFrac, .dupLineCharFrac: 0.2
    case .top2Gram: 0.2
    case .top3Gram: 0.18
    case .top4Gram: 0.16
    case .dup5Gram: 0.15
    case .dup6Gram: 0.14
    case .dup7Gram: 0.13
    case .dup8Gram: 0.12
    case .dup9Gram: 0.11
    case .dup10Gram: 0.10
    case .minChars: 300
    case .maxChars: 5_000_000
    }
  }

  /// For n-gram rules, n.
  var n: Int {
    switch self {
    case .top2Gram: 2
    case .top3Gram: 3
    case .top4Gram: 4
    case .dup5Gram: 5
    case .dup6Gram: 6
    case .dup7Gram: 7
    case .dup8Gram: 8
    case .dup9Gram: 9
    case .dup10Gram: 10
    default: 0
    }
  }
}
