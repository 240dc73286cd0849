/// The reduce phase's decision: the set of over-represented line keys, with their counts (for
/// the report's top-K list) and, where a sidecar kept one, a sample text.
///
/// Entries are sorted by key; lookups are binary searches. Equality ignores ``statistics``.
public struct OverrepresentedLines: Sendable, Equatable {
  /// One over-represented line.
  public struct Entry: Sendable, Equatable, Hashable {
    /// The counting key (``OverrepresentedPolicy/countingKey(_:group:)``).
    public var key: UInt64
    /// Occurrences in the corpus (in its counting group).
    public var occurrences: UInt64
    /// Distinct documents containing it.
    public var documents: UInt64
    /// Distinct domains (documents without a domain count one each).
    public var domains: UInt64
    /// The task of the first document with the line (the smallest (task, document)).
    public var firstTask: Int
    /// That document's index within its task.
    public var firstDocument: Int

    /// Creates an entry.
    public init(
      key: UInt64, occurrences: UInt64, documents: UInt64, domains: UInt64, firstTask: Int, firstDocument: Int
    ) {
      self.key = key
      self.occurrences = occurrences
      self.documents = documents
      self.domains = domains
      self.firstTask = firstTask
      self.firstDocument = firstDocument
    }
  }

  /// A line of the top-K list.
  public struct TopLine: Sendable, Equatable {
    public var entry: Entry
    /// A sample of the line as it appeared (cut to 300 bytes), when one was kept.
    public var sample: String?
  }

  /// The entries, sorted by key.
  public private(set) var entries: [Entry]
  /// Sample texts by key.
  public private(set) var samples: [UInt64: String]
  /// How the reduce went.
  public var statistics = OverrepresentedStatistics()

  /// A set from entries (sorted here) and samples.
  public init(entries: [Entry] = [], samples: [UInt64: String] = [:]) {
    self.entries = entries.sorted { $0.key < $1.key }
    self.samples = samples
  }

  public static func == (a: OverrepresentedLines, b: OverrepresentedLines) -> Bool {
    a.entries == b.entries && a.samples == b.samples
  }

  /// Number of over-represented lines.
  public var count: Int { entries.count }

  /// The entry for `key`, if the line is over-represented.
  ///
  /// - Complexity: O(log n).
  public func entry(for key: UInt64) -> Entry? {
    var low = 0
    var high = entries.count
    while low < high {
      let mid = (low + high) / 2
      if entries[mid].key < key { low = mid + 1 } else { high = mid }
    }
    return low < entries.count && entries[low].key == key ? entries[low] : nil
  }

  /// Whether `key` is over-represented.
  public func contains(_ key: UInt64) -> Bool { entry(for: key) != nil }

  /// The `k` most frequent lines (by occurrences, then documents, then key), with samples.
  public func top(_ k: Int) -> [TopLine] {
    entries.sorted { ($1.occurrences, $1.documents, $0.key) < ($0.occurrences, $0.documents, $1.key) }
      .prefix(k).map { TopLine(entry: $0, sample: samples[$0.key]) }
  }

  // MARK: file format

  static let magic: UInt32 = 0x4C4F_4344  // "DCOL"
  static let footerMagic: UInt32 = 0x454F_4344  // "DCOE"

  /// Writes the set for the finish phase's tasks (atomically).
  ///
  /// Format (little-endian): magic "DCOL" · version u16 = 1 · reserved u16 · entry count u64 ·
  /// entries (key, occurrences, documents, domains u64 · first task u32 · reserved u32 · first
  /// document u64; 48 bytes each) · sample count u64 · samples (key u64 · length u32 · UTF-8) ·
  /// checksum u64 (xxHash64 of all bytes before it) · magic "DCOE".
  public func write(to path: String) throws(FilterError) {
    let target = AtomicPath(path)
    do {
      let writer = try BinaryFileWriter(path: target.temporaryPath, bufferSize: 1 << 18)
      try writer.write(Self.magic)
      try writer.write(UInt16(1))
      try writer.write(UInt16(0))
      try writer.write(UInt64(entries.count))
      for e in entries {
        try writer.write(e.key)
        try writer.write(e.occurrences)
        try writer.write(e.documents)
        try writer.write(e.domains)
        try writer.write(UInt32(truncatingIfNeeded: e.firstTask))
        try writer.write(UInt32(0))
        try writer.write(UInt64(e.firstDocument))
      }
      let keys = samples.keys.sorted()
      try writer.write(UInt64(keys.count))
      for key in keys {
        let bytes = Array((samples[key] ?? "").utf8)
        try writer.write(key)
        try writer.write(UInt32(bytes.count))
        try writer.write(bytes)
      }
      try writer.write(try writer.checksum())
      try writer.write(Self.footerMagic)
      try writer.close()
      try target.commit()
    } catch {
      target.abandon()
      throw error
    }
  }

  /// Reads a set written by ``write(to:)``.
  public init(contentsOf path: String) throws(FilterError) {
    let reader = try BinaryFileReader(path: path, bufferSize: 1 << 18)
    reader.checksumLimit = max(0, reader.size - 12)
    guard reader.size >= 28, try reader.read(UInt32.self) == Self.magic, try reader.read(UInt16.self) == 1 else {
      throw FilterError(.corruptSidecar, "not an over-represented line set", path: path)
    }
    _ = try reader.read(UInt16.self)
    let count: UInt64 = try reader.read()
    guard count <= UInt64(reader.size / 48) else { throw FilterError(.corruptSidecar, "bad entry count", path: path) }
    var entries: [Entry] = []
    entries.reserveCapacity(Int(count))
    for _ in 0..<count {
      let key: UInt64 = try reader.read()
      let occurrences: UInt64 = try reader.read()
      let documents: UInt64 = try reader.read()
      let domains: UInt64 = try reader.read()
      let task: UInt32 = try reader.read()
      _ = try reader.read(UInt32.self)
      let document: UInt64 = try reader.read()
      entries.append(
        Entry(
          key: key, occurrences: occurrences, documents: documents, domains: domains, firstTask: Int(task),
          firstDocument: Int(truncatingIfNeeded: document)))
    }
    let sampleCount: UInt64 = try reader.read()
    var samples: [UInt64: String] = [:]
    for _ in 0..<sampleCount {
      let key: UInt64 = try reader.read()
      let length: UInt32 = try reader.read()
      guard Int64(length) <= reader.size else { throw FilterError(.corruptSidecar, "bad sample length", path: path) }
      samples[key] = String(decoding: try reader.readBytes(Int(length)), as: UTF8.self)
    }
    let checksum = reader.checksum
    guard try reader.read(UInt64.self) == checksum, try reader.read(UInt32.self) == Self.footerMagic else {
      throw FilterError(.corruptSidecar, "checksum mismatch", path: path)
    }
    self.init(entries: entries, samples: samples)
  }
}

/// Figures of one over-represented-line reduce.
public struct OverrepresentedStatistics: Sendable, Equatable {
  /// Sidecars read.
  public var sidecars = 0
  /// Records read from them.
  public var records = 0
  /// Distinct line keys seen.
  public var distinctLines = 0
  /// Hash partitions spilled to disk (0 when everything fit in the budget).
  public var partitions = 0
  /// Sorted runs written for partitions that did not fit.
  public var runs = 0
  /// Merge passes over those runs.
  public var mergePasses = 0
}
