// Read throughput and memory of the OSCAR 22.01 reader, next to `gzip -dc` on the same file.
//
//   swift run -c release read-throughput [--megabytes 100] [--dir /tmp/dacorpus-bench]
//   swift run -c release read-throughput --memory          # peak RSS at 10 MB and 1 GB of input
//
// The input is OSCAR-22.01-style JSONL of ``DanishWebText`` pages (seed 2201), written with
// gzip -6 until the compressed file holds `--megabytes` MB; it is created once and reused.
import BenchmarkSupport
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

/// Writes an OSCAR 22.01-style `.jsonl.gz` of about `megabytes` MB (compressed).
func makeInput(path: String, megabytes: Int) throws {
  var pages = DanishWebText(seed: 2201)
  let writer = try OscarFileWriter(path: path)
  while writer.compressedBytes < Int64(megabytes) * 1_000_000 { try writer.append(pages.next()) }
  try writer.finish()
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
  try ResourceUsage.seconds(ResourceUsage.wallSeconds, body)
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
  let path = "\(options.directory)/oscar2201-web-\(megabytes)MB-gzip.jsonl.gz"
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
  print("\(documents) \(textBytes) \(ResourceUsage.peakRSSKilobytes())")
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
