import CorpusFilters
import CorpusIO

/// One removed document or line, as `out/removed/*.jsonl.gz` records it.
struct RemovedText: Sendable {
  enum Kind: String, Sendable { case document, line }

  var kind: Kind
  var source: String
  var id: String
  /// The line's index in the document as the rule saw it; 0 for a document.
  var line: Int
  /// The rule that removed it (`quality.min_words`, `ads.price`, `dedup.near`, …).
  var rule: String
  /// The rule's score, when it has one (a quality measure, a share, a similarity).
  var score: Double?
  var text: String
  /// Sampling priority: a seeded hash of the record's identity (smallest kept).
  var priority: UInt64

  func write(to json: inout JSONWriter) {
    json.beginObject()
    json.field("kind", kind.rawValue)
    json.field("source", source)
    json.field("id", id)
    if kind == .line { json.field("line", line) }
    json.field("rule", rule)
    if let score, score.isFinite { json.field("score", score) }
    json.field("text", text)
    json.endObject()
    json.endLine()
  }
}

/// The `size` records of smallest priority among those offered: a sample that is the same
/// whichever way the records are split among tasks, because bottom-k samples merge exactly.
struct BottomKSample: Sendable {
  let size: Int
  private(set) var records: [RemovedText] = []
  /// Records at or above this priority cannot enter the sample any more.
  private var cutoff = UInt64.max

  init(size: Int) { self.size = size }

  /// Offers a record; `text` is evaluated only when the record may be kept.
  mutating func offer(_ record: consuming RemovedText, text: () -> String) {
    guard record.priority < cutoff else { return }
    record.text = text()
    records.append(record)
    if records.count >= 2 * size { trim() }
  }

  /// Adds another sample's records.
  mutating func merge(_ other: BottomKSample) {
    for record in other.records where record.priority < cutoff { records.append(record) }
    trim()
  }

  /// The sample, in priority order.
  var sorted: [RemovedText] {
    var copy = self
    copy.trim()
    return copy.records
  }

  private mutating func trim() {
    records.sort { ($0.priority, $0.id, $0.line) < ($1.priority, $1.id, $1.line) }
    if records.count >= size {
      records.removeSubrange(size...)
      cutoff = records[size - 1].priority
    }
  }
}

/// What one task keeps of its removals for `out/removed/`: every one, written to the task's own
/// file (`audit.removed: all`), or a bottom-k sample by seeded priority (`sample`), which merges
/// across tasks into the same global sample whatever the number of workers.
final class RemovalAudit {
  let config: AuditConfig
  let seed: UInt64
  private var writer: GzipWriter?
  private var target: AtomicFile?
  private var json = JSONWriter(capacity: 1 << 16)
  /// The identity last hashed for a priority, `kind␟source␟id␟`, as an xxHash64 state fed
  /// with it: kept while the records are of the same document, copied for each line.
  private var prefix = XXHash64Hasher()
  private var prefixKind: RemovedText.Kind?
  private var prefixSource = ""
  private var prefixID = ""
  /// The samples (`removed: sample`).
  private(set) var documents: BottomKSample
  private(set) var lines: BottomKSample

  /// An audit for one task; with `removed: all`, its records go to `path`.
  init(config: AuditConfig, seed: UInt64, path: String) throws(CorpusIOError) {
    self.config = config
    self.seed = seed
    documents = BottomKSample(size: config.sampleSize)
    lines = BottomKSample(size: config.sampleSize)
    if config.removed == .all {
      let target = AtomicFile(path: path)
      self.target = target
      writer = try GzipWriter(path: target.temporaryPath, level: 1)
    }
  }

  /// Records one removal.
  func add(
    _ kind: RemovedText.Kind, source: String, id: String, line: Int = 0, rule: String, score: Double? = nil,
    text: @autoclosure () -> String
  ) throws(CorpusIOError) {
    switch config.removed {
    case .none: return
    case .all:
      RemovedText(kind: kind, source: source, id: id, line: line, rule: rule, score: score, text: text(), priority: 0)
        .write(to: &json)
      if json.bytes.count >= 1 << 16 {
        try writer?.write(json.bytes)
        json.reset()
      }
    case .sample:
      let record = RemovedText(
        kind: kind, source: source, id: id, line: line, rule: rule, score: score, text: "",
        priority: priority(kind, source: source, id: id, line: line))
      switch kind {
      case .document: documents.offer(record, text: text)
      case .line: lines.offer(record, text: text)
      }
    }
  }

  /// The sampling priority of a record: xxHash64 (seeded) of `kind␟source␟id␟line`, the line
  /// in decimal. The hash state after `kind␟source␟id␟` is kept while the records are of the
  /// same document, so a line feeds only its digits.
  private func priority(_ kind: RemovedText.Kind, source: String, id: String, line: Int) -> UInt64 {
    if kind != prefixKind || id != prefixID || source != prefixSource {
      let separator = "\u{1F}"
      var hasher = XXHash64Hasher(seed: seed)
      hasher.update(kind.rawValue)
      hasher.update(separator)
      hasher.update(source)
      hasher.update(separator)
      hasher.update(id)
      hasher.update(separator)
      prefix = hasher
      (prefixKind, prefixSource, prefixID) = (kind, source, id)
    }
    var hasher = prefix
    // The digits (after a sign), written backwards into a 24-byte stack buffer (at most 21).
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    withUnsafeMutableBytes(of: &digits) { buffer in
      var start = buffer.count
      var magnitude = line.magnitude
      repeat {
        start -= 1
        buffer[start] = 0x30 + UInt8(magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      if line < 0 {
        start -= 1
        buffer[start] = 0x2D
      }
      hasher.update(UnsafeRawBufferPointer(rebasing: buffer[start...]))
    }
    return hasher.finalize()
  }

  /// Completes the task's file (`removed: all`) and returns its path, or `nil` without one.
  func finish() throws(CorpusIOError) -> String? {
    guard let writer, let target else { return nil }
    try writer.write(json.bytes)
    json.reset()
    try writer.finish()
    try target.commit()
    return target.path
  }

  /// Removes an unfinished file.
  func abandon() { target?.abandon() }
}
