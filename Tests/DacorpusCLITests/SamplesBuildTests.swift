import CorpusIO
import CorpusPipeline
import CorpusSources
import Foundation
import Testing

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
    #expect(report.sources[3].removed == ["normalize.empty": 22])
    #expect(report.totals.normalize.transliterated.total > 0)
    #expect(report.parts.map(\.documents).reduce(0, +) == report.totals.documents)
    #expect(OutputVerifier.verify(report, in: directory).isEmpty)
  }

  @Test func partsHoldTheDocumentsWithProvenance() throws {
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
    // formats.md exact fixture lines are in the samples.
    let newsroom = try #require(
      byID["https://web.archive.org/web/20170105083000id_/http://www.eksempel.dk:80/nyheder/ny-bro-aabner"])
    #expect(
      newsroom["text"]?.stringValue?.hasPrefix("Ny bro åbner i år\n\nDen nye bro over havnen åbner allerede til sommer")
        == true)
    #expect(newsroom["created"]?.stringValue == "2017-01-05T08:30:00Z")
    let oscar = try #require(byID["<urn:uuid:82f02929-6b8a-4f2b-a34e-eeefc4586922>"])
    #expect(
      oscar["text"]?.stringValue?.hasPrefix("Denne hjemmeside bruger cookies til statistik og markedsføring.") == true)
    #expect(oscar["metadata"]?["release"]?.stringValue == "22.01")
    let leipzig = try #require(byID["dan_news_2020_10K:1"])
    #expect(leipzig["metadata"]?["corpus"]?.stringValue == "dan_news_2020_10K")
    #expect(byID["oscar2019/shuffled/da_dedup.txt.gz#L1"] != nil)
    #expect(byID["oscar2019/unshuffled/da_part_1.txt.gz#71"] != nil)
    #expect(byID.keys.contains { $0.hasPrefix("dawiki-20181001:") })
    #expect(byID.keys.contains { $0.hasPrefix("dawiki-20140707:") })
    #expect(byID["OpenSubtitles/v2018/mono/da.txt.gz#L1"] != nil)
    #expect(byID["dan_newscrawl_2011_10K:240"] != nil)
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
  }
}
