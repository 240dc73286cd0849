// Throughput of `dacorpus normalize` next to `uconv` with the same transliteration rules, on
// the same Danish web-like text, measured in the same run.
//
//   swift build -c release && .build/release/normalize-throughput [--megabytes 60] [--dir /tmp/dacorpus-bench] [--runs 3]
//   .build/release/normalize-throughput --library-only      # in-process timings only, no uconv
//
// The input is seeded random Danish text with what real web text has: typographic quotes and
// dashes, foreign names, currency and units, emoji, a little Greek and Cyrillic, character
// references, NBSPs and stray spaces. It is created once and reused. Both tools run as
// processes reading the file on stdin and writing to /dev/null; `dacorpus normalize
// --no-repair` does exactly what uconv does plus the kept-set filter, and its output is
// checked against uconv's (filtered) byte for byte. The library is also timed in-process.
import BenchmarkSupport
import CorpusText
import Foundation

struct Options {
  var megabytes = 60
  var directory = "/tmp/dacorpus-bench"
  var runs = 3
  /// Only the in-process library timings (no uconv, no processes): for quick iterations.
  var libraryOnly = false

  init(_ arguments: [String]) {
    var i = 1
    while i < arguments.count {
      switch arguments[i] {
      case "--megabytes": i += 1; megabytes = Int(arguments[i]) ?? megabytes
      case "--dir": i += 1; directory = arguments[i]
      case "--runs": i += 1; runs = max(1, Int(arguments[i]) ?? runs)
      case "--library-only": libraryOnly = true
      default: break
      }
      i += 1
    }
  }
}

let rules = "::[^æøåÆØÅ§] Any-Latin; ::[^æøåÆØÅ§] Latin-ASCII;"

let words = """
  og i at det er en til på som de med han af for ikke der var jeg sig men et har om vi min \
  havde hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil \
  blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette mit også \
  under have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos blive \
  mange ad bliver hendes været kommunen byrådet vedtaget budgettet næste år cykler reservedele \
  åbent hverdage tilbud fragt købe butikken nyheder vejret sommer vinter københavn aarhus odense \
  aalborg skolerne forvaltningen udgifterne anlæg brug løbet kommende skoleår haven perfekt glad \
  rigtig hele året rundt vinteren regeringen statsministeren folketinget valget borgerne \
  sundhed hospitalet patienterne lægerne sygeplejerskerne uddannelse universitetet studerende \
  forskning klimaet energien vindmøller grøn omstilling virksomhederne medarbejdere økonomien \
  kroner millioner procent stigning fald prisen markedet aktierne banken renten boligen \
  kampen holdet spillerne træneren sæsonen målet sejren nederlaget publikum stadion \
  opskrift smør sukker mel æg mælk ovnen minutter grader skål server velbekomme
  """.split(separator: " ").map(String.init)

let extras: [(probability: Double, pieces: [String])] = [
  (0.10, ["“citat”", "„sagde hun“", "»Det er rigtigt«", "‘ja’", "\"ok\""]),
  (0.08, ["–", "—", "-"]),
  (0.04, ["…", "..."]),
  (0.04, ["Peters’", "it’s", "don’t"]),
  (0.03, ["1.299,95 €", "€ 45", "£ 12", "$ 9,99", "25 °C", "½ kg", "5 m²", "± 2"]),
  (0.03, ["José", "Müller", "Škoda", "café", "Zürich", "Kraków", "Ibrahimović", "Nguyễn", "Françoise", "Ångström"]),
  (0.01, ["😀", "👍", "❤️", "🇩🇰", "😂", "🎉"]),
  (0.005, ["Москва", "Αθήνα", "Зеленський", "東京", "北京", "서울", "القاهرة"]),
  (0.01, ["&amp;", "&nbsp;", "&quot;", "&#8211;"]),
  (0.01, ["\u{A0}", "  ", "\u{200B}"]),
  (0.01, ["©", "®", "™", "•", "§ 3", "nr. 5"]),
]

