// Examples per second of packing (ExampleBuilder, electra and lossless modes) and of writing
// shards (safetensors int32 / uint16, TFRecord, safetensors with the seeded shuffle), next to the
// reference tools on the same token stream when a Python with numpy + safetensors is given.
//
//   swift run -c release shard-throughput [--tokens 20000000] [--dir /tmp/dacorpus-bench]
//   swift run -c release shard-throughput --python /work/venv-shards/bin/python
//
// The input is a seeded stream of documents of 1–40 segments of 3–60 token ids (ids 5…28994),
// written once to DIR/tokens-N.bin (Int32 LE: segment length, then ids; -1 ends a document) so
// that scripts/bench_shards_reference.py reads exactly the same stream. The reference is
// google-research/electra's ExampleBuilder algorithm in CPython with a seeded `random` (the
// original's code path, without TensorFlow), safetensors.numpy.save_file for the shards, and
// TensorFlow's TFRecordWriter when TensorFlow is installed. Times are the best of 3 runs.
import BenchmarkSupport
import Foundation
import Shards

struct Options {
  var tokens = 20_000_000
  var directory = "/tmp/dacorpus-bench"
  var python: String?

  init(_ arguments: [String]) {
    var i = 1
    while i < arguments.count {
      switch arguments[i] {
      case "--tokens": i += 1; tokens = Int(arguments[i]) ?? tokens
      case "--dir": i += 1; directory = arguments[i]
      case "--python": i += 1; python = arguments[i]
      default: break
      }
      i += 1
    }
  }
}

func makeDocuments(tokens: Int) -> [[[Int32]]] {
  var rng = SplitMix64(state: 256)
  var documents: [[[Int32]]] = []
  var total = 0
  while total < tokens {
    var document: [[Int32]] = []
    for _ in 0..<Int.random(in: 1...40, using: &rng) {
      let segment = (0..<Int.random(in: 3...60, using: &rng)).map { _ in Int32.random(in: 5...28_994, using: &rng) }
      total += segment.count
      document.append(segment)
    }
    documents.append(document)
  }
  return documents
}

func writeCorpus(_ documents: [[[Int32]]], to path: String) throws {
  var words: [Int32] = []
  for document in documents {
    for segment in document {
      words.append(Int32(segment.count))
      words += segment
    }
    words.append(-1)
  }
  let data = words.map(\.littleEndian).withUnsafeBytes { Data($0) }
  try data.write(to: URL(fileURLWithPath: path), options: .atomic)
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
  try ResourceUsage.seconds(ResourceUsage.wallSeconds, body)
}

func best(_ runs: Int = 3, _ body: () throws -> Void) rethrows -> Double {
  var times: [Double] = []
  for _ in 0..<runs { times.append(try seconds(body)) }
  return times.min() ?? 1
}

func pack(_ documents: [[[Int32]]], mode: ExampleBuilder.Mode) throws -> [PackedExample] {
  var builder = try ExampleBuilder(seqLen: 256, mode: mode, special: .bertOrder, seed: 1234)
  var examples: [PackedExample] = []
  for document in documents { builder.addDocument(document) { examples.append($0) } }
  return examples
}

func directorySize(_ path: String) -> Int {
  let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
  return names.reduce(0) {
    $0 + ((try? FileManager.default.attributesOfItem(atPath: "\(path)/\($1)")[.size] as? Int) ?? 0)
  }
}

func write(_ examples: [PackedExample], to directory: String, formats: [ShardFormat], dtype: TokenDType, shuffle: Bool)
  throws
{
  try? FileManager.default.removeItem(atPath: directory)
  let metadata = ShardMetadata(
    seqLen: 256, special: .bertOrder, vocabSHA256: String(repeating: "0", count: 64),
    configSHA256: String(repeating: "0", count: 64))
  let writer = try ShardWriter(
    .init(
      directory: directory, metadata: metadata, formats: formats, examplesPerShard: 65_536, inputIDsType: dtype,
      shuffle: shuffle, shuffleSeed: 1234))
  for example in examples { try writer.add(example) }
  _ = try writer.finish()
}

let options = Options(CommandLine.arguments)
try FileManager.default.createDirectory(atPath: options.directory, withIntermediateDirectories: true)
let documents = makeDocuments(tokens: options.tokens)
let tokenCount = documents.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
let corpusPath = "\(options.directory)/tokens-\(options.tokens).bin"
if !FileManager.default.fileExists(atPath: corpusPath) { try writeCorpus(documents, to: corpusPath) }
print("input: \(documents.count) documents, \(tokenCount) tokens (\(corpusPath))")

var rows: [(String, Double, Int, Int)] = []  // name, seconds, examples, bytes
var examples: [PackedExample] = []
for mode in [ExampleBuilder.Mode.electra, .lossless] {
  let time = try best { examples = try pack(documents, mode: mode) }
  rows.append(("pack \(mode.rawValue)", time, examples.count, 0))
}
// `examples` now holds the lossless examples; the writers use them.
let shardDirectory = "\(options.directory)/shards"
let writes: [(String, [ShardFormat], TokenDType, Bool)] = [
  ("write safetensors int32", [.safetensors], .int32, false),
  ("write safetensors uint16", [.safetensors], .uint16, false),
  ("write tfrecord", [.tfrecord], .int32, false),
  ("write safetensors int32 + shuffle", [.safetensors], .int32, true),
]
for (name, formats, dtype, shuffle) in writes {
  let time = try best { try write(examples, to: shardDirectory, formats: formats, dtype: dtype, shuffle: shuffle) }
  rows.append((name, time, examples.count, directorySize(shardDirectory)))
}
try? FileManager.default.removeItem(atPath: shardDirectory)

/// The reference tools' times (seconds) by row name, from scripts/bench_shards_reference.py.
var reference: [String: Double] = [:]
if let python = options.python {
  let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("scripts/bench_shards_reference.py").path
  let process = Process()
  let pipe = Pipe()
  process.executableURL = URL(fileURLWithPath: python)
  process.arguments = [script, corpusPath, "\(options.directory)/reference"]
  process.standardOutput = pipe
  try process.run()
  let output = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  if let json = try? JSONSerialization.jsonObject(with: output) as? [String: Double] {
    reference = json
  } else {
    print("reference run failed: \(String(decoding: output, as: UTF8.self))")
  }
}

print("")
print("step                                 seconds   examples/s     MB/s   reference s   ratio (speedup)")
for (name, time, count, bytes) in rows {
  var line = name.padding(toLength: 34, withPad: " ", startingAt: 0)
  line += String(format: " %9.3f %12.0f", time, Double(count) / time)
  line += bytes > 0 ? String(format: " %8.1f", Double(bytes) / 1e6 / time) : "        -"
  if let ref = reference[name] {
    line += String(format: "   %10.3f   %6.1fx", ref, ref / time)
  }
  print(line)
}
print(
  "(\(examples.count) lossless examples of 256 written; ratio = reference time / dacorpus time, measured in this run)")
if let count = reference["pack electra examples"], let electra = rows.first(where: { $0.0 == "pack electra" }) {
  print(
    "electra mode made \(electra.2) examples, the Python reference \(Int(count))"
      + (Int(count) == electra.2 ? " (same)" : " (DIFFERENT)"))
}
