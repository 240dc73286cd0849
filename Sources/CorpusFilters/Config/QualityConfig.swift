import CorpusIO
import CorpusSources

/// `filters.quality`: document quality rules, by profile, with per-rule and per-source overrides.
///
/// ```yaml
/// quality:
///   profile: fineweb2-dan          # for every source …
///   rules: {min_words: 30}         # … with these changes (a number, or false to switch off)
///   sources:
///     leipzig: {profile: sentences}                  # sentence lists get their own rules
///     wiki: {rules: {new_line_ratio: false}}
///     legal: {enabled: false}
/// ```
///
/// A source's rules are its profile's (the source's `profile`, else the global one), then the
/// global `rules` when the source uses the global profile, then the source's `rules`.
public struct QualityConfig: Codable, Sendable, Equatable {
  /// `false` turns the filter off.
  public var enabled = true
  /// The profile every source starts from.
  public var profile = QualityProfile.fineweb2Dan
  /// Changes to the global profile's rules.
  public var rules = QualityRuleOverrides()
  /// Stop words replacing the profile's list.
  public var stopWords: [String]?
  /// Per-source changes, by source name.
  public var sources: [String: QualitySourceConfig] = [:]

  /// The defaults.
  public init() {}

  /// The rules for the source named `source`, or `nil` when no rule applies to it.
  public func rules(forSource source: String) -> QualityRules? {
    guard enabled else { return nil }
    let own = sources[source]
    if own?.enabled == false { return nil }
    var resolved: QualityRules
    if let sourceProfile = own?.profile, sourceProfile != profile {
      resolved = sourceProfile.rules
    } else {
      resolved = profile.rules
      rules.apply(to: &resolved)
    }
    if let stopWords { resolved.stopWords = stopWords }
    if let own {
      own.rules.apply(to: &resolved)
      if let words = own.stopWords { resolved.stopWords = words }
    }
    return resolved.enabled.isEmpty ? nil : resolved
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case enabled, profile, rules, stopWords = "stop_words", sources
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled) ?? enabled
    profile = try c.decodeChoice(QualityProfile.self, forKey: .profile) ?? profile
    rules = try c.decodeIfPresent(QualityRuleOverrides.self, forKey: .rules) ?? rules
    stopWords = try c.decodeStrings(forKey: .stopWords)
    sources = try c.decodeIfPresent([String: QualitySourceConfig].self, forKey: .sources) ?? [:]
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(enabled, forKey: .enabled)
    try c.encode(profile, forKey: .profile)
    try c.encode(rules, forKey: .rules)
    try c.encodeIfPresent(stopWords, forKey: .stopWords)
    try c.encode(sources, forKey: .sources)
  }
}

/// `filters.quality.sources.NAME`: one source's changes.
public struct QualitySourceConfig: Codable, Sendable, Equatable {
  /// `false` exempts the source from every quality rule.
  public var enabled: Bool?
  /// The profile this source starts from instead of the global one.
  public var profile: QualityProfile?
  /// Changes applied last.
  public var rules = QualityRuleOverrides()
  /// Stop words for this source.
  public var stopWords: [String]?

  /// No change.
  public init(
    enabled: Bool? = nil, profile: QualityProfile? = nil, rules: QualityRuleOverrides = QualityRuleOverrides(),
    stopWords: [String]? = nil
  ) {
    self.enabled = enabled
    self.profile = profile
    self.rules = rules
    self.stopWords = stopWords
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case enabled, profile, rules, stopWords = "stop_words"
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled)
    profile = try c.decodeChoice(QualityProfile.self, forKey: .profile)
    rules = try c.decodeIfPresent(QualityRuleOverrides.self, forKey: .rules) ?? rules
    stopWords = try c.decodeStrings(forKey: .stopWords)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encodeIfPresent(enabled, forKey: .enabled)
    try c.encodeIfPresent(profile, forKey: .profile)
    try c.encode(rules, forKey: .rules)
    try c.encodeIfPresent(stopWords, forKey: .stopWords)
  }
}

/// Changes to a profile's rules: a threshold, `false` (or `null`) to switch a rule off, or
/// `true` to switch it on at its ``QualityRule/referenceValue``.
public struct QualityRuleOverrides: Codable, Sendable, Equatable {
  /// The changes: a threshold, or `nil` for off.
  public var changes: [QualityRule: Double?] = [:]

  /// No change.
  public init(_ changes: [QualityRule: Double?] = [:]) { self.changes = changes }

  /// Applies the changes to `rules`.
  public func apply(to rules: inout QualityRules) {
    for (rule, value) in changes { rules[rule] = value }
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(QualityRule.self)
    let c = try decoder.container(keyedBy: QualityRule.self)
    for rule in QualityRule.allCases where c.contains(rule) {
      if try c.decodeNil(forKey: rule) {
        changes[rule] = .some(nil)
      } else if let flag = try? c.decode(Bool.self, forKey: rule) {
        changes[rule] = .some(flag ? rule.referenceValue : nil)
      } else {
        guard let value = try? c.decode(Double.self, forKey: rule), value.isFinite, value >= 0 else {
          throw DecodingError.dataCorruptedError(
            forKey: rule, in: c, debugDescription: "expected a threshold ≥ 0, or false to switch the rule off")
        }
        changes[rule] = .some(value)
      }
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: QualityRule.self)
    for rule in QualityRule.allCases {
      guard let change = changes[rule] else { continue }
      if let value = change { try c.encode(value, forKey: rule) } else { try c.encode(false, forKey: rule) }
    }
  }
}
