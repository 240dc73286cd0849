import CPrefetch

/// Counts the lines of one ingest task for the over-represented-line reduce: per (line key,
/// domain) the occurrences, the documents (a line counts once per document), and the first
/// document; plus one sample text per line seen at least twice (while a sample budget lasts),
/// for the report's top-K list.
///
/// One accumulator per task (per worker), fed documents in task order, then written once with
/// ``write(to:)``. Memory is bounded: past `maxEntries` distinct pairs the table is spilled, as
/// a sorted run, to a file in `spillDirectory` and cleared; the sidecar then holds every run.
/// Without a spill directory the table grows without bound.
///
/// ```swift
/// let counter = LineCountAccumulator(taskIndex: task, policy: policy)
/// for (index, document) in documents.enumerated() {
///   guard let group = policy.group(forSource: sourceIndex) else { continue }
///   try counter.add(text: document.text, documentIndex: index, group: group, domain: DomainKey.of(url: url))
/// }
/// try counter.write(to: "out/sidecars/task-00007.linecounts")
/// ```
public final class LineCountAccumulator {
  /// The task index written into the sidecar.
  public let taskIndex: Int
  /// The policy deciding which lines count.
  public let policy: OverrepresentedPolicy
  /// Distinct (line, domain) pairs held before spilling.
  public let maxEntries: Int
  /// Where spill runs go; `nil` never spills.
  public let spillDirectory: String?
  /// Bytes of sample text kept at most, and the longest sample kept (longer lines are cut at a
  /// scalar boundary).
  public let sampleBudget: Int
  public let maxSampleLength: Int

  /// Documents added.
  public private(set) var documentCount = 0
  /// Lines counted (long enough, not allowlisted).
  public private(set) var countedLines = 0
  /// Runs spilled so far.
  public private(set) var spilledRuns = 0

  private let table = LineCountTable()
  private var samples: [UInt64: [UInt8]] = [:]
  private var sampleBytes = 0
  /// A direct-mapped memory of recently seen line keys: a line is sampled when it is seen again.
  private var recent = [UInt64](repeating: 0, count: 1 << 16)
  private var normalizer = LineNormalizer()
  private var spillWriter: BinaryFileWriter?
  private var spillPath: String?
  private var spilledRecords = 0

  /// An empty accumulator for task `taskIndex`.
  public init(
    taskIndex: Int, policy: OverrepresentedPolicy, maxEntries: Int = 4_000_000, spillDirectory: String? = nil,
    sampleBudget: Int = 4 << 20, maxSampleLength: Int = 300
  ) {
    self.taskIndex = taskIndex
    self.policy = policy
    self.maxEntries = max(1, maxEntries)
    self.spillDirectory = spillDirectory
    self.sampleBudget = sampleBudget
    self.maxSampleLength = maxSampleLength
  }

  deinit {
    if let spillPath { SpillDirectory.unlinkFile(spillPath) }
  }

  /// Distinct (line, domain) pairs in memory.
  public var entryCount: Int { table.count }

  /// Counts the lines of one document.
  ///
  /// - Parameters:
  ///   - text: the document text (after the ingest filters), lines split on LF.
  ///   - documentIndex: the document's index within the task, the same in the finish phase.
  ///   - group: ``OverrepresentedPolicy/group(forSource:)`` of its source.
  ///   - domain: ``DomainKey/of(url:)`` of its URL.
  ///   - lineKeys: the key of each line of `text`, when already known
  ///     (``DedupSigner/sign(_:lineKeys:)``); else the lines are normalized here.
  /// - Complexity: O(n) in the text length, one hash-table update per counted line.
  public func add(
    text: String, documentIndex: Int, group: UInt32, domain: UInt64, lineKeys: [LineKey]? = nil
  ) throws(FilterError) {
    if table.count >= maxEntries, spillDirectory != nil { try spill() }
    documentCount += 1
    let document = UInt64(documentIndex)
    // The per-line state in locals, written back once: properties of a class read or written in
    // the loop would each pay a dynamic exclusivity check per line.
    var counted = 0
    var sampleBytes = self.sampleBytes
    let sampleBudget = self.sampleBudget
    recent.withUnsafeMutableBufferPointer { recent in
      // The table's slots of every line first, and the memory's while the sample budget lasts
      // (only then read below): the loads below find them in cache instead of waiting on memory
      // one line after another.
      for key in lineKeys ?? [] where policy.counts(key) {
        let lineKey = OverrepresentedPolicy.countingKey(key.hash, group: group)
        table.prefetch(line: lineKey, domain: domain)
        guard sampleBytes < sampleBudget else { continue }
        dacorpus_prefetch_for_write(
          recent.baseAddress.unsafelyUnwrapped + Int(truncatingIfNeeded: lineKey & UInt64(recent.count - 1)))
      }
      text.withUTF8Bytes { bytes in
        var index = 0
        TextLines.forEach(bytes) { range in
          let line = UnsafeBufferPointer(rebasing: bytes[range])
          let key = lineKeys?[index] ?? normalizer.key(line)
          index += 1
          guard policy.counts(key) else { return }
          counted += 1
          let lineKey = OverrepresentedPolicy.countingKey(key.hash, group: group)
          table.add(line: lineKey, domain: domain, document: document)
          guard sampleBytes < sampleBudget else { return }
          let slot = Int(truncatingIfNeeded: lineKey & UInt64(recent.count - 1))
          if recent[slot] == lineKey {
            if samples[lineKey] == nil {
              let sample = Self.prefix(line, maxBytes: maxSampleLength)
              sampleBytes += sample.count
              samples[lineKey] = sample
            }
          } else {
            recent[slot] = lineKey
          }
        }
      }
    }
    countedLines += counted
    self.sampleBytes = sampleBytes
  }

