// Throughput of the cleaning filters (line keys + line counting, ads, quality, MinHash + exact
// key) on Danish web-like text, single-threaded (MB/s per core), and the reduce phase's time and
// peak memory (over-represented lines and dedup, each in a child process).
//
//   swift run -c release filter-throughput [--megabytes 100] [--tasks 8] [--dir /tmp/dacorpus-filter-bench]
//   swift run -c release filter-throughput --reduce-budgets 512,16      # reduce under these budgets (MB)
//   … --only keys|count|ads|quality|scores|sign|all                    # one stage (for profiling)
//   … --wall                                                           # wall time instead of thread CPU time
//
// The text is made in memory from a seeded generator: paragraphs of Danish words with a
// Zipf-like frequency, plus per-site template lines, cookie banners, shop and price lines
// (about 30 % of lines), in documents of 5–40 lines. Nothing is read from disk while timing.
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
      case "--child": child = Array(arguments[(i + 1)...]); i = arguments.count
      default: break
      }
      i += 1
    }
  }
}

/// SplitMix64: a seeded generator, so the input is the same on every machine.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

let vocabulary = """
  og i at det er en til på som de med han af for ikke der var jeg sig men et har om vi min havde hun nu over da \
  fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne ind når være dog noget ville \
  jo deres efter ned skulle denne end dette mit også under have dig anden hende mine alt meget sit sine vor mod \
  disse hvis din nogle hos blive mange ad bliver hendes været kommunen byrådet vedtaget budgettet næste år cykler \
  reservedele åbent hverdage butikken nyheder vejret sommer vinter københavn aarhus odense aalborg skolerne \
  forvaltningen udgifterne anlæg brug løbet kommende skoleår haven perfekt glad rigtig hele året rundt regeringen \
  ministeren folketinget forslaget borgerne lærerne eleverne sygehuset patienterne lægerne politiet trafikken \
  motorvejen banen toget bussen havnen fiskerne landmændene markerne høsten regnen solen vinden stormen kysten \
  stranden skoven søen byen landsbyen kirken præsten koret koncerten teatret forestillingen publikum anmelderen \
  bogen forfatteren romanen digtet maleren udstillingen museet samlingen historien arkivet forskeren universitetet \
  studerende undersøgelsen resultatet tallene statistikken økonomien virksomheden medarbejderne direktøren \
  formanden foreningen medlemmerne frivillige weekenden aftenen morgenen eftermiddagen ugen måneden januar \
  februar marts april maj juni juli august september oktober november december mandag tirsdag onsdag torsdag \
  fredag lørdag søndag stor lille ny gammel god dårlig lang kort høj lav vigtig svær let mulig nødvendig sikker \
  fortæller siger mener vurderer forklarer oplyser understreger tilføjer peger viser betyder handler kræver \
  arbejder bruger finder giver tager kommer går står ligger sidder holder bliver får laver ser hører tror ved
  """.split(separator: " ").map(String.init)

let templates = [
  "Vi bruger cookies til at forbedre din oplevelse og til statistik. Ved at klikke på Accepter alle giver du samtykke.",
  "Accepter alle", "Kun nødvendige", "Forside Nyheder Sport Kultur Erhverv Debat", "Søg", "Log ind",
  "Tilmeld dig vores nyhedsbrev og få de seneste nyheder direkte i din indbakke", "Del på Facebook",
  "© 2024 Lokalmedier A/S · CVR 12345678 · Alle rettigheder forbeholdes", "Privatlivspolitik · Cookiepolitik",
  "Læg i kurv", "På lager – levering 1-3 hverdage", "Fri fragt ved køb over 499 kr.", "Mest læste",
]

/// Documents totalling about `megabytes` MB of UTF-8 text.
func makeDocuments(megabytes: Int) -> [(text: String, url: String)] {
  var rng = SplitMix64(state: 4)
  // Zipf-like: word k drawn with weight 1/(k+1).
  let weights = (0..<vocabulary.count).map { 1.0 / Double($0 + 1) }
  var cumulative: [Double] = []
  var total = 0.0
  for w in weights {
    total += w
    cumulative.append(total)
  }
  func word() -> String {
    let x = Double(rng.next() % 1_000_000) / 1_000_000 * total
    var low = 0
    var high = cumulative.count - 1
    while low < high {
      let mid = (low + high) / 2
      if cumulative[mid] < x { low = mid + 1 } else { high = mid }
    }
    return vocabulary[low]
  }
  var documents: [(String, String)] = []
  var bytes = 0
  var index = 0
  while bytes < megabytes * 1_000_000 {
    var lines: [String] = []
    let site = Int(rng.next() % 200)
    for _ in 0..<Int(5 + rng.next() % 36) {
      if rng.next() % 10 < 3 {
        lines.append(
          rng.next() % 4 == 0
            ? "Pris: \(100 + rng.next() % 5000) kr." : templates[Int(rng.next() % UInt64(templates.count))])
      } else {
        var sentence = (0..<Int(8 + rng.next() % 33)).map { _ in word() }.joined(separator: " ")
        sentence = sentence.prefix(1).uppercased() + sentence.dropFirst() + "."
        lines.append(sentence)
      }
    }
    let text = lines.joined(separator: "\n")
    bytes += text.utf8.count
    documents.append((text, "https://www.site\(site).dk/artikel/\(index)"))
    index += 1
  }
  return documents
}

/// CPU seconds of this thread spent in `body`: "per core" figures that other processes on a
/// busy machine do not distort (wall time is what `--wall` reports).
func seconds(_ body: () throws -> Void) rethrows -> Double {
  func now() -> Double {
    var t = timespec()
    clock_gettime(options.wall ? CLOCK_MONOTONIC : CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }
  let start = now()
  try body()
  return now() - start
}

/// Peak resident memory of this process image in KB: `VmHWM` from /proc/self/status (unlike
/// `ru_maxrss`, it is not inherited from the parent across exec).
func peakRSSKilobytes() -> Int {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
  for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
  }
  return 0
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
  print("\(time) \(peakRSSKilobytes()) \(summary)")
  exit(0)
}

try FileManager.default.createDirectory(atPath: options.directory, withIntermediateDirectories: true)
print("generating \(options.megabytes) MB of Danish web-like text …")
let documents = makeDocuments(megabytes: options.megabytes)
let totalBytes = documents.reduce(0) { $0 + $1.text.utf8.count }
let megabytes = Double(totalBytes) / 1_000_000
print(String(format: "%d documents, %.1f MB of text", documents.count, megabytes))

let config = FiltersConfig()
let policy = OverrepresentedPolicy(config: config.overrepresented, sources: [("web", true)])

func report(_ name: String, _ time: Double, _ note: String = "") {
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

var adsRemoved = 0
let adsTime = best("ads") {
  var ads = AdLineFilter(config: config.ads)
  adsRemoved = 0
  for d in documents { adsRemoved += ads.evaluate(d.text).rules.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }
}
report("ads and boilerplate lines", adsTime, "\(adsRemoved) lines flagged")

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

let signTime = best("sign") {
  var signer = DedupSigner(config: config.dedup, pipelineSeed: 1234)
  for d in documents { _ = signer.sign(d.text) }
}
report("dedup signature (exact + MinHash 14×8)", signTime)

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
  Double(paths.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) ?? 0 })
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
