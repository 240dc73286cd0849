/// The repeated n-grams of a document's tokens, n = 2, 3, … in turn, for the Gopher repetition
/// rules: the most frequent n-gram (``QualityRule/top2Gram`` …) and the characters in duplicate
/// n-grams (``QualityRule/dup5Gram`` …).
///
/// An n-gram is a run of n token hashes, compared by its hash `hash(n−1-gram, last token)`
/// (``combine(_:_:)``). An n-gram can only occur twice where both (n−1)-grams inside it occur
/// twice, so level n hashes and counts only the positions whose (n−1)-gram and the next one
/// are repeated: after the bigrams, the work is proportional to the repeated part of the
/// document. Positions left out hold n-grams that occur once, which neither score counts
/// (beyond "every n-gram occurs once"); so the scores are those of counting every position,
/// unless two different token sequences have the same 64-bit hash, where both are wrong.
///
/// One per worker: the buffers are reused from document to document.
struct RepeatedNGrams {
  /// The level: the n of the n-grams below (0 before the first ``advance(to:tokens:)``).
  private(set) var n = 0
  /// The most frequent n-gram: its occurrences, and the token position of its first one (the
  /// first n-gram of the document when every n-gram occurs once).
  private(set) var mostFrequent = (count: 0, first: 0)
  /// Ascending token positions whose n-gram occurs more than once, and their n-gram hashes
  /// (`repeatedCount` of each).
  private var positions: [Int] = []
  private var keys: [UInt64] = []
  private var repeatedCount = 0
  /// The positions of a level that may hold repeated n-grams, their hashes, and whether each is
  /// repeated.
  private var candidatePositions: [Int] = []
  private var candidateKeys: [UInt64] = []
  private var isRepeated: [Bool] = []
  private var counts = U64Table()
  private var seen = U64Table()

  /// The hash of an n-gram from that of its first n−1 tokens and the hash of its last token.
  @inline(__always)
  static func combine(_ gram: UInt64, _ token: UInt64) -> UInt64 {
    MurmurHash3.fmix64((gram &* 0x9E37_79B9_7F4A_7C15) ^ token)
  }

  /// Forgets the levels of the previous document.
  mutating func reset() { n = 0 }

  /// Moves to level `n` (≥ 2) over the token hashes `tokens` (at least `n` of them), level by
  /// level from the current one, or from 2 when `n` is below it.
  ///
  /// - Complexity: O(t) hash-table work for the bigrams of t tokens, then O(r) per level for r
  ///   repeated (n−1)-grams.
  mutating func advance(to n: Int, tokens: UnsafeBufferPointer<UInt64>) {
    let t = tokens.count
    if n < self.n { self.n = 0 }
    if candidateKeys.count < t {
      positions = Array(repeating: 0, count: t)
      keys = Array(repeating: 0, count: t)
      candidatePositions = Array(repeating: 0, count: t)
      candidateKeys = Array(repeating: 0, count: t)
      isRepeated = Array(repeating: false, count: t)
    }
    let h = tokens.baseAddress.unsafelyUnwrapped
    while self.n < n {
      let level = self.n < 2 ? 2 : self.n + 1
      var candidates = 0
      candidatePositions.withUnsafeMutableBufferPointer { candidatePositions in
        candidateKeys.withUnsafeMutableBufferPointer { candidateKeys in
          let p = candidatePositions.baseAddress.unsafelyUnwrapped
          let k = candidateKeys.baseAddress.unsafelyUnwrapped
          if level == 2 {
            for i in 0..<t - 1 {
              p[i] = i
              k[i] = Self.combine(h[i], h[i + 1])
            }
            candidates = t - 1
          } else {
            positions.withUnsafeBufferPointer { positions in
              keys.withUnsafeBufferPointer { keys in
                let last = level - 1
                var j = 0
                while j + 1 < repeatedCount {
                  let i = positions[j]
                  if positions[j + 1] == i + 1 {
                    p[candidates] = i
                    k[candidates] = Self.combine(keys[j], h[i + last])
                    candidates += 1
                  }
                  j += 1
                }
              }
            }
          }
        }
      }
      countCandidates(candidates)
      self.n = level
    }
  }

  /// Counts the first `candidates` candidates: the most frequent n-gram, and the repeated ones
  /// into `positions` and `keys`.
  private mutating func countCandidates(_ candidates: Int) {
    counts.reset(expected: candidates)
    var best = 0
    var bestFirst = 0
    var repeated = 0
    candidateKeys.withUnsafeBufferPointer { candidateKeys in
      isRepeated.withUnsafeMutableBufferPointer { isRepeated in
        for j in 0..<candidates {
          let (count, first) = counts.increment(candidateKeys[j], index: j)
          isRepeated[j] = count > 1
          guard count > 1 else { continue }
          if count == 2 { isRepeated[first] = true }
          // Python's `Counter.most_common(1)` (only repeated n-grams count): among equal
          // counts, the first seen.
          if count > best || (count == best && first < bestFirst) {
            best = count
            bestFirst = first
          }
        }
      }
    }
    candidatePositions.withUnsafeBufferPointer { candidatePositions in
      candidateKeys.withUnsafeBufferPointer { candidateKeys in
        isRepeated.withUnsafeBufferPointer { isRepeated in
          positions.withUnsafeMutableBufferPointer { positions in
            keys.withUnsafeMutableBufferPointer { keys in
              for j in 0..<candidates where isRepeated[j] {
                positions[repeated] = candidatePositions[j]
                keys[repeated] = candidateKeys[j]
                repeated += 1
              }
            }
          }
        }
      }
      mostFrequent = best > 1 ? (best, candidatePositions[bestFirst]) : (1, 0)
    }
    repeatedCount = repeated
  }

  /// The scalars in duplicate n-grams, as datatrove's `find_all_duplicate` counts them: n-grams
  /// in order, each one seen before counted and the n-1 after it skipped; `lengthPrefix[k]` is
  /// the scalars in tokens `0..<k`.
  ///
  /// Only repeated n-grams can have been seen before, so only they are looked at.
  ///
  /// - Complexity: O(r) for r repeated n-grams.
  mutating func duplicateLength(lengthPrefix: UnsafeBufferPointer<Int>) -> Int {
    seen.reset(expected: repeatedCount)
    var next = 0
    var length = 0
    positions.withUnsafeBufferPointer { positions in
      keys.withUnsafeBufferPointer { keys in
        for j in 0..<repeatedCount {
          let i = positions[j]
          if i < next { continue }
          if seen.insert(keys[j]) {
            next = i + 1
          } else {
            length += lengthPrefix[i + n] - lengthPrefix[i]
            next = i + n
          }
        }
      }
    }
    return length
  }
}
