/// Counts of lengths in bins of equal width, for lengths `0...maximum`.
///
/// Bin `i` holds the lengths `i × binWidth + 1 ... (i + 1) × binWidth`; bin 0 also holds 0. With
/// `maximum` 256 and `binWidth` 16 there are 16 bins, `0–16`, `17–32`, …, `241–256`.
public struct LengthHistogram: Sendable, Hashable, Codable {
  /// The largest length expected; the last bin ends there.
  public let maximum: Int
  /// The number of lengths each bin spans.
  public let binWidth: Int
  /// Lengths counted, per bin.
  public private(set) var counts: [Int]

  /// An empty histogram for lengths up to `maximum` in bins of `binWidth` (both at least 1).
  public init(maximum: Int, binWidth: Int) {
    precondition(maximum >= 1 && binWidth >= 1, "maximum and binWidth must be positive")
    self.maximum = maximum
    self.binWidth = binWidth
    counts = Array(repeating: 0, count: (maximum + binWidth - 1) / binWidth)
  }

  /// Counts one `length` (`0...maximum`; longer lengths go to the last bin).
  @inline(__always)
  public mutating func add(_ length: Int) {
    counts[min(max(0, length - 1) / binWidth, counts.count - 1)] += 1
  }

  /// The lengths bin `index` holds.
  public func lengths(ofBin index: Int) -> ClosedRange<Int> {
    (index == 0 ? 0 : index * binWidth + 1)...min(maximum, (index + 1) * binWidth)
  }

  /// All lengths counted.
  public var total: Int { counts.reduce(0, +) }

  enum CodingKeys: String, CodingKey {
    case maximum, counts
    case binWidth = "bin_width"
  }
}