/// Writes about `megabytes` MB of Danish web-like text to `path`: paragraphs of 1–8
/// sentences, one paragraph per line, a blank line now and then.
func makeInput(path: String, megabytes: Int) throws {
  var rng = SplitMix64(state: 2023)
  var text: [UInt8] = []
  text.reserveCapacity(megabytes * 1_000_000 + 10_000)
  while text.count < megabytes * 1_000_000 {
    var paragraph = ""
    for s in 0..<Int.random(in: 1...8, using: &rng) {
      if s > 0 { paragraph += " " }
      var sentence: [String] = []
      for _ in 0..<Int.random(in: 5...25, using: &rng) {
        sentence.append(words[Int.random(in: 0..<words.count, using: &rng)])
      }
      for extra in extras where Double.random(in: 0..<1, using: &rng) < extra.probability {
        sentence.insert(
          extra.pieces[Int.random(in: 0..<extra.pieces.count, using: &rng)],
          at: Int.random(in: 0...sentence.count, using: &rng))
      }
      let joined = sentence.joined(separator: " ")
      paragraph += joined.prefix(1).uppercased() + joined.dropFirst() + "."
    }
    if Double.random(in: 0..<1, using: &rng) < 0.05 { paragraph += " " }
    text.append(contentsOf: paragraph.utf8)
    text.append(0x0A)
    if Double.random(in: 0..<1, using: &rng) < 0.2 { text.append(0x0A) }
  }
  let temporary = path + ".tmp"
  try Data(text).write(to: URL(fileURLWithPath: temporary))
  try FileManager.default.moveItem(atPath: temporary, toPath: path)
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
  try ResourceUsage.seconds(ResourceUsage.wallSeconds, body)
}

/// Wall and CPU seconds.
struct Timing {
  var wall: Double
  var cpu: Double
}

/// Runs `command` with `input` on stdin and stdout to `output`; returns its wall and CPU time.
func timeProcess(_ executable: String, _ arguments: [String], input: String, output: String = "/dev/null") throws
  -> Timing
{
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: input))
  // open(2), not FileManager.createFile: that writes a new file and renames it over the path,
  // which as root replaces the /dev/null device with a regular file.
  let fd = open(output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
  guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: output]) }
  process.standardOutput = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
  let cpuBefore = ResourceUsage.childrenCPUSeconds()
  let wall = try seconds {
    try process.run()
    process.waitUntilExit()
    if process.terminationStatus != 0 {
      print("warning: \(executable) \(arguments) exited with \(process.terminationStatus)")
    }
  }
  return Timing(wall: wall, cpu: ResourceUsage.childrenCPUSeconds() - cpuBefore)
}

func which(_ name: String) -> String? {
  for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
    let path = "\(directory)/\(name)"
    if FileManager.default.isExecutableFile(atPath: path) { return path }
  }
  return nil
}

let options = Options(CommandLine.arguments)
try FileManager.default.createDirectory(atPath: options.directory, withIntermediateDirectories: true)
let input = "\(options.directory)/danish-web-\(options.megabytes)MB.txt"
if !FileManager.default.fileExists(atPath: input) {
  print("creating \(input) …")
  try makeInput(path: input, megabytes: options.megabytes)
}
let bytes = try Data(contentsOf: URL(fileURLWithPath: input))
let mb = Double(bytes.count) / 1_000_000
let lines = bytes.withUnsafeBytes { $0.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
print(String(format: "input: %@, %.1f MB, %d lines, ICU %@", input, mb, lines, ICU.version))

let dacorpus = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
  "dacorpus"
).path
guard FileManager.default.isExecutableFile(atPath: dacorpus) else {
  print("error: \(dacorpus) not found; build the package first (swift build -c release)")
  exit(1)
}
guard let uconv = which("uconv") else {
  print("error: uconv not found; apt-get install icu-devtools")
  exit(1)
}

/// The best of `options.runs` runs: the least wall time and the least CPU time (on a busy
/// machine the two minima can come from different runs).
func best(_ body: () throws -> Timing) rethrows -> Timing {
  var result = Timing(wall: .infinity, cpu: .infinity)
  for _ in 0..<options.runs {
    let timing = try body()
    result.wall = min(result.wall, timing.wall)
    result.cpu = min(result.cpu, timing.cpu)
  }
  return result
}

