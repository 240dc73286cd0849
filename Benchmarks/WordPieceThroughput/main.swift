// WordPiece encoding and vocabulary training, next to HF `tokenizers` (and TF-Text's
// FastBertTokenizer when installed) on the same Danish text in the same run.
//
//   swift run -c release wordpiece-throughput [--megabytes 50] [--text FILE ...] [--vocab-size 32000]
//       [--python /work/venv-wp/bin/python] [--dir /tmp/dacorpus-bench] [--no-train] [--lowercase]
//       [--runs 3] [--reference-runs 1] [--verify-megabytes 5] [--count-megabytes 100] [--count-only]
//
// First, word counting as the ingest phase does it: `WordCounts.add(utf8:)` per page over
// --count-megabytes MB of ``DanishWebText`` (seed 2201, as build-throughput uses), best of
// --runs on one thread (thread CPU time), with the SHA-256 of the counts' `serialized()` bytes
// to check that a change to the counting code keeps the counts; --count-only stops there.
//
// The base text is the given files (any text, plain or compressed; e.g. what
// scripts/make_danish_bench_text.py extracts from Debian's Danish documentation) or, without
// --text, the text of every document in samples/. Every 10th line is held out; the other lines
// are repeated, shuffled with a fixed seed, until the training file holds --megabytes MB. Both
// trainers learn a vocabulary of --vocab-size from that file; both vocabularies are scored on
// the held-out lines (tokens per word, [UNK]s); then the training file is encoded with HF's
// vocabulary by dacorpus and by the reference tools (one thread each, file reading excluded;
// best of --runs for dacorpus and TF-Text, of --reference-runs for HF, which is slow), and
// dacorpus's ids are compared with HF's on the first 5 MB.
//
// The Python side is scripts/wordpiece_reference.py, run with --python (a venv with
// `pip install tokenizers`, optionally `tensorflow-text`). Without it only dacorpus is timed.
import BenchmarkSupport
import CorpusIO
import CorpusSources
import Crypto
import Foundation
import WordPiece

struct Options {
  var megabytes = 50
  var directory = "/tmp/dacorpus-bench"
  var texts: [String] = []
  var vocabularySize = 32000
  var python = "/work/venv-wp/bin/python"
  var train = true
  var lowercase = false
  var runs = 3
  var verifyMegabytes = 5
  var countMegabytes = 100
  var countOnly = false
  /// Runs of HF's encoder (slow: about 30 s per run on 50 MB); the best is kept.
  var referenceRuns = 1

  init(_ arguments: [String]) {
    var i = 1
    func value() -> String {
      i += 1
      return i < arguments.count ? arguments[i] : ""
    }
    while i < arguments.count {
      switch arguments[i] {
      case "--megabytes": megabytes = Int(value()) ?? megabytes
      case "--dir": directory = value()
      case "--text": texts.append(value())
      case "--vocab-size": vocabularySize = Int(value()) ?? vocabularySize
      case "--python": python = value()
      case "--no-train": train = false
      case "--lowercase": lowercase = true
      case "--runs": runs = max(1, Int(value()) ?? runs)
      case "--verify-megabytes": verifyMegabytes = Int(value()) ?? verifyMegabytes
      case "--reference-runs": referenceRuns = max(1, Int(value()) ?? referenceRuns)
      case "--count-megabytes": countMegabytes = max(0, Int(value()) ?? countMegabytes)
      case "--count-only": countOnly = true
      default: print("ignoring unknown argument \(arguments[i])")
      }
      i += 1
    }
  }
}

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().path

func seconds(_ body: () throws -> Void) rethrows -> Double {
  try ResourceUsage.seconds(ResourceUsage.wallSeconds, body)
}

/// Non-empty lines of the given text files, or of every document in samples/.
func baseLines(_ options: Options) throws -> [String] {
  var lines: [String] = []
  if !options.texts.isEmpty {
    for path in options.texts {
      let reader = LineReader(try Compression.openDecoded(path: path).source)
      while let line = try reader.next() {
        if line.count > 0 { lines.append(String(repairingUTF8Bytes: line)) }
      }
    }
    return lines.filter { !$0.allSatisfy(\.isWhitespace) }
  }
  let samples = packageRoot + "/samples"
  var files: [String] = []
  if let walker = FileManager.default.enumerator(atPath: samples) {
    for case let path as String in walker where !path.hasSuffix(".md") { files.append(samples + "/" + path) }
  }
  let (units, _) = SourceDetector.plan(paths: files.sorted(), type: .auto)
  for unit in units {
    let context = ReadContext(source: unit.format.family.rawValue, log: ReadLog())
    try? SourceReader.read(unit, context: context) { document in
      for line in document.text.split(separator: "\n") where !line.allSatisfy(\.isWhitespace) {
        lines.append(String(line))
      }
    }
  }
  return lines
}

