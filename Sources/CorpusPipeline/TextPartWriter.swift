import CorpusFilters
import CorpusIO
import CorpusSources

/// Writes documents to one clean-text part (`text/{source}-{NNNNN}.jsonl.gz`) as gzip
/// Dolma-style JSON lines, under a temporary name until ``finish()`` renames it into place.
final class TextPartWriter {
  private let target: AtomicFile
  private let gzip: GzipWriter
  private var json = JSONWriter(capacity: 1 << 20)
  private(set) var documents = 0
  private(set) var characters = 0

  /// Starts the part at `path`, compressed at gzip `level`.
  ///
  /// The clean-text parts use level 1: level 6 would make them about 16 % smaller at four
  /// times the cost, a third of the finish phase's time.
  init(path: String, level: Int32) throws(CorpusIOError) {
    target = AtomicFile(path: path)
    gzip = try GzipWriter(path: target.temporaryPath, level: level)
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
    try gzip.write(json.bytes)
    json.reset()
  }

  /// Completes the file, renames it into place, and returns its size in bytes.
  @discardableResult
  func finish() throws(CorpusIOError) -> Int64 {
    try flush()
    try gzip.finish()
    try target.commit()
    return gzip.bytesOut
  }

  /// Removes the unfinished file.
  func abandon() {
    target.abandon()
  }
}
