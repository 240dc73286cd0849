import CorpusIO
import CorpusSources
import Testing

/// OPUS, DaNewsroom, and the generic text and JSONL readers.
@Suite struct LineSourceReaderTests {
  @Test func opusMonoLinesWithProvenance() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write(
      "OpenSubtitles/v2018/mono/da.txt.gz", "- Hvor skal du hen?\n- Hjem.\n\nVi ses i morgen.\n", gzip: true)
    let outcome = try readAtEveryChunking(InputUnit(format: .opus, path: path))
    #expect(
      outcome.ids == [
        "OpenSubtitles/v2018/mono/da.txt.gz#L1", "OpenSubtitles/v2018/mono/da.txt.gz#L2",
        "OpenSubtitles/v2018/mono/da.txt.gz#L4",
      ])
    #expect(outcome.texts == ["- Hvor skal du hen?", "- Hjem.", "Vi ses i morgen."])
    #expect(outcome.documents[0].metadata["corpus"] == .string("OpenSubtitles"))
    #expect(outcome.documents[0].metadata["version"] == .string("v2018"))
  }

  @Test func opusGroupsLines() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("Europarl.da-en.da", "En.\nTo.\n\nTre.\nFire.\nFem.")
    var options = ReaderOptions()
    options.groupLines = 2
    let outcome = try readAtEveryChunking(InputUnit(format: .opus, path: path), options: options)
    #expect(
      outcome.ids == ["opus/Europarl.da-en.da#L1-L2", "opus/Europarl.da-en.da#L4-L5", "opus/Europarl.da-en.da#L6"])
    #expect(outcome.texts == ["En.\nTo.", "Tre.\nFire.", "Fem."])
    #expect(outcome.log.recordsRead == 5)
  }

  static let newsroom = #"""
    {"url":"https:\/\/web.archive.org\/web\/20170105083000id_\/http:\/\/www.eksempel.dk:80\/nyheder\/ny-bro-aabner","archive":"https:\/\/web.archive.org\/web\/20170105083000id_\/http:\/\/www.eksempel.dk:80\/nyheder\/ny-bro-aabner","title":"Ny bro \u00e5bner i \u00e5r","date":null,"text":"Den nye bro over havnen \u00e5bner allerede til sommer, oplyser kommunen.\n\nBroen har v\u00e6ret undervejs i fem \u00e5r og har kostet 300 millioner kroner.","summary":"Den nye bro over havnen \u00e5bner allerede til sommer.","density":2.5,"coverage":0.8,"compression":20.5,"compression_bin":"medium","coverage_bin":"medium","density_bin":"mixed"}
    """#

  @Test func daNewsroomRecord() throws {
    let folder = try TemporaryFolder()
    let thin =
      #"{"density_bin":"mixed","archive":"https:\/\/web.archive.org\/web\/20170105083000id_\/http:\/\/x.dk\/","coverage":0.8,"date":null}"#
    let path = try folder.write("danewsroom.jsonl.gz", Self.newsroom + "\n" + thin + "\n{\"url\":\n", gzip: true)
    let outcome = try readAtEveryChunking(InputUnit(format: .danewsroom, path: path))
    let document = try #require(outcome.documents.first)
    #expect(outcome.documents.count == 1)
    #expect(
      document.id == "https://web.archive.org/web/20170105083000id_/http://www.eksempel.dk:80/nyheder/ny-bro-aabner")
    #expect(
      document.text
        == "Ny bro åbner i år\n\nDen nye bro over havnen åbner allerede til sommer, oplyser kommunen.\n\nBroen har været undervejs i fem år og har kostet 300 millioner kroner."
    )
    #expect(document.created == "2017-01-05T08:30:00Z")
    #expect(document.metadata["url"] == .string("http://www.eksempel.dk:80/nyheder/ny-bro-aabner"))
    #expect(document.metadata["site"] == .string("eksempel.dk"))
    #expect(document.metadata["density_bin"] == .string("mixed"))
    #expect(outcome.issues(.missingField) == 1)
    #expect(outcome.issues(.malformedJSON) == 1)
  }

  @Test func plainTextBlocks() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("notes.txt", "\n\nFørste afsnit\nfortsætter.\n  \nAndet.\r\n\r\nTredje")
    let outcome = try readAtEveryChunking(InputUnit(format: .text, path: path))
    #expect(outcome.ids == ["notes.txt#0", "notes.txt#1", "notes.txt#2"])
    #expect(outcome.texts == ["Første afsnit\nfortsætter.", "Andet.\r", "Tredje"])
  }

  @Test func invalidUTF8PolicyRejectsOrReplaces() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("bad.txt", Array("god\n\nd".utf8) + [0xFF] + Array("rlig\n".utf8))
    let rejected = try readAtEveryChunking(InputUnit(format: .text, path: path))
    #expect(rejected.texts == ["god"])
    #expect(rejected.issues(.invalidUTF8) == 1)
    #expect(rejected.log.recordsRejected == 1)
    var options = ReaderOptions()
    options.invalidUTF8 = .replace
    let replaced = try readAtEveryChunking(InputUnit(format: .text, path: path), options: options)
    #expect(replaced.texts == ["god", "d\u{FFFD}rlig"])
    #expect(replaced.issues(.invalidUTF8) == 1)
    #expect(replaced.log.recordsRejected == 0)
  }

  @Test func dolmaJSONL() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write(
      "own.jsonl",
      """
      {"id":"a1","text":"Hej verden","source":"mine","created":"2024-01-01","metadata":{"k":1},"extra":true}
      {"text":"Uden id"}
      {"id":7,"txt":"mangler"}

      """)
    let outcome = try readAtEveryChunking(InputUnit(format: .jsonl, path: path))
    #expect(outcome.ids == ["a1", "own.jsonl#L2"])
    #expect(outcome.documents[0].created == "2024-01-01")
    #expect(
      outcome.documents[0].metadata
        == JSONObject([("k", .number("1")), ("extra", .bool(true)), ("original_source", .string("mine"))]))
    #expect(outcome.issues(.missingField) == 1)
  }

  @Test func missingFileIsAnIssue() throws {
    let outcome = try read(InputUnit(format: .opus, path: "/nonexistent/da.txt.gz"))
    #expect(outcome.documents.isEmpty)
    #expect(outcome.issues(.missingFile) == 1)
  }

  @Test func strictModeStopsAtTheFirstIssue() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("x.jsonl", "{\"text\":\"a\"}\n{bad\n{\"text\":\"b\"}\n")
    let log = ReadLog(strict: true)
    var documents: [Document] = []
    #expect(throws: StrictModeError.self) {
      try SourceReader.read(InputUnit(format: .jsonl, path: path), context: ReadContext(source: "s", log: log)) {
        documents.append($0)
      }
    }
    #expect(documents.map(\.text) == ["a"])
  }
}
