/// How often each code point occurred: the transliterated and dropped characters of a
/// ``NormalizationStats``.
///
/// Counts are exact in memory and merge exactly; the coded form (JSON, YAML) holds the total,
/// the number of distinct code points and only the ``reportedLimit`` most frequent ones, so a
/// decoded value lists at most that many.
public struct CodePointCounts: Sendable, Equatable {
  /// The number of code points the coded form lists.
  public static let reportedLimit = 50

  /// Count per code point.
  public private(set) var counts: [UInt32: Int] = [:]
  /// Sum of all counts (including code points no longer listed after decoding).
  public private(set) var total = 0
  /// Number of distinct code points counted (kept through coding).
  public var distinct: Int { max(counts.count, decodedDistinct) }
  private var decodedDistinct = 0

  /// No counts.
  public init() {}

  /// Counts one occurrence of `value`.
  ///
  /// - Complexity: O(1) amortized (a dictionary update).
  @inline(__always)
  public mutating func add(_ value: UInt32, count: Int = 1) {
    counts[value, default: 0] += count
    total += count
  }

  /// Adds every count of `other`.
  public mutating func merge(_ other: CodePointCounts) {
    for (value, count) in other.counts { counts[value, default: 0] += count }
    total += other.total
    decodedDistinct = max(decodedDistinct, other.decodedDistinct)
  }

  /// The `limit` most frequent code points, most frequent first (ties by code point).
  public func top(_ limit: Int = CodePointCounts.reportedLimit) -> [(value: UInt32, count: Int)] {
    counts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
      .prefix(limit).map { (value: $0.key, count: $0.value) }
  }
}

extension CodePointCounts: Codable {
  private enum CodingKeys: String, CodingKey {
    case total, distinct, top
  }

  private struct Entry: Codable {
    var codePoint: String
    var character: String
    var count: Int

    enum CodingKeys: String, CodingKey {
      case codePoint = "code_point"
      case character, count
    }
  }

  /// `U+00E9` style.
  static func label(_ value: UInt32) -> String {
    let hex = String(value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(total, forKey: .total)
    try container.encode(distinct, forKey: .distinct)
    let entries = top().map { entry in
      Entry(
        codePoint: Self.label(entry.value),
        character: Unicode.Scalar(entry.value).map { String(Character($0)) } ?? "",
        count: entry.count)
    }
    try container.encode(entries, forKey: .top)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    total = try container.decodeIfPresent(Int.self, forKey: .total) ?? 0
    decodedDistinct = try container.decodeIfPresent(Int.self, forKey: .distinct) ?? 0
    for entry in try container.decodeIfPresent([Entry].self, forKey: .top) ?? [] {
      guard entry.codePoint.hasPrefix("U+"), let value = UInt32(entry.codePoint.dropFirst(2), radix: 16) else {
        throw DecodingError.dataCorruptedError(
          forKey: .top, in: container, debugDescription: "bad code point '\(entry.codePoint)'; expected U+XXXX")
      }
      counts[value, default: 0] += entry.count
    }
  }
}
