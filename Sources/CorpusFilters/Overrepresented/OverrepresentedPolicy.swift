/// Which documents' lines are counted together, which lines count at all, and how a counted
/// line is keyed: the part of ``OverrepresentedConfig`` that both the ingest phase (counting)
/// and the finish phase (removing) apply, so the two always agree.
public struct OverrepresentedPolicy: Sendable, Equatable {
  /// The config.
  public let config: OverrepresentedConfig
  /// Normalized hashes of the allowlisted lines.
  public let allowlist: Set<UInt64>
  private let groups: [UInt32?]

  /// A policy for sources given in pipeline order by name and web flag.
  public init(config: OverrepresentedConfig, sources: [(name: String, web: Bool)]) {
    self.config = config
    var normalizer = LineNormalizer()
    allowlist = Set(config.allowlist.map { normalizer.key($0).hash })
    let exempt = Set(config.exempt)
    groups = sources.enumerated().map { index, source in
      guard config.enabled, !exempt.contains(source.name) else { return nil }
      switch config.scope {
      case .web: return source.web ? 0 : nil
      case .all: return 0
      case .source: return UInt32(truncatingIfNeeded: index)
      }
    }
  }

  public static func == (a: OverrepresentedPolicy, b: OverrepresentedPolicy) -> Bool {
    a.config == b.config && a.groups == b.groups
  }

  /// The counting group of the source at `index` in pipeline order, or `nil` when its lines
  /// are neither counted nor removed (out of scope, exempt, or the filter is off).
  public func group(forSource index: Int) -> UInt32? {
    index >= 0 && index < groups.count ? groups[index] : nil
  }

  /// Whether a line with `key` is counted (and may be removed): long enough and not allowlisted.
  @inline(__always)
  public func counts(_ key: LineKey) -> Bool {
    key.length >= config.minLength && key.length > 0 && !allowlist.contains(key.hash)
  }

  /// The key under which a line is counted in `group`: the line hash itself for group 0, a
  /// mix of both otherwise (so `scope: source` counts each source apart).
  @inline(__always)
  public static func countingKey(_ lineHash: UInt64, group: UInt32) -> UInt64 {
    group == 0 ? lineHash : MurmurHash3.fmix64(lineHash &+ UInt64(group) &* 0x9E37_79B9_7F4A_7C15)
  }
}
