/// The reduce phase for deduplication: clusters the documents of all signature sidecars by
/// exact key and by MinHash LSH, and picks one document per cluster to keep.
///
/// 1. Documents get ordinals in keeper order — (source index, task index, document index) —
///    so in every cluster the smallest ordinal is the document kept.
/// 2. Exact pass: (exact key, ordinal) records are sorted; equal keys are united.
/// 3. One pass per band: (band hash, ordinal) records are sorted; in each bucket every member
///    is united with the bucket's first member when their estimated similarity (share of equal
///    minhashes over the whole signature, read from the memory-mapped sidecar) reaches
///    ``MinHashConfig/acceptance``, else with the previous member when that one qualifies.
/// 4. Union-find with the smaller root winning gives each cluster's representative.
///
/// Sorting is bounded by the memory budget (hash partitions and sorted runs on disk, as in
/// ``OverrepresentedReducer``); the union-find array takes 4 bytes per document on top, and the
/// signatures stay in the (file-backed) maps. For 10⁸ documents: 400 MB of parents, budget-
/// bounded sorts, 14 + 1 sequential passes over the maps.
public struct DedupReducer: Sendable {
  /// The parameters.
  public var config: DedupConfig
  /// Bytes of record buffers the sorts may hold.
  public var memoryBudget: Int
  /// Where the spill directory is created (removed afterwards).
  public var temporaryDirectory: String

  /// A reducer for `config`.
  public init(config: DedupConfig, memoryBudget: Int? = nil, temporaryDirectory: String? = nil) {
    self.config = config
    self.memoryBudget = memoryBudget ?? config.memoryBudgetMB << 20
    self.temporaryDirectory = temporaryDirectory ?? SpillDirectory.defaultParent
  }

  struct Run {
    var source: Int
    var task: Int
    var firstDocument: UInt64
    var sidecar: Int
    var start: Int
    var count: Int
    var ordinalStart = 0
  }

