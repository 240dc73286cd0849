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
    var tokens = QualityTokens()
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
    var ngrams = RepeatedNGrams()

    /// Sets the stop words.
    mutating func setStopWords(_ words: [String]) { tokens.setStopWords(words) }

    mutating func measure(_ bytes: UnsafeBufferPointer<UInt8>, paragraphs measureParagraphs: Bool) {
      tokens.measure(bytes)
      ngrams.reset()
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
      table.reset(expected: tokens.counts.newlines + 1)
      table2.reset(expected: tokens.counts.newlines + 1)
      let n = bytes.count
      let endsWithNewline = n > 0 && bytes[n - 1] == 0x0A
      var lineIndex = 0
      var continuationsBefore = 0
      TextLines.forEach(bytes) { range in
        let line = UnsafeBufferPointer(rebasing: bytes[range])
        fwLines += 1
        let isLastEmpty = range.isEmpty && range.lowerBound == n && lineIndex > 0
        // The scalars from the tokenizer's count of continuation bytes per line.
        let continuationsAfter = tokens.lineContinuations[lineIndex]
        let scalars = line.count - (continuationsAfter - continuationsBefore)
        continuationsBefore = continuationsAfter
        lineIndex += 1
        if let last = line.last, last == 0x2E || last == 0x27 || last == 0x22 || last == 0x21 || last == 0x3F {
          punctLines += 1
        }
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
          if !classes.classifyOutOfLine(v).contains(.whitespace) {
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
            if !classes.classifyOutOfLine(v).contains(.whitespace) {
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
        let hash = TokenHash.hash(line)
        // FineWeb char_dup_ratio over non-blank lines.
        if first >= 0, table.increment(hash, index: 0).count > 1 { charDupChars += scalars }
        // Repetition lines: empty lines vanish except a leading or trailing one.
        if !line.isEmpty || range.lowerBound == 0 || range.upperBound == n {
          repLines += 1
          if table2.increment(hash, index: 0).count > 1 {
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
        if !classes.classifyOutOfLine(v).contains(.whitespace) { break }
        start += l
      }
      while end > start {
        var k = end - 1
        while k > start, bytes[k] & 0xC0 == 0x80 { k -= 1 }
        let (v, _) = UTF8Scalar.decode(bytes, at: k)
        if !classes.classifyOutOfLine(v).contains(.whitespace) { break }
        end = k
      }
      table.reset(expected: tokens.counts.newlines / 2 + 1)
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
      if table.increment(TokenHash.hash(piece), index: 0).count > 1 {
        paraDupLines += 1
        paraDupChars += UTF8Scalar.count(piece)
      }
    }

    /// Moves the n-gram levels to `n` over the document's tokens.
    private mutating func advanceNGrams(to n: Int) {
      let count = tokens.count
      tokens.hashes.withUnsafeBufferPointer {
        ngrams.advance(to: n, tokens: UnsafeBufferPointer(rebasing: $0[0..<count]))
      }
    }

    /// The score of `rule` for the measured document.
    mutating func score(_ rule: QualityRule) -> Double {
      let chars = tokens.counts.chars
      let newlines = tokens.counts.newlines
      let tokenCount = Double(tokens.count)
      func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
      switch rule {
      case .minChars, .maxChars: return Double(chars)
      case .minWords, .maxWords: return Double(tokens.counts.words)
      case .minMeanWordLength, .maxMeanWordLength:
        return tokens.counts.words == 0 ? 0 : Double(tokens.counts.wordLength) / Double(tokens.counts.words)
      case .hashRatio: return tokenCount == 0 ? 0 : Double(tokens.counts.hashMarks) / tokenCount
      case .ellipsisRatio: return tokenCount == 0 ? 0 : Double(tokens.counts.ellipses) / tokenCount
      case .bulletLines: return ratio(bulletLines, gopherLines)
      case .ellipsisLines: return ratio(ellipsisLines, gopherLines)
      case .alphaWords: return tokenCount == 0 ? 0 : Double(tokens.counts.alphaTokens) / tokenCount
      case .stopWords: return Double(tokens.counts.stopTokens)
      case .linePunct: return ratio(punctLines, fwLines)
      case .shortLines: return ratio(shortLines, fwLines)
      case .newLineRatio: return tokenCount == 0 ? (newlines > 0 ? .infinity : 0) : Double(newlines) / tokenCount
      case .charDupRatio: return ratio(charDupChars, chars - newlines)
      case .dupLineFrac: return ratio(repDupLines, repLines)
      case .dupLineCharFrac: return ratio(repDupChars, chars)
      case .dupParaFrac: return ratio(paraDupLines, paragraphs)
      case .dupParaCharFrac: return ratio(paraDupChars, chars)
      case .top2Gram, .top3Gram, .top4Gram:
        let n = rule.n
        guard tokens.count >= n, chars > 0 else { return 0 }
        advanceNGrams(to: n)
        let (count, first) = ngrams.mostFrequent
        let length = tokens.lengthPrefix[first + n] - tokens.lengthPrefix[first] + (n - 1)
        return Double(count * length) / Double(chars)
      case .dup5Gram, .dup6Gram, .dup7Gram, .dup8Gram, .dup9Gram, .dup10Gram:
        let n = rule.n
        guard tokens.count >= n, chars > 0 else { return 0 }
        advanceNGrams(to: n)
        let length = tokens.lengthPrefix.withUnsafeBufferPointer { ngrams.duplicateLength(lengthPrefix: $0) }
        return Double(length) / Double(chars)
      }
    }
  }
}
