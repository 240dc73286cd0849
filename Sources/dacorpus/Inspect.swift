import ArgumentParser
import CorpusIO
import CorpusPipeline
import CorpusSources
import Foundation
import Shards
import WordPiece

struct Inspect: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the documents of input files, or the examples of tensor shards.",
    discussion: """
      Input files: the documents a reader makes of them, as JSON lines; types are detected per \
      file. Shards (*.safetensors, *.tfrecord): each example's segments A and B decoded to text \
      with the vocabulary ('##' pieces glued to the piece before, others space separated), its \
      token count and padding; with --json as JSON lines with the ids. Issues go to stderr. Exit \
      codes: 0 success, 1 an unreadable shard or vocabulary (reported with the file), 64 bad usage.
      """)

  @Argument(help: "Input files, shards, folders or globs.")
  var paths: [String]

  @Option(help: "Read every input file as this type: \(SourceType.allCases.map(\.rawValue).joined(separator: ", ")).")
  var type: SourceType = .auto

  @Option(help: "Stop after this many documents or examples.")
  var limit: Int?

  @Option(
    help: """
      The vocab.txt the shards' ids refer to (default: vocab.txt of the build output, the folder \
      above shards/, else beside the shard; without one, ids are shown).
      """,
    completion: .file(extensions: ["txt"]))
  var vocab: String?

  @Flag(help: "Print shard examples as JSON lines.")
  var json = false

  func validate() throws {
    if let limit, limit < 0 { throw ValidationError("--limit must not be negative") }
  }

  /// Thrown by the sink to stop reading at `--limit`.
  struct LimitReached: Error {}

  func run() throws {
    let (files, unmatched) = PathExpander.expand(paths)
    for path in unmatched { writeError("warning: \(path): no file matches this path") }
    var remaining = limit ?? .max
    var printer = ShardPrinter(vocab: vocab, json: json)
    var failed = false
    for shard in files where ShardReader.format(ofPath: shard) != nil {
      guard remaining > 0 else { break }
      do {
        try printer.print(shard, limit: &remaining)
      } catch let error as ShardsError {
        writeError("error: \(error)")
        failed = true
      } catch let error as WordPieceError {
        writeError("error: \(error)")
        failed = true
      }
    }
    try printDocuments(files.filter { ShardReader.format(ofPath: $0) == nil }, limit: &remaining)
    if failed { throw ExitCode.failure }
  }

  private func printDocuments(_ files: [String], limit remaining: inout Int) throws {
    guard !files.isEmpty else { return }
    let (units, issues) = SourceDetector.plan(paths: files, type: type)
    for issue in issues { writeError("warning: \(issue)") }
    var json = JSONWriter()
    let stdout = FileHandle.standardOutput
    for unit in units {
      let log = ReadLog(onIssue: { writeError("warning: \($0)") })
      let context = ReadContext(source: unit.format.family.rawValue, log: log)
      do {
        try SourceReader.read(unit, context: context) { document in
          if remaining <= 0 { throw LimitReached() }
          json.reset()
          document.write(to: &json)
          json.endLine()
          stdout.write(Data(json.bytes))
          remaining -= 1
        }
      } catch is LimitReached {
        return
      }
    }
  }
}

/// Prints the examples of shards, decoded with the vocabulary of each.
private struct ShardPrinter {
  /// `--vocab`, or `nil` for each shard's default.
  let vocab: String?
  let json: Bool
  /// Decoders by vocabulary path.
  private var decoders: [String: WordPieceDecoder] = [:]
  private var writer = JSONWriter()

  init(vocab: String?, json: Bool) {
    self.vocab = vocab
    self.json = json
  }

  /// Prints examples of `path` until it ends or `limit` reaches 0.
  mutating func print(_ path: String, limit: inout Int) throws {
    var reader = try ShardReader(path: path)
    let decoder = try decoder(for: path, metadata: reader.metadata)
    if !json {
      let count = reader.count.map { "\($0) examples" } ?? "examples"
      emit("\(path): \(count) (\(reader.format.rawValue))\n")
    }
    while limit > 0, let example = try reader.nextPacked() {
      limit -= 1
      let index = reader.examplesRead - 1
      let padding = reader.seqLen - example.tokens.count
      var segments = [example.firstSegment]
      if example.hasSecondSegment { segments.append(example.secondSegment) }
      if json {
        writer.reset()
        writer.object { o in
          o.field("file", path)
          o.field("example", index)
          o.field("tokens", example.tokens.count)
          o.field("padding", padding)
          o.arrayField("segments") { list in
            for segment in segments {
              list.object { s in
                s.field("text", decoder?.decode(segment))
                s.arrayField("ids") { ids in for id in segment { ids.writeNumber(Int(id)) } }
              }
            }
          }
        }
        writer.endLine()
        FileHandle.standardOutput.write(Data(writer.bytes))
      } else {
        var text = "example \(index): \(example.tokens.count) tokens, padding \(padding)\n"
        for (name, segment) in zip(["A", "B"], segments) {
          let content = decoder?.decode(segment) ?? segment.map(String.init).joined(separator: " ")
          text += "  \(name) (\(segment.count)): \(content)\n"
        }
        emit(text)
      }
    }
  }

  /// The decoder of `--vocab`, or of the vocab.txt of the shard's build output (the folder above
  /// `shards/`) or beside the shard; `nil`, with a warning, when there is none.
  private mutating func decoder(for shard: String, metadata: ShardMetadata?) throws(WordPieceError)
    -> WordPieceDecoder?
  {
    let folder = URL(fileURLWithPath: shard).deletingLastPathComponent()
    let candidates = [folder.deletingLastPathComponent(), folder].map { $0.appendingPathComponent("vocab.txt").path }
    guard let path = vocab ?? candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
      writeError("warning: \(shard): no vocab.txt in \(candidates.joined(separator: " or ")); showing ids (use --vocab)")
      return nil
    }
    if let known = decoders[path] { return check(known, path, shard, metadata) }
    let decoder = WordPieceDecoder(vocabulary: try WordPieceVocabulary(contentsOf: path))
    decoders[path] = decoder
    return check(decoder, path, shard, metadata)
  }

  /// Warns when the shard's metadata names another vocabulary than `path`'s.
  private func check(_ decoder: WordPieceDecoder, _ path: String, _ shard: String, _ metadata: ShardMetadata?)
    -> WordPieceDecoder
  {
    if let expected = metadata?.vocabSHA256, expected != decoder.vocabulary.sha256 {
      writeError("warning: \(shard) was made with the vocabulary of sha256 \(expected), not \(path)")
    }
    return decoder
  }

  private func emit(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }
}

extension SourceType: ExpressibleByArgument {}
