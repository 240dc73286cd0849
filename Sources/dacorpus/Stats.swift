import ArgumentParser
import CorpusPipeline
import Foundation

struct Stats: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Report on a build output directory, or scan raw source files.",
    discussion: """
      On a directory with report.json: the report's tables, statistics read back from the \
      shards (segment and example length histograms, padding, two-segment share, [UNK] rate, \
      top tokens), and a check that every text part, shard and the vocabulary exist with the \
      size and SHA-256 the report and manifest record. On source files, folders or globs: read \
      them (types detected), normalize them, and print the same counts without building or \
      filtering.

      --json prints {"report": …, "shard_statistics": …} instead of tables (no \
      shard_statistics without shards). --html FILE also writes a self-contained HTML page with \
      charts (no scripts, no network).
      """)

  @Argument(help: "A build output directory, or source files, folders or globs.")
  var paths: [String]

  @Flag(help: "Print JSON instead of tables.")
  var json = false

  @Option(help: ArgumentHelp("Also write the report as one self-contained HTML file.", valueName: "file"))
  var html: String?

  @Option(help: ArgumentHelp("Most frequent tokens to list.", valueName: "n"))
  var topTokens = 25

  func validate() throws {
    if topTokens < 0 { throw ValidationError("--top-tokens must not be negative") }
  }

  func run() throws {
    if paths.count == 1, FileManager.default.fileExists(atPath: paths[0] + "/report.json") {
      return try reportOnOutput(paths[0])
    }
    // Raw inputs: what the readers make of them, normalized; no document filter, since their
    // default rules are for web pages and would count sentence lists as removed.
    var config = PipelineConfig().replacingSources(with: paths)
    config.filters.quality.enabled = false
    config.filters.ads.enabled = false
    var runner = BuildRunner(config: config)
    if !json {
      let printer = IssuePrinter()
      runner.onIssue = { printer.print(source: $0, $1) }
    }
    try emit(OutputStatistics(report: try runner.run(write: false)))
  }

  private func reportOnOutput(_ directory: String) throws {
    let report = try BuildRunner.readReport(at: directory + "/report.json")
    let mismatches = OutputVerifier.verify(report, in: directory)
    var statistics = OutputStatistics(report: report)
    var unreadable: String?
    do {
      statistics.shardStatistics = try OutputStatistics.readShards(of: report, in: directory, topTokens: topTokens)
    } catch {
      unreadable = "cannot read the shards: \(error)"
    }
    try emit(statistics)
    if !json {
      let files = report.parts.count + report.shards.count + (report.shards.isEmpty ? 0 : 1)
      print(
        mismatches.isEmpty
          ? "\(files) files checked (text parts, shards, vocabulary): sizes and sha256 match the report and manifest"
          : "\(mismatches.count) of \(files) files do not match the report or manifest:")
    }
    for mismatch in mismatches { writeError("error: \(mismatch)") }
    if let unreadable { writeError("error: \(unreadable)") }
    if !mismatches.isEmpty || unreadable != nil { throw ExitCode.failure }
  }

  /// Prints `statistics` as tables or JSON, and writes the HTML page when asked to.
  private func emit(_ statistics: OutputStatistics) throws {
    if json {
      print(try statistics.encoded())
    } else {
      print(ReportTable.render(statistics.report), terminator: "")
      if let shards = statistics.shardStatistics { print("\n" + ShardStatisticsTable.render(shards), terminator: "") }
    }
    if let html {
      try Data(HTMLReport.render(statistics).utf8).write(to: URL(fileURLWithPath: html), options: .atomic)
    }
  }
}
