import CorpusText
import Foundation
import Testing

@Suite struct NormalizeConfigTests {
  func decode(_ json: String) throws -> NormalizeConfig {
    try JSONDecoder().decode(NormalizeConfig.self, from: Data(json.utf8))
  }

  @Test("An empty block means the Danish defaults")
  func defaults() throws {
    let config = try decode("{}")
    #expect(config == NormalizeConfig())
    #expect(config.enabled && config.repair.enabled && config.transliterate.enabled)
    #expect(config.repair.entities && config.repair.mojibake && config.repair.controls)
    #expect(config.repair.whitespace && config.repair.nfc)
    #expect(config.transliterate.keep == "æøåÆØÅ§")
    #expect(config.transliterate.leftovers == .drop)
  }

  @Test("The DESIGN.md example decodes")
  func example() throws {
    let config = try decode(
      """
      {"repair": {"entities": true, "mojibake": false, "controls": true, "whitespace": true, "nfc": true},
       "transliterate": {"keep": "äöÄÖ", "leftovers": "replace", "replacement": "_"}}
      """)
    #expect(!config.repair.mojibake)
    #expect(config.transliterate.keepSet == KeepSet("äöÄÖ"))
    #expect(config.transliterate.leftovers == .replace)
    #expect(config.transliterate.replacement == "_")
  }

  @Test(
    "Unknown keys are errors that name their path",
    arguments: [
      (#"{"repiar": {}}"#, ["repiar"]),
      (#"{"repair": {"entitys": true}}"#, ["repair", "entitys"]),
      (#"{"transliterate": {"kep": "æ"}}"#, ["transliterate", "kep"]),
    ])
  func unknownKeys(_ json: String, _ path: [String]) throws {
    do {
      _ = try decode(json)
      Issue.record("no error for \(json)")
    } catch DecodingError.dataCorrupted(let context) {
      #expect(context.codingPath.map(\.stringValue) == path)
      #expect(context.debugDescription.contains("unknown key"))
    }
  }

  @Test("A bad leftovers value says what to write")
  func badLeftovers() throws {
    do {
      _ = try decode(#"{"transliterate": {"leftovers": "delete"}}"#)
      Issue.record("no error")
    } catch DecodingError.dataCorrupted(let context) {
      #expect(context.codingPath.map(\.stringValue) == ["transliterate", "leftovers"])
      #expect(context.debugDescription.contains("drop, replace"))
    }
  }

  @Test("Control characters cannot be kept")
  func controlsInKeep() {
    #expect(throws: DecodingError.self) { try decode(#"{"transliterate": {"keep": "æ\r"}}"#) }
  }

  @Test("Round trip through JSON, snake_case keys")
  func roundTrip() throws {
    var config = NormalizeConfig()
    config.repair.nfc = false
    config.transliterate.keep = "äöüßÄÖÜ"
    let data = try JSONEncoder().encode(config)
    #expect(try JSONDecoder().decode(NormalizeConfig.self, from: data) == config)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("\"leftovers\":\"drop\""))
  }

  @Test("Keep sets and the ICU rules they make")
  func keepSets() {
    #expect(
      KeepSet.danish.icuRules
        == #"::[^\u00E6\u00F8\u00E5\u00C6\u00D8\u00C5\u00A7] Any-Latin; ::[^\u00E6\u00F8\u00E5\u00C6\u00D8\u00C5\u00A7] Latin-ASCII;"#
    )
    #expect(KeepSet("").icuRules == "::Any-Latin; ::Latin-ASCII;")
    #expect(KeepSet("abcæ").extra.map(\.value) == [0xE6])
    #expect(KeepSet.danish.contains("\t") && KeepSet.danish.contains("~") && !KeepSet.danish.contains("\r"))
  }
}

@Suite struct NormalizationStatsTests {
  @Test("Counts repairs by kind, transliterated and dropped code points; merges; codes snake_case")
  func stats() throws {
    var a = try TextNormalizer()
    _ = a.normalize("p&aring; “x” 😀")
    var b = try TextNormalizer()
    _ = b.normalize("ogsÃ¥ “y”\u{A0}")
    var merged = a.stats
    merged.merge(b.stats)
    #expect(merged.documents == 2)
    #expect(merged.repairs.entities == 1)
    #expect(merged.repairs.mojibake == 1)
    #expect(merged.repairs.unicodeSpaces == 1)
    #expect(merged.transliterated.counts[0x201C] == 2)
    #expect(merged.transliterated.counts[0x1F600] == 1)
    #expect(merged.dropped.counts[0x1F600] == 1)
    #expect(merged.dropped.total == 1)

    let json = String(decoding: try JSONEncoder().encode(merged), as: UTF8.self)
    for key in [
      "changed_documents", "bytes_in", "bytes_out", "replacement_characters", "unicode_spaces",
      "transliteration_failures", "code_point", "\"U+201C\"",
    ] {
      #expect(json.contains(key), "\(key) in \(json)")
    }
    let decoded = try JSONDecoder().decode(NormalizationStats.self, from: Data(json.utf8))
    #expect(decoded.repairs == merged.repairs)
    #expect(decoded.transliterated.total == merged.transliterated.total)
    #expect(decoded.transliterated.counts == merged.transliterated.counts)

    var normalizer = a
    let taken = normalizer.takeStats()
    #expect(taken.documents == 1)
    #expect(normalizer.stats.documents == 0 && normalizer.stats.transliterated.total == 0)
  }

  @Test("The coded form lists the most frequent code points only")
  func top() throws {
    var counts = CodePointCounts()
    for value in UInt32(0x4E00)..<0x4E00 + 80 { counts.add(value, count: Int(value - 0x4E00) + 1) }
    #expect(counts.top(3).map(\.value) == [0x4E4F, 0x4E4E, 0x4E4D])
    let decoded = try JSONDecoder().decode(CodePointCounts.self, from: JSONEncoder().encode(counts))
    #expect(decoded.counts.count == CodePointCounts.reportedLimit)
    #expect(decoded.total == counts.total)
    #expect(decoded.distinct == 80)
  }
}
