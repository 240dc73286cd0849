import CorpusIO
import CorpusSources

/// `filters.dedup`: exact and near-duplicate documents across all sources.
public struct DedupConfig: Codable, Sendable, Equatable {
  /// `false` turns deduplication off.
  public var enabled = true
  /// Remove documents whose normalized text (``ExactKey``) equals an earlier one's.
  public var exact = true
  /// Near duplicates by MinHash LSH.
  public var minhash = MinHashConfig()
  /// Memory the reduce phase may use for its sort buffers, in MB (the union-find array of
  /// 4 bytes per document comes on top).
  public var memoryBudgetMB = 512

  /// The defaults.
  public init() {}

  enum CodingKeys: String, CodingKey, CaseIterable {
    case enabled, exact, minhash, memoryBudgetMB = "memory_budget_mb"
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled) ?? enabled
    exact = try c.decodeIfPresent(Bool.self, forKey: .exact) ?? exact
    minhash = try c.decodeIfPresent(MinHashConfig.self, forKey: .minhash) ?? minhash
    memoryBudgetMB = try c.decodeInt(forKey: .memoryBudgetMB, minimum: 1) ?? memoryBudgetMB
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(enabled, forKey: .enabled)
    try c.encode(exact, forKey: .exact)
    try c.encode(minhash, forKey: .minhash)
    try c.encode(memoryBudgetMB, forKey: .memoryBudgetMB)
  }
}

/// `filters.dedup.minhash`: MinHash over word shingles with LSH banding (FineWeb: 5-grams, 14 × 8).
///
/// Two documents become candidates when all `rows` minhashes of any of the `bands` agree
/// (probability 1 − (1 − s^rows)^bands at Jaccard similarity s). A candidate pair is then
/// checked against `threshold` with the whole signature: the share of agreeing minhashes
/// estimates s with standard error √(t(1 − t)/h) at s = t for h = bands × rows hashes, and the
/// pair is rejected only when the estimate is more than two standard errors below `threshold`
/// (``acceptance``: 0.724 for 0.8 and 112 hashes). So pairs at or above the threshold are kept
/// together ≥ 97.7 % of the time, while chance collisions of much less similar documents (a
/// 14 × 8 band collision happens for 21 % of pairs at s = 0.6) are undone. `threshold: 0`
/// accepts every candidate, as datatrove does.
public struct MinHashConfig: Codable, Sendable, Equatable {
  /// `false` turns near-duplicate detection off (exact dedup may stay on).
  public var enabled = true
  /// Words per shingle.
  public var shingle = 5
  /// LSH bands.
  public var bands = 14
  /// Minhashes per band.
  public var rows = 8
  /// Least estimated Jaccard similarity of an accepted candidate pair.
  public var threshold = 0.8
  /// Seed of the hash permutations; `nil` derives it from the pipeline's `seed`.
  public var seed: UInt64?

  /// The defaults.
  public init() {}

  /// Minhashes per signature, `bands × rows`.
  public var hashes: Int { bands * rows }

  /// The least estimated similarity of an accepted candidate pair: `threshold` minus two
  /// standard errors of the estimate at `threshold`.
  public var acceptance: Double {
    guard threshold > 0, hashes > 0 else { return 0 }
    return max(0, threshold - 2 * (threshold * (1 - threshold) / Double(hashes)).squareRoot())
  }

  /// The seed to use given the pipeline's seed.
  public func effectiveSeed(pipelineSeed: UInt64) -> UInt64 { seed ?? pipelineSeed }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case enabled, shingle, bands, rows, threshold, seed
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled) ?? enabled
    shingle = try c.decodeInt(forKey: .shingle, minimum: 1) ?? shingle
    bands = try c.decodeInt(forKey: .bands, minimum: 1) ?? bands
    rows = try c.decodeInt(forKey: .rows, minimum: 1) ?? rows
    threshold = try c.decodeDouble(forKey: .threshold, in: 0...1) ?? threshold
    seed = try c.decodeIfPresent(UInt64.self, forKey: .seed)
    if bands * rows > 1024 {
      throw DecodingError.dataCorruptedError(
        forKey: .rows, in: c, debugDescription: "bands × rows must be at most 1024, got \(bands * rows)")
    }
    if shingle > 64 {
      throw DecodingError.dataCorruptedError(
        forKey: .shingle, in: c, debugDescription: "must be at most 64, got \(shingle)")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(enabled, forKey: .enabled)
    try c.encode(shingle, forKey: .shingle)
    try c.encode(bands, forKey: .bands)
    try c.encode(rows, forKey: .rows)
    try c.encode(threshold, forKey: .threshold)
    try c.encodeIfPresent(seed, forKey: .seed)
  }
}