/// Writes the training file (repeated, shuffled train lines) and the held-out file.
func makeInputs(_ options: Options, _ lines: [String]) throws -> (train: String, heldOut: String, trainBytes: Int) {
  try FileManager.default.createDirectory(atPath: options.directory, withIntermediateDirectories: true)
  var train: [String] = []
  var heldOut: [String] = []
  for (i, line) in lines.enumerated() {
    if i % 10 == 3 { heldOut.append(line) } else { train.append(line) }
  }
  var rng = SplitMix64(state: 5)
  var out = Data()
  let target = options.megabytes * 1_000_000
  while out.count < target, !train.isEmpty {
    for line in train.shuffled(using: &rng) {
      out.append(contentsOf: line.utf8)
      out.append(0x0A)
    }
  }
  let trainPath = options.directory + "/wordpiece-train.txt"
  let heldOutPath = options.directory + "/wordpiece-heldout.txt"
  try out.write(to: URL(fileURLWithPath: trainPath))
  try Data((heldOut.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: heldOutPath))
  return (trainPath, heldOutPath, out.count)
}

/// The file's bytes and the ranges of its lines.
func loadLines(_ path: String) throws -> ([UInt8], [Range<Int>]) {
  let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
  var ranges: [Range<Int>] = []
  var start = 0
  for (i, b) in bytes.enumerated() where b == 0x0A {
    ranges.append(start..<i)
    start = i + 1
  }
  if start < bytes.count { ranges.append(start..<bytes.count) }
  return (bytes, ranges)
}

/// Runs the Python reference script; returns its JSON object, or nil (with a message).
func reference(_ options: Options, _ arguments: [String]) -> [String: Any]? {
  let process = Process()
  let pipe = Pipe()
  process.executableURL = URL(fileURLWithPath: options.python)
  process.arguments = [packageRoot + "/scripts/wordpiece_reference.py"] + arguments
  process.standardOutput = pipe
  do { try process.run() } catch {
    print("  reference failed to start: \(error)")
    return nil
  }
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0,
    let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last,
    let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
  else {
    print("  reference \(arguments.first ?? "") failed (exit \(process.terminationStatus))")
    return nil
  }
  return object
}

/// Tokens per word and [UNK]s of `vocabulary` on the held-out lines.
func score(_ vocabulary: WordPieceVocabulary, _ heldOut: ([UInt8], [Range<Int>]), _ options: WordPieceOptions) throws
  -> (tokensPerWord: Double, unknown: Int, words: Int64)
{
  var encoder = try WordPieceEncoder(vocabulary: vocabulary, options: options)
  var counts = WordCounts(options: options)
  var ids: [Int32] = []
  var unknown = 0
  var tokens = 0
  heldOut.0.withUnsafeBytes { raw in
    for range in heldOut.1 {
      let line = UnsafeRawBufferPointer(rebasing: raw[range])
      ids.removeAll(keepingCapacity: true)
      encoder.encode(utf8: line, into: &ids)
      tokens += ids.count
      unknown += ids.lazy.filter { $0 == encoder.unknownID }.count
      counts.add(utf8: line)
    }
  }
  return (Double(tokens) / Double(max(1, counts.totalWords)), unknown, counts.totalWords)
}

