/// The finish-phase side of over-represented lines: marks the lines of a document whose
/// counting key is in the reduce's set, honouring `keep: first`, the allowlist and the scope.
///
/// A value type holding the (shared, copy-on-write) set; each worker takes its own copy because
/// ``removal(text:group:taskIndex:documentIndex:)`` mutates a scratch normalizer.
public struct OverrepresentedLineFilter: Sendable {
  /// The rule name recorded for removed lines.
  public static let ruleName = "overrepresented"

  /// The reduce's result.
  public let lines: OverrepresentedLines
  /// The policy used when counting.
  public let policy: OverrepresentedPolicy
  private var normalizer = LineNormalizer()

  /// A filter removing the lines of `lines` under `policy`.
  public init(lines: OverrepresentedLines, policy: OverrepresentedPolicy) {
    self.lines = lines
    self.policy = policy
  }

  /// Which lines of a document to remove.
  ///
  /// - Parameters:
  ///   - text: the document text, as counted in the ingest phase.
  ///   - group: ``OverrepresentedPolicy/group(forSource:)`` of its source; `nil` removes nothing.
  ///   - taskIndex, documentIndex: the document's position, as given to the accumulator; with
  ///     `keep: first`, the first occurrence of a line in the document with the smallest
  ///     (task, document) is kept.
  /// - Complexity: O(n) in the text length plus O(log m) per counted line for m set entries.
  public mutating func removal(text: String, group: UInt32?, taskIndex: Int, documentIndex: Int) -> LineRemoval {
    var reasons: [String?] = []
    let keepFirst = policy.config.keep == .first
    var keptHere: Set<UInt64> = []
    text.withUTF8Bytes { bytes in
      TextLines.forEach(bytes) { range in
        guard let group, !lines.entries.isEmpty else {
          reasons.append(nil)
          return
        }
        let key = normalizer.key(UnsafeBufferPointer(rebasing: bytes[range]))
        guard policy.counts(key) else {
          reasons.append(nil)
          return
        }
        let countingKey = OverrepresentedPolicy.countingKey(key.hash, group: group)
        guard let entry = lines.entry(for: countingKey) else {
          reasons.append(nil)
          return
        }
        if keepFirst, entry.firstTask == taskIndex, entry.firstDocument == documentIndex,
          keptHere.insert(countingKey).inserted
        {
          reasons.append(nil)
          return
        }
        reasons.append(Self.ruleName)
      }
    }
    return LineRemoval(reasons: reasons)
  }
}
