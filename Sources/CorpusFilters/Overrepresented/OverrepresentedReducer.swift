/// The reduce phase for over-represented lines: merges the per-task line-count sidecars into
/// exact corpus-wide counts and returns the lines over the thresholds.
///
/// Memory is bounded by `memoryBudget`: when all records fit (32 bytes each) they are sorted in
/// memory; otherwise they are spilled into hash partitions on disk (by line key, so every
/// record of a line lands in one partition; count chosen so a partition fits), and each
/// partition is sorted — in memory, or, when a partition is still too big (a line on very many
/// domains), as sorted runs merged from disk. Either way the counts are exact and identical.
///
/// A line (counting key) is over-represented when, summed over all sidecars, occurrences ≥
/// `min_count`, documents ≥ `min_documents` and domains ≥ `min_domains`, where domains are the
/// distinct known domains plus the documents without a domain.
public struct OverrepresentedReducer: Sendable {
  /// The thresholds.
  public var config: OverrepresentedConfig
  /// Bytes of record buffers the reduce may hold (I/O buffers of at least 4 KB per open
  /// partition or run come on top).
  public var memoryBudget: Int
  /// Where the spill directory is created (removed afterwards).
  public var temporaryDirectory: String

  /// A reducer with `config`'s thresholds and memory budget.
  public init(config: OverrepresentedConfig, memoryBudget: Int? = nil, temporaryDirectory: String? = nil) {
    self.config = config
    self.memoryBudget = memoryBudget ?? config.memoryBudgetMB << 20
    self.temporaryDirectory = temporaryDirectory ?? SpillDirectory.defaultParent
  }

  /// Most partitions open at once.
  static let maxPartitions = 256

  /// Merges `sidecars` (any order; they are read in task order) into the over-represented set.
  ///
  /// - Complexity: O(r log r) for r records; each record is read once from its sidecar and,
  ///   when spilling, written and read once more per pass.
  public func reduce(sidecars paths: [String]) throws(FilterError) -> OverrepresentedLines {
    var readers: [LineCountSidecar.Reader] = []
    for path in paths { readers.append(try LineCountSidecar.Reader(path: path)) }
    readers.sort { ($0.taskIndex, $0.path) < ($1.taskIndex, $1.path) }
    for reader in readers where reader.taskIndex >= 1 << 24 {
      throw FilterError(.invalidArgument, "task index \(reader.taskIndex) is above 16,777,215", path: reader.path)
    }
    var statistics = OverrepresentedStatistics()
    statistics.sidecars = readers.count
    let total = readers.reduce(0) { $0 + $1.recordCount }
    statistics.records = total
    let stride = MemoryLayout<LineCountRecord>.stride
    let capacity = max(2, memoryBudget / stride)
    var aggregator = Aggregator(config: config)

    func convert(_ r: LineCountSidecar.Record, task: Int, path: String) throws(FilterError) -> LineCountRecord {
      guard r.firstDocument < 1 << 40 else {
        throw FilterError(.invalidArgument, "document index \(r.firstDocument) is above 2^40", path: path)
      }
      return LineCountRecord(
        line: r.line, domain: r.domain, occurrences: r.occurrences, documents: r.documents,
        first: UInt64(task) << 40 | r.firstDocument)
    }

    if total <= capacity {
      var records: [LineCountRecord] = []
      records.reserveCapacity(total)
      for reader in readers {
        try reader.forEachRecord { (r) throws(FilterError) in
          records.append(try convert(r, task: reader.taskIndex, path: reader.path))
        }
      }
      records.sort()
      for record in records { aggregator.add(record) }
    } else {
      let partitionCount = min(Self.maxPartitions, max(2, (total + capacity * 3 / 4 - 1) / (capacity * 3 / 4)))
      statistics.partitions = partitionCount
      let directory = try SpillDirectory.create(in: temporaryDirectory, prefix: "overrep")
      defer { SpillDirectory.remove(directory) }
      let bufferBytes = max(4096, memoryBudget / 4 / partitionCount)
      let partitioner = try HashPartitioner<LineCountRecord>(
        directory: directory, name: "lines", count: partitionCount, bufferBytes: bufferBytes)
      for reader in readers {
        try reader.forEachRecord { (r) throws(FilterError) in
          try partitioner.append(try convert(r, task: reader.taskIndex, path: reader.path))
        }
      }
      try partitioner.finish()
      var sortStatistics = ExternalSort.Statistics()
      for (index, path) in partitioner.paths.enumerated() {
        try ExternalSort.forEachSorted(
          path: path, count: partitioner.counts[index], capacity: capacity, directory: directory,
          statistics: &sortStatistics
        ) { (record: LineCountRecord) throws(FilterError) in aggregator.add(record) }
        aggregator.flush()
        SpillDirectory.unlinkFile(path)
      }
      statistics.runs = sortStatistics.runs
      statistics.mergePasses = sortStatistics.mergePasses
    }
    aggregator.flush()
    statistics.distinctLines = aggregator.distinct
    let entries = aggregator.entries.sorted { $0.key < $1.key }
    var result = OverrepresentedLines(entries: entries)
    // One sample per over-represented line, from the sidecar of the smallest task that kept one.
    var samples: [UInt64: String] = [:]
    for reader in readers where samples.count < entries.count {
      try reader.forEachSample { key, bytes in
        if samples[key] == nil, result.contains(key) { samples[key] = String(decoding: bytes, as: UTF8.self) }
      }
    }
    result = OverrepresentedLines(entries: entries, samples: samples)
    result.statistics = statistics
    return result
  }