/// Times `WordCounts.add(utf8:)` page by page over generated Danish web text.
func timeWordCounting(_ options: Options, _ wordOptions: WordPieceOptions) {
  var text: [UInt8] = []
  var pages: [Range<Int>] = []
  for page in DanishWebText.pages(megabytes: options.countMegabytes, seed: 2201) {
    let start = text.count
    text += page.text.utf8
    pages.append(start..<text.count)
  }
  var counts = WordCounts(options: wordOptions)
  var best = Double.infinity
  for _ in 0..<options.runs {
    var run = WordCounts(options: wordOptions)
    let time = ResourceUsage.seconds(ResourceUsage.threadCPUSeconds) {
      text.withUnsafeBytes { raw in
        for page in pages { run.add(utf8: UnsafeRawBufferPointer(rebasing: raw[page])) }
      }
    }
    best = min(best, time)
    counts = run
  }
  let mb = Double(text.count) / 1_000_000
  let digest = SHA256.hash(data: counts.serialized()).map { String(format: "%02x", $0) }.joined()
  print(
    "word counting: \(String(format: "%.1f", mb)) MB of DanishWebText (seed 2201), \(pages.count) pages, "
      + "\(counts.totalWords) words, \(counts.distinctWords) distinct; one thread, best of \(options.runs):")
  print(String(format: "  dacorpus WordCounts.add           %7.3f s  %8.1f MB/s", best, mb / best))
  print("  serialized counts SHA-256 \(digest)")
}

let options = Options(CommandLine.arguments)
let wordOptions = WordPieceOptions(lowercase: options.lowercase)
if options.countMegabytes > 0 { timeWordCounting(options, wordOptions) }
if options.countOnly { exit(0) }
let hasPython = FileManager.default.isExecutableFile(atPath: options.python)
if !hasPython {
  print(
    """
    note: \(options.python) not found: timing dacorpus only. For the reference tools:
      python3 -m venv /work/venv-wp && /work/venv-wp/bin/pip install tokenizers tensorflow-text
    """)
}

let lines = try baseLines(options)
let (trainPath, heldOutPath, trainBytes) = try makeInputs(options, lines)
let mb = Double(trainBytes) / 1_000_000
print(
  "input: \(lines.count) base lines (\(options.texts.isEmpty ? "samples/" : options.texts.joined(separator: ", "))); "
    + "train file \(trainPath) \(String(format: "%.1f", mb)) MB; held-out \(heldOutPath)")

// Training.
let oursVocabPath = options.directory + "/wordpiece-ours-vocab.txt"
var hfVocabPath: String?
if options.train {
  var vocabulary = WordPieceVocabulary(tokens: [])
  let oursTime = try seconds {
    var counts = WordCounts(options: wordOptions)
    let reader = LineReader(try Compression.openDecoded(path: trainPath).source)
    while let line = try reader.next() { counts.add(utf8: line) }
    vocabulary = try WordPieceTrainer(.init(vocabularySize: options.vocabularySize)).train(counts)
    try vocabulary.write(to: oursVocabPath)
  }
  print("\ntraining a vocabulary of \(options.vocabularySize) on \(String(format: "%.1f", mb)) MB:")
  print(String(format: "  dacorpus vocab (1 thread)     %7.2f s", oursTime))
  var hfTime: Double?
  if hasPython {
    var arguments = [
      "train", "--input", trainPath, "--size", "\(options.vocabularySize)", "--out",
      options.directory + "/wordpiece-hf",
    ]
    if options.lowercase { arguments.append("--lowercase") }
    if let result = reference(options, arguments), let time = result["seconds"] as? Double {
      hfTime = time
      hfVocabPath = result["vocab"] as? String
      print(
        String(
          format: "  HF BertWordPieceTokenizer.train (default threads) %7.2f s   dacorpus is %.1fx faster", time,
          time / oursTime))
    }
  }
  let heldOut = try loadLines(heldOutPath)
  print("\nheld-out text: \(heldOut.1.count) lines")
  let ours = try score(vocabulary, heldOut, wordOptions)
  print(
    String(
      format: "  dacorpus vocabulary: %.4f tokens per word, %d [UNK] (%lld words)", ours.tokensPerWord, ours.unknown,
      ours.words))
  if let hfVocabPath {
    let hf = try score(try WordPieceVocabulary(contentsOf: hfVocabPath), heldOut, wordOptions)
    print(String(format: "  HF vocabulary:       %.4f tokens per word, %d [UNK]", hf.tokensPerWord, hf.unknown))
    print(
      String(
        format: "  ratio (dacorpus / HF tokens per word): %.4fx (target <= 1.00x); [UNK]s %d vs %d",
        ours.tokensPerWord / hf.tokensPerWord, ours.unknown, hf.unknown))
  }
  _ = hfTime
}

