/// The first quality rule a document fails: which, its score, and the threshold.
public struct QualityVerdict: Sendable, Equatable, CustomStringConvertible {
  /// The failing rule.
  public var rule: QualityRule
  /// The document's score for it.
  public var score: Double
  /// The threshold it failed.
  public var threshold: Double

  /// Creates a verdict.
  public init(rule: QualityRule, score: Double, threshold: Double) {
    self.rule = rule
    self.score = score
    self.threshold = threshold
  }

  public var description: String { "\(rule.rawValue) (score \(score), threshold \(threshold))" }
}

/// Document quality rules: Gopher quality and repetition, and FineWeb quality, as datatrove
/// implements them and FineWeb-2 tunes them for Danish (``QualityProfile/fineweb2Dan``); each
/// rule switchable (``QualityRules``).
///
/// Measures follow datatrove, with these stated approximations:
/// - **Tokens** approximate spaCy's Danish tokenizer: white-space-separated chunks, with
///   leading and trailing punctuation split off one scalar per token (a run of `.` stays one
///   token, `...`). Punctuation here is `P*`, ASCII symbols and controls (datatrove's
///   `PUNCTUATION_SET`). n-grams are over these tokens, as in datatrove.
/// - **Lengths** are in Unicode scalars (Python `len`).
/// - Lines for the Gopher line rules are `str.splitlines()` restricted to LF.
/// - Repeated n-grams are compared by 64-bit hashes of their token sequences (datatrove
///   compares `"".join(words)`, which also merges different splits of the same letters).
///
/// Rules are checked cheapest first and the first failure is returned; whether a document
/// passes does not depend on the order.
public struct QualityFilter: Sendable {
  /// The thresholds.
  public let rules: QualityRules
  private let stopWordHashes: Set<UInt64>
  private let order: [(QualityRule, Double)]
  private var scratch = Scratch()

  /// The checking order: cheap counts first, then line repetition, then n-grams.
  static let checkOrder: [QualityRule] = [
    .minChars, .maxChars, .minWords, .maxWords, .minMeanWordLength, .maxMeanWordLength, .hashRatio, .ellipsisRatio,
    .bulletLines, .ellipsisLines, .alphaWords, .stopWords, .linePunct, .shortLines, .newLineRatio, .charDupRatio,
    .dupLineFrac, .dupLineCharFrac, .dupParaFrac, .dupParaCharFrac, .top2Gram, .top3Gram, .top4Gram, .dup5Gram,
    .dup6Gram, .dup7Gram, .dup8Gram, .dup9Gram, .dup10Gram,
  ]

  /// A filter with `rules`.
  public init(rules: QualityRules) {
    self.rules = rules
    stopWordHashes = Set(rules.stopWords.map { XXHash64.hash($0) })
    order = Self.checkOrder.compactMap { rule in rules[rule].map { (rule, $0) } }
  }

  /// The first rule `text` fails, or `nil` when it passes every rule that is on.
  ///
  /// - Complexity: O(n) in the text length, plus O(t) hash-table work per n-gram rule for t tokens.
  public mutating func evaluate(_ text: String) -> QualityVerdict? {
    guard !order.isEmpty else { return nil }
    return text.withUTF8Bytes { bytes in
      scratch.measure(bytes, stopWords: stopWordHashes, paragraphs: rules[.dupParaFrac] != nil || rules[.dupParaCharFrac] != nil)
      for (rule, threshold) in order {
        let score = scratch.score(rule)
        if rule.fails(score, threshold: threshold) { return QualityVerdict(rule: rule, score: score, threshold: threshold) }
      }
      return nil
    }
  }

  /// Every rule's score for `text` (rules that are off included), for audits and tests.
  public mutating func scores(_ text: String) -> [QualityRule: Double] {
    text.withUTF8Bytes { bytes in
      scratch.measure(bytes, stopWords: stopWordHashes, paragraphs: true)
      var result: [QualityRule: Double] = [:]
      for rule in QualityRule.allCases { result[rule] = scratch.score(rule) }
      return result
    }
  }

