import Foundation
import Shards
import Testing
import WordPiece

@testable import CorpusPipeline

/// `dacorpus stats` on a small build: the shards read back agree with what the build counted,
/// and the HTML page has every section and chart, escaped and self-contained.
@Suite struct OutputStatisticsTests {
  /// A build of twelve web pages (one duplicate, one over-represented line) into
  /// `directory/out`, with examples of 32 in two formats, and its statistics.
  static func build(in directory: String) throws -> OutputStatistics {
    try BuildRunnerTests.writeWebPages(12, in: directory)
    let config = try BuildRunnerTests.config(
      in: directory,
      """
      tokenizer: {size: 200, min_frequency: 1}
      packing: {seq_len: 32}
      shards: {formats: [safetensors, tfrecord], examples_per_shard: 8}
      """)
    let report = try BuildRunner(config: config).run()
    return OutputStatistics(
      report: report, shardStatistics: try OutputStatistics.readShards(of: report, in: config.output, binWidth: 8))
  }

  @Test func shardStatisticsAgreeWithTheBuildsCounts() throws {
    let directory = try BuildPhaseTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let statistics = try Self.build(in: directory)
    let report = statistics.report
    let counts = try #require(report.packing)
    let shards = try #require(statistics.shardStatistics)
    #expect(shards.format == .safetensors)
    #expect(shards.files == report.shards.filter { $0.format == .safetensors }.count)
    #expect(shards.files > 1)
    #expect(shards.seqLen == 32)
    #expect(shards.examples == counts.examples)
    #expect(shards.twoSegmentExamples == counts.twoSegmentExamples)
    #expect(shards.padding == counts.padding)
    #expect(shards.tokens == report.totals.tokens)
    #expect(shards.unknownTokens == report.totals.unknownTokens)
    #expect(shards.outOfVocabularyTokens == 0)
    #expect(shards.segmentALengths.total == counts.examples)
    #expect(shards.segmentBLengths.total == counts.twoSegmentExamples)
    #expect(shards.exampleLengths.counts.count == 4)
    #expect(shards.exampleLengths.total == counts.examples)
    // Top tokens are named with the build's vocabulary, most frequent first.
    let vocabulary = try WordPieceVocabulary(contentsOf: report.config.output + "/vocab.txt").tokens
    #expect(shards.topTokens.count == 25)
    #expect(shards.topTokens.allSatisfy { $0.token == vocabulary[Int($0.id)] })
    #expect(zip(shards.topTokens, shards.topTokens.dropFirst()).allSatisfy { $0.count >= $1.count })
  }

  @Test func htmlHasEverySectionAndChartAndNoExternalReferences() throws {
    let directory = try BuildPhaseTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let statistics = try Self.build(in: directory)
    let html = HTMLReport.render(statistics)
    #expect(html.hasPrefix("<!DOCTYPE html>\n"))
    #expect(html.hasSuffix("</html>\n"))
    let charts = [
      "sources": 0, "funnel": 1, "removals": 2, "normalization": 0, "tokens": 1, "lengths": 3, "top-tokens": 1,
      "removed-lines": 0, "shards": 0,
    ]
    for (id, svgCount) in charts {
      let section = try #require(Self.section(id, of: html), "section \(id)")
      #expect(section.components(separatedBy: "<svg").count - 1 == svgCount, "section \(id)")
      #expect(section.contains("<table>"), "section \(id)")
    }
    let report = statistics.report
    let shards = try #require(statistics.shardStatistics)
    let funnel = try #require(Self.section("funnel", of: html))
    #expect(funnel.contains(">\(report.totals.records)</text>"))
    #expect(funnel.contains(">\(report.totals.documents)</text>"))
    #expect(try #require(Self.section("tokens", of: html)).contains(">100.0 % · \(report.totals.tokens)</text>"))
    let lengths = try #require(Self.section("lengths", of: html))
    #expect(lengths.contains("\(shards.examples) examples of 32"))
    for count in shards.exampleLengths.counts { #expect(lengths.contains(">\(count)</text>")) }
    let topToken = try #require(shards.topTokens.first?.token)
    #expect(try #require(Self.section("top-tokens", of: html)).contains(">\(topToken.htmlEscaped)</text>"))
    #expect(try #require(Self.section("removed-lines", of: html)).contains(BuildRunnerTests.boilerplate))
    #expect(!html.contains("http"))
    #expect(!html.lowercased().contains("<script"))
    #expect(!html.contains("src="))
    #expect(!html.contains("href="))
  }

  @Test func textFromTheDataIsEscaped() {
    var stats = SourceStats(name: "web<&>\"'")
    stats.records = 3
    stats.removed = ["quality.<b>": 1]
    var report = BuildReport(config: PipelineConfig(), sources: [stats], parts: [], issues: [])
    report.reduce = ReduceSummary()
    report.packing = ExampleBuilder.Counts()
    report.topRemovedLines = [
      RemovedLineCount(rule: "ads.price", text: "<script>alert(\"x\") & 'y'</script>", count: 2)
    ]
    let html = HTMLReport.render(OutputStatistics(report: report))
    #expect(html.contains("<td>&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;</td>"))
    #expect(html.contains(">web&lt;&amp;&gt;&quot;&#39;</text>"))
    #expect(html.contains("<td>web&lt;&amp;&gt;&quot;&#39;</td>"))
    #expect(html.contains(">quality.&lt;b&gt;</text>"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("<b>"))
    #expect(!html.contains("web<"))
  }

  /// The text of `<section id="id">…</section>`, or `nil`.
  static func section(_ id: String, of html: String) -> Substring? {
    guard let start = html.range(of: "<section id=\"\(id)\">") else { return nil }
    guard let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex) else { return nil }
    return html[start.lowerBound..<end.upperBound]
  }
}
