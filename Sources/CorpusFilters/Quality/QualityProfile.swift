/// A named set of quality thresholds (`filters.quality.profile`).
public enum QualityProfile: String, Sendable, Codable, CaseIterable {
  /// FineWeb-2's Danish filtering (`huggingface/fineweb-2` `configs/dan_Latn.yml` and
  /// `fineweb-2-pipeline.py`): Gopher repetition (`dup_line_frac` 0.305, top 2/3/4-grams
  /// 0.367/0.297/0.232, duplicate 5…10-grams 0.169…0.112; paragraph and line-character rules
  /// off), FineWeb quality (`line_punct` 0.1, short lines off, `char_dup_ratio` 0.1,
  /// `new_line_ratio` 0.182), Gopher quality (50–100,000 words, mean word length 3–11, `#` and
  /// ellipsis 0.1 per token, bullets 0.9, ellipsis lines 0.3, `alpha_words` 0.798, 2 of 20
  /// Danish stop words).
  case fineweb2Dan = "fineweb2-dan"
  /// For sentence-list sources (Leipzig, OPUS): a document is one sentence or a few lines, so
  /// document-scale rules (50 words, stop-word counts, line and n-gram repetition) are off;
  /// 3–250 words, mean word length 2–15, ≥ 60 % of tokens with a letter, at most 2,000 characters.
  case sentences
  /// No rule.
  case none

  /// The thresholds of this profile.
  public var rules: QualityRules {
    var r = QualityRules()
    switch self {
    case .none:
      break
    case .fineweb2Dan:
      r[.dupLineFrac] = 0.305
      r[.top2Gram] = 0.367
      r[.top3Gram] = 0.297
      r[.top4Gram] = 0.232
      r[.dup5Gram] = 0.169
      r[.dup6Gram] = 0.158
      r[.dup7Gram] = 0.147
      r[.dup8Gram] = 0.134
      r[.dup9Gram] = 0.123
      r[.dup10Gram] = 0.112
      r[.linePunct] = 0.1
      r[.charDupRatio] = 0.1
      r[.newLineRatio] = 0.182
      r[.minWords] = 50
      r[.maxWords] = 100_000
      r[.minMeanWordLength] = 3
      r[.maxMeanWordLength] = 11
      r[.hashRatio] = 0.1
      r[.ellipsisRatio] = 0.1
      r[.bulletLines] = 0.9
      r[.ellipsisLines] = 0.3
      r[.alphaWords] = 0.798
      r[.stopWords] = 2
    case .sentences:
      r[.minWords] = 3
      r[.maxWords] = 250
      r[.minMeanWordLength] = 2
      r[.maxMeanWordLength] = 15
      r[.alphaWords] = 0.6
      r[.maxChars] = 2000
    }
    r.stopWords = QualityRules.fineweb2DanishStopWords
    return r
  }
}

/// Resolved thresholds: for each ``QualityRule`` a threshold, or `nil` when the rule is off.
public struct QualityRules: Sendable, Equatable {
  private var thresholds: [Double?] = Array(repeating: nil, count: QualityRule.allCases.count)
  /// Stop words for ``QualityRule/stopWords``, matched exactly (case-sensitive, as datatrove);
  /// FineWeb-2's Danish list by default.
  public var stopWords: [String] = QualityRules.fineweb2DanishStopWords

  /// No rule on.
  public init() {}

  /// The threshold of `rule`, or `nil` when it is off.
  public subscript(rule: QualityRule) -> Double? {
    get { thresholds[Self.index(rule)] }
    set { thresholds[Self.index(rule)] = newValue }
  }

  /// The rules that are on, in ``QualityRule`` order.
  public var enabled: [QualityRule] { QualityRule.allCases.filter { self[$0] != nil } }

  static func index(_ rule: QualityRule) -> Int {
    QualityRule.allCases.firstIndex(of: rule) ?? 0
  }

  /// FineWeb-2's Danish stop words (`configs/dan_Latn.yml`).
  public static let fineweb2DanishStopWords = [
    "i", "og", "af", "en", "til", "er", "den", "at", "som", "på", "for", "med", "det", "blev", "var", "der", "fra",
    "de", "han", "et",
  ]
}
