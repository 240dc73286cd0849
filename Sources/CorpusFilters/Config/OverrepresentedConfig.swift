import CorpusIO
import CorpusSources

/// The `filters.overrepresented` block: lines that occur too often across the corpus.
///
/// Templates, menus and cookie banners repeat across pages. See ``OverrepresentedReducer`` for
/// the counting and ``OverrepresentedLineFilter`` for the removal.
public struct OverrepresentedConfig: Codable, Sendable, Equatable {
  /// Which documents are counted together.
  public enum Scope: String, Codable, Sendable, CaseIterable {
    /// Web sources (`sources[].web: true`) only, counted together; other sources untouched.
    case web
    /// Every source, counted together.
    case all
    /// Every source, each counted on its own.
    case source
  }

  /// Which copies of an over-represented line survive.
  public enum Keep: String, Codable, Sendable, CaseIterable {
    /// Remove every copy (CCNet, ROOTS).
    case none
    /// Keep the first copy: the first occurrence in the document with the smallest
    /// (task index, document index) that has the line; remove all others.
    case first
  }

  /// `false` turns the filter off.
  public var enabled = true
  /// Which documents are counted together.
  public var scope = Scope.web
  /// Least occurrences of an over-represented line.
  public var minCount = 10
  /// Least distinct documents containing an over-represented line.
  public var minDocuments = 5
  /// Least distinct domains of an over-represented line.
  ///
  /// Documents without a URL each count as their own domain.
  public var minDomains = 1
  /// Lines whose normalized form has fewer Unicode scalars are never counted or removed.
  public var minLength = 15
  /// Which copies survive.
  public var keep = Keep.none
  /// Lines never removed, matched by their normalized key (so case, digits and punctuation do not matter).
  public var allowlist: [String] = []
  /// Source names whose lines are neither counted nor removed, such as legal text.
  public var exempt: [String] = []
  /// Memory the reduce phase may use for its tables, in MB; larger inputs spill to disk.
  public var memoryBudgetMB = 512

  /// The defaults.
  public init() {}

  enum CodingKeys: String, CodingKey, CaseIterable {
    case enabled, scope, minCount = "min_count", minDocuments = "min_documents", minDomains = "min_domains"
    case minLength = "min_length", keep, allowlist, exempt, memoryBudgetMB = "memory_budget_mb"
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled) ?? enabled
    scope = try c.decodeChoice(Scope.self, forKey: .scope) ?? scope
    minCount = try c.decodeInt(forKey: .minCount, minimum: 1) ?? minCount
    minDocuments = try c.decodeInt(forKey: .minDocuments, minimum: 1) ?? minDocuments
    minDomains = try c.decodeInt(forKey: .minDomains, minimum: 1) ?? minDomains
    minLength = try c.decodeInt(forKey: .minLength, minimum: 0) ?? minLength
    keep = try c.decodeChoice(Keep.self, forKey: .keep) ?? keep
    allowlist = try c.decodeStrings(forKey: .allowlist) ?? allowlist
    exempt = try c.decodeStrings(forKey: .exempt) ?? exempt
    memoryBudgetMB = try c.decodeInt(forKey: .memoryBudgetMB, minimum: 1) ?? memoryBudgetMB
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(enabled, forKey: .enabled)
    try c.encode(scope, forKey: .scope)
    try c.encode(minCount, forKey: .minCount)
    try c.encode(minDocuments, forKey: .minDocuments)
    try c.encode(minDomains, forKey: .minDomains)
    try c.encode(minLength, forKey: .minLength)
    try c.encode(keep, forKey: .keep)
    try c.encode(allowlist, forKey: .allowlist)
    try c.encode(exempt, forKey: .exempt)
    try c.encode(memoryBudgetMB, forKey: .memoryBudgetMB)
  }
}
