/// What normalization did: repairs by kind, transliterated and dropped characters. A
/// `Sendable` value that workers fill and the report merges; coded with snake_case keys:
///
/// ```json
/// {"documents": 120, "changed_documents": 31, "bytes_in": 51200, "bytes_out": 50877,
///  "repairs": {"entities": 4, "mojibake": 2, "replacement_characters": 0, "controls": 1,
///              "invisible": 3, "unicode_spaces": 12, "whitespace": 40, "nfc": 0},
///  "transliterated": {"total": 80, "distinct": 9, "top": [{"code_point": "U+201C", "character": "“", "count": 21}, …]},
///  "dropped": {"total": 5, "distinct": 2, "top": […]},
///  "transliteration_failures": 0}
/// ```
public struct NormalizationStats: Sendable, Equatable, Codable {
  /// Documents (or lines, for `dacorpus normalize`) normalized.
  public var documents = 0
  /// Of those, how many came out different.
  public var changedDocuments = 0
  /// UTF-8 bytes in.
  public var bytesIn = 0
  /// UTF-8 bytes out.
  public var bytesOut = 0
  /// Repairs, by kind.
  public var repairs = RepairCounts()
  /// Characters outside the kept set that went to transliteration, by code point.
  public var transliterated = CodePointCounts()
  /// Characters still outside the kept set after transliteration, dropped or replaced, by
  /// code point.
  public var dropped = CodePointCounts()
  /// Runs ICU failed on (left as they were, then filtered).
  ///
  /// Expected to stay 0.
  public var transliterationFailures = 0

  /// Nothing counted.
  public init() {}

  /// Adds `other`'s counts to these.
  public mutating func merge(_ other: NormalizationStats) {
    documents += other.documents
    changedDocuments += other.changedDocuments
    bytesIn += other.bytesIn
    bytesOut += other.bytesOut
    repairs.merge(other.repairs)
    transliterated.merge(other.transliterated)
    dropped.merge(other.dropped)
    transliterationFailures += other.transliterationFailures
  }

  enum CodingKeys: String, CodingKey {
    case documents
    case changedDocuments = "changed_documents"
    case bytesIn = "bytes_in"
    case bytesOut = "bytes_out"
    case repairs, transliterated, dropped
    case transliterationFailures = "transliteration_failures"
  }
}

/// Repairs by kind (the keys of `repairs` in a report).
public struct RepairCounts: Sendable, Equatable, Codable {
  /// Character references decoded.
  public var entities = 0
  /// Mojibake sequences repaired (a doubly broken one counts twice).
  public var mojibake = 0
  /// U+FFFD replacement characters found after repair (debris of earlier bad decoding,
  /// including repaired `ï¿½`); counted, not removed here.
  public var replacementCharacters = 0
  /// C0/C1 control characters removed (CR included).
  public var controls = 0
  /// Soft hyphens, BOMs, zero-width and bidirectional formatting characters removed.
  public var invisible = 0
  /// Unicode spaces turned into ASCII spaces.
  public var unicodeSpaces = 0
  /// Collapsed runs of spaces, trimmed line ends and removed empty lines.
  public var whitespace = 0
  /// Segments NFC changed.
  public var nfc = 0

  /// Nothing counted.
  public init() {}

  /// The sum over all kinds.
  public var total: Int {
    entities + mojibake + replacementCharacters + controls + invisible + unicodeSpaces + whitespace + nfc
  }

  /// Adds `other`'s counts to these.
  public mutating func merge(_ other: RepairCounts) {
    entities += other.entities
    mojibake += other.mojibake
    replacementCharacters += other.replacementCharacters
    controls += other.controls
    invisible += other.invisible
    unicodeSpaces += other.unicodeSpaces
    whitespace += other.whitespace
    nfc += other.nfc
  }

  enum CodingKeys: String, CodingKey {
    case entities, mojibake
    case replacementCharacters = "replacement_characters"
    case controls, invisible
    case unicodeSpaces = "unicode_spaces"
    case whitespace, nfc
  }
}
