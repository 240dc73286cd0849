// Throughput of the cleaning filters (line keys + line counting, ads, quality, MinHash + exact
// key) on Danish web-like text, single-threaded (MB/s per core), and the reduce phase's time and
// peak memory (over-represented lines and dedup, each in a child process).
//
//   swift run -c release filter-throughput [--megabytes 100] [--tasks 8] [--dir /tmp/dacorpus-filter-bench]
//   swift run -c release filter-throughput --reduce-budgets 512,16      # reduce under these budgets (MB)
//   … --only keys|count|ads|quality|scores|digest|sign|all             # one stage (for profiling)
//   … --wall                                                           # wall time instead of thread CPU time
//   … --text FILE                                                      # these documents (NUL-separated) instead
//
// The text is made in memory by ``DanishWebText`` (seed 4): Danish prose with per-site
// template lines, cookie banners, shop and price lines, duplicates and near-duplicates.
// Nothing is read from disk while timing. The ads stage prints a digest of every verdict, so
// that a faster ad filter can be checked to give identical results.
import BenchmarkSupport
import CorpusFilters
import Foundation

struct Options {
  var megabytes = 100
  var tasks = 8
  var directory = "/tmp/dacorpus-filter-bench"
  var budgets = [512, 16]
  var child: [String] = []
  var only: String?
  var wall = false
  var textFile: String?

  init(_ arguments: [String]) {
    var i = 1
    while i < arguments.count {
      let next = i + 1 < arguments.count ? arguments[i + 1] : ""
      switch arguments[i] {
      case "--megabytes": megabytes = Int(next) ?? megabytes; i += 1
      case "--tasks": tasks = Int(next) ?? tasks; i += 1
      case "--dir": directory = next; i += 1
      case "--reduce-budgets": budgets = next.split(separator: ",").compactMap { Int($0) }; i += 1
      case "--only": only = next; i += 1
      case "--wall": wall = true
      case "--text": textFile = next; i += 1
      case "--child": child = Array(arguments[(i + 1)...]); i = arguments.count
      default: break
      }
      i += 1
    }
  }
}

/// CPU seconds of this thread spent in `body`: "per core" figures that other processes on a
/// busy machine do not distort (wall time is what `--wall` reports).
func seconds(_ body: () throws -> Void) rethrows -> Double {
  try ResourceUsage.seconds(options.wall ? ResourceUsage.wallSeconds : ResourceUsage.threadCPUSeconds, body)
}

let options = Options(CommandLine.arguments)

// Child mode: run one reducer and print "seconds peakRSS-KB summary".
if options.child.count >= 3 {
  let kind = options.child[0]
  let budget = (Int(options.child[1]) ?? 512) << 20
  let paths = Array(options.child[2...])
  var summary = ""
  let time = try seconds {
    if kind == "lines" {
      let result = try OverrepresentedReducer(
        config: OverrepresentedConfig(), memoryBudget: budget, temporaryDirectory: options.directory
      )
      .reduce(sidecars: paths)
      let s = result.statistics
      summary =
        "\(result.count) over-represented lines from \(s.records) records, \(s.partitions) partitions, \(s.runs) runs"
    } else {
      let result = try DedupReducer(config: DedupConfig(), memoryBudget: budget, temporaryDirectory: options.directory)
        .reduce(sidecars: paths)
      let s = result.statistics
      summary =
        "\(s.documents) documents, \(s.exactDuplicates) exact + \(s.nearDuplicates) near duplicates, \(s.runs) runs"
    }
  }
  print("\(time) \(ResourceUsage.peakRSSKilobytes()) \(summary)")
  exit(0)
}

try FileManager.default.createDirectory(atPath: options.directory, withIntermediateDirectories: true)
let documents: [(text: String, url: String)]
if let path = options.textFile {
  print("reading \(path) …")
  let contents = try String(contentsOfFile: path, encoding: .utf8)
  documents = contents.split(separator: "\0", omittingEmptySubsequences: false).enumerated().map {
    (text: String($0.element), url: "https://www.example.dk/\($0.offset)")
  }
} else {
  print("generating \(options.megabytes) MB of Danish web-like text …")
  documents = DanishWebText.pages(megabytes: options.megabytes, seed: 4).map { (text: $0.text, url: $0.url) }
}
let totalBytes = documents.reduce(0) { $0 + $1.text.utf8.count }
let megabytes = Double(totalBytes) / 1_000_000
print(String(format: "%d documents, %.1f MB of text", documents.count, megabytes))

