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
  /// Drop the whole document when the removed lines hold more than this share of its words
  /// (RefinedWeb: > 5 %). `1` never drops a document.
  public var dropDocumentShare = 0.05
  /// The phrase lists.
  public var lexicon = AdLexicon()
  /// Rules switched off (`rules: {uppercase: false}`); every rule is on by default.
  public var disabledRules: Set<AdRule> = []

  /// The defaults.
  public init() {}

  /// The rules that are on.
  public var enabledRules: Set<AdRule> { Set(AdRule.allCases).subtracting(disabledRules) }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case enabled, scope, dropDocumentShare = "drop_document_share", lexicon, rules
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled) ?? enabled
    scope = try c.decodeChoice(Scope.self, forKey: .scope) ?? scope
    dropDocumentShare = try c.decodeDouble(forKey: .dropDocumentShare, in: 0...1) ?? dropDocumentShare
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
    try c.encode(lexicon, forKey: .lexicon)
    var r = c.nestedContainer(keyedBy: AdRule.self, forKey: .rules)
    for rule in AdRule.allCases { try r.encode(!disabledRules.contains(rule), forKey: rule) }
  }
}
