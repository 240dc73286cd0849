/// Counts of normalized, pre-tokenized words: the input of ``WordPieceTrainer``.
///
/// A streaming accumulator for the map phase: feed it text with ``add(utf8:)`` (words are
/// split exactly as ``WordPieceEncoder`` splits them under the same options), write it as a
/// sidecar with ``serialized()``, read sidecars back with ``init(serialized:)`` and add them
/// up with ``merge(_:)`` in the reduce phase. Merging is commutative, so the merged counts, and
/// the vocabulary trained from them, do not depend on how the corpus was split into tasks.
///
/// Words are keyed by their UTF-8 bytes in an open-addressing table; a word's bytes are
/// copied once, when it is first seen.
///
/// ```swift
/// var counts = WordCounts(options: WordPieceOptions())
/// counts.add("Der var engang en konge.")
/// try sidecar.write(counts.serialized())
/// …
/// var total = WordCounts(options: options)
/// for part in sidecars { total.merge(try WordCounts(serialized: part)) }
/// ```
public struct WordCounts: Sendable {
  /// The options words were split with.
  public let options: WordPieceOptions
  private let preTokenizer: BertPreTokenizer
  private var table = ByteCountTable()
  private var scratch: [UInt8] = []

  /// Creates empty counts for text split under `options`.
  public init(options: WordPieceOptions) {
    self.options = options
    preTokenizer = BertPreTokenizer(options: options)
  }

  /// Number of distinct words.
  public var distinctWords: Int { table.count }
  /// Number of words counted (with multiplicity).
  public var totalWords: Int64 { table.total }

  /// Counts the words of the UTF-8 text `bytes`.
  ///
  /// - Complexity: O(n): one pass to split, one hash per word.
  public mutating func add(utf8 bytes: UnsafeRawBufferPointer) {
    var sink = CountingSink(table: ByteCountTable())
    swap(&sink.table, &table)
    preTokenizer.forEachWord(bytes, scratch: &scratch, into: &sink)
    swap(&sink.table, &table)
  }

  /// Counts the words of `text`.
  public mutating func add(_ text: String) {
    var text = text
    text.withUTF8 { add(utf8: UnsafeRawBufferPointer($0)) }
  }

  /// Adds `count` occurrences of an already normalized word.
  public mutating func add(word: some Collection<UInt8>, count: Int64 = 1) {
    let bytes = Array(word)
    bytes.withUnsafeBufferPointer { buffer in
      if let base = buffer.baseAddress, !buffer.isEmpty { table.add(base, buffer.count, count) }
    }
  }

  /// Adds every count of `other`.
  ///
  /// - Precondition: `other` was made with the same options (otherwise its words are added
  ///   anyway; ``init(serialized:)`` refuses sidecars made with other options).
  /// - Complexity: O(size of `other`).
  public mutating func merge(_ other: WordCounts) {
    other.table.forEach { bytes, count in
      if let base = bytes.baseAddress, !bytes.isEmpty { table.add(base, bytes.count, count) }
    }
  }

  /// Calls `body` with every word and its count, in an unspecified order.
  public func forEach(_ body: (UnsafeBufferPointer<UInt8>, Int64) throws -> Void) rethrows {
    try table.forEach(body)
  }

  /// The words and counts as (bytes, count), sorted by bytes.
  public func sortedEntries() -> [(word: [UInt8], count: Int64)] {
    var entries: [(word: [UInt8], count: Int64)] = []
    entries.reserveCapacity(table.count)
    table.forEach { entries.append((Array($0), $1)) }
    entries.sort { $0.word.lexicographicallyPrecedes($1.word) }
    return entries
  }

  // MARK: Sidecar format

  private static let magic = Array("dacorpus-wordcounts 1\n".utf8)

  /// The counts as a sidecar: a header line naming the format, a line with the options, then
  /// per word (sorted by bytes) a varint length, the bytes and a varint count. Equal counts
  /// give identical bytes.
  public func serialized() -> [UInt8] {
    var out = WordCounts.magic
    out += Array(WordCounts.optionsLine(options).utf8)
    out.append(0x0A)
    for (word, count) in sortedEntries() {
      appendVarint(UInt64(word.count), to: &out)
      out += word
      appendVarint(UInt64(count), to: &out)
    }
    return out
  }

  /// Reads a sidecar written by ``serialized()``.
  ///
  /// - Throws: ``WordPieceError/Code/badWordCounts`` when the bytes are not such a sidecar or
  ///   are truncated.
  public init(serialized bytes: [UInt8]) throws(WordPieceError) {
    let magic = WordCounts.magic
    guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else {
      throw WordPieceError(.badWordCounts, "not a dacorpus word-count sidecar")
    }
    var i = magic.count
    guard let newline = bytes[i...].firstIndex(of: 0x0A) else {
      throw WordPieceError(.badWordCounts, "word-count sidecar header is truncated")
    }
    let line = String(decoding: bytes[i..<newline], as: UTF8.self)
    guard let options = WordCounts.options(fromLine: line) else {
      throw WordPieceError(.badWordCounts, "word-count sidecar has unknown options '\(line)'")
    }
    self.init(options: options)
    i = newline + 1
    while i < bytes.count {
      guard let length = readVarint(bytes, &i), length > 0, length <= UInt64(bytes.count - i) else {
        throw WordPieceError(.badWordCounts, "word-count sidecar is corrupt at byte \(i)")
      }
      let end = i + Int(length)
      let word = bytes[i..<end]
      i = end
      guard let count = readVarint(bytes, &i), count <= UInt64(Int64.max) else {
        throw WordPieceError(.badWordCounts, "word-count sidecar is truncated at byte \(i)")
      }
      add(word: word, count: Int64(count))
    }
  }

