import CorpusFilters
import CorpusIO
import CorpusSources

/// Writes documents to one text part as Dolma-style JSON lines: a clean-text part
/// (`text/{source}-{NNNNN}.jsonl.gz`, gzip) or an ingest scratch part (`work/ingest/….jsonl`,
/// plain), under a temporary name until ``finish()`` renames it into place.
final class TextPartWriter {
  /// Where the JSON lines go.
  private enum Output {
    case gzip(GzipWriter)
    case plain(FileWriter)
  }

  private let target: AtomicFile
  private let output: Output
  private var json = JSONWriter(capacity: 1 << 20)
  private(set) var documents = 0
  private(set) var characters = 0

  /// Starts the part at `path`, compressed at gzip `level`, or plain when `level` is `nil`.
  ///
  /// The clean-text parts use level 1: level 6 would make them about 16 % smaller at four
  /// times the cost, a third of the finish phase's time. Scratch parts are plain: they are read
  /// once, by the finish phase, and even stored gzip (level 0) costs a CRC and a copy of every
  /// byte (3–4 % of the ingest phase's instructions).
  init(path: String, level: Int32?) throws(CorpusIOError) {
    target = AtomicFile(path: path)
    if let level {
      output = .gzip(try GzipWriter(path: target.temporaryPath, level: level))
    } else {
      output = .plain(try FileWriter(path: target.temporaryPath))
    }
  }

  /// Appends one document as a JSON line.
  func write(_ document: Document) throws(CorpusIOError) {
    document.write(to: &json)
    json.endLine()
    documents += 1
    characters += UTF8Scalar.count(document.text)
    if json.bytes.count >= 1 << 20 { try flush() }
  }

  private func flush() throws(CorpusIOError) {
    switch output {
    case .gzip(let gzip): try gzip.write(json.bytes)
    case .plain(let file): try file.write(json.bytes)
    }
    json.reset()
  }

  /// Completes the file, renames it into place, and returns its size in bytes.
  @discardableResult
  func finish() throws(CorpusIOError) -> Int64 {
    try flush()
    let size: Int64
    switch output {
    case .gzip(let gzip):
      try gzip.finish()
      size = gzip.bytesOut
    case .plain(let file):
      try file.finish()
      size = file.bytesWritten
    }
    try target.commit()
    return size
  }

  /// Removes the unfinished file.
  func abandon() {
    target.abandon()
  }
}
