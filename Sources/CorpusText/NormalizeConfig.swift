import CorpusIO

/// The `normalize:` block of `pipeline.yaml` (DESIGN.md §6): text repair, then
/// transliteration to ASCII keeping a set of characters.
///
/// ```yaml
/// normalize:
///   repair: {entities: true, mojibake: true, controls: true, whitespace: true, nfc: true}
///   transliterate: {keep: "æøåÆØÅ§", leftovers: drop}
/// ```
///
/// Every key is optional (the defaults are what a Danish ELECTRA corpus needs), every block
/// takes `enabled: false`, and unknown keys are errors that name their path.
public struct NormalizeConfig: Codable, Sendable, Equatable {
  /// `false` passes text through unchanged.
  public var enabled = true
  /// Which repairs run.
  public var repair = RepairConfig()
  /// Transliteration to ASCII.
  public var transliterate = TransliterateConfig()

  /// The defaults.
  public init() {}

  enum CodingKeys: String, CodingKey, CaseIterable {
    case enabled, repair, transliterate
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let defaults = NormalizeConfig()
    enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled) ?? defaults.enabled
    repair = try container.decodeIfPresent(RepairConfig.self, forKey: .repair) ?? defaults.repair
    transliterate =
      try container.decodeIfPresent(TransliterateConfig.self, forKey: .transliterate) ?? defaults.transliterate
  }
}

/// `normalize.repair`: each repair on its own switch, all on by default.
public struct RepairConfig: Codable, Sendable, Equatable {
  /// `false` turns every repair off.
  public var enabled = true
  /// Decode HTML/XML character references (`&amp;`, `&aring;`, `&#229;`) once.
  public var entities = true
  /// Repair UTF-8 that was decoded as Windows-1252 or Latin-1 (`pÃ¥` → `på`), also twice.
  public var mojibake = true
  /// Remove C0/C1 controls (TAB and LF stay, CR goes), soft hyphens, BOMs, zero-width and
  /// bidirectional formatting characters.
  public var controls = true
  /// Unicode spaces to ASCII spaces, runs of spaces to one, lines trimmed, empty lines
  /// collapsed to one (and none at the start or end).
  public var whitespace = true
  /// Unicode NFC before transliteration.
  public var nfc = true

  /// The defaults: everything on.
  public init() {}

  /// Everything off.
  public static let none: RepairConfig = {
    var config = RepairConfig()
    config.enabled = false
    config.entities = false
    config.mojibake = false
    config.controls = false
    config.whitespace = false
    config.nfc = false
    return config
  }()

  enum CodingKeys: String, CodingKey, CaseIterable {
    case enabled, entities, mojibake, controls, whitespace, nfc
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let defaults = RepairConfig()
    enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled) ?? defaults.enabled
    entities = try container.decodeIfPresent(Bool.self, forKey: .entities) ?? defaults.entities
    mojibake = try container.decodeIfPresent(Bool.self, forKey: .mojibake) ?? defaults.mojibake
    controls = try container.decodeIfPresent(Bool.self, forKey: .controls) ?? defaults.controls
    whitespace = try container.decodeIfPresent(Bool.self, forKey: .whitespace) ?? defaults.whitespace
    nfc = try container.decodeIfPresent(Bool.self, forKey: .nfc) ?? defaults.nfc
  }
}

/// `normalize.transliterate`: ICU `Any-Latin` then `Latin-ASCII`, keeping `keep`.
public struct TransliterateConfig: Codable, Sendable, Equatable {
  /// What happens to a character still outside the kept set after transliteration.
  public enum Leftovers: String, Codable, Sendable, CaseIterable {
    /// Remove it.
    case drop
    /// Replace it with ``TransliterateConfig/replacement``.
    case replace
  }

  /// `false` skips transliteration (repair still runs).
  public var enabled = true
  /// Characters kept besides printable ASCII, TAB and LF.
  public var keep = "æøåÆØÅ§"
  /// `drop` or `replace`.
  public var leftovers = Leftovers.drop
  /// What each leftover character becomes under `leftovers: replace`.
  public var replacement = "?"

  /// The defaults: Danish, leftovers dropped.
  public init() {}

  /// The kept set.
  public var keepSet: KeepSet { KeepSet(keep) }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case enabled, keep, leftovers, replacement
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let defaults = TransliterateConfig()
    enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled) ?? defaults.enabled
    keep = try container.decodeIfPresent(String.self, forKey: .keep) ?? defaults.keep
    replacement = try container.decodeIfPresent(String.self, forKey: .replacement) ?? defaults.replacement
    if let name = try container.decodeIfPresent(String.self, forKey: .leftovers) {
      guard let value = Leftovers(rawValue: name) else {
        throw DecodingError.dataCorruptedError(
          forKey: .leftovers, in: container,
          debugDescription: "unknown value '\(name)'; expected one of: "
            + Leftovers.allCases.map(\.rawValue).joined(separator: ", "))
      }
      leftovers = value
    }
    let isControl: (Unicode.Scalar) -> Bool = {
      ($0.value < 0x20 && $0.value != 0x09 && $0.value != 0x0A) || ($0.value >= 0x7F && $0.value < 0xA0)
    }
    if keep.unicodeScalars.contains(where: isControl) {
      throw DecodingError.dataCorruptedError(
        forKey: .keep, in: container, debugDescription: "control characters cannot be kept; remove them from keep")
    }
  }
}
