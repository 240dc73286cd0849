/// The characters transliteration keeps as they are: printable ASCII (U+0020–U+007E), TAB and
/// LF always, plus a configurable set (`æøåÆØÅ§` for Danish).
///
/// Everything else is handed to ICU (`Any-Latin`, then `Latin-ASCII`, each filtered to leave
/// the kept characters alone), and whatever is still outside the set afterwards is dropped or
/// replaced.
public struct KeepSet: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// The configured characters beyond printable ASCII, TAB and LF, as Unicode scalars in the
  /// order given, without duplicates.
  public let extra: [Unicode.Scalar]
  private let members: Set<UInt32>

  /// The Danish set: `æøåÆØÅ§`.
  public static let danish = KeepSet("æøåÆØÅ§")
  /// The Swedish set: `äöåÄÖÅ`.
  public static let swedish = KeepSet("äöåÄÖÅ")
  /// The German set: `äöüßÄÖÜ`.
  public static let german = KeepSet("äöüßÄÖÜ")

  /// A set of printable ASCII, TAB, LF and the scalars of `characters` (each Unicode scalar
  /// counts on its own; give precomposed characters, as NFC would).
  public init(_ characters: String) {
    var seen = Set<UInt32>()
    var extra: [Unicode.Scalar] = []
    for scalar in characters.unicodeScalars where !KeepSet.alwaysKept(scalar.value) {
      if seen.insert(scalar.value).inserted { extra.append(scalar) }
    }
    self.extra = extra
    self.members = seen
  }

  /// `true` for printable ASCII, TAB and LF.
  @inline(__always)
  static func alwaysKept(_ value: UInt32) -> Bool {
    (value >= 0x20 && value < 0x7F) || value == 0x09 || value == 0x0A
  }

  /// Whether `scalar` is kept.
  public func contains(_ scalar: Unicode.Scalar) -> Bool { contains(scalar.value) }

  /// Whether the code point `value` is kept.
  public func contains(_ value: UInt32) -> Bool { KeepSet.alwaysKept(value) || members.contains(value) }

  /// The configured characters as a string.
  public var characters: String {
    var result = ""
    result.unicodeScalars.append(contentsOf: extra)
    return result
  }

  public var description: String { characters }

  /// The ICU filter that leaves the configured characters alone (`[^\u00E6\u00F8…]`).
  ///
  /// Empty when there are no configured characters.
  var icuFilter: String {
    if extra.isEmpty { return "" }
    var filter = "[^"
    for scalar in extra {
      let hex = String(scalar.value, radix: 16, uppercase: true)
      filter +=
        scalar.value > 0xFFFF
        ? "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
        : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
    return filter + "]"
  }

  /// The ICU rules of the whole transliteration:
  /// `::[^æøåÆØÅ§] Any-Latin; ::[^æøåÆØÅ§] Latin-ASCII;` for the Danish set.
  public var icuRules: String { anyLatinRule + " " + latinASCIIRule }

  /// The first of the two rules, `::[^…] Any-Latin;`.
  var anyLatinRule: String { icuFilter.isEmpty ? "::Any-Latin;" : "::\(icuFilter) Any-Latin;" }

  /// The second of the two rules, `::[^…] Latin-ASCII;`.
  var latinASCIIRule: String { icuFilter.isEmpty ? "::Latin-ASCII;" : "::\(icuFilter) Latin-ASCII;" }
}
