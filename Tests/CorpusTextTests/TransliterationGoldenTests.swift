import CorpusIO
import CorpusText
import Foundation
import Testing

/// One case of a golden fixture: an input line and what `uconv` plus the kept-set filter make
/// of it.
struct GoldenCase {
  var input: String
  var expected: String
  /// uconv's own output, before the kept-set filter.
  var uconv: String
}

/// Reads a fixture made by `scripts/make_normalize_fixtures.py`.
func goldenCases(_ name: String) throws -> [GoldenCase] {
  let path = Fixtures.directory.appendingPathComponent(name).path
  let decoded = try Compression.openDecoded(path: path)
  let bytes = try decoded.source.readAll()
  var cases: [GoldenCase] = []
  for line in bytes.split(separator: UInt8(ascii: "\n")) {
    let value = try JSONParser.parse(Array(line))
    let input = try #require(value["input"]?.stringValue)
    let expected = try #require(value["expected"]?.stringValue)
    cases.append(GoldenCase(input: input, expected: expected, uconv: value["uconv"]?.stringValue ?? expected))
  }
  return cases
}

@Suite("Transliteration equals uconv")
struct TransliterationGoldenTests {
  static let fixtures: [(file: String, keep: KeepSet, replacement: String?)] = [
    ("translit-bmp-changed.jsonl.gz", .danish, nil),
    ("translit-blocks.jsonl.gz", .danish, nil),
    ("translit-sentences.jsonl.gz", .danish, nil),
    ("translit-combining.jsonl.gz", .danish, nil),
    ("translit-symbols.jsonl.gz", .danish, nil),
    ("translit-keep-sv.jsonl.gz", KeepSet("äöåÄÖÅ"), nil),
    ("translit-keep-de.jsonl.gz", KeepSet("äöüßÄÖÜ"), nil),
    ("translit-replace-question-mark.jsonl.gz", .danish, "?"),
  ]

  @Test("The fixtures were made with this ICU version")
  func icuVersion() throws {
    let meta = try JSONParser.parse(Fixtures.text("translit-meta.json"))
    let uconv = try #require(meta["uconv"]?.stringValue)
    #expect(uconv.hasSuffix("ICU \(ICU.version)"), "fixtures from \(uconv), linked ICU \(ICU.version)")
  }

  @Test("Zero differences, line by line and as one text", arguments: fixtures.indices)
  func golden(_ index: Int) throws {
    let fixture = Self.fixtures[index]
    let cases = try goldenCases(fixture.file)
    #expect(!cases.isEmpty)
    let transliterator = try Transliterator(keep: fixture.keep, replacement: fixture.replacement)
    var differences: [String] = []
    for item in cases {
      let got = transliterator.transliterate(item.input)
      if got != item.expected {
        differences.append(
          "\(item.input.debugDescription) → \(got.debugDescription), uconv \(item.expected.debugDescription)")
      }
    }
    #expect(
      differences.isEmpty,
      "\(fixture.file): \(differences.count) differences:\n\(differences.prefix(20).joined(separator: "\n"))")

    // All lines at once: the same results, whatever else is in the text.
    let whole = transliterator.transliterate(cases.map(\.input).joined(separator: "\n"))
    let lines = whole.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.count == cases.count)
    var wholeDifferences = 0
    for (line, item) in zip(lines, cases) where line != item.expected { wholeDifferences += 1 }
    #expect(wholeDifferences == 0, "\(fixture.file): \(wholeDifferences) differences as one text")

    // What ICU left over must match too, not only what survives the drop: replace each
    // leftover with a marker and compare with uconv's raw output, marked the same way.
    guard fixture.replacement == nil else { return }
    let marking = try Transliterator(keep: fixture.keep, replacement: "\u{1}")
    var leftoverDifferences: [String] = []
    for item in cases {
      var marked = ""
      for scalar in item.uconv.unicodeScalars {
        marked.unicodeScalars.append(fixture.keep.contains(scalar) ? scalar : "\u{1}")
      }
      let got = marking.transliterate(item.input)
      if got != marked {
        leftoverDifferences.append(
          "\(item.input.debugDescription) → \(got.debugDescription), uconv \(item.uconv.debugDescription)")
      }
    }
    #expect(
      leftoverDifferences.isEmpty,
      "\(fixture.file): \(leftoverDifferences.count) differences in leftovers:\n\(leftoverDifferences.prefix(20).joined(separator: "\n"))"
    )
  }
}
