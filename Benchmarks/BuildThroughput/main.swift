// End-to-end throughput of `dacorpus build` on Danish web-like text, one worker (per core):
// ingest (read → normalize → filter → scratch part and sidecars), reduce (over-represented
// lines, duplicates, vocabulary), finish (clean parts, tokens) and pack (examples, shards),
// each with its CPU time, wall time and peak memory.
//
//   swift build -c release --product build-throughput && .build/release/build-throughput
//       [--megabytes 100] [--parts 8] [--dir /tmp/dacorpus-build-bench] [--workers 1]
//   .build/release/build-throughput --child CONFIG     # one build in this process (for profiling)
//
// The input is `--megabytes` MB of text (the `content` fields) from ``DanishWebText`` (seed
// 2201), written once as OSCAR 22.01 `.jsonl.gz` parts and reused. The build runs in a child
// process under the repository's default filters, a trained 32 000-token vocabulary, lossless
// packing to 256 tokens and safetensors shards. The child reports each phase when
// `BuildRunner.onPhaseEnd` fires: wall time, CPU time of the process (every thread), and the
// phase's peak resident memory (`VmHWM`, reset at every phase start). The parent adds the
// child's total CPU time from `getrusage(RUSAGE_CHILDREN)`. A second build then loads the
// first one's vocabulary (`tokenizer.vocab: out/vocab.txt`): its ingest phase is read →
// normalize → filter alone, without the word counts for the vocabulary.
import BenchmarkSupport
import CorpusPipeline
import Foundation

struct Options {
  var megabytes = 100
  var parts = 8
  var directory = "/tmp/dacorpus-build-bench"
  var workers = 1
  var child: String?

  init(_ arguments: [String]) {
    var i = 1
    func value() -> String {
      i += 1
      return i < arguments.count ? arguments[i] : ""
    }
    while i < arguments.count {
      switch arguments[i] {
      case "--megabytes": megabytes = Int(value()) ?? megabytes
      case "--parts": parts = max(1, Int(value()) ?? parts)
      case "--dir": directory = value()
      case "--workers": workers = max(1, Int(value()) ?? workers)
      case "--child": child = value()
      default: print("ignoring unknown argument \(arguments[i])")
      }
      i += 1
    }
  }
}

/// The generated input: where its parts are, and its sizes.
struct Input {
  var directory: String
  var pages = 0
  var textBytes: Int64 = 0
  var jsonlBytes: Int64 = 0
  var compressedBytes: Int64 = 0

  /// The sizes file written beside the parts once they are complete.
  var sizesPath: String { directory + "/sizes.txt" }

