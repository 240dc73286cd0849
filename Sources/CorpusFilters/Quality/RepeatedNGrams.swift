/// The repeated n-grams of a document's tokens, n = 2, 3, … in turn, for the Gopher repetition
/// rules: the most frequent n-gram (``QualityRule/top2Gram`` …) and the characters in duplicate
/// n-grams (``QualityRule/dup5Gram`` …).
///
/// An n-gram is a run of n token hashes, compared by its hash `hash(n−1-gram, last token)`
/// (``combine(_:_:)``; a bigram by ``bigram(_:_:)``). An n-gram can only occur twice where both (n−1)-grams inside it occur
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

  /// The hash of a bigram from the hashes of its tokens: without `combine`'s final mix, which
  /// the bigram table's slot function (``U64Table``) and the trigrams' ``combine(_:_:)`` apply
  /// anyway. Two different bigrams have the same hash only by the chance of two random 64-bit
  /// values (the multiplication is a bijection, and so is the xor with the second token).
  @inline(__always)
  static func bigram(_ first: UInt64, _ second: UInt64) -> UInt64 {
    (first &* 0x9E37_79B9_7F4A_7C15) ^ second
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
      // Grown geometrically: documents come in every size.
      let capacity = max(t, 2 * candidateKeys.count)
      positions = Array(repeating: 0, count: capacity)
      keys = Array(repeating: 0, count: capacity)
      candidatePositions = Array(repeating: 0, count: capacity)
      candidateKeys = Array(repeating: 0, count: capacity)
      isRepeated = Array(repeating: false, count: capacity)
    }
    let h = tokens.baseAddress.unsafelyUnwrapped
    while self.n < n {
      let level = self.n < 2 ? 2 : self.n + 1
      let repeatedBefore = repeatedCount
      let result = positions.withUnsafeMutableBufferPointer { positions in
        keys.withUnsafeMutableBufferPointer { keys in
          candidatePositions.withUnsafeMutableBufferPointer { candidatePositions in
            candidateKeys.withUnsafeMutableBufferPointer { candidateKeys in
              isRepeated.withUnsafeMutableBufferPointer { isRepeated in
                let level = Level(
                  positions: positions.baseAddress.unsafelyUnwrapped, keys: keys.baseAddress.unsafelyUnwrapped,
                  isRepeated: isRepeated.baseAddress.unsafelyUnwrapped)
                if self.n < 2 {
                  // Every position is a candidate: its bigram is hashed as it is counted.
                  return level.count(t - 1, table: &counts) { i in (i, Self.bigram(h[i], h[i + 1])) }
                }
                let p = candidatePositions.baseAddress.unsafelyUnwrapped
                let k = candidateKeys.baseAddress.unsafelyUnwrapped
                let last = self.n
                var candidates = 0
                var j = 0
                while j + 1 < repeatedBefore {
                  let i = positions[j]
                  if positions[j + 1] == i + 1 {
                    p[candidates] = i
                    k[candidates] = Self.combine(keys[j], h[i + last])
                    candidates += 1
                  }
                  j += 1
                }
                return level.count(candidates, table: &counts) { j in (p[j], k[j]) }
              }
            }
          }
        }
      }
      (mostFrequent, repeatedCount) = result
      self.n = level
    }
  }

  /// Where one level's counting puts its repeated n-grams.
  private struct Level {
    /// Ascending token positions of the repeated n-grams, and their hashes.
    let positions: UnsafeMutablePointer<Int>
    let keys: UnsafeMutablePointer<UInt64>
    /// Per candidate, whether its n-gram is repeated.
    let isRepeated: UnsafeMutablePointer<Bool>

    /// Counts `candidates` candidates in `table`, the j-th at the token position and with the
    /// n-gram hash `candidate(j)` (positions ascending), and writes the repeated ones to
    /// ``positions`` and ``keys``; returns the most frequent n-gram (as
    /// ``RepeatedNGrams/mostFrequent``) and the repeated n-grams written.
    ///
    /// - Complexity: O(candidates) hash-table work.
    @inline(__always)
    func count(
      _ candidates: Int, table: inout U64Table, _ candidate: (Int) -> (position: Int, key: UInt64)
    ) -> (mostFrequent: (count: Int, first: Int), repeated: Int) {
      table.reset(expected: candidates)
      var best = 0
      var bestFirst = 0
      for j in 0..<candidates {
        let (count, first) = table.increment(candidate(j).key, index: j)
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
      var repeated = 0
      for j in 0..<candidates where isRepeated[j] {
        (positions[repeated], keys[repeated]) = candidate(j)
        repeated += 1
      }
      return (best > 1 ? (best, candidate(bestFirst).position) : (1, 0), repeated)
    }
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