  /// Clusters the documents of `sidecars` (any order).
  public func reduce(sidecars paths: [String]) throws(FilterError) -> DuplicateSet {
    var sidecars: [SignatureSidecar.Mapped] = []
    for path in paths { sidecars.append(try SignatureSidecar.Mapped(path: path)) }
    sidecars.sort { ($0.taskIndex, $0.file.path) < ($1.taskIndex, $1.file.path) }
    if let first = sidecars.first {
      for s in sidecars
      where (s.shingle, s.bands, s.rows, s.seed) != (first.shingle, first.bands, first.rows, first.seed) {
        throw FilterError(
          .incompatibleSidecars,
          "made with shingle \(s.shingle), \(s.bands) × \(s.rows), seed \(s.seed); \(first.file.path) with shingle \(first.shingle), \(first.bands) × \(first.rows), seed \(first.seed); rerun the ingest with one config",
          path: s.file.path)
      }
    }
    var statistics = DedupStatistics()
    statistics.sidecars = sidecars.count
    // Runs of one source with increasing document indices, in keeper order.
    var runs: [Run] = []
    for (s, sidecar) in sidecars.enumerated() {
      var k = 0
      while k < sidecar.count {
        let source = sidecar.sourceIndex(k)
        var e = k + 1
        while e < sidecar.count, sidecar.sourceIndex(e) == source,
          sidecar.documentIndex(e) > sidecar.documentIndex(e - 1)
        { e += 1 }
        runs.append(
          Run(
            source: source, task: sidecar.taskIndex, firstDocument: sidecar.documentIndex(k), sidecar: s, start: k,
            count: e - k))
        k = e
      }
    }
    runs.sort {
      ($0.source, $0.task, $0.firstDocument, $0.sidecar, $0.start) < (
        $1.source, $1.task, $1.firstDocument, $1.sidecar, $1.start
      )
    }
    var total = 0
    for i in runs.indices {
      runs[i].ordinalStart = total
      total += runs[i].count
    }
    statistics.documents = total
    guard total < Int(UInt32.max) else {
      throw FilterError(
        .invalidArgument, "\(total) documents exceed the reducer's 4,294,967,294; split the dedup by source")
    }
    var finder = UnionFind(count: total)
    var spilledRuns = 0
    let hashes = sidecars.first.map { $0.bands * $0.rows } ?? 0
    let bands = sidecars.first?.bands ?? 0
    let rows = sidecars.first?.rows ?? 0

    func location(_ ordinal: Int) -> (sidecar: SignatureSidecar.Mapped, record: Int) {
      var low = 0
      var high = runs.count - 1
      while low < high {
        let mid = (low + high + 1) / 2
        if runs[mid].ordinalStart <= ordinal { low = mid } else { high = mid - 1 }
      }
      let run = runs[low]
      return (sidecars[run.sidecar], run.start + ordinal - run.ordinalStart)
    }

    var directory: String?
    defer { if let directory { SpillDirectory.remove(directory) } }
    func spillDirectory() throws(FilterError) -> String {
      if let directory { return directory }
      let made = try SpillDirectory.create(in: temporaryDirectory, prefix: "dedup")
      directory = made
      return made
    }

    // Exact pass.
    if config.exact {
      var previous: ExactRecord?
      var groupRoot = 0
      try BoundedSort.run(
        count: total, capacity: max(2, memoryBudget / MemoryLayout<ExactRecord>.stride), name: "exact",
        directory: spillDirectory, runs: &spilledRuns,
        produce: { (emit: (ExactRecord) throws(FilterError) -> Void) throws(FilterError) in
          for run in runs {
            let sidecar = sidecars[run.sidecar]
            for k in 0..<run.count where sidecar.flags(run.start + k) & 1 != 0 {
              let key = sidecar.exact(run.start + k)
              try emit(ExactRecord(high: key.high, low: key.low, ordinal: UInt32(run.ordinalStart + k)))
            }
          }
        },
        body: { (record: ExactRecord) throws(FilterError) in
          if let p = previous, p.high == record.high, p.low == record.low {
            finder.union(groupRoot, Int(record.ordinal))
          } else {
            groupRoot = Int(record.ordinal)
          }
          previous = record
        })
    }

    // LSH passes, one band at a time.
    if config.minhash.enabled, hashes > 0 {
      var signed = 0
      for run in runs {
        for k in 0..<run.count where sidecars[run.sidecar].flags(run.start + k) & 2 != 0 { signed += 1 }
      }
      statistics.signed = signed
      let threshold = config.minhash.acceptance
      for band in 0..<bands {
        var bucket: UInt64 = 0
        var first = -1
        var previousMember = -1
        var inBucket = false
        try BoundedSort.run(
          count: signed, capacity: max(2, memoryBudget / MemoryLayout<BandRecord>.stride), name: "band\(band)",
          directory: spillDirectory, runs: &spilledRuns,
          produce: { (emit: (BandRecord) throws(FilterError) -> Void) throws(FilterError) in
            for run in runs {
              let sidecar = sidecars[run.sidecar]
              for k in 0..<run.count where sidecar.flags(run.start + k) & 2 != 0 {
                let hash = sidecar.withSignature(run.start + k) { MinHasher.bandHash($0, band: band, rows: rows) }
                try emit(BandRecord(hash: hash, ordinal: UInt32(run.ordinalStart + k)))
              }
            }
          },
          body: { (record: BandRecord) throws(FilterError) in
            let member = Int(record.ordinal)
            guard inBucket, record.hash == bucket else {
              inBucket = true
              bucket = record.hash
              first = member
              previousMember = member
              return
            }
            defer { previousMember = member }
            if finder.find(member) == finder.find(first) { return }
            statistics.candidatePairs += 1
            if threshold <= 0 || similarity(member, first) >= threshold {
              finder.union(first, member)
            } else if previousMember != first, finder.find(member) != finder.find(previousMember),
              similarity(member, previousMember) >= threshold
            {
              finder.union(previousMember, member)
            } else {
              statistics.rejectedPairs += 1
            }
          })
      }
    }

    func similarity(_ a: Int, _ b: Int) -> Double {
      let (sa, ra) = location(a)
      let (sb, rb) = location(b)
      guard sa.flags(ra) & 2 != 0, sb.flags(rb) & 2 != 0 else { return 0 }
      return sa.withSignature(ra) { x in sb.withSignature(rb) { y in MinHasher.similarity(x, y) } }
    }

    statistics.runs = spilledRuns

    // Results.
    var removedOrdinals: [(ordinal: Int, root: Int)] = []
    var sizes: [Int: Int] = [:]
    for ordinal in 0..<total {
      let root = finder.find(ordinal)
      if root != ordinal {
        removedOrdinals.append((ordinal, root))
        sizes[root, default: 1] += 1
      }
    }
    // Ids of the documents named in the result.
    var needed: [Int: [Int]] = [:]
    for (ordinal, root) in removedOrdinals {
      for o in [ordinal, root] {
        let run = runs[runIndex(o)]
        needed[run.sidecar, default: []].append(run.start + o - run.ordinalStart)
      }
    }
    var ids: [Int: [Int: String]] = [:]
    for (s, indices) in needed { ids[s] = try sidecars[s].ids(at: Array(Set(indices)).sorted()) }
    func runIndex(_ ordinal: Int) -> Int {
      var low = 0
      var high = runs.count - 1
      while low < high {
        let mid = (low + high + 1) / 2
        if runs[mid].ordinalStart <= ordinal { low = mid } else { high = mid - 1 }
      }
      return low
    }
    func key(_ ordinal: Int) -> DocumentKey {
      let run = runs[runIndex(ordinal)]
      let record = run.start + ordinal - run.ordinalStart
      let sidecar = sidecars[run.sidecar]
      return DocumentKey(
        sourceIndex: sidecar.sourceIndex(record), taskIndex: sidecar.taskIndex,
        documentIndex: Int(truncatingIfNeeded: sidecar.documentIndex(record)), id: ids[run.sidecar]?[record] ?? "")
    }
    var removed: [DuplicateSet.Removed] = []
    removed.reserveCapacity(removedOrdinals.count)
    for (ordinal, root) in removedOrdinals {
      let (sa, ra) = location(ordinal)
      let (sb, rb) = location(root)
      let exact = config.exact && sa.flags(ra) & 1 != 0 && sb.flags(rb) & 1 != 0 && sa.exact(ra) == sb.exact(rb)
      let reason: DuplicateSet.Reason = exact ? .exact : .nearDuplicate
      if exact { statistics.exactDuplicates += 1 } else { statistics.nearDuplicates += 1 }
      removed.append(
        DuplicateSet.Removed(
          key: key(ordinal), kept: key(root), cluster: root, reason: reason,
          similarity: exact ? 1 : similarity(ordinal, root)))
    }
    statistics.clusters = sizes.count
    var result = DuplicateSet(removed: removed, clusterSizes: sizes.map { (key($0.key), $0.value) })
    result.statistics = statistics
    return result
  }
}

