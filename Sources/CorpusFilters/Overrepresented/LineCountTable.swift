import CPrefetch

/// The counts of one (line key, domain) pair in one ingest task.
struct LineCountEntry {
  var line: UInt64
  var domain: UInt64
  /// Occurrences; 0 marks an empty slot of ``LineCountTable``.
  var occurrences: UInt32
  /// Documents the line occurs in (counted once per document).
  var documents: UInt32
  var firstDocument: UInt64
  var lastDocument: UInt64
}

/// The in-memory table of ``LineCountAccumulator``: an open-addressing array of
/// ``LineCountEntry`` slots, linear probing, at most three quarters full.
///
/// The keys are already hashes (line keys are xxHash64 values), so a slot index is one
/// multiplication of the pair; one probe reads one 40-byte slot. About 53–107 bytes a pair
/// (71 on average over its growth), from 2.6 MB empty: a 12.5 MB part's 25,000 pairs fit
/// without rehashing.
final class LineCountTable {
  private var slots: UnsafeMutablePointer<LineCountEntry>
  private var capacity: Int
  private var shift: UInt64
  /// Distinct pairs held.
  private(set) var count = 0

  /// An empty table.
  init() {
    capacity = 1 << 16
    shift = 64 - 16
    slots = .allocate(capacity: capacity)
    slots.initialize(repeating: Self.empty, count: capacity)
  }

  deinit { slots.deallocate() }

  private static let empty = LineCountEntry(
    line: 0, domain: 0, occurrences: 0, documents: 0, firstDocument: 0, lastDocument: 0)

  @inline(__always)
  private func slot(line: UInt64, domain: UInt64) -> Int {
    Int(truncatingIfNeeded: ((line ^ (domain &* 0xC2B2_AE3D_27D4_EB4F)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  /// Asks for the home slot of (`line`, `domain`) to be brought into cache, ahead of an
  /// ``add(line:domain:document:)`` of the pair: the table is megabytes, and a slot read
  /// without it waits on memory.
  @inline(__always)
  func prefetch(line: UInt64, domain: UInt64) {
    dacorpus_prefetch_for_write(slots + slot(line: line, domain: domain))
  }

  /// Counts one occurrence of `line` from `domain` in `document` (documents come in
  /// non-decreasing order).
  ///
  /// - Complexity: O(1) expected; amortized O(1) growth.
  @inline(__always)
  func add(line: UInt64, domain: UInt64, document: UInt64) {
    let mask = capacity - 1
    var i = slot(line: line, domain: domain)
    while slots[i].occurrences != 0 {
      if slots[i].line == line && slots[i].domain == domain {
        slots[i].occurrences &+= 1
        if slots[i].lastDocument != document {
          slots[i].documents &+= 1
          slots[i].lastDocument = document
        }
        return
      }
      i = (i &+ 1) & mask
    }
    slots[i] = LineCountEntry(
      line: line, domain: domain, occurrences: 1, documents: 1, firstDocument: document, lastDocument: document)
    count += 1
    if count * 4 > capacity * 3 { grow() }
  }

  /// The entries, in slot order.
  var entries: [LineCountEntry] {
    var result: [LineCountEntry] = []
    result.reserveCapacity(count)
    for i in 0..<capacity where slots[i].occurrences != 0 { result.append(slots[i]) }
    return result
  }

  /// The entries sorted by line, then domain.
  ///
  /// Line keys are hashes, spread evenly: the entries are distributed by the top bits of their
  /// line into one bucket per one or two entries (a counting sort), then each bucket is sorted
  /// on its own, by insertion when small (the usual case: a couple of entries).
  ///
  /// - Complexity: O(n) expected for n entries (O(n log n) when a line has very many domains).
  func sortedEntries() -> [LineCountEntry] {
    guard count > 1 else { return entries }
    let bits = Int.bitWidth - 1 - count.leadingZeroBitCount  // ⌊log2 count⌋ ≥ 1
    let bucketShift = UInt64(64 - bits)
    var starts = [Int](repeating: 0, count: (1 << bits) + 1)
    for i in 0..<capacity where slots[i].occurrences != 0 { starts[Int(slots[i].line >> bucketShift) + 1] += 1 }
    for b in 0..<(1 << bits) { starts[b + 1] += starts[b] }
    return [LineCountEntry](unsafeUninitializedCapacity: count) { sorted, initialized in
      // Every position is written once: each bucket's entries fill its range.
      var next = starts
      for i in 0..<capacity where slots[i].occurrences != 0 {
        let b = Int(slots[i].line >> bucketShift)
        sorted[next[b]] = slots[i]
        next[b] += 1
      }
      for b in 0..<(1 << bits) where starts[b + 1] - starts[b] > 1 {
        var bucket = UnsafeMutableBufferPointer(rebasing: sorted[starts[b]..<starts[b + 1]])
        if bucket.count > 16 {
          bucket.sort(by: Self.precedes)
          continue
        }
        for j in 1..<bucket.count {
          let entry = bucket[j]
          var k = j
          while k > 0 && Self.precedes(entry, bucket[k - 1]) {
            bucket[k] = bucket[k - 1]
            k -= 1
          }
          bucket[k] = entry
        }
      }
      initialized = count
    }
  }

  /// Whether `a` sorts before `b`: by line, then domain.
  @inline(__always)
  private static func precedes(_ a: LineCountEntry, _ b: LineCountEntry) -> Bool {
    a.line != b.line ? a.line < b.line : a.domain < b.domain
  }

  /// Empties the table, keeping its storage.
  func removeAll() {
    slots.update(repeating: Self.empty, count: capacity)
    count = 0
  }

  private func grow() {
    let old = slots
    let oldCapacity = capacity
    capacity *= 2
    shift -= 1
    slots = .allocate(capacity: capacity)
    slots.initialize(repeating: Self.empty, count: capacity)
    let mask = capacity - 1
    for j in 0..<oldCapacity where old[j].occurrences != 0 {
      var i = slot(line: old[j].line, domain: old[j].domain)
      while slots[i].occurrences != 0 { i = (i &+ 1) & mask }
      slots[i] = old[j]
    }
    old.deallocate()
  }
}
