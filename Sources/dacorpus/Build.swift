import ArgumentParser
import CorpusPipeline
import CorpusSources
import Foundation

struct Build: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run the pipeline: read, clean, tokenize and pack the sources into tensor shards.",
    discussion: """
      Reads CONFIG (default: pipeline.yaml). Writes OUTPUT/text/*.jsonl.gz (the clean \
      Dolma-style documents), OUTPUT/removed/ (what the filters removed), OUTPUT/vocab.txt, \
      OUTPUT/shards/ (safetensors and/or TFRecord), OUTPUT/manifest.json and \
      OUTPUT/report.json. Data problems are counted and reported, not fatal, unless --strict. \
      Exit codes: 0 success, 1 failure, 64 bad usage.
      """)

  @Argument(help: "The pipeline config.", completion: .file(extensions: ["yaml", "yml"]))
  var config: String?

  @Option(name: .shortAndLong, help: "Output directory (overrides 'output').")
  var output: String?

  @Option(name: .customLong("source"), help: "A file, folder or glob to read instead of the config's sources; repeatable; types are detected.")
  var sources: [String] = []

  @Option(help: "Parallel workers (overrides 'workers').")
  var workers: Int?

  @Flag(help: "Stop at the first data issue.")
  var strict = false

  @Flag(help: "Print the effective config as YAML and exit.")
  var dumpConfig = false

  @Flag(name: .shortAndLong, help: "No progress display and no per-issue warnings.")
  var quiet = false

  func validate() throws {
    if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
  }

  func run() throws {
    var pipeline = try loadConfig()
    if let output { pipeline.output = output }
    if let workers { pipeline.workers = workers }
    if strict { pipeline.strict = true }
    if !sources.isEmpty { pipeline = pipeline.replacingSources(with: sources) }
    if dumpConfig {
      print(try ConfigLoader.dump(pipeline), terminator: "")
      return
    }
    if pipeline.sources.isEmpty {
      throw ValidationError("the config lists no sources; add 'sources:' to it or pass --source PATH")
    }
    let printer = IssuePrinter()
    var runner = BuildRunner(config: pipeline)
    runner.configFile = config ?? "pipeline.yaml"
    runner.showProgress = !quiet
    if !quiet {
      runner.onIssue = { printer.print(source: $0, $1) }
      runner.onPhaseEnd = { phase, duration in
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        writeError(String(format: "%@ phase done in %.2f s", phase, seconds))
      }
    }
    let report: BuildReport
    do {
      report = try runner.run()
    } catch let error as StrictModeError {
      writeError("error: \(error)")
      throw ExitCode.failure
    } catch let error as ConfigError {
      writeError("error: \(error)")
      throw ExitCode.failure
    }
    printer.finish()
    print(ReportTable.render(report), terminator: "")
    let out = pipeline.output
    print("wrote \(report.parts.count) text parts to \(out)/text, the report to \(out)/report.json")
    if let vocab = report.reduce?.vocab {
      print("vocabulary: \(out)/\(vocab.path), \(vocab.size) tokens (\(vocab.origin)), sha256 \(vocab.sha256)")
    }
    if let packing = report.packing {
      let files = Set(report.shards.map(\.path.description)).count
      print(
        "shards: \(packing.examples) examples of \(pipeline.packing.seqLen) tokens, \(packing.tokensOut) tokens, in \(files) files under \(out)/shards; manifest \(out)/manifest.json"
      )
    }
  }

  private func loadConfig() throws -> PipelineConfig {
    let path = config ?? "pipeline.yaml"
    if config == nil && !sources.isEmpty && !FileManager.default.fileExists(atPath: path) {
      return PipelineConfig()
    }
    do {
      return try ConfigLoader.load(path: path)
    } catch {
      writeError("error: \(error)")
      throw ExitCode.failure
    }
  }
}
