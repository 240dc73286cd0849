import CorpusIO
import CorpusSources

/// The `filters:` block of `pipeline.yaml` (DESIGN.md §6): over-represented lines, ad and
/// commercial lines, document quality, and deduplication.
///
/// Every key has a default (the values a Danish ELECTRA corpus needs), every block takes
/// `enabled: false`, and an unknown key is an error that names its path.
///
/// ```yaml
/// filters:
///   overrepresented: {scope: web, min_count: 10, min_documents: 5, min_domains: 1, min_length: 15, keep: none}
///   ads: {scope: web, drop_document_share: 0.05}
///   quality: {profile: fineweb2-dan, sources: {leipzig: {profile: sentences}}}
///   dedup: {exact: true, minhash: {shingle: 5, bands: 14, rows: 8, threshold: 0.8}}
/// ```
public struct FiltersConfig: Codable, Sendable, Equatable {
  /// Corpus-wide over-represented lines (ingest counts, reduce decides, finish removes).
  public var overrepresented = OverrepresentedConfig()
  /// Ad, commercial and boilerplate lines (ingest).
  public var ads = AdsConfig()
  /// Document quality rules (ingest).
  public var quality = QualityConfig()
  /// Exact and near-duplicate documents (ingest signs, reduce clusters, finish drops).
  public var dedup = DedupConfig()

  /// The defaults.
  public init() {}

  enum CodingKeys: String, CodingKey, CaseIterable {
    case overrepresented, ads, quality, dedup
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    overrepresented = try c.decodeIfPresent(OverrepresentedConfig.self, forKey: .overrepresented) ?? overrepresented
    ads = try c.decodeIfPresent(AdsConfig.self, forKey: .ads) ?? ads
    quality = try c.decodeIfPresent(QualityConfig.self, forKey: .quality) ?? quality
    dedup = try c.decodeIfPresent(DedupConfig.self, forKey: .dedup) ?? dedup
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(overrepresented, forKey: .overrepresented)
    try c.encode(ads, forKey: .ads)
    try c.encode(quality, forKey: .quality)
    try c.encode(dedup, forKey: .dedup)
  }
}
