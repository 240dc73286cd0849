import Testing

@testable import CorpusIO

/// Exact fixture lines from shared/reference/formats.md (§1.4, §1.5, §5.2).
enum JSONFixtures {
  static let oscar2201 =
    #"{"content":"Velkommen til Cykelbutikken\nVi sælger brugte cykler og reservedele.\nÅbent alle hverdage 10-17","warc_headers":{"warc-target-uri":"https://www.eksempel.dk/om-os","warc-date":"2021-12-01T08:15:30Z","warc-record-id":"<urn:uuid:6f1d2c3b-8a9e-4b7c-9d0e-1f2a3b4c5d6e>","content-type":"text/plain","warc-type":"conversion","content-length":"2313","warc-refers-to":"<urn:uuid:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d>","warc-identified-content-language":"dan,eng","warc-block-digest":"sha1:QWERTYUIOPASDFGHJKLZXCVBNM234567"},"metadata":{"identification":{"label":"da","prob":0.9312467},"annotation":["tiny"],"sentence_identifications":[{"label":"da","prob":0.9512341},{"label":"da","prob":0.99871236},null]}}"#

  /// 22.01 with `"annotation":null` and U+FEFF inside `content`.
  static let oscar2201NullAnnotation =
    "{\"content\":\"\u{FEFF}Forside\\nKontakt os\",\"warc_headers\":{\"warc-record-id\":\"<urn:uuid:00000000-0000-4000-8000-000000000001>\",\"warc-target-uri\":\"https://eksempel.dk/\"},\"metadata\":{\"identification\":{\"label\":\"da\",\"prob\":0.88},\"annotation\":null,\"sentence_identifications\":[{\"label\":\"da\",\"prob\":0.9},null]}}"

  static let oscar2301 =
    #"{"content":"Nyt fra kommunen\nByrådet har vedtaget budgettet for næste år.","warc_headers":{"warc-record-id":"<urn:uuid:9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d>","content-type":"text/plain","warc-target-uri":"https://kommune.eksempel.dk/nyheder/budget","content-length":"1694","warc-date":"2022-11-30T14:05:09Z","warc-type":"conversion","warc-block-digest":"sha1:MNBVCXZLKJHGFDSAPOIUYTREWQ765432","warc-refers-to":"<urn:uuid:1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b>","warc-identified-content-language":"dan"},"metadata":{"identification":{"label":"da","prob":0.9771235},"harmful_pp":null,"tlsh":"tlsh:T1A2B3C4D5E6F70812","quality_warnings":["tiny","short_sentences"],"categories":null,"sentence_identifications":[{"label":"da","prob":0.9654321},{"label":"da","prob":0.9987654}]}}"#

  static let daNewsroom =
    #"{"url":"https:\/\/web.archive.org\/web\/20170105083000id_\/http:\/\/www.eksempel.dk:80\/nyheder\/ny-bro-aabner","archive":"https:\/\/web.archive.org\/web\/20170105083000id_\/http:\/\/www.eksempel.dk:80\/nyheder\/ny-bro-aabner","title":"Ny bro \u00e5bner i \u00e5r","date":null,"text":"Den nye bro over havnen \u00e5bner allerede til sommer, oplyser kommunen.\n\nBroen har v\u00e6ret undervejs i fem \u00e5r og har kostet 300 millioner kroner.","summary":"Den nye bro over havnen \u00e5bner allerede til sommer.","density":2.5,"coverage":0.8,"compression":20.5,"compression_bin":"medium","coverage_bin":"medium","density_bin":"mixed"}"#

  static let daNewsroomThin =
    #"{"density_bin":"mixed","archive":"https:\/\/web.archive.org\/web\/20170105083000id_\/http:\/\/www.eksempel.dk:80\/nyheder\/ny-bro-aabner","coverage":0.8,"date":null,"compression_bin":"medium","density":2.5,"coverage_bin":"medium","compression":20.5}"#
}

/// Parses `text` through the byte-buffer entry point.
private func parse(_ text: String, maxDepth: Int = JSONParser.defaultMaxDepth) throws(JSONError) -> JSONValue {
  try JSONParser.parse(Array(text.utf8), maxDepth: maxDepth)
}

