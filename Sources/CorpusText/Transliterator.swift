#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// ICU-exact transliteration to ASCII that keeps a configurable set of characters, with a fast
/// path for text that is already (nearly) in the kept set.
///
/// The result equals, for every input, what `uconv` produces with the rules
/// ``KeepSet/icuRules`` (`::[^æøåÆØÅ§] Any-Latin; ::[^æøåÆØÅ§] Latin-ASCII;` for Danish),
/// followed by removing every character still outside the ``KeepSet`` (or replacing it with
/// ``replacement``):
///
/// ```swift
/// let transliterator = try Transliterator(keep: .danish)
/// transliterator.transliterate("Ærø — “Αθήνα” 東京")   // "Ærø - \"Athena\" dong jing"
/// ```
///
/// **How it stays exact and fast.** Bytes of kept characters are copied in bulk. Each run of
/// other characters is widened over neighbouring non-Latin characters (digits, punctuation,
/// spaces: ICU's `Any-Latin` transliterates those too when they sit next to, say, Greek) up
/// to the nearest kept Latin letter, and handed to ICU with the surrounding text as context
/// (`UTransPosition` context bounds), the `Any-Latin` step over all runs of a line before the
/// `Latin-ASCII` step, as ICU's compound transliterator does. Runs of only Latin, Common and
/// Inherited characters (quotes, dashes, accented letters) cannot be affected by `Any-Latin`
/// and `Latin-ASCII` reads no context around them, so their results are memoized per worker.
/// Context is the `uconv` chunk (a line, see ``UnicodeTables/isChunkEnd(_:)``), limited to
/// 256 UTF-16 units on each side of a run; no ICU rule looks that far (only a repetition
/// such as `y*` or `[:M:]*` in a Katakana or Greek rule could, over 256 characters).
///
/// Not `Sendable`: each worker owns one, opened once and reused; it holds the ICU handles,
/// the memo and the buffers.
public final class Transliterator {
  /// The characters kept as they are.
  public let keep: KeepSet
  /// What a character outside ``keep`` after transliteration becomes: `nil` drops it.
  public let replacement: String?

  /// How many code points were handed to transliteration (each character outside
  /// ``keep`` in the input), by code point, since creation or ``resetCounts()``.
  ///
  /// - Complexity: O(memoized runs): a run answered from the memo is counted there, per run.
  public var transliteratedCounts: CodePointCounts {
    var counts = unmemoizedCounts
    cache.forEachKey { key, uses in countOutsideKeep(key, times: uses, into: &counts) }
    return counts
  }
  /// The part of ``transliteratedCounts`` not held by the memo's use counts.
  private var unmemoizedCounts = CodePointCounts()
  /// How many code points were still outside ``keep`` after ICU and were dropped (or
  /// replaced), by code point.
  public private(set) var droppedCounts = CodePointCounts()
  /// How many runs ICU failed on (left untransliterated, then filtered like any leftover).
  public private(set) var failures = 0
  /// Whether the last ``transliterateIfNeeded(_:into:)`` wrote a space, TAB or LF for a run,
  /// or nothing at all. Only then can its output need ``WhitespaceLayout`` when its input did
  /// not: a run replaced by other characters that are not blanks leaves every blank where it
  /// was, next to the same blanks and line ends as before.
  private(set) var mayHaveUntidied = false

  static let kept = CharacterTable.kept
  /// Context handed to ICU on each side of a run, in UTF-16 units.
  static let contextWindow = 256

  private let replacementBytes: [UInt8]
  private let anyLatin: ICURuleTransform
  private let latinASCII: ICURuleTransform
  /// The compound rules, for ``transliterateWithICUOnly(_:)``; opened on first use.
  private lazy var whole: ICURuleTransform? = try? ICURuleTransform(rules: keep.icuRules)
  /// Property bits of every code point for ``keep``.
  let table: CharacterTable
  private let flags: UnsafeMutablePointer<UInt8>
  /// Whether runs of Latin/Common/Inherited characters may be memoized: true unless a kept
  /// character could combine with a neighbour under normalization.
  private let memoizable: Bool
  /// Whether a configured kept character ends a `uconv` chunk (as a kept `€` would).
  private let keptChunkEnd: Bool