  /// Per-worker buffers and the measures of the current document.
  struct Scratch {
    var chars = 0
    var newlines = 0
    var hashes = 0
    var ellipses = 0
    var tokenHashes: [UInt64] = []
    var tokenLengths: [Int32] = []
    var lengthPrefix: [Int] = [0]
    var nonSymbolWords = 0
    var nonSymbolLength = 0
    var alphaTokens = 0
    var stopTokens = 0
    var gopherLines = 0
    var bulletLines = 0
    var ellipsisLines = 0
    var fwLines = 0
    var punctLines = 0
    var shortLines = 0
    var charDupChars = 0
    var repLines = 0
    var repDupLines = 0
    var repDupChars = 0
    var paragraphs = 0
    var paraDupLines = 0
    var paraDupChars = 0
    var table = U64Table()
    var table2 = U64Table()
    var grams: [UInt64] = []
    var gramsN = 1

    @inline(__always)
    static func isTokenPunctuation(_ value: UInt32, _ cls: ScalarClass) -> Bool {
      cls.contains(.punctuation) || cls.contains(.control) || (value < 0x80 && cls.contains(.symbol))
    }

    mutating func measure(_ bytes: UnsafeBufferPointer<UInt8>, stopWords: Set<UInt64>, paragraphs measureParagraphs: Bool) {
      chars = 0
      newlines = 0
      hashes = 0
      ellipses = 0
      tokenHashes.removeAll(keepingCapacity: true)
      tokenLengths.removeAll(keepingCapacity: true)
      lengthPrefix.removeAll(keepingCapacity: true)
      lengthPrefix.append(0)
      nonSymbolWords = 0
      nonSymbolLength = 0
      alphaTokens = 0
      stopTokens = 0
      grams.removeAll(keepingCapacity: true)
      gramsN = 1
      let n = bytes.count
      // Pass 1: scalars, `#`, ellipses, tokens.
      var dots = 0
      var i = 0
      var chunkStart = -1
      // A chunk's scalars: (byte offset, length, punctuation?, letter?) gathered then split.
      var pending: [(Int, Int, Bool, Bool, Bool)] = []
      func flushChunk() {
        guard !pending.isEmpty else { return }
        var a = 0
        while a < pending.count, pending[a].2 { a += 1 }
        var b = pending.count - 1
        while b >= 0, pending[b].2 { b -= 1 }
        if a > b {
          emitPunctuation(pending[...])
        } else {
          emitPunctuation(pending[0..<a])
          emitToken(pending[a...b], punctuationOnly: false)
          if b + 1 < pending.count { emitPunctuation(pending[(b + 1)...]) }
        }
        pending.removeAll(keepingCapacity: true)
      }
      func emitPunctuation(_ scalars: ArraySlice<(Int, Int, Bool, Bool, Bool)>) {
        var k = scalars.startIndex
        while k < scalars.endIndex {
          var e = k + 1
          if scalars[k].4 {  // a run of '.' is one token
            while e < scalars.endIndex, scalars[e].4 { e += 1 }
          }
          emitToken(scalars[k..<e], punctuationOnly: true)
          k = e
        }
      }
      func emitToken(_ scalars: ArraySlice<(Int, Int, Bool, Bool, Bool)>, punctuationOnly: Bool) {
        guard let first = scalars.first, let last = scalars.last else { return }
        let start = first.0
        let end = last.0 + last.1
        let hash = XXHash64.hash(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        let length = scalars.count
        tokenHashes.append(hash)
        tokenLengths.append(Int32(length))
        lengthPrefix.append(lengthPrefix[lengthPrefix.count - 1] + length)
        var alpha = false
        for s in scalars where s.3 {
          alpha = true
          break
        }
        if alpha { alphaTokens += 1 }
        if !punctuationOnly {
          nonSymbolWords += 1
          nonSymbolLength += length
        }
        if stopWords.contains(hash) { stopTokens += 1 }
      }
      while i < n {
        let b = bytes[i]
        let value: UInt32
        let length: Int
        if b < 0x80 {
          value = UInt32(b)
          length = 1
        } else {
          (value, length) = UTF8Scalar.decode(bytes, at: i)
        }
        chars += 1
        if b == 0x0A { newlines += 1 }
        if b == 0x23 { hashes += 1 }
        if b == 0x2E {
          dots += 1
          if dots == 3 {
            ellipses += 1
            dots = 0
          }
        } else {
          dots = 0
          if value == 0x2026 { ellipses += 1 }
        }
        let cls = UnicodeClass.classify(value)
        if cls.contains(.whitespace) {
          flushChunk()
          chunkStart = -1
        } else {
          if chunkStart < 0 { chunkStart = i }
          pending.append((i, length, Self.isTokenPunctuation(value, cls), cls.contains(.letter), b == 0x2E))
        }
        i += length
      }
      flushChunk()
      measureLines(bytes)
      if measureParagraphs { measureParagraphs_(bytes) }
    }

    /// Line measures: Gopher lines (LF `splitlines`), FineWeb lines (`split("\n")`), and
    /// repetition lines (`re.split("\n+")`).
    mutating func measureLines(_ bytes: UnsafeBufferPointer<UInt8>) {
      gopherLines = 0
      bulletLines = 0
      ellipsisLines = 0
      fwLines = 0
      punctLines = 0
      shortLines = 0
      charDupChars = 0
      repLines = 0
      repDupLines = 0
      repDupChars = 0
      table.reset(expected: newlines + 1)
      table2.reset(expected: newlines + 1)
      let n = bytes.count
      let endsWithNewline = n > 0 && bytes[n - 1] == 0x0A
      var lineIndex = 0
      TextLines.forEach(bytes) { range in
        let line = UnsafeBufferPointer(rebasing: bytes[range])
        fwLines += 1
        let isLastEmpty = range.isEmpty && range.lowerBound == n && lineIndex > 0
        lineIndex += 1
        if let last = line.last, last == 0x2E || last == 0x27 || last == 0x22 || last == 0x21 || last == 0x3F {
          punctLines += 1
        }
        let scalars = UTF8Scalar.count(line)
        if scalars <= 30 { shortLines += 1 }
        // First and last non-white-space scalars.
        var first = -1
        var i = 0
        while i < line.count {
          let (v, l) = UTF8Scalar.decode(line, at: i)
          if !UnicodeClass.classify(v).contains(.whitespace) {
            first = i
            break
          }
          i += l
        }
        var lastEnd = -1
        var j = line.count
        while j > 0 {
          var k = j - 1
          while k > 0, line[k] & 0xC0 == 0x80 { k -= 1 }
          let (v, _) = UTF8Scalar.decode(line, at: k)
          if !UnicodeClass.classify(v).contains(.whitespace) {
            lastEnd = j
            break
          }
          j = k
        }
        // Gopher: splitlines() drops the empty piece after a final LF.
        if !(isLastEmpty && endsWithNewline) {
          gopherLines += 1
          if first >= 0 {
            if line[first] == 0x2D || (first + 2 < line.count && line[first] == 0xE2 && line[first + 1] == 0x80 && line[first + 2] == 0xA2) {
              bulletLines += 1
            }
          }
          if lastEnd >= 3 {
            let e = lastEnd
            if (line[e - 1] == 0x2E && line[e - 2] == 0x2E && line[e - 3] == 0x2E)
              || (line[e - 1] == 0xA6 && line[e - 2] == 0x80 && line[e - 3] == 0xE2)
            {
              ellipsisLines += 1
            }
          }
        }
        let hash = XXHash64.hash(line)
        // FineWeb char_dup_ratio over non-blank lines.
        if first >= 0, table.increment(hash, index: 0) > 1 { charDupChars += scalars }
        // Repetition lines: empty lines vanish except a leading or trailing one.
        let keep = !line.isEmpty || range.lowerBound == 0 || range.upperBound == n
        if keep {
          repLines += 1
          if table2.increment(hash, index: 0) > 1 {
            repDupLines += 1
            repDupChars += scalars
          }
        }
      }
    }

    /// Paragraphs: `re.split("\n{2,}", text.strip())`.
    mutating func measureParagraphs_(_ bytes: UnsafeBufferPointer<UInt8>) {
      paragraphs = 0
      paraDupLines = 0
      paraDupChars = 0
      var start = 0
      var end = bytes.count
      while start < end {
        let (v, l) = UTF8Scalar.decode(bytes, at: start)
        if !UnicodeClass.classify(v).contains(.whitespace) { break }
        start += l
      }
      while end > start {
        var k = end - 1
        while k > start, bytes[k] & 0xC0 == 0x80 { k -= 1 }
        let (v, _) = UTF8Scalar.decode(bytes, at: k)
        if !UnicodeClass.classify(v).contains(.whitespace) { break }
        end = k
      }
      table.reset(expected: newlines / 2 + 1)
      var p = start
      var i = start
      func emit(_ a: Int, _ b: Int) {
        paragraphs += 1
        let piece = UnsafeBufferPointer(rebasing: bytes[a..<b])
        if table.increment(XXHash64.hash(piece), index: 0) > 1 {
          paraDupLines += 1
          paraDupChars += UTF8Scalar.count(piece)
        }
      }
      while i < end {
        if bytes[i] == 0x0A, i + 1 < end, bytes[i + 1] == 0x0A {
          emit(p, i)
          var k = i
          while k < end, bytes[k] == 0x0A { k += 1 }
          p = k
          i = k
        } else {
          i += 1
        }
      }
      emit(p, end)
    }

    /// Advances the n-gram hashes to `n` (from the current `gramsN`, restarting from 1 when `n` is smaller).
    mutating func grams(to n: Int) {
      let t = tokenHashes.count
      if n < gramsN || grams.isEmpty {
        grams = tokenHashes
        gramsN = 1
      }
      while gramsN < n {
        let next = gramsN
        let count = t - next
        if count <= 0 {
          grams.removeAll(keepingCapacity: true)
          gramsN = n
          return
        }
        for i in 0..<count {
          grams[i] = MurmurHash3.fmix64((grams[i] &* 0x9E37_79B9_7F4A_7C15) ^ tokenHashes[i + next])
        }
        grams.removeLast(grams.count - count)
        gramsN += 1
      }
    }

    /// The score of `rule` for the measured document.
    mutating func score(_ rule: QualityRule) -> Double {
      let tokens = Double(tokenHashes.count)
      func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
      switch rule {
      case .minChars, .maxChars: return Double(chars)
      case .minWords, .maxWords: return Double(nonSymbolWords)
      case .minMeanWordLength, .maxMeanWordLength: return nonSymbolWords == 0 ? 0 : Double(nonSymbolLength) / Double(nonSymbolWords)
      case .hashRatio: return tokens == 0 ? 0 : Double(hashes) / tokens
      case .ellipsisRatio: return tokens == 0 ? 0 : Double(ellipses) / tokens
      case .bulletLines: return ratio(bulletLines, gopherLines)
      case .ellipsisLines: return ratio(ellipsisLines, gopherLines)
      case .alphaWords: return tokens == 0 ? 0 : Double(alphaTokens) / tokens
      case .stopWords: return Double(stopTokens)
      case .linePunct: return ratio(punctLines, fwLines)
      case .shortLines: return ratio(shortLines, fwLines)
      case .newLineRatio: return tokens == 0 ? (newlines > 0 ? .infinity : 0) : Double(newlines) / tokens
      case .charDupRatio: return ratio(charDupChars, chars - newlines)
      case .dupLineFrac: return ratio(repDupLines, repLines)
      case .dupLineCharFrac: return ratio(repDupChars, chars)
      case .dupParaFrac: return ratio(paraDupLines, paragraphs)
      case .dupParaCharFrac: return ratio(paraDupChars, chars)
      case .top2Gram, .top3Gram, .top4Gram:
        let n = rule.n
        grams(to: n)
        guard !grams.isEmpty, chars > 0 else { return 0 }
        table.reset(expected: grams.count)
        for (i, g) in grams.enumerated() { _ = table.increment(g, index: i) }
        let (count, first) = table.top()
        let length = lengthPrefix[first + n] - lengthPrefix[first] + (n - 1)
        return Double(count * length) / Double(chars)
      case .dup5Gram, .dup6Gram, .dup7Gram, .dup8Gram, .dup9Gram, .dup10Gram:
        let n = rule.n
        grams(to: n)
        guard !grams.isEmpty, chars > 0 else { return 0 }
        table.reset(expected: grams.count)
        var repeated = 0
        var i = 0
        while i < grams.count {
          if table.contains(grams[i]) {
            repeated += lengthPrefix[i + n] - lengthPrefix[i]
            i += n
          } else {
            _ = table.insert(grams[i])
            i += 1
          }
        }
        return Double(repeated) / Double(chars)
      }
    }
  }
}
