import Testing

@testable import CorpusIO

private func written(_ body: (inout JSONWriter) -> Void) -> String {
  var writer = JSONWriter()
  body(&writer)
  return String(decoding: writer.bytes, as: UTF8.self)
}

@Suite struct JSONWriterTests {
  /// Expected strings below were produced by Python 3:
  /// `json.dumps(value, ensure_ascii=False, separators=(",", ":"))`.
  @Test func dolmaRecordMatchesPython() {
    let text = "Æbler & pærer\n\"citat\" \\ / tab\there\r\nslut"
    let output = written { w in
      w.object { o in
        o.field("id", "oscar-2201:da_meta_part_1:1")
        o.field("source", "oscar")
        o.field("text", text)
        o.field("created", Optional("2021-12-01T08:15:30Z"))
        o.objectField("metadata") { m in
          m.field("url", "https://www.eksempel.dk/om-os")
          m.field("prob", 0.93)
          m.nullField("annotation")
          m.arrayField("tags") { a in
            a.writeString("tiny")
            a.writeString("header")
          }
          m.field("n", 42)
          m.field("ok", true)
          m.objectField("empty") { _ in }
          m.arrayField("list") { _ in }
        }
      }
    }
    let python =
      #"{"id":"oscar-2201:da_meta_part_1:1","source":"oscar","text":"Æbler & pærer\n\"citat\" \\ / tab\there\r\nslut","created":"2021-12-01T08:15:30Z","metadata":{"url":"https://www.eksempel.dk/om-os","prob":0.93,"annotation":null,"tags":["tiny","header"],"n":42,"ok":true,"empty":{},"list":[]}}"#
    #expect(output == python)
  }

  @Test func controlCharactersMatchPython() {
    let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
    let python =
      #""\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f""#
    #expect(written { $0.writeString(controls) } == python)
  }

  /// Python leaves DEL, U+2028/U+2029, U+FEFF, non-BMP and `/` unescaped with ensure_ascii=False.
  @Test func nonASCIIAndSlashStayRaw() {
    let text = "\u{7F}\u{2028}\u{2029}\u{FEFF}😀€æøåÆØÅ§</script>"
    #expect(written { $0.writeString(text) } == "\"" + text + "\"")
  }

  @Test func doublesMatchPython() {
    let output = written { w in
      w.array { a in
        for d in [1e-05, 0.1, 19.0, 1e+17, 2.5, -0.0] { a.writeNumber(d) }
      }
    }
    #expect(output == "[1e-05,0.1,19.0,1e+17,2.5,-0.0]")
    #expect(written { $0.writeNumber(Double.nan) } == "null")
    #expect(written { $0.writeNumber(-Double.infinity) } == "null")
  }

  @Test func everyASCIICharacterRoundTrips() throws {
    for c in 0..<0x80 {
      let s = "a" + String(Character(Unicode.Scalar(UInt8(c)))) + "b"
      var writer = JSONWriter()
      writer.writeString(s)
      #expect(try JSONParser.parse(writer.bytes) == .string(s), "U+\(String(c, radix: 16))")
    }
  }

  @Test func escapesAtEveryPositionRoundTrip() throws {
    for length in 0...20 {
      for k in 0..<max(length, 1) {
        var scalars = Array(repeating: Unicode.Scalar(UInt8(ascii: "x")), count: length)
        if k < length { scalars[k] = Unicode.Scalar(UInt8(k % 0x20)) }
        let s = String(String.UnicodeScalarView(scalars))
        var writer = JSONWriter()
        writer.writeString(s)
        #expect(try JSONParser.parse(writer.bytes) == .string(s))
      }
    }
  }

  @Test(arguments: [
    JSONFixtures.oscar2201, JSONFixtures.oscar2201NullAnnotation, JSONFixtures.oscar2301, JSONFixtures.daNewsroom,
    JSONFixtures.daNewsroomThin,
  ])
  func parsedValuesRoundTrip(line: String) throws {
    let value = try JSONParser.parse(line)
    var writer = JSONWriter()
    writer.write(value)
    #expect(try JSONParser.parse(writer.bytes) == value)
    #expect(value.jsonText == String(decoding: writer.bytes, as: UTF8.self))
  }

  @Test func jsonlLinesAndReset() throws {
    var writer = JSONWriter()
    for k in 0..<3 {
      writer.object { o in
        o.field("id", k)
        o.field("text", "linje\n\(k)")
      }
      writer.endLine()
    }
    let lines = String(decoding: writer.bytes, as: UTF8.self)
    #expect(lines == "{\"id\":0,\"text\":\"linje\\n0\"}\n{\"id\":1,\"text\":\"linje\\n1\"}\n{\"id\":2,\"text\":\"linje\\n2\"}\n")
    writer.reset()
    #expect(writer.bytes.isEmpty)
    writer.writeNull()
    #expect(writer.bytes == Array("null".utf8))
  }

  @Test func explicitStructureCalls() {
    let output = written { w in
      w.beginArray()
      w.writeNumber(1)
      w.beginObject()
      w.writeKey("a")
      w.beginArray()
      w.endArray()
      w.writeKey("b")
      w.writeBool(false)
      w.endObject()
      w.writeNumber(lexeme: "2.50")
      w.writeString(utf8: UnsafeRawBufferPointer(start: nil, count: 0))
      w.write(["x": [nil, "y"]])
      w.endArray()
    }
    #expect(output == #"[1,{"a":[],"b":false},2.50,"",{"x":[null,"y"]}]"#)
  }

  @Test func optionalStringFieldWritesNull() {
    let missing: String? = nil
    #expect(written { w in w.object { o in o.field("created", missing) } } == #"{"created":null}"#)
  }

  @Test func bridgedAndSubstringBackedStringsAreEscaped() {
    // A string whose UTF-8 is not contiguous in memory takes the copying path.
    let lazy = String(String.UnicodeScalarView(Array("tab\there\"".unicodeScalars)))
    #expect(written { $0.writeString(lazy) } == #""tab\there\"""#)
    let long = String(repeating: "æ\"", count: 1000)
    #expect(written { $0.writeString(long) } == "\"" + String(repeating: "æ\\\"", count: 1000) + "\"")
  }
}
