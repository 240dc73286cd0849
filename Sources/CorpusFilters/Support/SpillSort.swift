/// A fixed-size record that the reducers spill to disk, partition by hash and sort.
///
/// Spill files hold records in native layout: they are scratch files of one process on one
/// machine, deleted when the reduce ends. (Sidecars, which travel between machines, have
/// explicit little-endian formats instead.)
protocol SpillRecord: BitwiseCopyable, Comparable {
  /// Bits that choose the record's partition; records that must meet in one partition share them.
  var partitionHash: UInt64 { get }
}

/// Splits a stream of records into `count` files by ``SpillRecord/partitionHash``.
final class HashPartitioner<Record: SpillRecord> {
  /// The partition files, one per partition.
  let paths: [String]
  /// Records written to each partition.
  private(set) var counts: [Int]
  private var writers: [BinaryFileWriter]

  /// Creates `count` empty partition files named `NAME-pN.spill` in `directory`.
  init(directory: String, name: String, count: Int, bufferBytes: Int) throws(FilterError) {
    var paths: [String] = []
    var writers: [BinaryFileWriter] = []
    for index in 0..<count {
      let path = "\(directory)/\(name)-p\(index).spill"
      paths.append(path)
      writers.append(try BinaryFileWriter(path: path, bufferSize: bufferBytes))
    }
    self.paths = paths
    self.writers = writers
    counts = Array(repeating: 0, count: count)
  }

  /// The partition of a record with hash `hash` among `count` partitions.
  @inline(__always)
  static func partition(of hash: UInt64, count: Int) -> Int {
    count == 1 ? 0 : Int(MurmurHash3.fmix64(hash ^ 0x5851_F42D_4C95_7F2D) % UInt64(count))
  }

  /// Appends `record` to its partition.
  @inline(__always)
  func append(_ record: Record) throws(FilterError) {
    let index = Self.partition(of: record.partitionHash, count: writers.count)
    try writers[index].writeRaw(record)
    counts[index] += 1
  }

  /// Flushes and closes every partition file.
  func finish() throws(FilterError) {
    for writer in writers { try writer.close() }
    writers.removeAll()
  }
}

/// Sorting of spilled records within a memory bound: in memory when they fit, otherwise as
/// sorted runs on disk merged with a heap (several merge passes if there are many runs).
enum ExternalSort {
  /// Most runs merged at once.
  static let maxFanIn = 64

  /// Statistics of one sort, for reports and tests.
  struct Statistics {
    var runs = 0
    var mergePasses = 0
  }

  /// Calls `body` with the `count` records of the spill file at `path` in ascending order,
  /// holding at most `capacity` records in memory (plus one I/O buffer per merged run).
  ///
  /// - Complexity: O(n log n) comparisons; the file is read once when it fits, otherwise read
  ///   and written once per merge pass.
  static func forEachSorted<Record: SpillRecord>(
    path: String, count: Int, capacity: Int, directory: String, statistics: inout Statistics,
    _ body: (Record) throws(FilterError) -> Void
  ) throws(FilterError) {
    let capacity = max(capacity, 2)
    let reader = try BinaryFileReader(path: path, bufferSize: 1 << 16)
    if count <= capacity {
      var records: [Record] = []
      records.reserveCapacity(count)
      for _ in 0..<count { records.append(try reader.readRaw(Record.self)) }
      records.sort()
      for record in records { try body(record) }
      return
    }
    // Sorted runs of `capacity` records each.
    var runs: [(path: String, count: Int)] = []
    var chunk: [Record] = []
    chunk.reserveCapacity(capacity)
    var remaining = count
    while remaining > 0 {
      let take = min(capacity, remaining)
      chunk.removeAll(keepingCapacity: true)
      for _ in 0..<take { chunk.append(try reader.readRaw(Record.self)) }
      chunk.sort()
      let runPath = "\(path).run\(runs.count)"
      let writer = try BinaryFileWriter(path: runPath, bufferSize: 1 << 16)
      for record in chunk { try writer.writeRaw(record) }
      try writer.close()
      runs.append((runPath, take))
      remaining -= take
    }
    chunk = []
    statistics.runs += runs.count
    let bufferBytes = max(4096, capacity * MemoryLayout<Record>.stride / maxFanIn)
    // Merge passes until one merge can take every run.
    var generation = 0
    while runs.count > maxFanIn {
      generation += 1
      statistics.mergePasses += 1
      var next: [(path: String, count: Int)] = []
      var groupStart = 0
      while groupStart < runs.count {
        let group = Array(runs[groupStart..<min(groupStart + maxFanIn, runs.count)])
        let outPath = "\(path).m\(generation)-\(next.count)"
        let writer = try BinaryFileWriter(path: outPath, bufferSize: 1 << 16)
        try merge(group, bufferBytes: bufferBytes) { (record: Record) throws(FilterError) in try writer.writeRaw(record)
        }
        try writer.close()
        for run in group { SpillDirectory.unlinkFile(run.path) }
        next.append((outPath, group.reduce(0) { $0 + $1.count }))
        groupStart += maxFanIn
      }
      runs = next
    }
    statistics.mergePasses += 1
    try merge(runs, bufferBytes: bufferBytes, body)
    for run in runs { SpillDirectory.unlinkFile(run.path) }
  }

  /// Merges sorted run files into one ascending stream (a binary min-heap of run heads; ties
  /// go to the earlier run, so the merge is stable and deterministic).
  private static func merge<Record: SpillRecord>(
    _ runs: [(path: String, count: Int)], bufferBytes: Int, _ body: (Record) throws(FilterError) -> Void
  ) throws(FilterError) {
    var readers: [BinaryFileReader] = []
    var left: [Int] = []
    var heap: [(record: Record, run: Int)] = []
    for (index, run) in runs.enumerated() {
      let reader = try BinaryFileReader(path: run.path, bufferSize: bufferBytes)
      readers.append(reader)
      left.append(run.count)
      if run.count > 0 {
        heap.append((try reader.readRaw(Record.self), index))
        left[index] -= 1
      }
    }
    func less(_ a: (record: Record, run: Int), _ b: (record: Record, run: Int)) -> Bool {
      a.record < b.record || (!(b.record < a.record) && a.run < b.run)
    }
    func siftDown(_ start: Int) {
      var i = start
      while true {
        let l = 2 * i + 1
        if l >= heap.count { return }
        var m = l
        if l + 1 < heap.count, less(heap[l + 1], heap[l]) { m = l + 1 }
        if !less(heap[m], heap[i]) { return }
        heap.swapAt(i, m)
        i = m
      }
    }
    if heap.count > 1 {
      for i in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(i) }
    }
    while let top = heap.first {
      try body(top.record)
      if left[top.run] > 0 {
        heap[0] = (try readers[top.run].readRaw(Record.self), top.run)
        left[top.run] -= 1
      } else {
        heap[0] = heap[heap.count - 1]
        heap.removeLast()
      }
      if heap.count > 1 { siftDown(0) }
    }
  }
}