  static func optionsLine(_ options: WordPieceOptions) -> String {
    "profile=\(options.profile.rawValue) lowercase=\(options.lowercase)"
  }

  static func options(fromLine line: String) -> WordPieceOptions? {
    for profile in WordPieceOptions.Profile.allCases {
      for lowercase in [false, true] {
        let options = WordPieceOptions(profile: profile, lowercase: lowercase)
        if optionsLine(options) == line { return options }
      }
    }
    return nil
  }
}

private func appendVarint(_ value: UInt64, to out: inout [UInt8]) {
  var v = value
  while v >= 0x80 {
    out.append(UInt8(truncatingIfNeeded: v) | 0x80)
    v >>= 7
  }
  out.append(UInt8(v))
}

private func readVarint(_ bytes: [UInt8], _ i: inout Int) -> UInt64? {
  var value: UInt64 = 0
  var shift: UInt64 = 0
  while i < bytes.count, shift < 64 {
    let b = bytes[i]
    i += 1
    value |= UInt64(b & 0x7F) << shift
    if b & 0x80 == 0 { return value }
    shift += 7
  }
  return nil
}

/// Adds every word it receives to a table.
struct CountingSink: WordSink {
  var table: ByteCountTable
  @inline(__always)
  mutating func word(_ bytes: UnsafePointer<UInt8>, _ count: Int) { table.add(bytes, count, 1) }
  mutating func special(_ id: Int32) {}
}

/// An open-addressing hash table from byte strings to counts.
///
/// Keys live back to back in one byte arena; slots hold an index into the entry list, whose
/// entries hold the key's hash, offset and length and the count. Linear probing, load ≤ 1/2.
struct ByteCountTable: Sendable {
  struct Entry: Sendable {
    var hash: UInt64
    var offset: Int
    var length: Int
    var count: Int64
  }

  private(set) var arena: [UInt8] = []
  private(set) var entries: [Entry] = []
  private var slots: [Int32] = Array(repeating: -1, count: 1024)
  private(set) var total: Int64 = 0

  var count: Int { entries.count }

  /// Adds `amount` to the count of the key `p[0..<n]`.
  ///
  /// - Complexity: O(n) expected.
  @inline(__always)
  mutating func add(_ p: UnsafePointer<UInt8>, _ n: Int, _ amount: Int64) {
    total &+= amount
    let h = hashBytes(p, n)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: h) & mask
    while true {
      let index = Int(slots[slot])
      if index < 0 { break }
      if entries[index].hash == h, entries[index].length == n, equalsArena(entries[index].offset, p, n) {
        entries[index].count &+= amount
        return
      }
      slot = (slot &+ 1) & mask
    }
    slots[slot] = Int32(truncatingIfNeeded: entries.count)
    entries.append(Entry(hash: h, offset: arena.count, length: n, count: amount))
    arena.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
    if entries.count * 2 > slots.count { grow() }
  }

  @inline(__always)
  private func equalsArena(_ offset: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    arena.withUnsafeBufferPointer { a in
      guard let base = a.baseAddress else { return n == 0 }
      return memoryEquals(base + offset, p, n)
    }
  }

  private mutating func grow() {
    let size = slots.count * 2
    var grown = [Int32](repeating: -1, count: size)
    for (index, entry) in entries.enumerated() {
      var slot = Int(truncatingIfNeeded: entry.hash) & (size - 1)
      while grown[slot] >= 0 { slot = (slot + 1) & (size - 1) }
      grown[slot] = Int32(index)
    }
    slots = grown
  }

  func forEach(_ body: (UnsafeBufferPointer<UInt8>, Int64) throws -> Void) rethrows {
    try arena.withUnsafeBufferPointer { a in
      for entry in entries {
        try body(UnsafeBufferPointer(rebasing: a[entry.offset..<entry.offset + entry.length]), entry.count)
      }
    }
  }
}

/// Byte equality of two ranges.
@inline(__always)
func memoryEquals(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
  var i = 0
  while i + 8 <= n {
    if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self)
      != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self)
    {
      return false
    }
    i += 8
  }
  while i < n {
    if a[i] != b[i] { return false }
    i += 1
  }
  return true
}

/// A fast, seedless 64-bit hash of bytes (multiply-xorshift over 8-byte words). Seedless so
/// that a table's layout, and anything derived from its order, is the same on every run.
@inline(__always)
func hashBytes(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
  var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
  var i = 0
  while i + 8 <= n {
    let v = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
    h = (h ^ v) &* 0xBF58_476D_1CE4_E5B9
    h ^= h >> 29
    i += 8
  }
  if i < n {
    var v: UInt64 = 0
    var shift: UInt64 = 0
    while i < n {
      v |= UInt64(p[i]) << shift
      shift += 8
      i += 1
    }
    h = (h ^ v) &* 0x94D0_49BB_1331_11EB
  }
  h ^= h >> 31
  h = h &* 0xBF58_476D_1CE4_E5B9
  return h ^ (h >> 32)
}