  /// Sums consecutive records of one key (records arrive sorted by line, then domain).
  struct Aggregator {
    let config: OverrepresentedConfig
    var entries: [OverrepresentedLines.Entry] = []
    var distinct = 0
    var active = false
    var key: UInt64 = 0
    var occurrences: UInt64 = 0
    var documents: UInt64 = 0
    var domains: UInt64 = 0
    var lastDomain: UInt64 = 0
    var first: UInt64 = .max

    init(config: OverrepresentedConfig) { self.config = config }

    @inline(__always)
    mutating func add(_ r: LineCountRecord) {
      if !active || r.line != key {
        flush()
        active = true
        key = r.line
        lastDomain = 0
        distinct += 1
        if r.domain != DomainKey.unknown { domains = 1 }
      } else if r.domain != lastDomain && r.domain != DomainKey.unknown {
        domains += 1
      }
      if r.domain == DomainKey.unknown { domains += UInt64(r.documents) }
      lastDomain = r.domain
      occurrences += UInt64(r.occurrences)
      documents += UInt64(r.documents)
      first = min(first, r.first)
    }

    mutating func flush() {
      guard active else { return }
      if occurrences >= UInt64(config.minCount), documents >= UInt64(config.minDocuments),
        domains >= UInt64(config.minDomains)
      {
        entries.append(
          OverrepresentedLines.Entry(
            key: key, occurrences: occurrences, documents: documents, domains: domains, firstTask: Int(first >> 40),
            firstDocument: Int(first & (1 << 40 - 1))))
      }
      active = false
      occurrences = 0
      documents = 0
      domains = 0
      first = .max
    }
  }
}

/// A line-count record in the reducer: 32 bytes, sorted by (line, domain, first).
struct LineCountRecord: SpillRecord {
  var line: UInt64
  var domain: UInt64
  var occurrences: UInt32
  var documents: UInt32
  /// Task index << 40 | document index of the first document.
  var first: UInt64

  var partitionHash: UInt64 { line }

  static func < (a: LineCountRecord, b: LineCountRecord) -> Bool {
    if a.line != b.line { return a.line < b.line }
    if a.domain != b.domain { return a.domain < b.domain }
    return a.first < b.first
  }
}
