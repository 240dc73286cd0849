// Read throughput and memory of the OSCAR 22.01 reader, next to `gzip -dc` on the same file.
//
//   swift run -c release read-throughput [--megabytes 100] [--dir /tmp/dacorpus-bench]
//   swift run -c release read-throughput --memory          # peak RSS at 10 MB and 1 GB of input
//
// The input is OSCAR-22.01-style JSONL made from seeded random Danish-like text, written with
// gzip -6 until the compressed file holds `--megabytes` MB; it is created once and reused.
import CorpusIO
import CorpusSources
import Foundation

struct Options {
  var megabytes = 100
  var directory = "/tmp/dacorpus-bench"
  var memory = false
  var readOnly: String?

  init(_ arguments: [String]) {
    var i = 1
    while i < arguments.count {
      switch arguments[i] {
      case "--megabytes": i += 1; megabytes = Int(arguments[i]) ?? megabytes
      case "--dir": i += 1; directory = arguments[i]
      case "--memory": memory = true
      case "--read": i += 1; readOnly = arguments[i]
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

let words = """
  og i at det er en til på som de med han af for ikke der var jeg sig men et har om vi min \
  havde hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil \
  blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette mit også \
  under have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos blive \
  mange ad bliver hendes været thi jer sådan kommunen byrådet vedtaget budgettet næste år \
  cykler reservedele åbent hverdage tilbud fragt købe butikken nyheder vejret sommer vinter \
  københavn aarhus odense aalborg skolerne toiletter forvaltningen udgifterne anlæg brug \
  løbet kommende skoleår haven perfekt glad rigtig hele året rundt også vinteren
  """.split(separator: " ").map(String.init)

/// Writes an OSCAR 22.01-style `.jsonl.gz` of about `megabytes` MB (compressed).
func makeInput(path: String, megabytes: Int) throws {
  var rng = SplitMix64(state: 2201)
  let target = AtomicFile(path: path)
  let gzip = try GzipWriter(path: target.temporaryPath, level: 6)
  var json = JSONWriter(capacity: 1 << 20)
  var record = 0
  while gzip.bytesOut < Int64(megabytes) * 1_000_000 {
    record += 1
    var lines: [String] = []
    for _ in 0..<Int.random(in: 3...40, using: &rng) {
      var line = ""
      for w in 0..<Int.random(in: 6...30, using: &rng) {
        if w > 0 { line += " " }
        line += words[Int.random(in: 0..<words.count, using: &rng)]
      }
      lines.append(line.prefix(1).uppercased() + line.dropFirst() + ".")
    }
    json.object { o in
      o.field("content", lines.joined(separator: "\n"))
      o.objectField("warc_headers") { h in
        do {
          h.field("warc-record-id", "<urn:uuid:00000000-0000-4000-8000-\(String(record, radix: 16))>")
          h.field("warc-date", "2021-12-01T08:15:30Z")
          h.field("warc-target-uri", "https://www.eksempel.dk/side/\(record)")
          h.field("content-type", "text/plain")
        }
      }
      o.objectField("metadata") { m in
        m.objectField("identification") { i in i.field("label", "da"); i.field("prob", 0.93) }
        m.nullField("annotation")
        m.arrayField("sentence_identifications") { s in
          for _ in lines { s.object { s in s.field("label", "da"); s.field("prob", 0.98) } }
        }
      }
    }
    json.endLine()
    if json.bytes.count >= 1 << 20 {
      try gzip.write(json.bytes)
      json.reset()
    }
  }
  try gzip.write(json.bytes)
  try gzip.finish()
  try target.commit()
}

/// Reads `path` as OSCAR 22.01 and returns (documents, characters of text).
func readDocuments(_ path: String) throws -> (Int, Int) {
  let log = ReadLog()
  var documents = 0
  var bytes = 0
  try SourceReader.read(InputUnit(format: .oscar2201, path: path), context: ReadContext(source: "oscar", log: log)) {
    documents += 1
    bytes += $0.text.utf8.count
  }
  return (documents, bytes)
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func peakRSSKilobytes() -> Int {
  var usage = rusage()
  getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
  return usage.ru_maxrss
}

func gzipDecompress(_ path: String) throws -> Double {
  try seconds {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "gzip -dc '\(path)' > /dev/null"]
    try process.run()
    process.waitUntilExit()
  }
}

func input(_ options: Options, megabytes: Int) throws -> String {
  try FileManager.default.createDirectory(atPath: options.directory, withIntermediateDirectories: true)
  let path = "\(options.directory)/oscar2201-\(megabytes)MB-gzip.jsonl.gz"
  if !FileManager.default.fileExists(atPath: path) {
    print("creating \(path) …")
    try makeInput(path: path, megabytes: megabytes)
  }
  return path
}

let options = Options(CommandLine.arguments)
if let path = options.readOnly {
  // Child mode for --memory: read, then print documents and peak RSS.
  let (documents, textBytes) = try readDocuments(path)
  print("\(documents) \(textBytes) \(peakRSSKilobytes())")
  exit(0)
}

if options.memory {
  print("peak RSS while reading OSCAR 22.01 JSONL (gzip):")
  for megabytes in [3, 300] {
    let path = try input(options, megabytes: megabytes)
    let process = Process()
    let pipe = Pipe()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = ["--read", path]
    process.standardOutput = pipe
    try process.run()
    process.waitUntilExit()
    let fields = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: " ")
    let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    let numbers = fields.map { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 }
    guard numbers.count == 3 else { print("  \(path): child failed"); continue }
    print("  \(size / 1_000_000) MB gzip, \(numbers[1] / 1_000_000) MB of text in \(numbers[0]) documents: peak RSS \(numbers[2] / 1024) MiB")
  }
  exit(0)
}

let path = try input(options, megabytes: options.megabytes)
let compressed = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
_ = try gzipDecompress(path)  // warm the page cache
var gzipTimes: [Double] = []
var readerTimes: [Double] = []
var documents = 0
var textBytes = 0
for _ in 0..<3 {
  gzipTimes.append(try gzipDecompress(path))
  readerTimes.append(try seconds { (documents, textBytes) = try readDocuments(path) })
}
let gzipBest = gzipTimes.min() ?? 1
let readerBest = readerTimes.min() ?? 1
let mb = compressed / 1_000_000
print("input: \(path), \(String(format: "%.1f", mb)) MB gzip, \(documents) documents, \(textBytes / 1_000_000) MB text")
print(String(format: "gzip -dc > /dev/null : %6.3f s  %7.1f MB/s compressed", gzipBest, mb / gzipBest))
print(String(format: "dacorpus OSCAR reader: %6.3f s  %7.1f MB/s compressed, %.0f docs/s", readerBest, mb / readerBest, Double(documents) / readerBest))
print(String(format: "ratio (dacorpus speed / gzip speed): %.2fx  (target >= 0.80x)", gzipBest / readerBest))
