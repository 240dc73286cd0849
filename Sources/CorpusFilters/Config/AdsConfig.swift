import CorpusIO
import CorpusSources

/// `filters.ads`: line-level removal of ads, commercial and boilerplate lines (``AdLineFilter``).
public struct AdsConfig: Codable, Sendable, Equatable {
  /// Which sources the filter applies to.
  public enum Scope: String, Codable, Sendable, CaseIterable {
    /// Web sources (`sources[].web: true`) only.
    case web
    /// Every source.
    case all
  }

  /// `false` turns the filter off.
  public var enabled = true
  /// Which sources the filter applies to.
  public var scope = Scope.web
  /// The share of a document's words that, removed by ``dropDocumentRules``, drops it.
  ///
  /// A document is dropped when those lines hold more than this share of its words
  /// (RefinedWeb: > 5 %); `1` never drops a document.
  public var dropDocumentShare = 0.05
  /// The rules whose removals count toward ``dropDocumentShare``.
  ///
  /// By default the commercial ones (shop interface, commercial vocabulary, prices), so that a
  /// page is dropped for being an ad or a shop page, not for carrying a cookie banner and a
  /// menu. RefinedWeb counts every line rule (`drop_document_rules: all`); on the evaluation
  /// fixture that drops all 275 template-heavy pages.
  public var dropDocumentRules: Set<AdRule> = AdsConfig.commercialRules

  /// The default ``dropDocumentRules``.
  public static let commercialRules: Set<AdRule> = [.shopPhrase, .commercial, .price]
  /// The phrase lists.
  public var lexicon = AdLexicon()
  /// Rules switched off (`rules: {uppercase: false}`); every rule is on by default.
  public var disabledRules: Set<AdRule> = []

  /// The defaults.
  public init() {}

  /// The rules that are on.
  public var enabledRules: Set<AdRule> { Set(AdRule.allCases).subtracting(disabledRules) }

  /// Whether the filter runs on a source's documents: it is on, and the source is web-crawled
  /// (`web`) or the scope is every source.
  public func applies(toWebSource web: Bool) -> Bool { enabled && (scope == .all || web) }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case enabled, scope, dropDocumentShare = "drop_document_share", dropDocumentRules = "drop_document_rules", lexicon,
      rules
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled) ?? enabled
    scope = try c.decodeChoice(Scope.self, forKey: .scope) ?? scope
    dropDocumentShare = try c.decodeDouble(forKey: .dropDocumentShare, in: 0...1) ?? dropDocumentShare
    if let names = try c.decodeStrings(forKey: .dropDocumentRules) {
      if names == ["all"] {
        dropDocumentRules = Set(AdRule.allCases)
      } else {
        var rules: Set<AdRule> = []
        for name in names {
          guard let rule = AdRule(rawValue: name) else {
            throw DecodingError.dataCorruptedError(
              forKey: .dropDocumentRules, in: c,
              debugDescription:
                "unknown rule '\(name)'; expected 'all' or rules among: \(AdRule.allCases.map(\.rawValue).joined(separator: ", "))"
            )
          }
          rules.insert(rule)
        }
        dropDocumentRules = rules
      }
    }
    lexicon = try c.decodeIfPresent(AdLexicon.self, forKey: .lexicon) ?? lexicon
    if c.contains(.rules) {
      let rules = try c.superDecoder(forKey: .rules)
      try rules.rejectUnknownKeys(AdRule.self)
      let r = try rules.container(keyedBy: AdRule.self)
      for rule in AdRule.allCases where try r.decodeIfPresent(Bool.self, forKey: rule) == false {
        disabledRules.insert(rule)
      }
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(enabled, forKey: .enabled)
    try c.encode(scope, forKey: .scope)
    try c.encode(dropDocumentShare, forKey: .dropDocumentShare)
    try c.encode(AdRule.allCases.filter { dropDocumentRules.contains($0) }.map(\.rawValue), forKey: .dropDocumentRules)
    try c.encode(lexicon, forKey: .lexicon)
    var r = c.nestedContainer(keyedBy: AdRule.self, forKey: .rules)
    for rule in AdRule.allCases { try r.encode(!disabledRules.contains(rule), forKey: rule) }
  }
}
