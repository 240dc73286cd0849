import Testing

@testable import CorpusFilters

/// ``RepeatedNGrams`` against counting every n-gram of every position, on token sequences from
/// small vocabularies (many repeats) and large ones (few).
@Suite struct RepeatedNGramsTests {
  struct Reference: Equatable {
    var mostFrequent: (count: Int, first: Int)
    var duplicateLength: Int
    static func == (a: Self, b: Self) -> Bool {
      a.mostFrequent == b.mostFrequent && a.duplicateLength == b.duplicateLength
    }
  }

  /// Every n-gram hashed and counted; datatrove's `find_all_duplicate` with a set of all n-grams.
  static func reference(_ tokens: [UInt64], _ lengthPrefix: [Int], n: Int) -> Reference {
    var grams = tokens
    for k in 1..<n {
      grams = (0..<grams.count - 1).map {
        k == 1 ? RepeatedNGrams.bigram(grams[$0], tokens[$0 + 1]) : RepeatedNGrams.combine(grams[$0], tokens[$0 + k])
      }
    }
    var counts: [UInt64: (count: Int, first: Int)] = [:]
    for (i, g) in grams.enumerated() { counts[g, default: (0, i)].count += 1 }
    var best = (count: 0, first: 0)
    for (count, first) in counts.values where count > best.count || (count == best.count && first < best.first) {
      best = (count, first)
    }
    var seen: Set<UInt64> = []
    var length = 0
    var i = 0
    while i < grams.count {
      if seen.insert(grams[i]).inserted {
        i += 1
      } else {
        length += lengthPrefix[i + n] - lengthPrefix[i]
        i += n
      }
    }
    return Reference(mostFrequent: best, duplicateLength: length)
  }

  @Test(arguments: [2, 3, 5, 1000])
  func levelsEqualCountingEveryPosition(vocabulary: Int) {
    var generator = SplitMix64(seed: UInt64(vocabulary))
    var ngrams = RepeatedNGrams()
    for _ in 0..<200 {
      let count = Int.random(in: 2...80, using: &generator)
      let tokens = (0..<count).map { _ in XXHash64.hash(String(Int.random(in: 0..<vocabulary, using: &generator))) }
      var lengthPrefix = [0]
      for _ in tokens { lengthPrefix.append(lengthPrefix.last! + Int.random(in: 1...9, using: &generator)) }
      ngrams.reset()
      // Ascending as the rules are checked, then descending (each level from 2 again).
      for n in Array(2...10) + Array((2...10).reversed()) where n <= count {
        tokens.withUnsafeBufferPointer { ngrams.advance(to: n, tokens: $0) }
        let length = lengthPrefix.withUnsafeBufferPointer { ngrams.duplicateLength(lengthPrefix: $0) }
        let measured = Reference(mostFrequent: ngrams.mostFrequent, duplicateLength: length)
        #expect(measured == Self.reference(tokens, lengthPrefix, n: n), "n = \(n), tokens \(tokens.count)")
      }
    }
  }
}