  /// The first at most `maxBytes` bytes of `line`, cut at a scalar boundary.
  static func prefix(_ line: UnsafeBufferPointer<UInt8>, maxBytes: Int) -> [UInt8] {
    if line.count <= maxBytes { return Array(line) }
    var end = maxBytes
    while end > 0 && line[end] & 0xC0 == 0x80 { end -= 1 }
    return Array(line[0..<end])
  }

  private func sortedRecords() -> [LineCountSidecar.Record] {
    table.sortedEntries().map { entry in
      LineCountSidecar.Record(
        line: entry.line, domain: entry.domain, occurrences: entry.occurrences, documents: entry.documents,
        firstDocument: entry.firstDocument)
    }
  }

  private func spill() throws(FilterError) {
    guard let directory = spillDirectory else { return }
    if spillWriter == nil {
      let path = "\(directory)/.linecounts-task\(taskIndex)-\(UInt(bitPattern: ObjectIdentifier(self).hashValue)).spill"
      spillPath = path
      spillWriter = try BinaryFileWriter(path: path)
    }
    guard let writer = spillWriter else { return }
    for record in sortedRecords() { try LineCountSidecar.write(record, to: writer) }
    spilledRecords += table.count
    spilledRuns += 1
    table.removeAll()
  }

  /// Writes the sidecar (format: ``LineCountSidecar``) atomically: to a temporary name beside
  /// `path`, renamed when complete.
  public func write(to path: String) throws(FilterError) {
    let target = AtomicPath(path)
    do {
      let writer = try BinaryFileWriter(path: target.temporaryPath, bufferSize: 1 << 18)
      try LineCountSidecar.writeHeader(writer, taskIndex: taskIndex)
      var records = 0
      if let spillWriter, let spillPath {
        try spillWriter.close()
        self.spillWriter = nil
        let reader = try BinaryFileReader(path: spillPath, bufferSize: 1 << 18)
        for _ in 0..<spilledRecords {
          let record = LineCountSidecar.Record(
            line: try reader.read(), domain: try reader.read(), occurrences: try reader.read(),
            documents: try reader.read(), firstDocument: try reader.read())
          try LineCountSidecar.write(record, to: writer)
        }
        records += spilledRecords
        // Later spills append a new file.
        SpillDirectory.unlinkFile(spillPath)
        self.spillPath = nil
        spilledRecords = 0
      }
      for record in sortedRecords() { try LineCountSidecar.write(record, to: writer) }
      records += table.count
      let samplesOffset = writer.offset
      let keys = samples.keys.sorted()
      for key in keys {
        guard let bytes = samples[key] else { continue }
        try writer.write(key)
        try writer.write(UInt32(bytes.count))
        try writer.write(bytes)
      }
      try writer.write(UInt64(records))
      try writer.write(UInt64(keys.count))
      try writer.write(UInt64(samplesOffset))
      let checksum = try writer.checksum()
      try writer.write(checksum)
      try writer.write(LineCountSidecar.footerMagic)
      try writer.write(UInt32(0))
      try writer.close()
      try target.commit()
    } catch {
      target.abandon()
      throw error
    }
  }
}