  /// Reads the sizes of a complete input, or `nil` when it has not been made yet.
  static func existing(_ directory: String) -> Input? {
    var input = Input(directory: directory)
    guard let text = try? String(contentsOfFile: input.sizesPath, encoding: .utf8) else { return nil }
    let numbers = text.split(separator: " ").compactMap { Int64($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    guard numbers.count == 4 else { return nil }
    input.pages = Int(numbers[0])
    input.textBytes = numbers[1]
    input.jsonlBytes = numbers[2]
    input.compressedBytes = numbers[3]
    return input
  }

  /// Generates `megabytes` MB of text into `parts` OSCAR 22.01 files.
  static func make(_ directory: String, megabytes: Int, parts: Int) throws -> Input {
    try? FileManager.default.removeItem(atPath: directory)
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var input = Input(directory: directory)
    var generator = DanishWebText(seed: 2201)
    let perPart = Int64(megabytes) * 1_000_000 / Int64(parts) + 1
    for part in 0..<parts {
      let writer = try OscarFileWriter(path: directory + "/da_meta_part_\(part + 1).jsonl.gz")
      while writer.textBytes < perPart { try writer.append(generator.next()) }
      try writer.finish()
      input.pages += writer.pages
      input.textBytes += writer.textBytes
      input.jsonlBytes += writer.jsonlBytes
      input.compressedBytes += writer.compressedBytes
    }
    let sizes = "\(input.pages) \(input.textBytes) \(input.jsonlBytes) \(input.compressedBytes)\n"
    try sizes.write(toFile: input.sizesPath, atomically: true, encoding: .utf8)
    return input
  }
}

/// The child: runs one build and prints `start CPU`, then one `phase NAME WALL CPU PEAK-KB`
/// line per phase (CPU: the process's CPU seconds so far), then `counts DOCUMENTS EXAMPLES TOKENS`.
func runChild(configPath: String) throws {
  var runner = BuildRunner(config: try ConfigLoader.load(path: configPath))
  runner.configFile = configPath
  runner.onPhaseEnd = { phase, duration in
    let wall = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    print("phase \(phase) \(wall) \(ResourceUsage.processCPUSeconds()) \(ResourceUsage.peakRSSKilobytes())")
    ResourceUsage.resetPeakRSS()
  }
  print("start \(ResourceUsage.processCPUSeconds())")
  ResourceUsage.resetPeakRSS()
  let report = try runner.run()
  print("counts \(report.totals.documents) \(report.packing?.examples ?? 0) \(report.packing?.tokensOut ?? 0)")
}

/// The config of a measured build, `name`: the repository's defaults, one OSCAR source, and
/// `vocab` as `tokenizer.vocab` (`train`, or a vocabulary file).
func writeConfig(input: Input, options: Options, name: String, vocab: String) throws -> String {
  let path = options.directory + "/\(name).yaml"
  let yaml = """
    version: 1
    output: \(options.directory)/\(name)
    workers: \(options.workers)
    seed: 1234
    sources:
      - name: oscar
        type: oscar
        paths: ["\(input.directory)/*.jsonl.gz"]
        web: true
    normalize:
      repair: {entities: true, mojibake: true, controls: true, whitespace: true, nfc: true}
      transliterate: {keep: "æøåÆØÅ§", leftovers: drop}
    filters:
      overrepresented: {scope: web, min_count: 10, min_documents: 5, min_domains: 1, min_length: 15, keep: none}
      ads: {scope: web, drop_document_share: 0.05}
      quality: {profile: fineweb2-dan}
      dedup: {exact: true, minhash: {shingle: 5, bands: 14, rows: 8, threshold: 0.8}}
    audit: {removed: sample, sample_size: 10000}
    tokenizer: {vocab: "\(vocab)", size: 32000, min_frequency: 2, lowercase: false}
    packing: {seq_len: 256, mode: lossless, split_sentences: true}
    shards: {formats: [safetensors], examples_per_shard: 65536, dtype: int32, shuffle: true}

    """
  try yaml.write(toFile: path, atomically: true, encoding: .utf8)
  return path
}

/// One phase as the child reported it.
struct Phase {
  var name: String
  var wall: Double
  var cpu: Double
  var peakKilobytes: Int
}

/// `name` padded to the first column's width.
func column(_ name: String) -> String { name.padding(toLength: 8, withPad: " ", startingAt: 0) }

/// The CPU model (`model name` in /proc/cpuinfo).
func cpuModel() -> String {
  let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
  let line = info.split(separator: "\n").first { $0.hasPrefix("model name") }
  return line.map { $0.split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "" } ?? "?"
}

/// `/proc/loadavg`'s first three fields.
func loadAverage() -> String {
  ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3)
    .joined(separator: " ")
}

let options = Options(CommandLine.arguments)
if let config = options.child {
  try runChild(configPath: config)
  exit(0)
}

let inputDirectory = "\(options.directory)/input-\(options.megabytes)MB-\(options.parts)parts"
let input: Input
if let existing = Input.existing(inputDirectory) {
  input = existing
} else {
  print("generating \(options.megabytes) MB of Danish web-like text into \(inputDirectory) …")
  input = try Input.make(inputDirectory, megabytes: options.megabytes, parts: options.parts)
}
let textMB = Double(input.textBytes) / 1e6
let jsonlMB = Double(input.jsonlBytes) / 1e6
let gzipMB = Double(input.compressedBytes) / 1e6
print(
  String(
    format: "input: %d OSCAR 22.01 parts, %d pages: %.1f MB text, %.1f MB JSONL, %.1f MB gzip", options.parts,
    input.pages, textMB, jsonlMB, gzipMB))

/// One build in a child process, as the child reported it.
struct Build {
  var phases: [Phase] = []
  var documents = 0
  var examples = 0
  var wall = 0.0
  var cpu = 0.0

