import ArgumentParser
import CorpusPipeline
import Foundation

struct Stats: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Report on a build output directory, or scan raw source files.",
    discussion: """
      On a directory with report.json: the per-source table and a check that every part it \
      lists exists with its size and SHA-256. On source files, folders or globs: read them \
      (types detected) and print the same counts without building.
      """)

  @Argument(help: "A build output directory, or source files, folders or globs.")
  var paths: [String]

  @Flag(help: "Print JSON instead of tables.")
  var json = false

  func run() throws {
    if paths.count == 1, FileManager.default.fileExists(atPath: paths[0] + "/report.json") {
      return try reportOnOutput(paths[0])
    }
    var runner = BuildRunner(config: PipelineConfig().replacingSources(with: paths))
    if !json {
      let printer = IssuePrinter()
      runner.onIssue = { printer.print(source: $0, $1) }
    }
    let report = try runner.run(write: false)
    if json {
      print(try Self.encode(report))
    } else {
      print(ReportTable.render(report), terminator: "")
    }
  }

  private func reportOnOutput(_ directory: String) throws {
    let report = try BuildRunner.readReport(at: directory + "/report.json")
    let mismatches = OutputVerifier.verify(report, in: directory)
    if json {
      print(try Self.encode(report))
    } else {
      print(ReportTable.render(report), terminator: "")
      let files = report.parts.count + report.shards.count + (report.shards.isEmpty ? 0 : 1)
      print(
        mismatches.isEmpty
          ? "\(files) files checked (text parts, shards, vocabulary): sizes and sha256 match the report and manifest"
          : "\(mismatches.count) of \(files) files do not match the report or manifest:")
    }
    for mismatch in mismatches { writeError("error: \(mismatch)") }
    if !mismatches.isEmpty { throw ExitCode.failure }
  }

  static func encode(_ report: BuildReport) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(report), as: UTF8.self)
  }
}