// In-process, one core: the library on each line, transliteration only and everything.
func inProcess(_ config: NormalizeConfig, _ text: [UInt8]) throws -> Timing {
  var normalizer = try TextNormalizer(config: config)
  var output: [UInt8] = []
  output.reserveCapacity(text.count + 1024)
  return text.withUnsafeBufferPointer { p in
    let cpuBefore = ResourceUsage.processCPUSeconds()
    let wall = seconds {
      guard let base = p.baseAddress else { return }
      var start = 0
      while start < p.count {
        var end = p.count
        if let found = memchr(base + start, 0x0A, p.count - start) {
          end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        normalizer.normalize(UnsafeBufferPointer(start: base + start, count: end - start), into: &output)
        output.append(0x0A)
        start = end + 1
      }
    }
    return Timing(wall: wall, cpu: ResourceUsage.processCPUSeconds() - cpuBefore)
  }
}
let text = [UInt8](bytes)
var translitOnly = NormalizeConfig()
translitOnly.repair.enabled = false
let libraryTranslit = try best { try inProcess(translitOnly, text) }
let libraryFull = try best { try inProcess(NormalizeConfig(), text) }

if options.libraryOnly {
  for (name, t) in [("translit only", libraryTranslit), ("repair+translit", libraryFull)] {
    print(
      String(
        format: "TextNormalizer in-process, %@: %.3f s wall, %.3f s CPU, %.1f MB/s CPU", name, t.wall, t.cpu, mb / t.cpu
      ))
  }
  exit(0)
}

// uconv is slow: one run, output kept for the exactness check.
let uconvOutput = "\(options.directory)/uconv-output.txt"
_ = try timeProcess("/bin/cat", [], input: input)  // warm the page cache
let uconvTime = try timeProcess(uconv, ["-f", "utf-8", "-t", "utf-8", "-x", rules], input: input, output: uconvOutput)
let noRepairOutput = "\(options.directory)/dacorpus-no-repair-output.txt"
let noRepairTime = try best {
  try timeProcess(dacorpus, ["normalize", "--no-repair"], input: input, output: noRepairOutput)
}
let fullTime = try best { try timeProcess(dacorpus, ["normalize"], input: input) }

// Start-up: ICU compiles a script's rules the first time it meets the script (Han-Latin
// alone takes about 0.2 s); both tools pay it once per process. Timed on one line that holds
// every script of the input.
let startupInput = "\(options.directory)/startup-line.txt"
try Array(extras.flatMap(\.pieces).joined(separator: " ").utf8 + [0x0A]).withUnsafeBytes {
  try Data($0).write(to: URL(fileURLWithPath: startupInput))
}
let uconvStartup = try best {
  try timeProcess(uconv, ["-f", "utf-8", "-t", "utf-8", "-x", rules], input: startupInput)
}
let dacorpusStartup = try best { try timeProcess(dacorpus, ["normalize"], input: startupInput) }

// Exactness on the whole input: dacorpus --no-repair == uconv + kept-set filter.
let keep = KeepSet.danish
var filtered: [UInt8] = []
let uconvText = try String(contentsOfFile: uconvOutput, encoding: .utf8)
filtered.reserveCapacity(uconvText.utf8.count)
for scalar in uconvText.unicodeScalars where keep.contains(scalar) { filtered.append(contentsOf: String(scalar).utf8) }
let ours = try Data(contentsOf: URL(fileURLWithPath: noRepairOutput))
let identical = Data(filtered) == ours

func row(_ name: String, _ t: Timing) -> String {
  String(
    format: "%-42@ %7.3f s %8.1f MB/s %7.1fx   %7.3f s %8.1f MB/s %7.1fx", name as NSString, t.wall, mb / t.wall,
    uconvTime.wall / t.wall, t.cpu, mb / t.cpu, uconvTime.cpu / t.cpu)
}
print(
  String(format: "%-42@ %35@   %35@", "", "wall clock: time, speed, vs uconv", "CPU (user+sys): time, speed, vs uconv"))
print(row("uconv -x '::[^æøåÆØÅ§] Any-Latin; …'", uconvTime))
print(row("dacorpus normalize --no-repair", noRepairTime))
print(row("dacorpus normalize (all repairs)", fullTime))
print(row("TextNormalizer in-process, translit only", libraryTranslit))
print(row("TextNormalizer in-process, repair+translit", libraryFull))
print(row("start-up, uconv on one line", uconvStartup))
print(row("start-up, dacorpus normalize on one line", dacorpusStartup))
let steady = Timing(wall: fullTime.wall - dacorpusStartup.wall, cpu: fullTime.cpu - dacorpusStartup.cpu)
let uconvSteady = Timing(wall: uconvTime.wall - uconvStartup.wall, cpu: uconvTime.cpu - uconvStartup.cpu)
print(
  String(
    format: "after start-up: dacorpus normalize %.1f MB/s CPU, uconv %.2f MB/s CPU: %.0fx",
    mb / steady.cpu, mb / uconvSteady.cpu, uconvSteady.cpu / steady.cpu))
print("output of dacorpus normalize --no-repair == uconv + kept-set filter: \(identical ? "yes, byte for byte" : "NO")")
print(
  String(
    format:
      "ratio dacorpus normalize / uconv: %.0fx wall, %.0fx CPU; %.0f MB/s on one core (targets: >= 100x, >= 150 MB/s)",
    uconvTime.wall / fullTime.wall, uconvTime.cpu / fullTime.cpu, mb / fullTime.cpu))