  func phase(_ name: String) -> Phase? { phases.first { $0.name == name } }
}

/// Runs the build of `configPath` in a child process.
func runBuild(_ configPath: String) throws -> Build {
  let process = Process()
  let pipe = Pipe()
  process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
  process.arguments = ["--child", configPath]
  process.standardOutput = pipe
  let cpuBefore = ResourceUsage.childrenCPUSeconds()
  let wallStart = ResourceUsage.wallSeconds()
  try process.run()
  let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  process.waitUntilExit()
  var build = Build()
  build.wall = ResourceUsage.wallSeconds() - wallStart
  build.cpu = ResourceUsage.childrenCPUSeconds() - cpuBefore
  guard process.terminationStatus == 0 else {
    print("the build failed (status \(process.terminationStatus)):\n\(output)")
    exit(1)
  }
  var cpuMark = 0.0
  for line in output.split(separator: "\n") {
    let fields = line.split(separator: " ")
    if fields.first == "start", fields.count == 2 {
      cpuMark = Double(fields[1]) ?? 0
    } else if fields.first == "phase", fields.count == 5 {
      let cpu = Double(fields[3]) ?? 0
      build.phases.append(
        Phase(
          name: String(fields[1]), wall: Double(fields[2]) ?? 0, cpu: cpu - cpuMark,
          peakKilobytes: Int(fields[4]) ?? 0))
      cpuMark = cpu
    } else if fields.first == "counts", fields.count == 4 {
      build.documents = Int(fields[1]) ?? 0
      build.examples = Int(fields[2]) ?? 0
    }
  }
  return build
}

/// The ingest phase's throughput note.
func ingestNote(_ phase: Phase) -> String {
  String(
    format: "%.1f MB/s text, %.1f MB/s JSONL, %.1f MB/s gzip per core; %.0f pages/s", textMB / phase.cpu,
    jsonlMB / phase.cpu, gzipMB / phase.cpu, Double(input.pages) / phase.cpu)
}

/// One row of the table.
func row(_ name: String, _ phase: Phase, _ note: String) -> String {
  String(
    format: "%@ %7.2f  %7.2f  %6d MiB   %@", column(name) as NSString, phase.wall, phase.cpu,
    phase.peakKilobytes / 1024, note as NSString)
}

let loadBefore = loadAverage()
let trained = try runBuild(try writeConfig(input: input, options: options, name: "out", vocab: "train"))
// The same build with the first build's vocabulary loaded: its ingest phase is read →
// normalize → filter alone, without counting words for the vocabulary.
let loaded = try runBuild(
  try writeConfig(input: input, options: options, name: "out-loaded-vocab", vocab: options.directory + "/out/vocab.txt"))

print(
  "dacorpus build, workers: \(options.workers); \(cpuModel()), \(ProcessInfo.processInfo.activeProcessorCount) cores; "
    + "load average before \(loadBefore), after \(loadAverage())")
print("CPU = CPU time of the build process (all threads); MB/s per core = MB / CPU s")
print("phase      wall s    CPU s   peak RSS   throughput")
for phase in trained.phases {
  var note = ""
  switch phase.name {
  case "ingest": note = ingestNote(phase) + " (with word counts for the vocabulary)"
  case "pack": note = String(format: "%d examples, %.0f examples/s per core", trained.examples, Double(trained.examples) / phase.cpu)
  case "finish": note = String(format: "%d documents kept", trained.documents)
  default: break
  }
  print(row(phase.name, phase, note))
}
print(
  String(
    format: "%@ %7.2f  %7.2f  %6d MiB   %.1f MB/s text, %.1f MB/s gzip per core end to end", column("total"),
    trained.wall, trained.cpu, (trained.phases.map(\.peakKilobytes).max() ?? 0) / 1024, textMB / trained.cpu,
    gzipMB / trained.cpu))
if let ingest = loaded.phase("ingest") {
  print(row("ingest", ingest, ingestNote(ingest) + " (vocabulary loaded: read → normalize → filter)"))
}
if trained.documents != loaded.documents || trained.examples != loaded.examples {
  print("warning: the loaded-vocabulary build kept \(loaded.documents) documents and made \(loaded.examples) examples")
}
