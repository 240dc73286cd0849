import CorpusIO

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// The normalize stage: repair, then transliteration, as configured by ``NormalizeConfig``.
///
/// ```swift
/// var normalizer = try TextNormalizer(config: config.normalize)   // once per worker
/// for document in documents {
///   let text = normalizer.normalize(document.text)
///   …
/// }
/// report.normalize.merge(normalizer.takeStats())
/// ```
///
/// One scan (``TextFeatures``) finds what there is to do; then the steps, in order, each
/// skipped when its switch is off or the scan found nothing for it: character references
/// (``EntityDecoder``), mojibake (``MojibakeRepair``, up to three layers) and a count of
/// U+FFFD, controls and invisible characters plus Unicode spaces (``CharacterCleaner``),
/// spaces and empty lines (``WhitespaceLayout``), NFC, then transliteration
/// (``Transliterator``, straight into the output) and, when it wrote a blank or nothing for
/// a run and whitespace repair is on, spaces and empty lines again. A step that changes the
/// text rescans it.
///
/// A value per worker: it owns a ``Transliterator`` (ICU handles, a memo) and reusable
/// buffers, so it is not `Sendable`; copies share the transliterator, which is harmless on
/// one thread. ``NormalizationStats`` are `Sendable` and merge across workers.
public struct TextNormalizer {
  /// The configuration.
  public let config: NormalizeConfig
  private let transliterator: Transliterator?
  private let table: CharacterTable
  private var counters = NormalizationStats()
  private var buffers = StageBuffers()
  private var nfc = NFCNormalizer()
  /// The output buffer of ``normalize(_:)-(String)``, reused.
  private var stringOutput: [UInt8] = []

  /// Creates a normalizer for `config`, opening ICU's transliterators if it transliterates.
  ///
  /// - Throws: ``ICUError`` if ICU's transform data is missing.
  public init(config: NormalizeConfig = NormalizeConfig()) throws(ICUError) {
    self.config = config
    table = CharacterTable(keep: config.transliterate.keepSet)
    if config.enabled && config.transliterate.enabled {
      let replacement = config.transliterate.leftovers == .replace ? config.transliterate.replacement : nil
      transliterator = try Transliterator(table: table, replacement: replacement)
    } else {
      transliterator = nil
    }
  }

  /// What was done since creation or the last ``takeStats()``.
  public var stats: NormalizationStats {
    var stats = counters
    if let transliterator {
      stats.transliterated = transliterator.transliteratedCounts
      stats.dropped = transliterator.droppedCounts
      stats.transliterationFailures = transliterator.failures
    }
    return stats
  }

  /// Returns ``stats`` and starts counting from zero.
  public mutating func takeStats() -> NormalizationStats {
    let result = stats
    counters = NormalizationStats()
    transliterator?.resetCounts()
    return result
  }

  /// Normalizes one document (or line).
  ///
  /// - Complexity: O(n) for n UTF-8 bytes: one scan that finds what there is to do (eight
  ///   bytes at a time, each non-ASCII character once), then only the steps that have work,
  ///   plus ICU's work on what is outside the kept set.
  ///   A text that comes out unchanged is returned as it is, without a new string.
  public mutating func normalize(_ text: String) -> String {
    var text = text
    var output = stringOutput
    stringOutput = []
    defer { stringOutput = output }
    output.removeAll(keepingCapacity: true)
    let unchanged = text.withUTF8 { input in
      normalize(input, into: &output)
      guard output.count == input.count else { return false }
      guard let bytes = input.baseAddress else { return true }
      return output.withUnsafeBufferPointer { memcmp($0.baseAddress.unsafelyUnwrapped, bytes, input.count) == 0 }
    }
    // The steps write whole scalars: the output is well-formed.
    return unchanged ? text : output.withUnsafeBufferPointer { String(wellFormedUTF8: $0) }
  }