  private struct CandidateRange {
    var start: Int
    var end: Int
    var simple: Bool
  }

  private var cache = TransliterationCache()
  private var ranges: [CandidateRange] = []
  private var hasComplexRange = false
  private var mid: [UInt16] = []
  private var out16: [UInt16] = []
  private var scratch: [UInt16] = []
  private var runUTF16: [UInt16] = []
  private var right: [UInt16] = []
  private var midRanges: [Range<Int>] = []
  private var outRanges: [Range<Int>] = []
  private var resultBytes: [UInt8] = []

  /// Opens the ICU transliterators for `keep`.
  ///
  /// - Parameters:
  ///   - keep: the characters to keep besides printable ASCII, TAB and LF.
  ///   - replacement: what each leftover character becomes; `nil` drops it.
  /// - Throws: ``ICUError`` if ICU's transform data is missing.
  public convenience init(keep: KeepSet = .danish, replacement: String? = nil) throws(ICUError) {
    try self.init(table: CharacterTable(keep: keep), replacement: replacement)
  }

  init(table: CharacterTable, replacement: String?) throws(ICUError) {
    self.keep = table.keep
    self.replacement = replacement
    self.replacementBytes = Array((replacement ?? "").utf8)
    self.anyLatin = try ICURuleTransform(rules: keep.anyLatinRule)
    self.latinASCII = try ICURuleTransform(rules: keep.latinASCIIRule)
    self.table = table
    self.flags = table.bits
    self.memoizable = table.keptAreStable
    self.keptChunkEnd = keep.extra.contains { UnicodeTables.isChunkEnd($0.value) }
  }

  /// Clears ``transliteratedCounts``, ``droppedCounts`` and ``failures``.
  public func resetCounts() {
    unmemoizedCounts = CodePointCounts()
    cache.resetUses()
    droppedCounts = CodePointCounts()
    failures = 0
  }

  @inline(__always)
  private func flagsOf(_ value: UInt32) -> UInt8 { table.flags(value) }

  @inline(__always)
  private static func isTrigger(_ f: UInt8) -> Bool { CharacterTable.isTrigger(f) }

  /// A kept Latin character: ICU leaves it and its script ends every non-Latin script run.
  @inline(__always)
  private static func isLatinStop(_ f: UInt8) -> Bool {
    f & kept != 0 && f & UnicodeTables.latin != 0
  }

  // MARK: - Public API

  /// Transliterates `text`.
  ///
  /// - Complexity: O(n) for n UTF-8 bytes; bytes of kept characters are copied in bulk.
  public func transliterate(_ text: String) -> String {
    var text = text
    var output: [UInt8] = []
    text.withUTF8 { transliterate($0, into: &output) }
    return String(decoding: output, as: UTF8.self)
  }

  /// Transliterates the UTF-8 bytes of `input` and appends the result to `output`.
  ///
  /// Invalid UTF-8 is treated as U+FFFD (and so dropped or replaced).
  ///
  /// - Complexity: O(n) for n bytes, plus ICU's work on runs of characters outside the kept
  ///   set, each given at most 256 UTF-16 units of context on either side.
  public func transliterate(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
    if !transliterateIfNeeded(input, into: &output) { output.append(contentsOf: input) }
  }

