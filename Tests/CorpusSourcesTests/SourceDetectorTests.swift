import CorpusIO
import CorpusSources
import Testing

@Suite struct SourceDetectorTests {
  @Test func detectsEveryFormatByContentAndName() throws {
    let folder = try TemporaryFolder()
    let long = String(repeating: "x", count: 120)
    let files = [
      try folder.write("oscar/da_dedup.txt.gz", "\(long)\n\n\(long)\n", gzip: true),  // a stray blank line
      try folder.write("oscar/shards/da_part_2.txt.gz", "\(long)\n\(long)\n", gzip: true),
      try folder.write("oscar/hf/da_part_1.txt.gz", "\(long)\n\n\(long)\n", gzip: true),
      try folder.write("oscar/2109/da_part_1.txt.gz", "a\n", gzip: true),
      try folder.write(
        "oscar/2109/da_meta_part_1.jsonl.gz", #"{"headers":{},"offset":0,"nb_sentences":1}"# + "\n", gzip: true),
      try folder.write(
        "oscar/2201/da_meta_part_1.jsonl.gz", #"{"content":"a","warc_headers":{},"metadata":{"annotation":null}}"#,
        gzip: true),
      try folder.write(
        "oscar/2301/da_meta_part_1.jsonl", #"{"content":"a","warc_headers":{},"metadata":{"quality_warnings":null}}"#),
      try folder.write(
        "wiki/dawiki-20181001-corpus.xml", "<?xml version=\"1.0\"?>\n<wikipedia lang=\"da\"></wikipedia>"),
      try folder.write("opus/Europarl/v8/mono/da.txt", "Sætning.\n", gzip: true),  // gzip named .txt
      try folder.write("opus/Europarl.da-en.da", "Sætning.\n"),
      try folder.write(
        "news/danewsroom.jsonl.gz", #"{"url":"u","archive":"a","title":"t","text":"x","density_bin":"mixed"}"#,
        gzip: true),
      try folder.write("mine/notes.txt", "Hej\n\nverden\n"),
      try folder.write("mine/own.jsonl", #"{"id":"1","text":"x"}"#),
    ]
    let (units, issues) = SourceDetector.plan(paths: files, type: .auto)
    #expect(issues.isEmpty)
    let byName = Dictionary(uniqueKeysWithValues: units.map { (String($0.path.dropFirst(folder.path.count + 1)), $0) })
    #expect(byName["oscar/da_dedup.txt.gz"]?.format == .oscar2019Shuffled)
    #expect(byName["oscar/hf/da_part_1.txt.gz"]?.format == .oscar2019Unshuffled)
    #expect(byName["oscar/shards/da_part_2.txt.gz"]?.format == .oscar2019Shuffled)
    #expect(byName["oscar/2109/da_part_1.txt.gz"]?.format == .oscar2109)
    #expect(byName["oscar/2109/da_part_1.txt.gz"]?.companions == [folder.path + "/oscar/2109/da_meta_part_1.jsonl.gz"])
    #expect(byName["oscar/2109/da_meta_part_1.jsonl.gz"] == nil)
    #expect(byName["oscar/2201/da_meta_part_1.jsonl.gz"]?.format == .oscar2201)
    #expect(byName["oscar/2301/da_meta_part_1.jsonl"]?.format == .oscar2301)
    #expect(byName["wiki/dawiki-20181001-corpus.xml"]?.format == .wikipedia)
    #expect(byName["opus/Europarl/v8/mono/da.txt"]?.format == .opus)
    #expect(byName["opus/Europarl.da-en.da"]?.format == .opus)
    #expect(byName["news/danewsroom.jsonl.gz"]?.format == .danewsroom)
    #expect(byName["mine/notes.txt"]?.format == .text)
    #expect(byName["mine/own.jsonl"]?.format == .jsonl)
    #expect(units.count == 12)
  }

  @Test func declaredTypeThatDoesNotFitIsReported() throws {
    let folder = try TemporaryFolder()
    let xml = try folder.write("w.xml", "<wikipedia></wikipedia>")
    let missing = folder.path + "/none.txt.gz"
    let (units, issues) = SourceDetector.plan(paths: [xml, missing], type: .oscar)
    #expect(units.isEmpty)
    #expect(issues.map(\.kind).sorted() == [.missingFile, .unknownFormat])
  }

  @Test func orphanMetaPartIsReported() throws {
    let folder = try TemporaryFolder()
    let meta = try folder.write("da_meta_part_2.jsonl.gz", #"{"headers":{},"offset":0,"nb_sentences":1}"#, gzip: true)
    let (units, issues) = SourceDetector.plan(paths: [meta], type: .auto)
    #expect(units.isEmpty)
    #expect(issues.first?.kind == .unknownFormat)
  }
}
