import CorpusIO
import CorpusPipeline
import CorpusSources
import Foundation
import Shards
import Testing
import WordPiece

/// `dacorpus build` on the bundled samples through the default `pipeline.yaml`: the README's
/// first command, end to end.
@Suite(.serialized) struct SamplesBuildTests {
  /// Records per source in `samples/` (see samples/README.md).
  static let expected: [(source: String, files: Int, records: Int)] = [
    ("oscar", 8, 333 + 72 + 34 + 26 + 90 + 64),
    ("leipzig", 2, 400 + 240),
    ("wikipedia", 2, 68 + 49),
    ("opus", 2, 2838 - 17 + 684),
    ("danewsroom", 1, 210),
  ]

  /// Reads every document of a clean-text part.
  static func documents(inPart path: String) throws -> [JSONObject] {
    let lines = LineReader(try Compression.openDecoded(path: path).source)
    var result: [JSONObject] = []
    while let line = try lines.next() {
      result.append(try #require(try JSONParser.parse(line).objectValue))
    }
    return result
  }

  static func build(workers: Int) throws -> (directory: String, report: BuildReport) {
    let directory = try CLIRunner.temporaryDirectory()
    let result = try CLIRunner.run(["build", "--output", directory, "--workers", "\(workers)", "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    #expect(result.stdout.contains("total"))
    return (directory, try BuildRunner.readReport(at: directory + "/report.json"))
  }

  @Test func reportCountsEveryRecord() throws {
    let (directory, report) = try Self.build(workers: 2)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    #expect(report.sources.map(\.name) == Self.expected.map(\.source))
    for (stats, expected) in zip(report.sources, Self.expected) {
      #expect(stats.files == expected.files, "\(stats.name)")
      #expect(stats.records == expected.records, "\(stats.name)")
      #expect(stats.records == stats.documents + stats.rejected + stats.removed.values.reduce(0, +), "\(stats.name)")
      #expect(stats.rejected == 0, "\(stats.name)")
      #expect(stats.issues.isEmpty, "\(stats.name)")
      #expect(stats.bytesRead > 0, "\(stats.name)")
    }
    #expect(
      report.sources[0].formats == [
        "oscar2019-shuffled": 1, "oscar2019-unshuffled": 1, "oscar2109": 2, "oscar2201": 1, "oscar2301": 1,
      ])
    #expect(report.totals.records == Self.expected.map(\.records).reduce(0, +))
    // OpenSubtitles lines of only music notes are empty once the notes are dropped.
    #expect(report.sources[3].removed["normalize.empty"] == 22)
    // Every removal is one of the filter stages', and the web filters touch only the web source.
    let stages: Set<String> = ["normalize", "quality", "ads", "dedup", "overrepresented"]
    for stats in report.sources {
      for rule in stats.removed.keys.sorted() {
        #expect(stages.contains(String(rule.prefix { $0 != "." })), "\(stats.name): \(rule)")
      }
      if stats.name != "oscar" {
        #expect(!stats.removed.keys.contains { $0.hasPrefix("ads.") }, "\(stats.name)")
        #expect(stats.removedLines.isEmpty, "\(stats.name)")
      }
    }
    #expect(report.sources[0].removedLines["overrepresented", default: 0] > 0)
    #expect(report.sources[0].removedLines.keys.contains { $0.hasPrefix("ads.") })
    #expect(report.reduce?.overrepresentedLines ?? 0 > 0)
    #expect(report.totals.normalize.transliterated.total > 0)
    #expect(report.parts.map(\.documents).reduce(0, +) == report.totals.documents)
    #expect(OutputVerifier.verify(report, in: directory).isEmpty)
  }

  /// The audit sample of a build (its size exceeds the removals of the samples, so it holds all).
  static func removedRecords(in directory: String) throws -> [JSONObject] {
    try documents(inPart: directory + "/removed/sample.jsonl.gz")
  }

  @Test func partsHoldTheDocumentsWithProvenanceAndRemovalsAreAudited() throws {
    let (directory, report) = try Self.build(workers: 2)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    var byID: [String: JSONObject] = [:]
    for part in report.parts {
      let documents = try Self.documents(inPart: directory + "/" + part.path)
      #expect(documents.count == part.documents, "\(part.path)")
      for document in documents {
        let id = try #require(document["id"]?.stringValue)
        #expect(byID[id] == nil, "duplicate id \(id)")
        #expect(document["source"]?.stringValue == part.source)
        byID[id] = document
      }
    }
    // Every removal is in the audit sample, with its rule, and the counts agree with the report.
    let removed = try Self.removedRecords(in: directory)
    var removedDocuments: [String: [String: Int]] = [:]
    var removedLines: [String: [String: Int]] = [:]
    var removedIDs: [String: String] = [:]
    for record in removed {
      let source = try #require(record["source"]?.stringValue)
      let rule = try #require(record["rule"]?.stringValue)
      if record["kind"]?.stringValue == "document" {
        removedDocuments[source, default: [:]][rule, default: 0] += 1
        removedIDs[try #require(record["id"]?.stringValue)] = rule
      } else {
        removedLines[source, default: [:]][rule, default: 0] += 1
      }
    }
    for stats in report.sources {
      #expect(removedDocuments[stats.name, default: [:]] == stats.removed, "\(stats.name)")
      #expect(removedLines[stats.name, default: [:]] == stats.removedLines, "\(stats.name)")
    }
    // formats.md exact fixture lines are in the samples: kept, or removed with a reason.
    let newsroom = try #require(
      byID["https://web.archive.org/web/20170105083000id_/http://www.eksempel.dk:80/nyheder/ny-bro-aabner"])
    #expect(
      newsroom["text"]?.stringValue?.hasPrefix("Ny bro åbner i år\n\nDen nye bro over havnen åbner allerede til sommer")
        == true)
    #expect(newsroom["created"]?.stringValue == "2017-01-05T08:30:00Z")
    // The cookie banner opening this OSCAR page is removed as an ad line; the page is kept.
    let oscarID = "<urn:uuid:82f02929-6b8a-4f2b-a34e-eeefc4586922>"
    let oscar = try #require(byID[oscarID])
    #expect(oscar["text"]?.stringValue?.contains("Denne hjemmeside bruger cookies") == false)
    #expect(oscar["metadata"]?["release"]?.stringValue == "22.01")
    #expect(
      removed.contains {
        $0["id"]?.stringValue == oscarID && $0["kind"]?.stringValue == "line" && $0["line"]?.intValue == 0
          && $0["rule"]?.stringValue == "ads.site_phrase"
      })
    let leipzig = try #require(byID["dan_news_2020_10K:1"])
    #expect(leipzig["metadata"]?["corpus"]?.stringValue == "dan_news_2020_10K")
    #expect(byID["oscar2019/unshuffled/da_part_1.txt.gz#71"] != nil)
    #expect(removedIDs["oscar2019/shuffled/da_dedup.txt.gz#L1"] == "quality.min_words")
    #expect(removedIDs["OpenSubtitles/v2018/mono/da.txt.gz#L1"] == "quality.min_words")
    #expect(removedIDs["dan_newscrawl_2011_10K:240"] == "dedup.exact")
    #expect(byID.keys.contains { $0.hasPrefix("dawiki-20181001:") })
    #expect(byID.keys.contains { $0.hasPrefix("dawiki-20140707:") })
  }

