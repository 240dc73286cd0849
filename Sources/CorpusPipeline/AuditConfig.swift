import CorpusIO

/// `audit`: which removed documents and lines are written to `out/removed/`.
public struct AuditConfig: Codable, Sendable, Equatable {
  /// How much of what was removed is kept for inspection.
  public enum Removed: String, Codable, Sendable, CaseIterable {
    /// Every removed document and line.
    case all
    /// A seeded sample of ``AuditConfig/sampleSize`` documents and as many lines (the same
    /// whatever the number of workers).
    case sample
    /// Nothing (the counts in `report.json` are kept either way).
    case none
  }

  /// What to write.
  public var removed = Removed.sample
  /// Documents, and lines, in a sample.
  public var sampleSize = 10_000

  /// The defaults: a sample of 10,000.
  public init() {}

  /// Nothing kept (`removed: none`).
  public static var off: AuditConfig {
    var config = AuditConfig()
    config.removed = .none
    return config
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case removed, sampleSize = "sample_size"
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    removed = try c.decodeChoice(Removed.self, forKey: .removed) ?? removed
    sampleSize = try c.decodeInt(forKey: .sampleSize, minimum: 1) ?? sampleSize
  }
}