/// Union-find over ordinals with path halving; the smaller root wins, so a cluster's root is
/// its smallest ordinal — the keeper.
struct UnionFind {
  private var parent: [UInt32]

  init(count: Int) { parent = (0..<count).map { UInt32($0) } }

  @inline(__always)
  mutating func find(_ x: Int) -> Int {
    var x = x
    while Int(parent[x]) != x {
      let grand = parent[Int(parent[x])]
      parent[x] = grand
      x = Int(grand)
    }
    return x
  }

  mutating func union(_ a: Int, _ b: Int) {
    let ra = find(a)
    let rb = find(b)
    if ra == rb { return }
    if ra < rb { parent[rb] = UInt32(ra) } else { parent[ra] = UInt32(rb) }
  }
}

/// An exact-key record: sorted by key, then ordinal.
struct ExactRecord: SpillRecord {
  var high: UInt64
  var low: UInt64
  var ordinal: UInt32
  var partitionHash: UInt64 { low }
  static func < (a: ExactRecord, b: ExactRecord) -> Bool { (a.high, a.low, a.ordinal) < (b.high, b.low, b.ordinal) }
}

/// A band record: sorted by band hash, then ordinal.
struct BandRecord: SpillRecord {
  var hash: UInt64
  var ordinal: UInt32
  var partitionHash: UInt64 { hash }
  static func < (a: BandRecord, b: BandRecord) -> Bool { (a.hash, a.ordinal) < (b.hash, b.ordinal) }
}

/// Sorting of a produced stream within a memory bound: in memory when `count` records fit in
/// `capacity`; otherwise hash-partitioned to disk and each partition sorted (``ExternalSort``).
///
/// Equal records always meet in one partition, in ascending order.
enum BoundedSort {
  static func run<Record: SpillRecord>(
    count: Int, capacity: Int, name: String, directory: () throws(FilterError) -> String, runs: inout Int,
    produce: (_ emit: (Record) throws(FilterError) -> Void) throws(FilterError) -> Void,
    body: (Record) throws(FilterError) -> Void
  ) throws(FilterError) {
    if count <= capacity {
      var records: [Record] = []
      records.reserveCapacity(count)
      try produce { (r: Record) throws(FilterError) in records.append(r) }
      records.sort()
      for record in records { try body(record) }
      return
    }
    let dir = try directory()
    let partitions = min(
      OverrepresentedReducer.maxPartitions, max(2, (count + capacity * 3 / 4 - 1) / (capacity * 3 / 4)))
    let partitioner = try HashPartitioner<Record>(
      directory: dir, name: name, count: partitions,
      bufferBytes: max(4096, capacity * MemoryLayout<Record>.stride / 4 / partitions))
    try produce { (r: Record) throws(FilterError) in try partitioner.append(r) }
    try partitioner.finish()
    var statistics = ExternalSort.Statistics()
    for (index, path) in partitioner.paths.enumerated() {
      try ExternalSort.forEachSorted(
        path: path, count: partitioner.counts[index], capacity: capacity, directory: dir, statistics: &statistics, body)
      SpillDirectory.unlinkFile(path)
    }
    runs += statistics.runs
  }
}
