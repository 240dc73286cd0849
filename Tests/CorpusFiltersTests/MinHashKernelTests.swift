import Testing

@testable import CorpusFilters

/// Every ``MinHashKernel`` variant the machine runs lowers the minimums exactly as the
/// definition does, for shingle counts around the vector width and hash counts that are not
/// multiples of 8.
@Suite struct MinHashKernelTests {
  /// The kernel's definition, one hash and one value at a time.
  static func reference(values: [UInt32], multipliers: [UInt32], addends: [UInt32], minimums: [UInt32]) -> [UInt32] {
    var result = minimums
    for x in values {
      for i in result.indices {
        let y = (x ^ addends[i]) &* multipliers[i]
        result[i] = min(result[i], y ^ (y >> 15))
      }
    }
    return result
  }

  @Test func portableAlwaysRunsAndBestRuns() {
    #expect(MinHashKernel.portable.isAvailable)
    #expect(MinHashKernel.best.isAvailable)
    #expect(MinHashKernel.allCases.filter(\.isAvailable).allSatisfy { $0.rawValue <= MinHashKernel.best.rawValue })
  }

  @Test(arguments: [0, 1, 7, 8, 9, 1000], [1, 7, 8, 15, 16, 24, 33, 40, 48, 112, 1021])
  func everyAvailableVariantMatchesTheDefinition(shingles: Int, hashes: Int) {
    var rng = SplitMix64(seed: UInt64(shingles * 10_000 + hashes))
    func random(_ count: Int) -> [UInt32] { (0..<count).map { _ in UInt32(truncatingIfNeeded: rng.next()) } }
    let values = random(shingles)
    let multipliers = random(hashes).map { $0 | 1 }
    let addends = random(hashes)
    // Half the starting minimums are "none yet", half random: the kernel only ever lowers them.
    let start = random(hashes).enumerated().map { $0.offset % 2 == 0 ? UInt32.max : $0.element }
    let expected = Self.reference(values: values, multipliers: multipliers, addends: addends, minimums: start)
    for kernel in MinHashKernel.allCases where kernel.isAvailable {
      var minimums = start
      values.withUnsafeBufferPointer { x in
        multipliers.withUnsafeBufferPointer { a in
          addends.withUnsafeBufferPointer { b in
            minimums.withUnsafeMutableBufferPointer {
              kernel.update(values: x, multipliers: a, addends: b, minimums: $0)
            }
          }
        }
      }
      #expect(minimums == expected, "\(kernel)")
    }
  }

  /// The shingle values' definition, one shingle at a time.
  static func referenceShingles(words: [UInt64], shingle: Int, start: UInt64) -> [UInt32] {
    guard words.count >= shingle else { return [] }
    return (0...(words.count - shingle)).map { i in
      var h = start
      for k in 0..<shingle { h = MurmurHash3.fmix64(h ^ words[i + k]) }
      return UInt32(truncatingIfNeeded: h ^ (h >> 32))
    }
  }

  @Test(arguments: [1, 2, 3, 4, 5, 15, 16, 17, 20, 21, 100, 1001], [1, 2, 5, 9])
  func everyAvailableVariantHashesShinglesAsTheDefinition(words count: Int, shingle: Int) {
    var rng = SplitMix64(seed: UInt64(count * 100 + shingle))
    let words = (0..<count).map { _ in rng.next() }
    let start = rng.next()
    let expected = Self.referenceShingles(words: words, shingle: shingle, start: start)
    for kernel in MinHashKernel.allCases where kernel.isAvailable {
      var values = [UInt32](repeating: 0, count: expected.count)
      words.withUnsafeBufferPointer { w in
        values.withUnsafeMutableBufferPointer { kernel.shingles(words: w, shingle: shingle, start: start, values: $0) }
      }
      #expect(values == expected, "\(kernel)")
    }
  }
}