// Encoding.
let vocabPath = hfVocabPath ?? oursVocabPath
guard FileManager.default.fileExists(atPath: vocabPath) else {
  print("no vocabulary at \(vocabPath): run once without --no-train")
  exit(1)
}
let vocabulary = try WordPieceVocabulary(contentsOf: vocabPath)
var encoder = try WordPieceEncoder(vocabulary: vocabulary, options: wordOptions)
let (bytes, ranges) = try loadLines(trainPath)
var tokenCount = 0
var best = Double.infinity
var ids: [Int32] = []
ids.reserveCapacity(1 << 16)
for run in 0..<options.runs {
  var tokens = 0
  let time = seconds {
    bytes.withUnsafeBytes { raw in
      for range in ranges {
        ids.removeAll(keepingCapacity: true)
        encoder.encode(utf8: UnsafeRawBufferPointer(rebasing: raw[range]), into: &ids)
        tokens &+= ids.count
      }
    }
  }
  if run == 0 { tokenCount = tokens }
  best = min(best, time)
}
print(
  "\nencoding \(String(format: "%.1f", mb)) MB (\(ranges.count) lines, \(tokenCount) tokens) with \(vocabPath), one thread, best of \(options.runs):"
)
let ourSpeed = mb / best
print(String(format: "  dacorpus WordPieceEncoder        %7.3f s  %8.1f MB/s", best, ourSpeed))

if hasPython {
  let idsPath = options.directory + "/wordpiece-hf.ids"
  var verifyLines = 0
  var covered = 0
  for range in ranges {
    if covered >= options.verifyMegabytes * 1_000_000 { break }
    covered += range.count + 1
    verifyLines += 1
  }
  var arguments = [
    "encode", "--vocab", vocabPath, "--input", trainPath, "--ids-out", idsPath, "--ids-lines", "\(verifyLines)",
    "--runs", "\(options.referenceRuns)",
  ]
  if options.lowercase { arguments.append("--lowercase") }
  if let hf = reference(options, arguments), let time = hf["seconds"] as? Double {
    print(
      String(
        format: "  HF tokenizers encode_batch       %7.3f s  %8.1f MB/s   dacorpus is %.1fx faster (target >= 20x)",
        time, mb / time, ourSpeed / (mb / time)))
    if let tokens = hf["tokens"] as? Int, tokens != tokenCount {
      print("  warning: HF made \(tokens) tokens, dacorpus \(tokenCount)")
    }
    // Exact comparison on the first lines.
    let expected = [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: idsPath))) ?? Data())
    var offset = 0
    var mismatches = 0
    var compared = 0
    bytes.withUnsafeBytes { raw in
      for range in ranges.prefix(verifyLines) where offset + 4 <= expected.count {
        let n =
          Int(expected[offset]) | Int(expected[offset + 1]) << 8 | Int(expected[offset + 2]) << 16 | Int(
            expected[offset + 3]) << 24
        offset += 4
        var want: [Int32] = []
        for k in 0..<n {
          let o = offset + 4 * k
          want.append(
            Int32(
              bitPattern: UInt32(expected[o]) | UInt32(expected[o + 1]) << 8 | UInt32(expected[o + 2]) << 16 | UInt32(
                expected[o + 3]) << 24))
        }
        offset += 4 * n
        ids.removeAll(keepingCapacity: true)
        encoder.encode(utf8: UnsafeRawBufferPointer(rebasing: raw[range]), into: &ids)
        if ids != want { mismatches += 1 }
        compared += 1
      }
    }
    print(
      "  ids equal to HF's on \(compared - mismatches) of \(compared) lines (first \(options.verifyMegabytes) MB)\(mismatches == 0 ? "" : "  MISMATCH")"
    )
  }
  var tfArguments = ["tftext", "--vocab", vocabPath, "--input", trainPath, "--runs", "\(options.runs)"]
  if options.lowercase { tfArguments.append("--lowercase") }
  if let tf = reference(options, tfArguments) {
    if let time = tf["seconds"] as? Double {
      print(
        String(
          format: "  TF-Text FastBertTokenizer %@  %7.3f s  %8.1f MB/s   dacorpus is %.1fx faster (aim >= 2x)",
          (tf["version"] as? String) ?? "", time, mb / time, ourSpeed / (mb / time)))
    } else {
      print("  TF-Text skipped: \((tf["error"] as? String) ?? "unknown error")")
    }
  }
}