  @Test func shardsVocabularyAndManifestAreConsistent() throws {
    let (directory, report) = try Self.build(workers: 2)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    #expect(OutputVerifier.verify(report, in: directory).isEmpty)
    let manifest = try Manifest<PipelineConfig>.read(path: directory + "/manifest.json")
    let vocabulary = try WordPieceVocabulary(contentsOf: directory + "/vocab.txt")
    #expect(manifest.vocab.sha256 == report.reduce?.vocab?.sha256)
    #expect(manifest.vocab.size == vocabulary.count)
    #expect(Array(vocabulary.tokens.prefix(5)) == ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"])
    let counts = try #require(report.packing)
    // Lossless packing: every token of the clean text is in an example.
    #expect(counts.tokensIn == report.totals.tokens)
    #expect(counts.tokensOut == counts.tokensIn)
    #expect(counts.tokensDropped == 0)
    #expect(report.sources.map(\.examples).reduce(0, +) == counts.examples)
    #expect(Set(manifest.files.map(\.format)) == [.safetensors, .tfrecord])

    let special = manifest.vocab.specialTokens
    var examples = 0
    var tokens = 0
    var decoded: [String] = []
    for file in manifest.files where file.format == .safetensors {
      let shard = try SafetensorsShard(path: directory + "/" + file.path)
      try shard.validateLayout()
      #expect(shard.seqLen == 256)
      #expect(shard.metadata?.vocabSHA256 == manifest.vocab.sha256)
      #expect(shard.metadata?.configSHA256 == manifest.configSHA256)
      for index in 0..<shard.count {
        let example = try shard.example(at: index)
        #expect(example.attentionMask == example.inputIDs.map { $0 != special.pad ? 1 : 0 })
        #expect(example.inputIDs.first == special.cls)
        let packed = try #require(example.packed)
        tokens += packed.contentTokenCount
        if decoded.count < 3 { decoded.append(packed.firstSegment.dropFirst().compactMap(vocabulary.token).joined(separator: " ")) }
      }
      examples += shard.count
    }
    #expect(examples == counts.examples)
    #expect(tokens == counts.tokensOut)
    #expect(decoded.allSatisfy { !$0.isEmpty && !$0.contains("[UNK]") })

    var records = 0
    for file in manifest.files where file.format == .tfrecord {
      var reader = try TFRecordReader(path: directory + "/" + file.path)
      while try reader.next() != nil { records += 1 }
    }
    #expect(records == counts.examples)
  }

  @Test func outputDoesNotDependOnWorkers() throws {
    let one = try Self.build(workers: 1)
    let two = try Self.build(workers: 2)
    defer {
      try? FileManager.default.removeItem(atPath: one.directory)
      try? FileManager.default.removeItem(atPath: two.directory)
    }
    #expect(one.report.parts == two.report.parts)
    #expect(one.report.sources == two.report.sources)
    #expect(one.report.shards == two.report.shards)
    #expect(one.report.reduce == two.report.reduce)
  }
}
