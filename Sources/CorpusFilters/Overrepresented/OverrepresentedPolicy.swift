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

/// The domain of a document for the `min_domains` rule.
public enum DomainKey {
  /// "No domain known": such documents each count as their own domain.
  public static let unknown: UInt64 = 0

  /// The key of the host of `url` (lower-cased, a leading `www.` dropped), or ``unknown`` when
  /// `url` is `nil` or has no host.
  public static func of(url: String?) -> UInt64 {
    guard let url else { return unknown }
    if let host = url.utf8.withContiguousStorageIfAvailable(asciiHost) ?? nil {
      return host.withUnsafeBytes(key(ofHost:))
    }
    guard let host = host(of: url) else { return unknown }
    return Array(host.utf8).withUnsafeBytes(key(ofHost:))
  }

  /// The key of a host's lower-cased UTF-8 bytes (``unknown`` when empty).
  private static func key(ofHost bytes: UnsafeRawBufferPointer) -> UInt64 {
    guard bytes.count > 0 else { return unknown }
    let key = XXHash64.hash(bytes, seed: 0x646F_6D61_696E)  // "domain"
    return key == unknown ? 1 : key
  }

  /// Where the host of `url` starts: after the first `://` that comes before any `/`, `?` or
  /// `#`; else at 0.
  static func hostStart(_ url: UnsafeBufferPointer<UInt8>) -> Int {
    guard url.count >= 3 else { return 0 }
    for i in 0..<(url.count - 2) {
      if url[i] == 0x2F || url[i] == 0x3F || url[i] == 0x23 { break }  // / ? # before any scheme
      if url[i] == 0x3A && url[i + 1] == 0x2F && url[i + 2] == 0x2F { return i + 3 }
    }
    return 0
  }

  /// ``host(of:)`` as bytes (empty for no host), found on the bytes of `url` when those from
  /// the host's start through the byte after its end are ASCII (there bytes are characters,
  /// whatever the path holds); `nil` otherwise.
  ///
  /// - Complexity: O(k) in the bytes up to the host's end.
  static func asciiHost(_ url: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    var start = hostStart(url)
    var end = start
    while end < url.count, url[end] != 0x2F, url[end] != 0x3F, url[end] != 0x23 {
      if url[end] >= 0x80 { return nil }
      end += 1
    }
    // A combining mark after the delimiter would make it part of another character.
    if end + 1 < url.count && url[end + 1] >= 0x80 { return nil }
    for i in stride(from: end - 1, through: start, by: -1) where url[i] == 0x40 {  // after the last @
      start = i + 1
      break
    }
    for i in start..<end where url[i] == 0x3A {
      end = i
      break
    }
    var host = url[start..<end].map(ASCII.lowercased)
    if host.starts(with: [0x77, 0x77, 0x77, 0x2E]) { host.removeFirst(4) }  // www.
    return host
  }

  /// The host of `url`: between `://` (or the start) and the next `/`, `?`, `#` or `:`,
  /// without user info, lower-cased, without a leading `www.`.
  public static func host(of url: String) -> String? {
    if let host = url.utf8.withContiguousStorageIfAvailable(asciiHost) ?? nil {
      return host.isEmpty ? nil : String(decoding: host, as: UTF8.self)
    }
    return characterHost(of: url)
  }

  /// ``host(of:)`` found character by character (any host, e.g. `blåbær.dk`).
  static func characterHost(of url: String) -> String? {
    let bytes = Array(url.utf8)
    var rest = Substring(String(decoding: bytes[bytes.withUnsafeBufferPointer(hostStart)...], as: UTF8.self))
    if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
    if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
    if let colon = rest.firstIndex(of: ":") { rest = rest[..<colon] }
    var host = rest.lowercased()
    if host.hasPrefix("www.") { host.removeFirst(4) }
    return host.isEmpty ? nil : host
  }
}
