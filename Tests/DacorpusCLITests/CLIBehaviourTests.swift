import CorpusPipeline
import Foundation
import Testing

/// Exit codes, config errors, strict mode and output checks of the built `dacorpus` binary.
@Suite struct CLIBehaviourTests {
  @Test func badUsageExits64() throws {
    let result = try CLIRunner.run(["build", "--workers", "0"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--workers must be at least 1"))
    #expect(try CLIRunner.run(["frobnicate"]).status == 64)
  }

  @Test func configErrorNamesTheKeyAndExits1() throws {
    let directory = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try "version: 1\nsources:\n  - {name: a, type: oscr, paths: [x]}\n".write(
      toFile: directory + "/bad.yaml", atomically: true, encoding: .utf8)
    let result = try CLIRunner.run(["build", "bad.yaml"], in: directory)
    #expect(result.status == 1)
    #expect(result.stderr.contains("bad.yaml: sources[0].type: unknown type 'oscr'"))
    #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
  }

  @Test func dumpConfigPrintsEffectiveConfig() throws {
    let result = try CLIRunner.run(["build", "--dump-config", "--workers", "3", "--output", "elsewhere"])
    #expect(result.status == 0)
    let config = try ConfigLoader.parse(result.stdout)
    #expect(config.workers == 3)
    #expect(config.output == "elsewhere")
    #expect(config.sources.map(\.name) == ["oscar", "leipzig", "wikipedia", "opus", "danewsroom"])
  }

  @Test func dataIssuesAreCountedOrFatalWithStrict() throws {
    let directory = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try "{\"text\":\"god\"}\n{broken\n{\"text\":\"også god\"}\n".write(
      toFile: directory + "/own.jsonl", atomically: true, encoding: .utf8)
    let lenient = try CLIRunner.run(["build", "--source", "own.jsonl", "--output", "out", "--quiet"], in: directory)
    #expect(lenient.status == 0)
    let report = try BuildRunner.readReport(at: directory + "/out/report.json")
    // Two documents and a broken record; the default quality rules may remove the short documents.
    #expect(report.totals.records == 3)
    #expect(report.totals.documents + report.totals.removed.values.reduce(0, +) == 2)
    #expect(report.totals.rejected == 1)
    #expect(report.totals.issues == ["malformed_json": 1])
    #expect(report.issues.first?.location == "line 2")

    let strict = try CLIRunner.run(["build", "--source", "own.jsonl", "--output", "out2", "--strict"], in: directory)
    #expect(strict.status == 1)
    #expect(strict.stderr.contains("malformed_json"))
  }

  @Test func statsChecksPartsAgainstTheReport() throws {
    let directory = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try "Første dokument.\n\nAndet dokument.\n".write(
      toFile: directory + "/notes.txt", atomically: true, encoding: .utf8)
    #expect(try CLIRunner.run(["build", "--source", "notes.txt", "-o", "out", "-q"], in: directory).status == 0)
    let good = try CLIRunner.run(["stats", "out"], in: directory)
    #expect(good.status == 0)
    #expect(good.stdout.contains("files checked"))
    let json = try CLIRunner.run(["stats", "out", "--json"], in: directory)
    #expect(json.stdout.contains("\"records\" : 2"))

    let part = directory + "/out/text/text-00000.jsonl.gz"
    var bytes = try Data(contentsOf: URL(fileURLWithPath: part))
    bytes[bytes.count - 5] ^= 0xFF
    try bytes.write(to: URL(fileURLWithPath: part))
    let bad = try CLIRunner.run(["stats", "out"], in: directory)
    #expect(bad.status == 1)
    #expect(bad.stderr.contains("sha256 differs"))
  }

  @Test func inspectPrintsDocumentsAsJSONLines() throws {
    let directory = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try "En.\n\nTo.\n\nTre.\n".write(toFile: directory + "/notes.txt", atomically: true, encoding: .utf8)
    let result = try CLIRunner.run(["inspect", "notes.txt", "--limit", "2"], in: directory)
    #expect(result.status == 0)
    #expect(
      result.stdout == """
        {"id":"notes.txt#0","source":"text","text":"En.","metadata":{"file":"notes.txt","line":1}}
        {"id":"notes.txt#1","source":"text","text":"To.","metadata":{"file":"notes.txt","line":3}}

        """)
  }
}