  /// As ``transliterate(_:into:)``, but when the input has nothing to transliterate (every
  /// character kept and of a script that cannot affect its neighbours), appends nothing and
  /// returns `false`.
  ///
  /// - Parameter triggers: when known, the span outside which every character is kept and
  ///   of a script that cannot affect its neighbours (``TextFeatures/scan(_:table:)``): only
  ///   it and the rest of its first and last chunks are looked at.
  func transliterateIfNeeded(
    _ input: UnsafeBufferPointer<UInt8>, triggers: Range<Int>? = nil, into output: inout [UInt8]
  ) -> Bool {
    guard let p = input.baseAddress, input.count > 0 else { return false }
    let n = input.count
    let start = output.count
    let flags = self.flags
    var i = 0
    var chunkStart = 0
    var limit = n
    if let triggers, !keptChunkEnd {
      // Before the span the loop below would only skip, and its chunk starts after the last
      // LF, the only kept character that ends a chunk (a line has none: memchr says so fast).
      guard !triggers.isEmpty else { return false }
      i = triggers.lowerBound
      if i > 0, memchr(p, 0x0A, i) != nil, let lf = SWAR.lastIndex(of: 0x0A, p, before: i) { chunkStart = lf + 1 }
      limit = triggers.upperBound
    }
    var emitted = 0
    ranges.removeAll(keepingCapacity: true)
    hasComplexRange = false
    mayHaveUntidied = false
    while true {
      i = SWAR.skipPrintableASCII(p, i, n)
      if i >= limit {
        // Nothing left to start a run: the chunk of the last runs ends at the next LF.
        if !ranges.isEmpty {
          var chunkEnd = n
          if i < n, let found = memchr(p + i, 0x0A, n - i) {
            chunkEnd = p.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
          }
          flushChunk(p, chunkStart: chunkStart, chunkEnd: chunkEnd, emitted: &emitted, output: &output)
        }
        break
      }
      let b = p[i]
      var f: UInt8
      var length = 1
      if b < 0x80 {
        f = flags[Int(b)]
      } else {
        let decoded = UTF8Scalars.decode(p, i, n)
        f = flagsOf(decoded.value)
        length = decoded.length
      }
      if !Self.isTrigger(f) {
        i += length
        if f & UnicodeTables.chunkEnd != 0 {
          if !ranges.isEmpty { flushChunk(p, chunkStart: chunkStart, chunkEnd: i, emitted: &emitted, output: &output) }
          chunkStart = i
        }
        continue
      }
      // A run for ICU: widen back over non-Latin kept characters, forward over everything
      // but kept Latin characters, within the chunk.
      var start = i
      let floor = max(chunkStart, ranges.last?.end ?? chunkStart)
      while start > floor {
        let previous = UTF8Scalars.previousStart(p, start, floor: floor)
        let (value, _) = UTF8Scalars.decode(p, previous, n)
        if flagsOf(value) & UnicodeTables.latin != 0 { break }
        start = previous
      }
      var end = i
      var simple = true
      var endsChunk = false
      while end < n {
        let (value, length) = UTF8Scalars.decode(p, end, n)
        let f = value < 0x80 ? flags[Int(value)] : flagsOf(value)
        if Self.isLatinStop(f) { break }
        if f & UnicodeTables.otherScript != 0 { simple = false }
        end += length
        if f & UnicodeTables.chunkEnd != 0 {
          if value == 0x0D && end < n && p[end] == 0x0A { end += 1 }  // CRLF is one chunk end
          endsChunk = true
          break
        }
      }
      ranges.append(CandidateRange(start: start, end: end, simple: simple))
      if !simple || !memoizable { hasComplexRange = true }
      i = end
      if endsChunk {
        flushChunk(p, chunkStart: chunkStart, chunkEnd: end, emitted: &emitted, output: &output)
        chunkStart = end
      }
    }
    if emitted == 0 && output.count == start { return false }
    output.append(contentsOf: UnsafeBufferPointer(start: p + emitted, count: n - emitted))
    return true
  }