/// The error that parsing `bytes` throws, or nil.
private func parseError(_ bytes: [UInt8], maxDepth: Int = JSONParser.defaultMaxDepth) -> JSONError? {
  do {
    _ = try JSONParser.parse(bytes, maxDepth: maxDepth)
    return nil
  } catch {
    return error
  }
}

private func compact(_ value: JSONValue) -> String {
  var writer = JSONWriter()
  writer.write(value)
  return String(decoding: writer.bytes, as: UTF8.self)
}

/// A small deterministic generator, so failures reproduce.
private struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

@Suite struct JSONParserTests {
  // MARK: Fixture lines

  @Test func oscar2201Fixture() throws {
    let record = try parse(JSONFixtures.oscar2201)
    let object = try #require(record.objectValue)
    #expect(object.keys == ["content", "warc_headers", "metadata"])
    #expect(
      record["content"]?.stringValue
        == "Velkommen til Cykelbutikken\nVi sælger brugte cykler og reservedele.\nÅbent alle hverdage 10-17")
    let headers = try #require(record["warc_headers"]?.objectValue)
    #expect(headers.keys.first == "warc-target-uri")
    #expect(headers.count == 9)
    #expect(headers["warc-record-id"]?.stringValue == "<urn:uuid:6f1d2c3b-8a9e-4b7c-9d0e-1f2a3b4c5d6e>")
    #expect(headers["warc-target-uri"]?.stringValue == "https://www.eksempel.dk/om-os")
    let metadata = try #require(record["metadata"])
    #expect(metadata["identification"]?["label"]?.stringValue == "da")
    #expect(metadata["identification"]?["prob"] == .number("0.9312467"))
    #expect(metadata["identification"]?["prob"]?.doubleValue == 0.9312467)
    #expect(metadata["annotation"] == ["tiny"])
    let sentences = try #require(metadata["sentence_identifications"]?.arrayValue)
    #expect(sentences.count == 3)
    #expect(sentences[1]["prob"]?.numberLexeme == "0.99871236")
    #expect(sentences[2].isNull)
    // One entry per LF-separated line of content.
    #expect(sentences.count == (record["content"]?.stringValue?.split(separator: "\n").count ?? 0))
  }

  @Test func oscar2201NullAnnotationAndBOMInContent() throws {
    let record = try parse(JSONFixtures.oscar2201NullAnnotation)
    #expect(record["metadata"]?["annotation"]?.isNull == true)
    let content = try #require(record["content"]?.stringValue)
    #expect(content.unicodeScalars.first == "\u{FEFF}")
    #expect(content == "\u{FEFF}Forside\nKontakt os")
  }

  @Test func oscar2301Fixture() throws {
    let record = try parse(JSONFixtures.oscar2301)
    let metadata = try #require(record["metadata"]?.objectValue)
    #expect(
      metadata.keys == [
        "identification", "harmful_pp", "tlsh", "quality_warnings", "categories", "sentence_identifications",
      ])
    #expect(metadata["harmful_pp"] == .null)
    #expect(metadata["tlsh"]?.stringValue == "tlsh:T1A2B3C4D5E6F70812")
    #expect(metadata["quality_warnings"] == ["tiny", "short_sentences"])
    #expect(metadata["categories"]?.isNull == true)
    #expect(record["content"]?.stringValue == "Nyt fra kommunen\nByrådet har vedtaget budgettet for næste år.")
    #expect(record["warc_headers"]?["warc-date"]?.stringValue == "2022-11-30T14:05:09Z")
  }

  @Test func daNewsroomUjsonEscapes() throws {
    let record = try parse(JSONFixtures.daNewsroom)
    let object = try #require(record.objectValue)
    #expect(
      object.keys == [
        "url", "archive", "title", "date", "text", "summary", "density", "coverage", "compression",
        "compression_bin", "coverage_bin", "density_bin",
      ])
    let archive = "https://web.archive.org/web/20170105083000id_/http://www.eksempel.dk:80/nyheder/ny-bro-aabner"
    #expect(record["url"]?.stringValue == archive)
    #expect(record["archive"]?.stringValue == archive)
    #expect(record["title"]?.stringValue == "Ny bro åbner i år")
    #expect(record["date"] == .null)
    #expect(
      record["text"]?.stringValue
        == "Den nye bro over havnen åbner allerede til sommer, oplyser kommunen.\n\nBroen har været undervejs i fem år og har kostet 300 millioner kroner."
    )
    #expect(record["density"] == .number("2.5"))
    #expect(record["coverage"]?.doubleValue == 0.8)
    #expect(record["compression"]?.numberLexeme == "20.5")
    #expect(record["density_bin"]?.stringValue == "mixed")

    let thin = try parse(JSONFixtures.daNewsroomThin)
    #expect(thin["archive"]?.stringValue == archive)
    #expect(thin.objectValue?.keys.first == "density_bin")
  }

  /// Compact, raw-UTF-8, unescaped-`/` input comes back byte for byte.
  @Test(arguments: [JSONFixtures.oscar2201, JSONFixtures.oscar2201NullAnnotation, JSONFixtures.oscar2301])
  func rewritingOSCARLinesIsByteIdentical(line: String) throws {
    #expect(compact(try parse(line)) == line)
  }

  /// ujson escapes come back as raw UTF-8 and plain `/`; the values survive.
  @Test func rewritingDaNewsroomKeepsValues() throws {
    let record = try parse(JSONFixtures.daNewsroom)
    let rewritten = compact(record)
    #expect(!rewritten.contains("\\u00e5"))
    #expect(!rewritten.contains("\\/"))
    #expect(rewritten.contains("\"title\":\"Ny bro åbner i år\""))
    #expect(try parse(rewritten) == record)
  }

  // MARK: Strings and escapes

  @Test func allEscapes() throws {
    let value = try parse(#""\"\\\/\b\f\n\r\t\u0000\u001f\u00e6\u00C6\u20ac""#)
    #expect(value == .string("\"\\/\u{08}\u{0C}\n\r\t\u{00}\u{1F}æÆ€"))
  }

  @Test func surrogatePairs() throws {
    #expect(try parse(#""\ud83d\ude00""#) == .string("😀"))
    #expect(try parse(#""a\uD83D\uDE00b\ud83c\udde9\ud83c\uddf0""#) == .string("a😀b🇩🇰"))
  }

  @Test(arguments: [
    (#""\ud83d""#, "\u{FFFD}"),
    (#""\ude00""#, "\u{FFFD}"),
    (#""x\ud83dy""#, "x\u{FFFD}y"),
    (#""\ud83d\u0041""#, "\u{FFFD}A"),
    (#""\ud83d\ud83d\ude00""#, "\u{FFFD}😀"),
    (#""\ude00\ud83d""#, "\u{FFFD}\u{FFFD}"),
  ])
  func loneSurrogatesBecomeReplacementCharacters(input: String, expected: String) throws {
    var parser = JSONParser()
    let value = try Array(input.utf8).withUnsafeBytes { (bytes) throws(JSONError) in try parser.parse(bytes) }
    #expect(value == .string(expected))
    #expect(parser.replacedSurrogates == expected.unicodeScalars.filter { $0 == "\u{FFFD}" }.count)
  }

  @Test func rawNonASCIIAndBOMInsideStrings() throws {
    #expect(try parse("\"æøå ÆØÅ § \u{FEFF} 😀 \u{2028}\"") == .string("æøå ÆØÅ § \u{FEFF} 😀 \u{2028}"))
  }

  @Test func leadingBOMIsIgnored() throws {
    #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("{\"a\":1}".utf8)) == ["a": 1])
  }

  /// Strings of every length around the 8-byte word size, with a special byte at every position.
  @Test func stringsOfEveryShortLength() throws {
    for length in 0...40 {
      let plain = String(repeating: "a", count: length)
      #expect(try parse("\"\(plain)\"") == .string(plain))
      for k in 0..<length {
        var chars = Array(repeating: "b", count: length)
        chars[k] = "\\n"
        #expect(try parse("\"" + chars.joined() + "\"").stringValue?.utf8.count == length)
        chars[k] = "æ"
        #expect(try parse("\"" + chars.joined() + "\"") == .string(chars.joined()))
        var raw = Array(repeating: UInt8(ascii: "c"), count: length)
        raw[k] = 0x09
        #expect(parseError([0x22] + raw + [0x22])?.kind == .controlCharacter)
        #expect(parseError([0x22] + raw + [0x22])?.offset == k + 1)
        raw[k] = 0xFF
        let error = parseError([0x22] + raw + [0x22])
        #expect(error?.kind == .invalidUTF8 && error?.offset == k + 1)
      }
    }
  }

  @Test func longDanishContent() throws {
    var text = ""
    for k in 0..<4000 { text += "Linje \(k): Æbletræer dyrkes på øerne, også i Skåne. \"Citat\"\t\\ /\n" }
    var writer = JSONWriter()
    writer.writeString(text)
    let parsed = try JSONParser.parse(writer.bytes)
    #expect(parsed == .string(text))
  }

  /// Random byte strings: the parser accepts exactly what the standard library considers valid
  /// UTF-8 (our own validator feeds an unchecked `String` initializer, so it must be exact).
  @Test func utf8ValidationAgreesWithStandardLibrary() throws {
    var rng = SplitMix(state: 0xDA_C0_4B_05)
    let interesting: [UInt8] = [
      0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xC3, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF,
      0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF, 0x90, 0x9F, 0xA0, 0xA5, 0x8F,
    ]
    for _ in 0..<20000 {
      let length = Int.random(in: 0...24, using: &rng)
      var bytes: [UInt8] = []
      for _ in 0..<length {
        bytes.append(interesting[Int.random(in: 0..<interesting.count, using: &rng)])
      }
      let expected = bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
      let result = Result { () throws(JSONError) in try JSONParser.parse([0x22] + bytes + [0x22]) }
      switch (expected, result) {
      case (let string?, .success(let value)):
        #expect(value == .string(string), "bytes \(bytes)")
      case (nil, .failure(let error)):
        #expect(error.kind == .invalidUTF8, "bytes \(bytes)")
      default:
        Issue.record("disagreement on \(bytes): stdlib \(String(describing: expected)), parser \(result)")
      }
    }
  }

  /// Pieces of long strings (`scanJSONString`'s kernel path), each with its decoded text, or
  /// nil for the ill-formed ones (ill-formed at their first byte whatever comes before).
  static let longStringPieces: [([UInt8], String?)] =
    ["Velkommen til Cykelbutikken ", "a", "æ", "Ø", "å", "é", "\u{7FF}", "–", "😀", "中", " "].map {
      (Array($0.utf8), $0)
    } + [
      (Array(#"\n"#.utf8), "\n"), (Array(#"\""#.utf8), "\""), (Array(#"\u00e6"#.utf8), "æ"),
      ([0xC3, 0x28], nil), ([0x80], nil), ([0xC0, 0xAF], nil), ([0xED, 0xA0, 0x80], nil), ([0xE2, 0x80, 0x41], nil),
      ([0xF5], nil), ([0xFF], nil), ([0xDF, 0xC3], nil),
    ]

  @Test func longStringsAgreeWithTheirPieces() throws {
    var rng = SplitMix(state: 0x10_C0_57_81)
    for _ in 0..<4000 {
      var bytes: [UInt8] = [0x22]
      var text = ""
      var firstBad: Int?
      let plain = Int.random(in: 2...12, using: &rng)
      for _ in 0..<Int.random(in: 1...60, using: &rng) {
        // Mostly plain pieces; an ill-formed one now and then.
        let k = Int.random(in: 0..<(Self.longStringPieces.count + plain * 4), using: &rng)
        let (piece, decoded) = Self.longStringPieces[k < Self.longStringPieces.count ? k : k % 5]
        if decoded == nil && firstBad == nil { firstBad = bytes.count }
        bytes += piece
        text += decoded ?? ""
      }
      bytes.append(0x22)
      // Alone (the input ends within 33 bytes of every stop near the end) and followed by more.
      for suffix in [[], Array(#",{"x":"\#(String(repeating: "y", count: 40))"}"#.utf8)] {
        let input = suffix.isEmpty ? bytes : [0x5B] + bytes + suffix + [0x5D]
        let shift = suffix.isEmpty ? 0 : 1
        let result = Result { () throws(JSONError) in try JSONParser.parse(input) }
        switch (firstBad, result) {
        case (nil, .success(let value)):
          #expect((suffix.isEmpty ? value : value[0]) == .string(text), "\(bytes)")
        case (let bad?, .failure(let error)):
          #expect(error.kind == .invalidUTF8 && error.offset == bad + shift, "\(bytes): \(error)")
        default:
          Issue.record("\(bytes): expected \(firstBad.map { "invalid UTF-8 at \($0)" } ?? text), got \(result)")
        }
      }
    }
  }

  // MARK: Malformed input

  @Test(arguments: [
    ("{\"a\":1", JSONError.Kind.unexpectedEnd, 6),
    ("{\"a\":1,}", .unexpectedCharacter, 7),
    ("[1,2,]", .unexpectedCharacter, 5),
    ("[1 2]", .unexpectedCharacter, 3),
    ("{\"a\" 1}", .unexpectedCharacter, 5),
    ("{a:1}", .unexpectedCharacter, 1),
    ("{\"a\":\"\\x\"}", .invalidEscape, 6),
    ("\"\\u12\"", .invalidEscape, 1),
    ("\"\\uZZZZ\"", .invalidEscape, 1),
    ("\"a\tb\"", .controlCharacter, 2),
    ("\"line\nbreak\"", .controlCharacter, 5),
    ("{} x", .trailingData, 3),
    ("{}{}", .trailingData, 2),
    ("01", .invalidNumber, 0),
    ("-01", .invalidNumber, 0),
    ("1.", .unexpectedEnd, 2),
    ("1.e5", .invalidNumber, 2),
    ("-", .unexpectedEnd, 1),
    ("-a", .invalidNumber, 1),
    ("1e+", .unexpectedEnd, 3),
    ("+1", .unexpectedCharacter, 0),
    (".5", .unexpectedCharacter, 0),
    ("", .unexpectedEnd, 0),
    ("   ", .unexpectedEnd, 3),
    ("\"abc", .unexpectedEnd, 4),
    ("\"abc\\", .unexpectedEnd, 5),
    ("tru", .unexpectedEnd, 3),
    ("nul1", .unexpectedCharacter, 0),
    ("True", .unexpectedCharacter, 0),
    ("[", .unexpectedEnd, 1),
    ("NaN", .unexpectedCharacter, 0),
  ])
  func malformedLines(input: String, kind: JSONError.Kind, offset: Int) {
    let error = parseError(Array(input.utf8))
    #expect(error?.kind == kind, "\(input.debugDescription): \(String(describing: error))")
    #expect(error?.offset == offset, "\(input.debugDescription): \(String(describing: error))")
    #expect(error?.isSyntaxError == true)
  }

  @Test(
    arguments: [
      ([0x22, 0x61, 0xC3, 0x28, 0x22], 2),  // truncated 2-byte sequence
      ([0x22, 0xC0, 0xAF, 0x22], 1),  // overlong '/'
      ([0x22, 0xED, 0xA0, 0x80, 0x22], 1),  // UTF-8-encoded surrogate
      ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1),  // above U+10FFFF
      ([0x22, 0x80, 0x22], 1),  // lone continuation byte
      ([0x22, 0x5C, 0x6E, 0xFF, 0x22], 3),  // after an escape
      ([0x7B, 0x22, 0xE6, 0x22, 0x3A, 0x31, 0x7D], 2),  // in a key (Latin-1 'æ')
      ([0x22, 0xC3, 0x5C, 0x6E, 0x22], 1),  // sequence cut by an escape
    ] as [([UInt8], Int)])
  func invalidUTF8IsItsOwnKind(bytes: [UInt8], offset: Int) {
    let error = parseError(bytes)
    #expect(error?.kind == .invalidUTF8)
    #expect(error?.offset == offset)
    #expect(error?.isSyntaxError == false)
  }

  @Test func errorDescriptionNamesKindAndOffset() {
    let error = parseError(Array("{\"a\":1,}".utf8))
    #expect(error?.description.hasPrefix("unexpected_character at byte 7:") == true)
  }

  // MARK: Depth

  @Test func nestingUpToTheLimitParses() throws {
    let depth = JSONParser.defaultMaxDepth
    let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    var value = try parse(text)
    for _ in 1..<depth { value = try #require(value[0]) }
    #expect(value == .array([]))
    let objects = String(repeating: "{\"a\":", count: depth - 1) + "{}" + String(repeating: "}", count: depth - 1)
    #expect(try parse(objects).objectValue != nil)
  }

  @Test(arguments: [JSONParser.defaultMaxDepth + 1, 100_000])
  func deeperNestingIsAnErrorNotACrash(depth: Int) {
    let error = parseError(Array(repeating: UInt8(ascii: "["), count: depth))
    #expect(error?.kind == .tooDeep)
    #expect(error?.offset == JSONParser.defaultMaxDepth)
    let mixed = Array(String(repeating: "{\"k\":[", count: depth / 2 + 1).utf8)
    #expect(parseError(mixed)?.kind == .tooDeep)
  }

  @Test func customDepthLimit() throws {
    #expect(try parse("[[1]]", maxDepth: 2) == [[1]])
    #expect(parseError(Array("[[[1]]]".utf8), maxDepth: 2)?.kind == .tooDeep)
    #expect(parseError(Array("[[[1]]]".utf8), maxDepth: 2)?.offset == 2)
    #expect(try parse("1", maxDepth: 0) == 1)
  }

  // MARK: Numbers and other values

  @Test(arguments: [
    "0", "-0", "7", "-12", "2.5", "0.8", "19.0", "12.7894736842", "0.9312467", "1e5", "1E5", "1e+10", "1.5E-7",
    "-0.0e0", "123456789012345678901234567890", "0.10000000000000000555", "-12.50",
  ])
  func numbersAreKeptVerbatim(lexeme: String) throws {
    let value = try parse(" [\(lexeme)] ")
    #expect(value == .array([.number(lexeme)]))
    #expect(compact(value) == "[\(lexeme)]")
  }

  @Test func numberAccessors() throws {
    let value = try parse(#"{"i":42,"neg":-7,"f":19.0,"e":1e3,"big":123456789012345678901234567890,"s":"3"}"#)
    #expect(value["i"]?.intValue == 42)
    #expect(value["neg"]?.intValue == -7)
    #expect(value["f"]?.intValue == nil)
    #expect(value["f"]?.doubleValue == 19.0)
    #expect(value["e"]?.intValue == nil)
    #expect(value["e"]?.doubleValue == 1000)
    #expect(value["big"]?.intValue == nil)
    #expect(value["big"]?.doubleValue == 1.2345678901234568e29)
    #expect(value["s"]?.intValue == nil)
    #expect(value["s"]?.stringValue == "3")
  }

  @Test func literalsAndWhitespace() throws {
    let value = try parse(" \t\r\n{ \"a\" : [ true , false , null , { } , [ ] , \"\" ] }\r\n ")
    #expect(value == ["a": [true, false, nil, .object(JSONObject()), [], ""]])
    #expect(value["a"]?[0]?.boolValue == true)
    #expect(value["a"]?[9] == nil)
    #expect(value["missing"] == nil)
    #expect(value["a"]?["x"] == nil)
  }

  @Test func duplicateKeysAreKeptAndLookupFindsTheFirst() throws {
    let value = try parse(#"{"k":1,"other":2,"k":3}"#)
    #expect(value.objectValue?.count == 3)
    #expect(value["k"] == 1)
    #expect(compact(value) == #"{"k":1,"other":2,"k":3}"#)
  }

  @Test func objectEqualityIsOrderSensitive() throws {
    #expect(try parse(#"{"a":1,"b":2}"#) != parse(#"{"b":2,"a":1}"#))
    var object = JSONObject()
    object["b"] = 2
    object["a"] = 1
    object["b"] = 3
    #expect(object.keys == ["b", "a"])
    #expect(object["b"] == 3)
    object["b"] = nil
    #expect(object.keys == ["a"])
  }

  @Test func reusedParserKeepsWorkingAfterErrors() throws {
    var parser = JSONParser()
    let lines = [
      JSONFixtures.daNewsroom, "{\"a\":\"\\q\"}", JSONFixtures.oscar2201, "[1,", JSONFixtures.daNewsroomThin,
    ]
    var parsed = 0
    var failed = 0
    for line in lines {
      do {
        _ = try Array(line.utf8).withUnsafeBytes { (bytes) throws(JSONError) in try parser.parse(bytes) }
        parsed += 1
      } catch {
        failed += 1
      }
    }
    #expect(parsed == 3)
    #expect(failed == 2)
  }

  @Test func parsesAStringAndAnEmptyBuffer() throws {
    #expect(try JSONParser.parse("\"hej\"") == "hej")
    #expect(throws: JSONError.self) { try JSONParser.parse(UnsafeRawBufferPointer(start: nil, count: 0)) }
  }

  // MARK: Skipped keys

  /// `value` with every object member named in `keys` removed, at any depth.
  private func removing(_ keys: [String], from value: JSONValue) -> JSONValue {
    switch value {
    case .object(let object):
      return .object(
        JSONObject(object.filter { !keys.contains($0.key) }.map { ($0.key, removing(keys, from: $0.value)) }))
    case .array(let elements): return .array(elements.map { removing(keys, from: $0) })
    default: return value
    }
  }

  /// Parses `text` leaving out `keys`, or returns the error.
  private func parseSkipping(_ keys: [String], _ bytes: [UInt8]) -> Result<JSONValue, JSONError> {
    bytes.withUnsafeBytes { buffer in
      Result { () throws(JSONError) -> JSONValue in try JSONParser.parse(buffer, skippingKeys: keys) }
    }
  }

  @Test(
    "skipped keys are left out at every depth; everything else is as a full parse gives it",
    arguments: [
      JSONFixtures.oscar2201, JSONFixtures.oscar2201NullAnnotation, JSONFixtures.oscar2301, JSONFixtures.daNewsroom,
      #"{"a":{"s":[{"s":1}],"b":[{"s":{"x":[]},"c":"s"}]},"s":"top","t":[[{"s":null}]]}"#,
      // Escaped keys are compared decoded; keys of the same length or with a skipped prefix stay.
      #"{"\u0073":[1,{"a":-0.5e-3}],"st":2,"t":{"s\"":1,"\u0073":"x","prob":0,"lab\u0065l":{"b":true}}}"#,
    ])
  func skippedKeysAreLeftOut(line: String) throws {
    for keys in [[], ["sentence_identifications"], ["s", "label"], ["identification", "prob", "density"]] {
      let full = try parse(line)
      #expect(try parseSkipping(keys, Array(line.utf8)).get() == removing(keys, from: full), "\(keys)")
    }
  }

  @Test(
    "malformed JSON inside a skipped value fails exactly as it does when parsed",
    arguments: [
      "[1,2,]", "{\"a\" 1}", "\"\\x\"", "\"a\tb\"", "01", "1.e5", "tru", "[", "{\"s\":[1}", "[{\"a\":}]",
      "[" + String(repeating: "[", count: JSONParser.defaultMaxDepth) + "]",
    ])
  func malformedSkippedValues(value: String) {
    let line = Array("{\"k\":1,\"s\":\(value),\"z\":2}".utf8)
    let full = parseSkipping([], line)
    let skipped = parseSkipping(["s"], line)
    #expect(throws: JSONError.self) { try full.get() }
    if case .failure(let expected) = full, case .failure(let error) = skipped {
      #expect(error == expected)
    } else {
      Issue.record("skipping 's' accepted \(value.debugDescription)")
    }
  }

  /// Skipped values with every kind of token: nested arrays and objects, escapes (a surrogate
  /// pair, a lone surrogate), raw UTF-8 of every length, numbers, literals, white space.
  static let skippedValues = [
    #"[{"label":"da","prob":0.98},{"label":"en","prob":1e-5},null]"#,
    #"{"a" : [ true , false , null , -0.5E+3 , 0 , 12 ] , "b":{}, "c":[], "d":[[{"e":"x"}]]}"#,
    #"["æøå – 😀 \n\t\"\\\/\b\f\r \u00e5 \ud83d\ude00 \udc00","",-0,1.25e-7]"#,
  ]

  /// Bytes put in place of (or before) each byte of a skipped value: structure, string and
  /// number bytes, controls, ill-formed and multi-byte UTF-8.
  static let mutationBytes: [UInt8] = [
    0x22, 0x5C, 0x2C, 0x3A, 0x5B, 0x5D, 0x7B, 0x7D, 0x20, 0x30, 0x31, 0x2E, 0x2D, 0x2B, 0x65, 0x75, 0x6E, 0x74,
    0x78, 0x00, 0x0A, 0x1F, 0xC3, 0x80, 0xE2, 0xF0, 0xFF,
  ]

  @Test(
    "a skipped value cut, or with a byte replaced, inserted or removed anywhere, fails or parses as a full parse does",
    arguments: skippedValues)
  func mutatedSkippedValues(value: String) {
    let head = Array(#"{"k":1,"s":"#.utf8)
    let tail = Array(#","z":2}"#.utf8)
    let line = head + Array(value.utf8) + tail
    var variants: [[UInt8]] = []
    for p in head.count...(line.count - tail.count + 1) {
      variants.append(Array(line[..<p]))
      var removed = line
      removed.remove(at: p)
      variants.append(removed)
      for b in Self.mutationBytes {
        var inserted = line
        inserted.insert(b, at: p)
        variants.append(inserted)
        var replaced = line
        replaced[p] = b
        variants.append(replaced)
      }
    }
    for bytes in variants {
      let skipped = parseSkipping(["s"], bytes)
      switch parseSkipping([], bytes) {
      case .success(let full):
        #expect((try? skipped.get()) == removing(["s"], from: full), "\(bytes)")
      case .failure(let expected):
        guard case .failure(let error) = skipped else {
          Issue.record("skipping 's' accepted \(bytes), which fails with \(expected)")
          continue
        }
        #expect(error == expected, "\(bytes)")
      }
    }
  }

  @Test("skipped values nested up to the limit and past it, and past the skip loop's 64 levels")
  func deeplyNestedSkippedValues() {
    for maxDepth in [1, 2, 3, 63, 64, 65, 66, 67, 100] {
      for nesting in [0, 1, 2, 3, 61, 62, 63, 64, 65, 66, 67, 98, 99, 100] {
        let opening = (0..<nesting).map { $0 % 2 == 0 ? #"["# : #"{"a":"# }.joined()
        let closing = (0..<nesting).reversed().map { $0 % 2 == 0 ? "]" : "}" }.joined()
        let bytes = Array(#"{"s":\#(opening)0\#(closing),"t":1}"#.utf8)
        let full = bytes.withUnsafeBytes { buffer in
          Result { () throws(JSONError) -> JSONValue in try JSONParser.parse(buffer, maxDepth: maxDepth) }
        }
        let skipped = bytes.withUnsafeBytes { buffer in
          Result { () throws(JSONError) -> JSONValue in
            try JSONParser.parse(buffer, maxDepth: maxDepth, skippingKeys: ["s"])
          }
        }
        switch (full, skipped) {
        case (.success(let value), .success(let rest)): #expect(rest == removing(["s"], from: value))
        case (.failure(let expected), .failure(let error)): #expect(error == expected)
        default: Issue.record("maxDepth \(maxDepth), nesting \(nesting): \(full) but \(skipped) when skipped")
        }
      }
    }
  }

  @Test("invalid UTF-8 inside a skipped value is the same error")
  func invalidUTF8InSkippedValue() {
    let line = Array(#"{"s":[{"label":""#.utf8) + [0xC3, 0x28] + Array(#""}]}"#.utf8)
    guard case .failure(let error) = parseSkipping(["s"], line) else {
      Issue.record("accepted invalid UTF-8")
      return
    }
    #expect(error.kind == .invalidUTF8)
    #expect(error.offset == 16)
  }
}