  /// Normalizes the UTF-8 bytes of one document (or line) and appends the result to `output`.
  ///
  /// Invalid UTF-8 is kept by the repairs and dropped by transliteration.
  ///
  /// - Complexity: O(n) for n bytes, as ``normalize(_:)-(String)``.
  public mutating func normalize(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
    counters.documents += 1
    counters.bytesIn += input.count
    guard config.enabled else {
      output.append(contentsOf: input)
      counters.bytesOut += input.count
      return
    }
    buffers.begin(input)
    let repair = config.repair
    var changed = false
    // Where transliteration has work in the current text, while that is the text last scanned.
    var triggers: Range<Int>?
    if repair.enabled {
      let table = self.table
      // Character references first, so that the one scan sees the text they decode to.
      if repair.entities, let p = input.baseAddress, memchr(p, 0x26, input.count) != nil {
        counters.repairs.entities += buffers.step(EntityDecoder.decode)
      }
      var features: TextFeatures
      (features, triggers) = buffers.withCurrent { TextFeatures.scan($0, table: table) }
      if repair.mojibake {
        for _ in 0..<3 where features.contains(.mojibake) {
          let repaired = buffers.step(MojibakeRepair.repair)
          if repaired == 0 { break }
          counters.repairs.mojibake += repaired
          (features, triggers) = buffers.withCurrent { TextFeatures.scan($0, table: table) }
        }
        if features.contains(.replacementCharacter) {
          counters.repairs.replacementCharacters += buffers.withCurrent(Self.countReplacementCharacters)
        }
      }
      if (repair.controls && !features.isDisjoint(with: [.control, .cleanable]))
        || (repair.whitespace && features.contains(.cleanable))
      {
        let cleaner = CharacterCleaner(controls: repair.controls, spaces: repair.whitespace)
        var counts = CharacterCleaner.Counts()
        let cleaned = buffers.step { input, output in
          counts = cleaner.clean(input, into: &output)
          return counts.total
        }
        counters.repairs.controls += counts.controls
        counters.repairs.invisible += counts.invisible
        counters.repairs.unicodeSpaces += counts.spaces
        if cleaned > 0 { (features, triggers) = buffers.withCurrent { TextFeatures.scan($0, table: table) } }
      }
      if repair.whitespace && features.contains(.untidy) {
        let edits = buffers.step(WhitespaceLayout.tidy)
        counters.repairs.whitespace += edits
        if edits > 0 { triggers = nil }
      }
      if repair.nfc && features.contains(.nfcUnstable) {
        var nfc = NFCNormalizer()
        swap(&nfc, &self.nfc)  // moves the reusable buffers out and back, no copy
        let segments = buffers.step { nfc.normalize($0, into: &$1) }
        swap(&nfc, &self.nfc)
        counters.repairs.nfc += segments
        if segments > 0 { triggers = nil }
      }
      changed = buffers.changed
      if !features.contains(.transliterate) {
        finish(changed: changed, into: &output)
        return
      }
    }
    if let transliterator {
      // Straight into `output`: transliteration is the last step but for a rare tidying.
      let start = output.count
      if buffers.withCurrent({ transliterator.transliterateIfNeeded($0, triggers: triggers, into: &output) }) {
        let same = buffers.withCurrent { current in
          output.withUnsafeBufferPointer { Self.equal(UnsafeBufferPointer(rebasing: $0[start...]), current) }
        }
        if !same && repair.enabled && repair.whitespace && transliterator.mayHaveUntidied {
          buffers.replace(with: output[start...])
          output.removeSubrange(start...)
          counters.repairs.whitespace += buffers.step(WhitespaceLayout.tidy)
          finish(changed: true, into: &output)
        } else {
          count(changed: changed || !same, bytesOut: output.count - start)
        }
        return
      }
    }
    finish(changed: changed, into: &output)
  }

  /// Appends the current text to `output`, and counts the document.
  private mutating func finish(changed: Bool, into output: inout [UInt8]) {
    buffers.withCurrent { output.append(contentsOf: $0) }
    count(changed: changed, bytesOut: buffers.withCurrent { $0.count })
  }

  /// Counts a document whose output has `bytesOut` bytes.
  private mutating func count(changed: Bool, bytesOut: Int) {
    if changed { counters.changedDocuments += 1 }
    counters.bytesOut += bytesOut
  }

  /// Whether two byte buffers hold the same bytes.
  private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    guard let x = a.baseAddress, let y = b.baseAddress else { return true }
    return memcmp(x, y, a.count) == 0
  }

  /// How many U+FFFD (EF BF BD) `input` holds.
  private static func countReplacementCharacters(_ input: UnsafeBufferPointer<UInt8>) -> Int {
    guard let p = input.baseAddress else { return 0 }
    let n = input.count
    var count = 0
    var i = 0
    while i + 2 < n, let found = memchr(p + i, 0xEF, n - i - 2) {
      let j = p.distance(to: found.assumingMemoryBound(to: UInt8.self))
      if p[j + 1] == 0xBF && p[j + 2] == 0xBD {
        count += 1
        i = j + 3
      } else {
        i = j + 1
      }
    }
    return count
  }
}

/// The two buffers the stages write into, in turn; the current text is the input until a
/// stage changes it.
private struct StageBuffers {
  private var input = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
  private var current: [UInt8] = []
  private var next: [UInt8] = []
  private var usingInput = true

  /// Whether a stage has changed the text.
  var changed: Bool { !usingInput }

  mutating func begin(_ input: UnsafeBufferPointer<UInt8>) {
    self.input = input
    usingInput = true
  }

  /// Makes a copy of `bytes` the current text.
  mutating func replace(with bytes: ArraySlice<UInt8>) {
    current.removeAll(keepingCapacity: true)
    current.append(contentsOf: bytes)
    usingInput = false
  }

  /// Calls `body` with the current text.
  func withCurrent<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    usingInput ? body(input) : current.withUnsafeBufferPointer(body)
  }

  /// Runs a stage that appends its result to the output it is given and returns a count:
  /// when the count is 0 it appended nothing and the text stays as it was.
  mutating func step(_ stage: (UnsafeBufferPointer<UInt8>, inout [UInt8]) -> Int) -> Int {
    next.removeAll(keepingCapacity: true)
    let count: Int
    if usingInput {
      count = stage(input, &next)
    } else {
      count = current.withUnsafeBufferPointer { stage($0, &next) }
    }
    if count > 0 {
      swap(&current, &next)
      usingInput = false
    }
    return count
  }
}