let config = FiltersConfig()
let policy = OverrepresentedPolicy(config: config.overrepresented, sources: [("web", true)])

/// Prints one stage's line; a stage that `--only` left out (time NaN) prints nothing.
func report(_ name: String, _ time: Double, _ note: String = "") {
  guard !time.isNaN else { return }
  let padded = name.padding(toLength: 40, withPad: " ", startingAt: 0)
  print(
    String(
      format: "  %@ %7.2f s  %7.1f MB/s per core  %@", padded as NSString, time, megabytes / time, note as NSString))
}

/// Whether stage `name` runs (all stages unless `--only` names one).
func runs(_ name: String) -> Bool { options.only == nil || options.only == name }

print("single-threaded, best of 2, \(options.wall ? "wall" : "thread CPU") time:")
func best(_ name: String, _ body: () throws -> Void) rethrows -> Double {
  guard runs(name) else { return .nan }
  return min(try seconds(body), try seconds(body))
}

var keyCount = 0
let keysTime = best("keys") {
  var normalizer = LineNormalizer()
  keyCount = 0
  for d in documents {
    for line in TextLines.split(d.text) { keyCount &+= Int(normalizer.key(line).hash & 1) }
  }
}
report("line keys (normalize + xxHash64)", keysTime)

var countTime = 0.0
countTime = try best("count") {
  let counter = LineCountAccumulator(taskIndex: 0, policy: policy)
  for (i, d) in documents.enumerated() {
    try counter.add(text: d.text, documentIndex: i, group: 0, domain: DomainKey.of(url: d.url))
  }
}
report("line keys + counting (accumulator)", countTime)

/// FNV-1a over every field of ad verdicts: equal digests mean (all but certainly) equal verdicts.
struct VerdictDigest {
  private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

  mutating func add(_ x: Int) {
    value = (value ^ UInt64(bitPattern: Int64(x))) &* 0x0000_0100_0000_01B3
  }

  mutating func add(_ verdict: AdVerdict) {
    add(verdict.rules.count)
    for rule in verdict.rules { add(rule.map { AdRule.allCases.firstIndex(of: $0)! + 1 } ?? 0) }
    add(verdict.removedWords)
    add(verdict.totalWords)
    add(verdict.countedWords)
    add(verdict.dropDocument ? 1 : 0)
  }
}

var adsRemoved = 0
var adsDigest = VerdictDigest()
let adsTime = best("ads") {
  var ads = AdLineFilter(config: config.ads)
  adsRemoved = 0
  adsDigest = VerdictDigest()
  for d in documents {
    let verdict = ads.evaluate(d.text)
    adsRemoved += verdict.rules.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
    adsDigest.add(verdict)
  }
}
report(
  "ads and boilerplate lines", adsTime,
  "\(adsRemoved) lines flagged, digest \(String(adsDigest.value, radix: 16))")

var qualityFailed = 0
let qualityTime = best("quality") {
  var quality = QualityFilter(rules: QualityProfile.fineweb2Dan.rules)
  qualityFailed = 0
  for d in documents where quality.evaluate(d.text) != nil { qualityFailed += 1 }
}
report("quality (fineweb2-dan, first failure)", qualityTime, "\(qualityFailed) documents fail")

let scoresTime = best("scores") {
  var quality = QualityFilter(rules: QualityProfile.fineweb2Dan.rules)
  for d in documents { _ = quality.scores(d.text) }
}
report("quality (every rule scored)", scoresTime)

// A change to the quality filter must leave every score and verdict as it was: the digest is
// xxHash64 over each document's scores (the Doubles' bit patterns, in `QualityRule.allCases`
// order) and its verdict (rule index + 1 and score bits, or 0).
if runs("digest") {
  var quality = QualityFilter(rules: QualityProfile.fineweb2Dan.rules)
  var hasher = XXHash64Hasher()
  for d in documents {
    let scores = quality.scores(d.text)
    var words = QualityRule.allCases.map { scores[$0]?.bitPattern ?? 0 }
    if let verdict = quality.evaluate(d.text) {
      words.append(UInt64(QualityRule.allCases.firstIndex(of: verdict.rule) ?? 0) + 1)
      words.append(verdict.score.bitPattern)
    } else {
      words.append(0)
    }
    words.withUnsafeBytes { hasher.update($0) }
  }
  print("  quality digest (scores and verdicts of every document): \(String(hasher.finalize(), radix: 16))")
}

