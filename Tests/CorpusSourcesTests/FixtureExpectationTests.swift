import CorpusIO
import CorpusSources
import Foundation
import Testing

/// Reads every reader fixture as `Fixtures/expected.json` describes it and checks the documents,
/// issues and record count at every chunking.
///
/// `expected.json` and `EXPECTED.md` are both written by `scripts/make_reader_fixtures.py` from
/// the same values; change the script, not the files.
@Suite struct FixtureExpectationTests {
  static let loaded = Result { try FixtureCase.loadAll() }
  static let cases = (try? loaded.get()) ?? []

  @Test func expectationsLoad() throws {
    let cases = try Self.loaded.get()
    #expect(!cases.isEmpty)
    #expect(Set(cases.map(\.name)).count == cases.count, "case names are unique")
  }

  @Test(arguments: cases)
  func fixtureReadsAsExpected(_ expected: FixtureCase) throws {
    if let bug = expected.knownBug {
      withKnownIssue(Comment(rawValue: bug)) { try check(expected) }
    } else {
      try check(expected)
    }
  }

  private func check(_ expected: FixtureCase) throws {
    let format = try #require(SourceFormat(rawValue: expected.format), "unknown format '\(expected.format)'")
    let unit = InputUnit(format: format, path: fixture(expected.path), companions: expected.companions.map(fixture))
    let outcome = try readAtEveryChunking(unit, options: try expected.readerOptions())
    checkDocuments(outcome.documents, expected)
    checkIssues(outcome.log.issues, expected.issues)
    if let records = expected.records {
      #expect(outcome.log.recordsRead == records, "records read")
    }
  }

  private func checkDocuments(_ documents: [Document], _ expected: FixtureCase) {
    let ids = "got \(documents.map(\.id)), expected \(expected.documents.map(\.id))"
    if expected.prefixOnly {
      // Only a prefix is guaranteed: at least one document, none beyond the expected ones.
      #expect(!documents.isEmpty && documents.count <= expected.documents.count, "a non-empty prefix: \(ids)")
    } else {
      #expect(documents.count == expected.documents.count, "document count: \(ids)")
    }
    for (index, (document, want)) in zip(documents, expected.documents).enumerated() {
      let at = "document \(index + 1) (\(want.id))"
      #expect(sameScalars(document.id, want.id), "\(at): id \(String(reflecting: document.id))")
      #expect(
        sameScalars(document.text, want.text),
        "\(at): text \(String(reflecting: document.text)), expected \(String(reflecting: want.text))")
      #expect(document.created == want.created, "\(at): created")
      for (key, value) in want.metadata.sorted(by: { $0.key < $1.key }) {
        let wanted = value.jsonValue
        guard let actual = document.metadata[key] else {
          Issue.record("\(at): metadata '\(key)' is missing, expected \(compact(wanted))")
          continue
        }
        #expect(sameJSON(actual, wanted), "\(at): metadata '\(key)' is \(compact(actual)), expected \(compact(wanted))")
      }
    }
  }

  private func checkIssues(_ issues: [DataIssue], _ expected: [ExpectedIssue]) {
    #expect(
      issues.count == expected.count,
      "issue count: got \(issues.map(\.description)), expected \(expected.map(\.kind))")
    for (index, (issue, want)) in zip(issues, expected).enumerated() {
      let at = "issue \(index + 1) (\(issue))"
      #expect(issue.kind.rawValue == want.kind, "\(at): kind, expected \(want.kind)")
      #expect(issue.file.hasSuffix(want.fileSuffix), "\(at): file, expected …\(want.fileSuffix)")
      let location = issue.location.description
      if let wanted = want.location {
        #expect(location == wanted, "\(at): location, expected \(wanted)")
      }
      if let any = want.locationAny {
        #expect(any.contains(location), "\(at): location, expected one of \(any)")
      }
      if let range = want.byteRange {
        if case .byte(let offset) = issue.location {
          #expect(
            offset >= range[0] && offset < range[1], "\(at): location, expected a byte in [\(range[0]), \(range[1]))")
        } else {
          Issue.record("\(at): location, expected a byte in [\(range[0]), \(range[1]))")
        }
      }
      if let rejected = want.rejected {
        #expect(issue.rejected == rejected, "\(at): rejected")
      }
    }
  }
}

// MARK: - Expectations

/// One reading unit of `expected.json`.
struct FixtureCase: Decodable, Sendable, CustomTestStringConvertible {
  var name: String
  /// A `SourceFormat` raw value.
  var format: String
  /// Fixture-relative paths.
  var path: String
  var companions: [String]
  /// `ReaderOptions` coding keys; only the ones that are not at their defaults.
  var options: [String: ExpectedJSON]
  var documents: [ExpectedDocument]
  var issues: [ExpectedIssue]
  /// Expected `ReadLog.recordsRead`, or nil: not checked.
  var records: Int?
  /// Only a non-empty prefix of `documents` is guaranteed, as for a truncated archive.
  var prefixOnly: Bool
  /// A reader bug the case is known to hit: the case runs inside `withKnownIssue`.
  var knownBug: String?

  enum CodingKeys: String, CodingKey {
    case name, format, path, companions, options, documents, issues, records
    case prefixOnly = "prefix_only"
    case knownBug = "known_bug"
  }

