import CorpusIO

/// Options that change how readers turn records into documents (`sources[].options` in
/// `pipeline.yaml`). Defaults follow `reference/formats.md`.
public struct ReaderOptions: Sendable, Equatable, Codable {
  /// What to do with a record that is not valid UTF-8.
  public enum InvalidUTF8Policy: String, Sendable, Codable {
    /// Drop the record and count it as `invalid_utf8`.
    case reject
    /// Keep the record with each invalid sequence replaced by U+FFFD, and count it.
    case replace
  }

  /// Leipzig: one document per source URL, its sentences in `s_id` order, instead of one per
  /// sentence. Holds one archive's sentences in memory.
  public var groupBySource = false
  /// OPUS: group this many consecutive non-empty lines into one document (1 = a line each).
  public var groupLines = 1
  /// Wikipedia: keep the text of `<math>` elements.
  public var includeMath = true
  /// Wikipedia: keep `<table>` cells (one line per table, cells separated by spaces).
  public var includeTables = true
  /// Wikipedia: keep disambiguation pages (they are always flagged in metadata).
  public var includeDisambiguation = true
  /// Records that are not valid UTF-8.
  public var invalidUTF8 = InvalidUTF8Policy.reject
  /// DaNewsroom: put the title before the text, separated by a blank line.
  public var includeTitle = true

  /// The defaults.
  public init() {}

  enum CodingKeys: String, CodingKey, CaseIterable {
    case groupBySource = "group_by_source"
    case groupLines = "group_lines"
    case includeMath = "include_math"
    case includeTables = "include_tables"
    case includeDisambiguation = "include_disambiguation"
    case invalidUTF8 = "invalid_utf8"
    case includeTitle = "include_title"
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let d = ReaderOptions()
    groupBySource = try c.decodeIfPresent(Bool.self, forKey: .groupBySource) ?? d.groupBySource
    groupLines = try c.decodeIfPresent(Int.self, forKey: .groupLines) ?? d.groupLines
    includeMath = try c.decodeIfPresent(Bool.self, forKey: .includeMath) ?? d.includeMath
    includeTables = try c.decodeIfPresent(Bool.self, forKey: .includeTables) ?? d.includeTables
    includeDisambiguation =
      try c.decodeIfPresent(Bool.self, forKey: .includeDisambiguation) ?? d.includeDisambiguation
    invalidUTF8 = try c.decodeIfPresent(InvalidUTF8Policy.self, forKey: .invalidUTF8) ?? d.invalidUTF8
    includeTitle = try c.decodeIfPresent(Bool.self, forKey: .includeTitle) ?? d.includeTitle
    if groupLines < 1 {
      throw DecodingError.dataCorruptedError(
        forKey: .groupLines, in: c, debugDescription: "group_lines must be at least 1 (1 = one document per line)")
    }
  }
}
