#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Counts of normalized, pre-tokenized words: the input of ``WordPieceTrainer``.
///
/// A streaming accumulator for the map phase: feed it text with ``add(utf8:)`` (words are
/// split exactly as ``WordPieceEncoder`` splits them under the same options), write it as a
/// sidecar with ``serialized()``, read sidecars back with ``init(serialized:)`` and add them
/// up with ``merge(_:)`` in the reduce phase. Merging is commutative, so the merged counts, and
/// the vocabulary trained from them, do not depend on how the corpus was split into tasks.
///
/// Words are keyed by their UTF-8 bytes in a ``ByteCountTable``: a word of up to 20 bytes
/// (nearly every one) is kept in its slot, a longer one is copied once, when it is first seen.
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
  /// - Complexity: O(n): one pass to split, one hash per word and, for nearly every word, one
  ///   cache line of the table, fetched ahead (``CountingSink``).
  public mutating func add(utf8 bytes: UnsafeRawBufferPointer) {
    withUnsafeTemporaryAllocation(of: ShortKey.self, capacity: 2 * CountingSink.batchSize) { keys in
      var sink = CountingSink(table: ByteCountTable(), text: bytes, keys: keys.baseAddress.unsafelyUnwrapped)
      swap(&sink.table, &table)
      preTokenizer.forEachWord(bytes, scratch: &scratch, into: &sink)
      sink.flush()
      swap(&sink.table, &table)
    }
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
    table.add(contentsOf: other.table)
  }

  /// Calls `body` with every word and its count, in an unspecified order.
  public func forEach(_ body: (UnsafeBufferPointer<UInt8>, Int64) throws -> Void) rethrows {
    try table.forEach(body)
  }

  /// The words and counts as (bytes, count), sorted by bytes.
  public func sortedEntries() -> [(word: [UInt8], count: Int64)] {
    let sorted = sortedWords()
    return sorted.entries.map { (Array(sorted.bytes[$0.offset..<$0.offset + Int($0.length)]), $0.count) }
  }

  /// Every word's bytes, one after another in `bytes`, and the entries sorted by those bytes.
  ///
  /// - Complexity: O(w log w) comparisons (`memcmp`) for w words; two allocations.
  private func sortedWords() -> (bytes: [UInt8], entries: [(offset: Int, length: Int32, count: Int64)]) {
    var bytes: [UInt8] = []
    var entries: [(offset: Int, length: Int32, count: Int64)] = []
    entries.reserveCapacity(table.count)
    table.forEach { word, count in
      entries.append((bytes.count, Int32(word.count), count))
      bytes.append(contentsOf: word)
    }
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      entries.sort { a, b in
        let order = memcmp(base + a.offset, base + b.offset, Int(min(a.length, b.length)))
        return order != 0 ? order < 0 : a.length < b.length
      }
    }
    return (bytes, entries)
  }

  // MARK: Sidecar format

  private static let magic = Array("dacorpus-wordcounts 1\n".utf8)

  /// The counts as a sidecar.
  ///
  /// The format: a header line naming the format, a line with the options, then
  /// per word (sorted by bytes) a varint length, the bytes and a varint count. Equal counts
  /// give identical bytes.
  public func serialized() -> [UInt8] {
    var out = WordCounts.magic
    out += Array(WordCounts.optionsLine(options).utf8)
    out.append(0x0A)
    let sorted = sortedWords()
    for entry in sorted.entries {
      appendVarint(UInt64(entry.length), to: &out)
      out += sorted.bytes[entry.offset..<entry.offset + Int(entry.length)]
      appendVarint(UInt64(entry.count), to: &out)
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