// A faster signer must leave every signature and line key as it was: the digest folds each
// document's exact key, MinHash values and line keys (hash and length), signed as the ingest
// signs (`sign(_:lineKeys:)`), with the ads stage's FNV-1a.
var signDigest = VerdictDigest()
let signTime = best("sign") {
  var signer = DedupSigner(config: config.dedup, pipelineSeed: 1234)
  var lineKeys: [LineKey] = []
  signDigest = VerdictDigest()
  for d in documents {
    let signature = signer.sign(d.text, lineKeys: &lineKeys)
    signDigest.add(Int(truncatingIfNeeded: signature.exact?.low ?? 0))
    signDigest.add(Int(truncatingIfNeeded: signature.exact?.high ?? 0))
    signDigest.add(signature.minhash?.count ?? -1)
    for value in signature.minhash ?? [] { signDigest.add(Int(value)) }
    signDigest.add(lineKeys.count)
    for key in lineKeys {
      signDigest.add(Int(truncatingIfNeeded: key.hash))
      signDigest.add(key.length)
    }
  }
}
report("dedup signature (exact + MinHash 14×8)", signTime, "digest \(String(signDigest.value, radix: 16))")

// All filters together, as one ingest worker runs them, with the sidecars written.
let sidecarDirectory = "\(options.directory)/sidecars"
try? FileManager.default.removeItem(atPath: sidecarDirectory)
try FileManager.default.createDirectory(atPath: sidecarDirectory, withIntermediateDirectories: true)
var linePaths: [String] = []
var signaturePaths: [String] = []
if options.only != nil && options.only != "all" { exit(0) }
let combined = try seconds {
  var ads = AdLineFilter(config: config.ads)
  var quality = QualityFilter(rules: QualityProfile.fineweb2Dan.rules)
  var signer = DedupSigner(config: config.dedup, pipelineSeed: 1234)
  let perTask = (documents.count + options.tasks - 1) / options.tasks
  for task in 0..<options.tasks {
    let counter = LineCountAccumulator(taskIndex: task, policy: policy)
    let signatures = try SignatureSidecarWriter(
      path: "\(sidecarDirectory)/task-\(task).signatures", taskIndex: task, config: config.dedup.minhash,
      seed: signer.seed)
    let slice = documents[min(documents.count, task * perTask)..<min(documents.count, (task + 1) * perTask)]
    var index = 0
    for d in slice {
      _ = quality.evaluate(d.text)  // counted as if every document went on (worst case)
      let verdict = ads.evaluate(d.text)
      let text = verdict.removal.apply(to: d.text)
      try counter.add(text: text, documentIndex: index, group: 0, domain: DomainKey.of(url: d.url))
      try signatures.append(documentIndex: index, sourceIndex: 0, id: d.url, signature: signer.sign(text))
      index += 1
    }
    try counter.write(to: "\(sidecarDirectory)/task-\(task).linecounts")
    try signatures.finish()
    linePaths.append("\(sidecarDirectory)/task-\(task).linecounts")
    signaturePaths.append("\(sidecarDirectory)/task-\(task).signatures")
  }
}
report("all filters + sidecars (one worker)", combined)

func sizeMB(_ paths: [String]) -> Double {
  Double(paths.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) })
    / 1e6
}
print(
  String(
    format: "sidecars: %d line-count files %.1f MB, %d signature files %.1f MB", linePaths.count, sizeMB(linePaths),
    signaturePaths.count, sizeMB(signaturePaths)))

print("reduce phase (child processes; peak RSS includes the process's own ~10 MB and mapped sidecar pages):")
for budget in options.budgets {
  for (kind, paths) in [("lines", linePaths), ("dedup", signaturePaths)] {
    let process = Process()
    let pipe = Pipe()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = ["--dir", options.directory, "--child", kind, String(budget)] + paths
    process.standardOutput = pipe
    try process.run()
    process.waitUntilExit()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let fields = output.split(separator: " ", maxSplits: 2)
    guard fields.count == 3, let time = Double(fields[0]), let rss = Int(fields[1]) else {
      print("  \(kind) with \(budget) MB: child failed: \(output)")
      continue
    }
    print(
      String(
        format: "  %-6@ budget %4d MB: %6.2f s, peak RSS %5d MiB — %@", kind as NSString, budget, time, rss / 1024,
        fields[2].trimmingCharacters(in: .whitespacesAndNewlines) as NSString))
  }
}
