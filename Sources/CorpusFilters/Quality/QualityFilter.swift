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
    order = Self.checkOrder.compactMap { rule in rules[rule].map { (rule, $0) } }
    scratch.setStopWords(rules.stopWords)
  }

  /// The first rule `text` fails, or `nil` when it passes every rule that is on.
  ///
  /// - Complexity: O(n) in the text length, plus O(t) hash-table work per n-gram rule for t tokens.
  public mutating func evaluate(_ text: String) -> QualityVerdict? {
    guard !order.isEmpty else { return nil }
    return text.withUTF8Bytes { bytes in
      scratch.measure(bytes, paragraphs: rules[.dupParaFrac] != nil || rules[.dupParaCharFrac] != nil)
      for (rule, threshold) in order {
        let score = scratch.score(rule)
        if rule.fails(score, threshold: threshold) {
          return QualityVerdict(rule: rule, score: score, threshold: threshold)
        }
      }
      return nil
    }
  }

  /// Every rule's score for `text` (rules that are off included), for audits and tests.
  public mutating func scores(_ text: String) -> [QualityRule: Double] {
    text.withUTF8Bytes { bytes in
      scratch.measure(bytes, paragraphs: true)
      var result: [QualityRule: Double] = [:]
      for rule in QualityRule.allCases { result[rule] = scratch.score(rule) }
      return result
    }
  }

  /// Per-worker buffers and the measures of the current document.
  struct Scratch {
    let classes = ScalarClassifier()
    var chars = 0
    var newlines = 0
    var hashes = 0
    var ellipses = 0
    var tokenHashes: [UInt64] = []
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
    /// The largest n known to have no repeated n-gram (0: unknown).
    ///
    /// No repeated k-gram means
    /// no repeated (k+1)-gram, so the passes for larger n can be skipped.
    var repeatFree = 0
    /// The stop words' hashes; filled once, never reset.
    var stopWords = U64Table()
    var maxStopWordBytes = 0

    @inline(__always)
    static func isTokenPunctuation(_ value: UInt32, _ cls: ScalarClass) -> Bool {
      cls.contains(.punctuation) || cls.contains(.control) || (value < 0x80 && cls.contains(.symbol))
    }

    /// Sets the stop words (their hashes, and the longest in bytes).
    mutating func setStopWords(_ words: [String]) {
      stopWords.reset(expected: words.count)
      for word in words { _ = stopWords.insert(XXHash64.hash(word)) }
      maxStopWordBytes = words.map(\.utf8.count).max() ?? 0
    }

    @inline(__always)
    func isStopWord(_ hash: UInt64) -> Bool { stopWords.contains(hash) }

    /// Appends one token (bytes `a..<b`, `scalars` long).
    @inline(__always)
    mutating func emitToken(
      _ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, scalars: Int, alpha: Bool, punctuation: Bool
    ) {
      let hash = XXHash64.hash(UnsafeBufferPointer(rebasing: bytes[a..<b]))
      tokenHashes.append(hash)
      lengthPrefix.append(lengthPrefix[lengthPrefix.count - 1] + scalars)
      if alpha { alphaTokens += 1 }
      if !punctuation {
        nonSymbolWords += 1
        nonSymbolLength += scalars
      }
      if b - a <= maxStopWordBytes, isStopWord(hash) { stopTokens += 1 }
    }

    /// Punctuation-only bytes `a..<b` as tokens: one per scalar, a run of `.` as one.
    mutating func emitPunctuation(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) {
      var i = a
      while i < b {
        if bytes[i] == 0x2E {
          var e = i + 1
          while e < b, bytes[e] == 0x2E { e += 1 }
          emitToken(bytes, i, e, scalars: e - i, alpha: false, punctuation: true)
          i = e
        } else {
          let (_, length) = UTF8Scalar.decode(bytes, at: i)
          emitToken(bytes, i, i + length, scalars: 1, alpha: false, punctuation: true)
          i += length
        }
      }
    }

    /// One white-space-separated chunk `start..<end` whose non-punctuation part is
    /// `coreStart..<coreEnd` (`coreStart < 0`: all punctuation), `coreScalars` long.
    @inline(__always)
    mutating func emitChunk(
      _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ coreStart: Int, _ coreEnd: Int,
      coreScalars: Int, alpha: Bool
    ) {
      if coreStart < 0 {
        emitPunctuation(bytes, start, end)
        return
      }
      if coreStart > start { emitPunctuation(bytes, start, coreStart) }
      emitToken(
        bytes, coreStart, coreEnd, scalars: coreScalars,
        alpha: alpha, punctuation: false)
      if coreEnd < end { emitPunctuation(bytes, coreEnd, end) }
    }

    mutating func measure(_ bytes: UnsafeBufferPointer<UInt8>, paragraphs measureParagraphs: Bool) {
      chars = 0
      newlines = 0
      hashes = 0
      ellipses = 0
      tokenHashes.removeAll(keepingCapacity: true)
      lengthPrefix.removeAll(keepingCapacity: true)
      lengthPrefix.append(0)
      nonSymbolWords = 0
      nonSymbolLength = 0
      alphaTokens = 0
      stopTokens = 0
      grams.removeAll(keepingCapacity: true)
      gramsN = 1
      repeatFree = 0
      let n = bytes.count
      var dots = 0
      var i = 0
      var chunkStart = -1
      var coreStart = -1
      var coreEnd = -1
      // `chars` before the core's first scalar and after its last: the core's length.
      var coreStartChars = 0
      var coreEndChars = 0
      var alpha = false
      let latin1 = classes.latin1
      while i < n {
        let b = bytes[i]
        if ASCII.isAlphanumeric(b) {
          // A run of ASCII letters and digits: one token's core, no counter but `chars` moves.
          if chunkStart < 0 {
            chunkStart = i
            coreStart = -1
            alpha = false
          }
          if coreStart < 0 {
            coreStart = i
            coreStartChars = chars
          }
          let run = AlphanumericRun.scan(bytes.baseAddress.unsafelyUnwrapped, from: i, to: n)
          let e = run.end
          if run.letters > 0 { alpha = true }
          chars += e - i
          coreEnd = e
          coreEndChars = chars
          dots = 0
          i = e
          continue
        }
        let value: UInt32
        let length: Int
        let cls: ScalarClass
        if b < 0x80 {
          value = UInt32(b)
          length = 1
          cls = latin1[Int(b)]
          if b == 0x0A {
            newlines += 1
          } else if b == 0x23 {
            hashes += 1
          }
          if b == 0x2E {
            dots += 1
            if dots == 3 {
              ellipses += 1
              dots = 0
            }
          } else {
            dots = 0
          }
        } else {
          (value, length) = UTF8Scalar.decode(bytes, at: i)
          cls = classes.classify(value)
          dots = 0
          if value == 0x2026 { ellipses += 1 }
        }
        chars += 1
        if cls.contains(.whitespace) {
          if chunkStart >= 0 {
            emitChunk(
              bytes, chunkStart, i, coreStart, coreEnd, coreScalars: coreEndChars - coreStartChars, alpha: alpha)
            chunkStart = -1
          }
        } else {
          if chunkStart < 0 {
            chunkStart = i
            coreStart = -1
            alpha = false
          }
          if !Self.isTokenPunctuation(value, cls) {
            if coreStart < 0 {
              coreStart = i
              coreStartChars = chars - 1
            }
            coreEnd = i + length
            coreEndChars = chars
            if cls.contains(.letter) { alpha = true }
          }
        }
        i += length
      }
      if chunkStart >= 0 {
        emitChunk(bytes, chunkStart, n, coreStart, coreEnd, coreScalars: coreEndChars - coreStartChars, alpha: alpha)
      }
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
          let b = line[i]
          if b < 0x80 {
            if b != 0x20 && (b < 0x09 || b > 0x0D) {
              first = i
              break
            }
            i += 1
            continue
          }
          let (v, l) = UTF8Scalar.decode(line, at: i)
          if !classes.classify(v).contains(.whitespace) {
            first = i
            break
          }
          i += l
        }
        var lastEnd = -1
        if first >= 0 {
          var j = line.count
          while j > first {
            let b = line[j - 1]
            if b < 0x80 {
              if b != 0x20 && (b < 0x09 || b > 0x0D) {
                lastEnd = j
                break
              }
              j -= 1
              continue
            }
            var k = j - 1
            while k > 0, line[k] & 0xC0 == 0x80 { k -= 1 }
            let (v, _) = UTF8Scalar.decode(line, at: k)
            if !classes.classify(v).contains(.whitespace) {
              lastEnd = j
              break
            }
            j = k
          }
        }
        // Gopher: splitlines() drops the empty piece after a final LF.
        if !(isLastEmpty && endsWithNewline) {
          gopherLines += 1
          if first >= 0 {
            if line[first] == 0x2D
              || (first + 2 < line.count && line[first] == 0xE2 && line[first + 1] == 0x80 && line[first + 2] == 0xA2)
            {
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
        if !line.isEmpty || range.lowerBound == 0 || range.upperBound == n {
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
        if !classes.classify(v).contains(.whitespace) { break }
        start += l
      }
      while end > start {
        var k = end - 1
        while k > start, bytes[k] & 0xC0 == 0x80 { k -= 1 }
        let (v, _) = UTF8Scalar.decode(bytes, at: k)
        if !classes.classify(v).contains(.whitespace) { break }
        end = k
      }
      table.reset(expected: newlines / 2 + 1)
      var p = start
      var i = start
      while i < end {
        if bytes[i] == 0x0A, i + 1 < end, bytes[i + 1] == 0x0A {
          addParagraph(UnsafeBufferPointer(rebasing: bytes[p..<i]))
          var k = i
          while k < end, bytes[k] == 0x0A { k += 1 }
          p = k
          i = k
        } else {
          i += 1
        }
      }
      addParagraph(UnsafeBufferPointer(rebasing: bytes[p..<end]))
    }

    private mutating func addParagraph(_ piece: UnsafeBufferPointer<UInt8>) {
      paragraphs += 1
      if table.increment(XXHash64.hash(piece), index: 0) > 1 {
        paraDupLines += 1
        paraDupChars += UTF8Scalar.count(piece)
      }
    }

    /// Advances the n-gram hashes to `n` (from the current `gramsN`, restarting from 1 when `n`
    /// is smaller): `grams[i]` is the hash of tokens `i ..< i + n`.
    mutating func grams(to n: Int) {
      let t = tokenHashes.count
      if n < gramsN || (grams.isEmpty && gramsN == 1) {
        grams = tokenHashes
        gramsN = 1
      }
      guard gramsN < n else { return }
      let target = max(0, t - n + 1)
      tokenHashes.withUnsafeBufferPointer { tokens in
        grams.withUnsafeMutableBufferPointer { g in
          while gramsN < n {
            let next = gramsN
            let count = t - next
            if count <= 0 { break }
            for i in 0..<count {
              g[i] = MurmurHash3.fmix64((g[i] &* 0x9E37_79B9_7F4A_7C15) ^ tokens[i + next])
            }
            gramsN += 1
          }
        }
      }
      gramsN = n
      grams.removeLast(grams.count - target)
    }

    /// The score of `rule` for the measured document.
    mutating func score(_ rule: QualityRule) -> Double {
      let tokens = Double(tokenHashes.count)
      func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
      switch rule {
      case .minChars, .maxChars: return Double(chars)
      case .minWords, .maxWords: return Double(nonSymbolWords)
      case .minMeanWordLength, .maxMeanWordLength:
        return nonSymbolWords == 0 ? 0 : Double(nonSymbolLength) / Double(nonSymbolWords)
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
        guard tokenHashes.count >= n, chars > 0 else { return 0 }
        if repeatFree > 0, n > repeatFree {
          // Every n-gram occurs once: the first one counts.
          return Double(lengthPrefix[n] - lengthPrefix[0] + (n - 1)) / Double(chars)
        }
        grams(to: n)
        table.reset(expected: grams.count)
        grams.withUnsafeBufferPointer { g in
          for i in 0..<g.count { _ = table.increment(g[i], index: i) }
        }
        if table.bestCount == 1 { repeatFree = max(repeatFree, n) }
        let first = table.bestFirst
        let length = lengthPrefix[first + n] - lengthPrefix[first] + (n - 1)
        return Double(table.bestCount * length) / Double(chars)
      case .dup5Gram, .dup6Gram, .dup7Gram, .dup8Gram, .dup9Gram, .dup10Gram:
        let n = rule.n
        guard tokenHashes.count >= n, chars > 0 else { return 0 }
        if repeatFree > 0, n > repeatFree { return 0 }
        grams(to: n)
        table.reset(expected: grams.count)
        var repeated = 0
        grams.withUnsafeBufferPointer { g in
          lengthPrefix.withUnsafeBufferPointer { prefix in
            var i = 0
            while i < g.count {
              if table.insert(g[i]) {
                i += 1
              } else {
                repeated += prefix[i + n] - prefix[i]
                i += n
              }
            }
          }
        }
        if repeated == 0 { repeatFree = max(repeatFree, n) }
        return Double(repeated) / Double(chars)
      }
    }
  }
}
