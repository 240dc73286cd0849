import ArgumentParser
import CorpusIO
import CorpusPipeline
import Foundation
import WordPiece

struct Vocab: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Train a WordPiece vocabulary (vocab.txt) from text files.",
    discussion: """
      INPUT: text files, folders or globs (plain, gzip, zstd or bzip2; any text, e.g. one \
      document per line). Words are split as 'dacorpus tokenize' splits them. The vocabulary \
      starts with [PAD] [UNK] [CLS] [SEP] [MASK], then the alphabet, then pieces; it is \
      written atomically and its SHA-256 printed. Deterministic for the same input.
      """)

  @Argument(help: "Text files, folders or globs.")
  var inputs: [String]

  @Option(help: "Target vocabulary size, special tokens included.")
  var size: Int

  @Option(help: "A piece must occur this often to be made.")
  var minFrequency: Int64 = 2

  @Option(help: "At most this many distinct characters in the alphabet.")
  var limitAlphabet = 1000

  @Flag(help: "Lower-case and strip accents (an uncased vocabulary).")
  var lowercase = false

  @Option(help: "Rules to split words by: hf or bert.")
  var profile: WordPieceOptions.Profile = .huggingFace

  @Option(name: .shortAndLong, help: "Where to write vocab.txt.", completion: .file())
  var output: String

  @Option(help: "Parallel workers for counting words (default: one per core).")
  var workers: Int?

  func validate() throws {
    if size < 1 { throw ValidationError("--size must be positive") }
    if minFrequency < 1 { throw ValidationError("--min-frequency must be at least 1") }
    if limitAlphabet < 1 { throw ValidationError("--limit-alphabet must be at least 1") }
    if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
  }

  func run() throws {
    let (files, unmatched) = PathExpander.expand(inputs)
    for path in unmatched { writeError("warning: \(path): no file matches this path") }
    if files.isEmpty { throw ValidationError("no input files") }
    let options = WordPieceOptions(profile: profile, lowercase: lowercase)
    let start = DispatchTime.now().uptimeNanoseconds
    let counts = try Self.count(
      files, options: options, workers: workers ?? ProcessInfo.processInfo.activeProcessorCount)
    let counted = DispatchTime.now().uptimeNanoseconds
    let trainer = WordPieceTrainer(
      .init(
        vocabularySize: size, minFrequency: minFrequency, limitAlphabet: limitAlphabet,
        maxInputCharsPerWord: options.maxInputCharsPerWord))
    let (vocabulary, summary) = try trainer.trainWithSummary(counts)
    let sha256 = try vocabulary.write(to: output)
    let done = DispatchTime.now().uptimeNanoseconds
    writeError(
      "counted \(counts.totalWords) words (\(counts.distinctWords) distinct) in \(seconds(counted - start)) s; "
        + "trained in \(seconds(done - counted)) s: alphabet \(summary.alphabet), "
        + "\(summary.candidates) candidates, \(summary.pruneRounds) pruning rounds, "
        + "\(String(format: "%.3f", summary.tokensPerWord)) tokens per training word")
    print("\(output): \(vocabulary.count) tokens, sha256 \(sha256)")
  }

  private func seconds(_ nanoseconds: UInt64) -> String { String(format: "%.2f", Double(nanoseconds) / 1e9) }

  /// Counts the words of `files`, one file per task on up to `workers` threads, and merges the
  /// per-file counts in file order.
  static func count(_ files: [String], options: WordPieceOptions, workers: Int) throws -> WordCounts {
    let perFile = try ParallelExecutor.run(tasks: files.count, workers: workers) { index in
      do {
        var counts = WordCounts(options: options)
        let lines = LineReader(try Compression.openDecoded(path: files[index]).source)
        while let line = try lines.next() { counts.add(utf8: line) }
        return counts
      } catch {
        throw ValidationError("\(files[index]): \(error)")
      }
    }
    var total = WordCounts(options: options)
    for counts in perFile { total.merge(counts) }
    return total
  }
}