  var testDescription: String { name }

  static func loadAll() throws -> [FixtureCase] {
    let data = try Data(contentsOf: URL(fileURLWithPath: fixture("expected.json")))
    return try JSONDecoder().decode([FixtureCase].self, from: data)
  }

  /// The options, set field by field from their `pipeline.yaml` names.
  func readerOptions() throws -> ReaderOptions {
    var result = ReaderOptions()
    for (key, value) in options.sorted(by: { $0.key < $1.key }) {
      switch (key, value) {
      case ("group_by_source", .bool(let flag)): result.groupBySource = flag
      case ("group_lines", .integer(let count)): result.groupLines = count
      case ("include_math", .bool(let flag)): result.includeMath = flag
      case ("include_tables", .bool(let flag)): result.includeTables = flag
      case ("include_disambiguation", .bool(let flag)): result.includeDisambiguation = flag
      case ("include_title", .bool(let flag)): result.includeTitle = flag
      case ("invalid_utf8", .string(let policy)):
        result.invalidUTF8 = try #require(ReaderOptions.InvalidUTF8Policy(rawValue: policy), "invalid_utf8: \(policy)")
      default:
        Issue.record("unknown reader option \(key): \(value)")
      }
    }
    return result
  }
}

struct ExpectedDocument: Decodable, Sendable {
  var id: String
  var text: String
  /// Nil: the document must have no `created`.
  var created: String?
  /// The keys to check; the document may have more.
  var metadata: [String: ExpectedJSON]
}

struct ExpectedIssue: Decodable, Sendable {
  var kind: String
  /// The end of the issue's file path (`archive.tar.gz:member` for archive members).
  var fileSuffix: String
  /// `line N`, `byte N` or `file`; nil: not checked (or checked by `locationAny`/`byteRange`).
  var location: String?
  /// Acceptable locations, when more than one is.
  var locationAny: [String]?
  /// `[lo, hi)`: the location must be a byte offset in this range.
  var byteRange: [Int64]?
  /// Nil: not checked.
  var rejected: Bool?

  enum CodingKeys: String, CodingKey {
    case kind, location, rejected
    case fileSuffix = "file_suffix"
    case locationAny = "location_any"
    case byteRange = "byte_range"
  }
}

/// A JSON value of `expected.json`, decoded by Foundation (independently of CorpusIO's parser).
///
/// Integers and fractions are told apart, since Python writes `3` and `3.0` differently.
enum ExpectedJSON: Decodable, Sendable, CustomStringConvertible {
  case null
  case bool(Bool)
  case integer(Int)
  case double(Double)
  case string(String)
  case array([ExpectedJSON])
  case object([String: ExpectedJSON])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let flag = try? container.decode(Bool.self) {
      self = .bool(flag)
    } else if let integer = try? container.decode(Int.self) {
      self = .integer(integer)
    } else if let double = try? container.decode(Double.self) {
      self = .double(double)
    } else if let string = try? container.decode(String.self) {
      self = .string(string)
    } else if let array = try? container.decode([ExpectedJSON].self) {
      self = .array(array)
    } else {
      self = .object(try container.decode([String: ExpectedJSON].self))
    }
  }

  /// The same value as a `JSONValue`; object keys sorted (key order is not part of the expectation).
  var jsonValue: JSONValue {
    switch self {
    case .null: .null
    case .bool(let flag): .bool(flag)
    case .integer(let integer): .number(String(integer))
    case .double(let double): .number(String(double))
    case .string(let string): .string(string)
    case .array(let array): .array(array.map(\.jsonValue))
    case .object(let object):
      .object(JSONObject(object.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value.jsonValue) }))
    }
  }

  var description: String { compact(jsonValue) }
}

// MARK: - Comparison

/// Unicode scalar equality: Swift's `String ==` would merge NFC and NFD.
func sameScalars(_ a: String, _ b: String) -> Bool {
  a.unicodeScalars.elementsEqual(b.unicodeScalars)
}

/// JSON equality as the expectations mean it: numbers by value (an integer lexeme like `3` as an
/// integer, anything else as the nearest `Double`), strings by scalars, objects by key regardless
/// of member order.
func sameJSON(_ actual: JSONValue, _ expected: JSONValue) -> Bool {
  switch (actual, expected) {
  case (.null, .null): return true
  case (.bool(let a), .bool(let b)): return a == b
  case (.number(let a), .number(let b)):
    if let x = Int(a), let y = Int(b) { return x == y }
    guard let x = Double(a), let y = Double(b) else { return false }
    return x == y
  case (.string(let a), .string(let b)): return sameScalars(a, b)
  case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { sameJSON($0, $1) }
  case (.object(let a), .object(let b)):
    guard a.count == b.count, Set(a.keys) == Set(b.keys) else { return false }
    return b.members.allSatisfy { member in a[member.key].map { sameJSON($0, member.value) } ?? false }
  default: return false
  }
}

/// A value as compact JSON, for messages.
func compact(_ value: JSONValue) -> String {
  var writer = JSONWriter(capacity: 256)
  writer.write(value)
  return String(decoding: writer.bytes, as: UTF8.self)
}
