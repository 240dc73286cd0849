import CorpusIO
import CorpusSources
import Testing

@Suite struct OSCARReaderTests {
  static let line121 = String(repeating: "Kommunen har i år brugt flere penge på skolerne. ", count: 3)

  @Test func unshuffled2019BlocksAndQuirks() throws {
    let folder = try TemporaryFolder()
    let long = Self.line121
    // CR and U+2028 and U+FEFF stay inside lines; two blank lines in a row; no final LF.
    let text = "\(long)A\r\n\(long)B\u{2028}C\n\n\n\(long)\u{FEFF}D\n \n\(long)E"
    let path = try folder.write("da_part_1.txt.gz", text, gzip: true)
    let outcome = try readAtEveryChunking(InputUnit(format: .oscar2019Unshuffled, path: path))
    #expect(
      outcome.ids == [
        "oscar2019/unshuffled/da_part_1.txt.gz#0", "oscar2019/unshuffled/da_part_1.txt.gz#1",
        "oscar2019/unshuffled/da_part_1.txt.gz#2",
      ])
    #expect(outcome.texts == ["\(long)A\r\n\(long)B\u{2028}C", "\(long)\u{FEFF}D", "\(long)E"])
    #expect(outcome.documents[0].metadata["variant"] == .string("unshuffled"))
    #expect(outcome.log.recordsRead == 3)
    #expect(outcome.log.issueTotal == 0)
  }

  @Test func shuffled2019LinesAreRecords() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("da_dedup.txt.gz", "første\n\nanden\r\ntredje", gzip: true)
    let outcome = try readAtEveryChunking(InputUnit(format: .oscar2019Shuffled, path: path))
    #expect(
      outcome.ids == [
        "oscar2019/shuffled/da_dedup.txt.gz#L1", "oscar2019/shuffled/da_dedup.txt.gz#L3",
        "oscar2019/shuffled/da_dedup.txt.gz#L4",
      ])
    #expect(outcome.texts == ["første", "anden\r", "tredje"])
  }

  static let meta2109 = """
    {"headers":{"warc-type":"conversion","warc-target-uri":"https://www.eksempel.dk/a","content-length":"4521","warc-date":"2021-03-01T12:34:56Z","warc-record-id":"<urn:uuid:0b1c2d3e-1111-4a2b-9c3d-4e5f60718293>","content-type":"text/plain","warc-identified-content-language":"dan,eng"},"offset":0,"nb_sentences":2}
    {"headers":{"warc-record-id":"<urn:uuid:2d3e4f50-3333-4c4d-9e5f-607182930415>","warc-date":"2021-03-02T01:02:03Z","warc-target-uri":"http://eksempel.dk/b","warc-type":"conversion"},"offset":3,"nb_sentences":1}

    """

  @Test func release2109JoinsTextAndMeta() throws {
    let folder = try TemporaryFolder()
    let text = try folder.write(
      "da_part_1.txt.gz", "Første linje i dokument et.\nAnden linje i dokument et.\n\nEneste linje i dokument to.\n",
      gzip: true)
    let meta = try folder.write("da_meta_part_1.jsonl.gz", Self.meta2109, gzip: true)
    let outcome = try readAtEveryChunking(InputUnit(format: .oscar2109, path: text, companions: [meta]))
    #expect(
      outcome.ids == [
        "<urn:uuid:0b1c2d3e-1111-4a2b-9c3d-4e5f60718293>", "<urn:uuid:2d3e4f50-3333-4c4d-9e5f-607182930415>",
      ])
    #expect(
      outcome.texts == ["Første linje i dokument et.\nAnden linje i dokument et.", "Eneste linje i dokument to."])
    #expect(outcome.documents[0].created == "2021-03-01T12:34:56Z")
    #expect(outcome.documents[0].metadata["url"] == .string("https://www.eksempel.dk/a"))
    #expect(outcome.documents[0].metadata["warc_languages"] == .string("dan,eng"))
    #expect(outcome.documents[1].metadata["warc_languages"] == nil)
    #expect(outcome.log.issueTotal == 0)
  }

  @Test func release2109OffsetsThatDisagreeAreReported() throws {
    let folder = try TemporaryFolder()
    let text = try folder.write("da.txt", "a\nb\n\nc\n\nd\ne\n")
    // Second record overlaps the first; third points past the end; text line "d","e" uncovered.
    let meta = try folder.write(
      "da_meta.jsonl",
      """
      {"headers":{"warc-record-id":"<1>"},"offset":0,"nb_sentences":2}
      {"headers":{"warc-record-id":"<2>"},"offset":1,"nb_sentences":1}
      {"headers":{"warc-record-id":"<3>"},"offset":3,"nb_sentences":1}
      {"headers":{"warc-record-id":"<4>"},"offset":9,"nb_sentences":2}
      {"offset":"x"}

      """)
    let outcome = try readAtEveryChunking(InputUnit(format: .oscar2109, path: text, companions: [meta]))
    #expect(outcome.ids == ["<1>", "<3>"])
    // Overlap, past the end, and the two text lines no record covers (counted once).
    #expect(outcome.issues(.offsetMismatch) == 3)
    #expect(outcome.issues(.missingField) == 1)
    #expect(outcome.log.recordsRead == 6)
    #expect(outcome.log.recordsRejected == 4)
  }

  static let record2201 = #"""
    {"content":"Velkommen til Cykelbutikken\nVi sælger brugte cykler og reservedele.\nÅbent alle hverdage 10-17","warc_headers":{"warc-target-uri":"https://www.eksempel.dk/om-os","warc-date":"2021-12-01T08:15:30Z","warc-record-id":"<urn:uuid:6f1d2c3b-8a9e-4b7c-9d0e-1f2a3b4c5d6e>","content-type":"text/plain","warc-type":"conversion","content-length":"2313","warc-refers-to":"<urn:uuid:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d>","warc-identified-content-language":"dan,eng","warc-block-digest":"sha1:QWERTYUIOPASDFGHJKLZXCVBNM234567"},"metadata":{"identification":{"label":"da","prob":0.9312467},"annotation":["tiny"],"sentence_identifications":[{"label":"da","prob":0.9512341},{"label":"da","prob":0.99871236},null]}}
    """#

  @Test func release2201RecordsAndBrokenLines() throws {
    let folder = try TemporaryFolder()
    var bytes = Array((Self.record2201 + "\n").utf8)
    bytes += Array(#"{"content":"halv"#.utf8) + [0x0A]  // malformed JSON
    bytes += Array(#"{"content":"bad "#.utf8) + [0xC3, 0x28] + Array(#"","warc_headers":{}}"#.utf8) + [0x0A]
    bytes += Array(#"{"warc_headers":{"warc-record-id":"<x>"},"metadata":{}}"#.utf8) + [0x0A]
    bytes += Array(
      #"{"content":"\ufeffNyt\u2028med BOM","warc_headers":{"warc-record-id":"<y>"},"metadata":{"identification":{"label":"da","prob":0.9},"annotation":null,"sentence_identifications":[null]}}"#
        .utf8)
    let path = try folder.write("da_meta_part_1.jsonl.gz", bytes, gzip: true)
    let outcome = try readAtEveryChunking(InputUnit(format: .oscar2201, path: path))
    #expect(outcome.ids == ["<urn:uuid:6f1d2c3b-8a9e-4b7c-9d0e-1f2a3b4c5d6e>", "<y>"])
    #expect(outcome.texts[1] == "\u{FEFF}Nyt\u{2028}med BOM")
    #expect(outcome.documents[0].metadata["annotation"] == .array([.string("tiny")]))
    #expect(outcome.documents[1].metadata["annotation"] == .null)
    #expect(outcome.documents[0].metadata["release"] == .string("22.01"))
    #expect(outcome.issues(.malformedJSON) == 1)
    #expect(outcome.issues(.invalidUTF8) == 1)
    #expect(outcome.issues(.missingField) == 1)
    #expect(outcome.log.issues.map(\.location) == [.line(2), .line(3), .line(4)])
    #expect(outcome.log.recordsRead == 5)
  }

  @Test func truncatedStreamKeepsWhatCameBefore() throws {
    let folder = try TemporaryFolder()
    var text = ""
    for i in 0..<2000 {
      text += #"{"content":"dokument \#(i) med noget tekst","warc_headers":{"warc-record-id":"<\#(i)>"}}"# + "\n"
    }
    let path = try folder.write("whole.jsonl.gz", text, gzip: true)
    let compressed = try FileSource(path: path).readAll()
    let cut = try folder.write("cut.jsonl.gz", Array(compressed.prefix(compressed.count / 2)))
    let outcome = try readAtEveryChunking(InputUnit(format: .oscar2201, path: cut))
    #expect(outcome.issues(.truncatedStream) == 1)
    #expect(outcome.documents.count > 100)
    #expect(outcome.documents.count < 2000)
    #expect(outcome.ids == (0..<outcome.documents.count).map { "<\($0)>" })
  }
}