  /// The reference result: each `uconv` chunk transliterated whole by ICU, then filtered.
  ///
  /// ICU gets the compound rules (``KeepSet/icuRules``) and every chunk as it is, with no fast
  /// path. Slow; for tests and benchmarks.
  ///
  /// - Complexity: ICU's cost on every chunk.
  public func transliterateWithICUOnly(_ text: String) -> String {
    var text = text
    var output: [UInt8] = []
    text.withUTF8 { input in
      guard let p = input.baseAddress else { return }
      let n = input.count
      var chunkStart = 0
      var i = 0
      while i < n {
        let (value, length) = UTF8Scalars.decode(p, i, n)
        i += length
        if value == 0x0D && i < n && p[i] == 0x0A { i += 1 }
        guard UnicodeTables.isChunkEnd(value) || i == n else { continue }
        runUTF16.removeAll(keepingCapacity: true)
        UTF8Scalars.appendUTF16(p, chunkStart, i, to: &runUTF16)
        if let whole, let result = callICU(whole, left: [], run: runUTF16[...], right: []) {
          emitFiltered(scratch[result], into: &output)
        } else {
          failures += 1
          emitFiltered(runUTF16[...], into: &output)
        }
        chunkStart = i
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  // MARK: - Chunks

  private func flushChunk(
    _ p: UnsafePointer<UInt8>, chunkStart: Int, chunkEnd: Int, emitted: inout Int, output: inout [UInt8]
  ) {
    if hasComplexRange {
      complexChunk(p, chunkStart: chunkStart, chunkEnd: chunkEnd, emitted: &emitted, output: &output)
    } else {
      for range in ranges {
        simpleRange(p, range, chunkStart: chunkStart, emitted: &emitted, output: &output)
      }
    }
    ranges.removeAll(keepingCapacity: true)
    hasComplexRange = false
  }

  /// A run of Latin, Common and Inherited characters: `Any-Latin` leaves it alone, and
  /// `Latin-ASCII` sees no context beyond it (its one context rule removes marks after a
  /// Latin letter or digit, and its NFD/NFC steps compose a mark with the character before;
  /// so a stretch that starts with a mark or a character NFC could change is widened by the
  /// kept character before it), so each maximal stretch of characters outside the kept set
  /// is transliterated on its own and memoized.
  private func simpleRange(
    _ p: UnsafePointer<UInt8>, _ range: CandidateRange, chunkStart: Int, emitted: inout Int,
    output: inout [UInt8]
  ) {
    var j = range.start
    while j < range.end {
      let (value, length) = UTF8Scalars.decode(p, j, range.end)
      let f = flagsOf(value)
      if f & Self.kept != 0 {
        j += length
        continue
      }
      var runStart = j
      if (f & UnicodeTables.nfcStable == 0 || f & UnicodeTables.mark != 0) && j > chunkStart {
        runStart = UTF8Scalars.previousStart(p, j, floor: chunkStart)
      }
      var runEnd = j
      while runEnd < range.end {
        let (value, length) = UTF8Scalars.decode(p, runEnd, range.end)
        if flagsOf(value) & Self.kept != 0 { break }
        runEnd += length
      }
      output.append(contentsOf: UnsafeBufferPointer(start: p + emitted, count: runStart - emitted))
      let runOutput = output.count
      defer { noteRunOutput(output, from: runOutput) }
      emitted = runEnd
      let keyLength = runEnd - runStart
      let key = p + runStart
      if keyLength <= TransliterationCache.maximumKeyLength {
        let hash = TransliterationCache.hash(key, keyLength)
        // Counted in the memo (the key is the run, or the run after one kept character).
        if let hit = cache.lookup(key, keyLength, hash: hash) {
          emitCached(hit.range, isKept: hit.isKept, into: &output)
          j = runEnd
          continue
        }
        transliterateAlone(key, keyLength)
        let isKept = allKept(resultBytes)
        if cache.isFull {
          cache.forEachKey { key, uses in countOutsideKeep(key, times: uses, into: &unmemoizedCounts) }
          cache.removeAll()
        }
        cache.insert(key, keyLength, hash: hash, value: resultBytes, valueIsKept: isKept)
        emitUTF8(resultBytes, isKept: isKept, into: &output)
      } else {
        countOutsideKeep(UnsafeBufferPointer(start: key, count: keyLength), times: 1, into: &unmemoizedCounts)
        transliterateAlone(key, keyLength)
        emitUTF8(resultBytes, isKept: allKept(resultBytes), into: &output)
      }
      j = runEnd
    }
  }

  /// `Latin-ASCII` on `p[0..<count]` with no outer context; the result (UTF-8, not yet
  /// filtered) goes to `resultBytes`.
  private func transliterateAlone(_ p: UnsafePointer<UInt8>, _ count: Int) {
    runUTF16.removeAll(keepingCapacity: true)
    UTF8Scalars.appendUTF16(p, 0, count, to: &runUTF16)
    resultBytes.removeAll(keepingCapacity: true)
    if let result = callICU(latinASCII, left: [], run: runUTF16[...], right: []) {
      appendUTF8(scratch[result], to: &resultBytes)
    } else {
      failures += 1
      resultBytes.append(contentsOf: UnsafeBufferPointer(start: p, count: count))
    }
  }

  /// A chunk with a run of another script.
  ///
  /// The exact two-step procedure. Step 1 runs `Any-Latin` over each such run, left to right, its
  /// left context already transliterated and its right context not yet, as in ICU's compound
  /// transliterator; step 2 runs `Latin-ASCII` over each result the same way. Runs of only Latin,
  /// Common and Inherited characters go the memoized way (`Any-Latin` leaves them alone, and what
  /// `Latin-ASCII` makes of them is not context for anything: its one context rule looks at the
  /// single character before a mark, which is a kept Latin letter here).
  private func complexChunk(
    _ p: UnsafePointer<UInt8>, chunkStart: Int, chunkEnd: Int, emitted: inout Int, output: inout [UInt8]
  ) {
    let window = Self.contextWindow
    mid.removeAll(keepingCapacity: true)
    midRanges.removeAll(keepingCapacity: true)
    var position = chunkStart
    for range in ranges where !range.simple || !memoizable {
      UTF8Scalars.appendUTF16(p, position, range.start, to: &mid)
      let runStart = mid.count
      if range.simple {
        UTF8Scalars.appendUTF16(p, range.start, range.end, to: &mid)
      } else {
        runUTF16.removeAll(keepingCapacity: true)
        UTF8Scalars.appendUTF16(p, range.start, range.end, to: &runUTF16)
        right.removeAll(keepingCapacity: true)
        UTF8Scalars.appendUTF16Prefix(p, range.end, chunkEnd, maximum: window, to: &right)
        appendTransliterated(anyLatin, run: runUTF16[...], right: right[...], to: &mid)
      }
      midRanges.append(runStart..<mid.count)
      position = range.end
    }
    // Right context for the last run of step 2.
    UTF8Scalars.appendUTF16Prefix(p, position, chunkEnd, maximum: window, to: &mid)

    out16.removeAll(keepingCapacity: true)
    outRanges.removeAll(keepingCapacity: true)
    var q = 0
    for run in midRanges {
      out16.append(contentsOf: mid[q..<run.lowerBound])
      let outStart = out16.count
      appendTransliterated(
        latinASCII, run: mid[run], right: Self.prefix(of: mid, from: run.upperBound, maximum: window), to: &out16)
      outRanges.append(outStart..<out16.count)
      q = run.upperBound
    }

    var next = 0
    for range in ranges {
      if range.simple && memoizable {
        simpleRange(p, range, chunkStart: chunkStart, emitted: &emitted, output: &output)
        continue
      }
      output.append(contentsOf: UnsafeBufferPointer(start: p + emitted, count: range.start - emitted))
      var j = range.start
      while j < range.end {
        let (value, length) = UTF8Scalars.decode(p, j, range.end)
        if flagsOf(value) & Self.kept == 0 { unmemoizedCounts.add(value) }
        j += length
      }
      let runOutput = output.count
      emitFiltered(out16[outRanges[next]], into: &output)
      noteRunOutput(output, from: runOutput)
      next += 1
      emitted = range.end
    }
  }

  // MARK: - ICU calls

  /// The longest piece of a run handed to ICU at once, in UTF-16 units.
  static let maximumPiece = 4096
  private var pieceRight: [UInt16] = []

  /// Transliterates `run` with `transform` and appends the result to `buffer`, whose end is
  /// the left context; `right` is the right context after the run.
  ///
  /// ICU rewrites its buffer in place, so one run costs time quadratic in its length (and so
  /// does `uconv` on a long line). A run longer than ``maximumPiece`` therefore goes in
  /// pieces that end after a space where there is one, else before a character that is not
  /// a combining mark; each piece gets the output so far as left context and the rest of the
  /// run as right context. Only a pathological line (thousands of characters of another
  /// script without a kept Latin letter) is split.
  ///
  /// - Complexity: O(run length × min(run length, ``maximumPiece``)) in ICU.
  private func appendTransliterated(
    _ transform: ICURuleTransform, run: ArraySlice<UInt16>, right: ArraySlice<UInt16>, to buffer: inout [UInt16]
  ) {
    let window = Self.contextWindow
    var start = run.startIndex
    while start < run.endIndex {
      var end = run.endIndex
      var result: Range<Int>?
      if end - start > Self.maximumPiece {
        end = pieceEnd(run, from: start)
        pieceRight.removeAll(keepingCapacity: true)
        pieceRight.append(contentsOf: run[end..<min(run.endIndex, end + window)])
        if pieceRight.count < window { pieceRight.append(contentsOf: right.prefix(window - pieceRight.count)) }
        result = callICU(
          transform, left: Self.suffix(of: buffer, from: 0, maximum: window), run: run[start..<end],
          right: pieceRight[...])
      } else {
        result = callICU(
          transform, left: Self.suffix(of: buffer, from: 0, maximum: window), run: run[start..<end], right: right)
      }
      if let result {
        buffer.append(contentsOf: scratch[result])
      } else {
        failures += 1
        buffer.append(contentsOf: run[start..<end])
      }
      start = end
    }
  }

  /// Where a piece of `run` that starts at `start` ends: after the last space in its second
  /// half, else before the last character that is not a combining mark or a trail surrogate.
  private func pieceEnd(_ run: ArraySlice<UInt16>, from start: Int) -> Int {
    let limit = start + Self.maximumPiece
    var k = limit - 1
    while k > start + Self.maximumPiece / 2 {
      if run[k] == 0x20 { return k + 1 }
      k -= 1
    }
    var end = limit
    while end > start + 1 {
      let unit = run[end]
      if unit & 0xFC00 != 0xDC00 && flags[Int(unit)] & UnicodeTables.mark == 0 { break }
      end -= 1
    }
    return end
  }

  /// The last at most `maximum` units of `units[from...]`, not starting inside a surrogate
  /// pair.
  private static func suffix(of units: [UInt16], from: Int, maximum: Int) -> ArraySlice<UInt16> {
    var start = max(from, units.count - maximum)
    if start < units.count && start > from && units[start] & 0xFC00 == 0xDC00 { start += 1 }
    return units[start...]
  }

  /// The first at most `maximum` units of `units[from...]`, not ending inside a surrogate pair.
  private static func prefix(of units: [UInt16], from: Int, maximum: Int) -> ArraySlice<UInt16> {
    var end = min(units.count, from + maximum)
    if end > from && end < units.count && units[end - 1] & 0xFC00 == 0xD800 { end -= 1 }
    return units[from..<end]
  }

  /// Runs `transform` on `run` with `left` and `right` as context, in ``scratch``; returns
  /// the result's range in ``scratch``, or `nil` if ICU failed.
  private func callICU(
    _ transform: ICURuleTransform, left: ArraySlice<UInt16>, run: ArraySlice<UInt16>, right: ArraySlice<UInt16>
  ) -> Range<Int>? {
    var headroom = 8 * run.count + 64
    for _ in 0..<8 {
      scratch.removeAll(keepingCapacity: true)
      scratch.append(contentsOf: left)
      scratch.append(contentsOf: run)
      scratch.append(contentsOf: right)
      var length = scratch.count
      scratch.append(contentsOf: repeatElement(0, count: headroom))
      do {
        if let limit = try transform.transliterate(
          &scratch, length: &length, contextStart: 0, contextLimit: length, start: left.count,
          limit: left.count + run.count)
        {
          return left.count..<limit
        }
      } catch {
        return nil
      }
      headroom *= 4
    }
    return nil
  }

  // MARK: - Output and leftovers

  /// Adds `times` to the count of each scalar of UTF-8 `bytes` that is outside ``keep``.
  private func countOutsideKeep(_ bytes: UnsafeBufferPointer<UInt8>, times: Int, into counts: inout CodePointCounts) {
    guard let p = bytes.baseAddress else { return }
    var i = 0
    while i < bytes.count {
      let (value, length) = UTF8Scalars.decode(p, i, bytes.count)
      if flagsOf(value) & Self.kept == 0 { counts.add(value, count: times) }
      i += length
    }
  }

  /// Notes in ``mayHaveUntidied`` whether `output[start...]`, the output of one run, is empty
  /// or holds a blank.
  @inline(__always)
  private func noteRunOutput(_ output: [UInt8], from start: Int) {
    guard !mayHaveUntidied else { return }
    if output.count == start {
      mayHaveUntidied = true
      return
    }
    for k in start..<output.count where output[k] == 0x20 || output[k] == 0x09 || output[k] == 0x0A {
      mayHaveUntidied = true
      return
    }
  }

  private func allKept(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      guard let p = buffer.baseAddress else { return true }
      var i = 0
      while i < buffer.count {
        let (value, length) = UTF8Scalars.decode(p, i, buffer.count)
        if flagsOf(value) & Self.kept == 0 { return false }
        i += length
      }
      return true
    }
  }

  private func emitCached(_ range: Range<Int>, isKept: Bool, into output: inout [UInt8]) {
    cache.arena.withUnsafeBufferPointer { arena in
      let slice = UnsafeBufferPointer(rebasing: arena[range])
      if isKept {
        output.append(contentsOf: slice)
      } else {
        emitFilteredUTF8(slice, into: &output)
      }
    }
  }

  private func emitUTF8(_ bytes: [UInt8], isKept: Bool, into output: inout [UInt8]) {
    bytes.withUnsafeBufferPointer { buffer in
      if isKept {
        output.append(contentsOf: buffer)
      } else {
        emitFilteredUTF8(buffer, into: &output)
      }
    }
  }

  /// Appends the kept scalars of UTF-8 `bytes`; the others are counted as dropped and
  /// dropped or replaced.
  private func emitFilteredUTF8(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
    guard let p = bytes.baseAddress else { return }
    var i = 0
    while i < bytes.count {
      let (value, length) = UTF8Scalars.decode(p, i, bytes.count)
      if flagsOf(value) & Self.kept != 0 {
        output.append(contentsOf: UnsafeBufferPointer(start: p + i, count: length))
      } else {
        droppedCounts.add(value)
        output.append(contentsOf: replacementBytes)
      }
      i += length
    }
  }

  /// Appends the kept scalars of UTF-16 `units` as UTF-8.
  ///
  /// The others are counted as dropped and dropped or replaced. A lone surrogate counts as U+FFFD.
  private func emitFiltered(_ units: ArraySlice<UInt16>, into output: inout [UInt8]) {
    var i = units.startIndex
    while i < units.endIndex {
      let (value, length) = Self.decodeUTF16(units, i)
      i += length
      if flagsOf(value) & Self.kept != 0 {
        UTF8Scalars.append(value, to: &output)
      } else {
        droppedCounts.add(value)
        output.append(contentsOf: replacementBytes)
      }
    }
  }

  private func appendUTF8(_ units: ArraySlice<UInt16>, to output: inout [UInt8]) {
    var i = units.startIndex
    while i < units.endIndex {
      let (value, length) = Self.decodeUTF16(units, i)
      i += length
      UTF8Scalars.append(value, to: &output)
    }
  }

  /// The scalar at `units[i]` and its length in units (U+FFFD for a lone surrogate).
  @inline(__always)
  private static func decodeUTF16(_ units: ArraySlice<UInt16>, _ i: Int) -> (UInt32, Int) {
    let u = units[i]
    if u & 0xF800 != 0xD800 { return (UInt32(u), 1) }
    if u & 0xFC00 == 0xD800 && i + 1 < units.endIndex && units[i + 1] & 0xFC00 == 0xDC00 {
      return (0x10000 + (UInt32(u & 0x3FF) << 10 | UInt32(units[i + 1] & 0x3FF)), 2)
    }
    return (0xFFFD, 1)
  }
}
