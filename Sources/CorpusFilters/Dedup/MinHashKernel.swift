import CMinHashKernel

/// The inner loop of ``MinHasher``: the C target `CMinHashKernel` in its instruction-set variants.
///
/// All variants give the same minimums; ``best`` is the fastest this CPU runs.
enum MinHashKernel: Int32, CaseIterable, Sendable {
  /// Plain C for the baseline target (SSE2 on x86-64: the 32-bit lane multiply is emulated).
  case portable = 0
  /// SSE4.1: `pmulld`, 4 lanes per instruction.
  case sse41 = 1
  /// AVX2: `vpmulld`, 8 lanes per instruction.
  case avx2 = 2

  /// The fastest variant this CPU runs.
  static let best = MinHashKernel(rawValue: dac_minhash_best_variant()) ?? .portable

  /// Whether this CPU runs the variant.
  var isAvailable: Bool { dac_minhash_variant_available(rawValue) != 0 }

  /// Lowers each `minimums[i]` to the least π_i(x) over the shingle values x in `values`, where
  /// π_i(x) = y ⊕ (y >> 15) with y = (x ⊕ `addends[i]`)·`multipliers[i]` mod 2³².
  ///
  /// - Precondition: the variant ``isAvailable``; the three hash buffers have the same count.
  /// - Complexity: O(values × hashes); with AVX2 about 20 cycles per value for 112 hashes.
  func update(
    values: UnsafeBufferPointer<UInt32>, multipliers: UnsafeBufferPointer<UInt32>,
    addends: UnsafeBufferPointer<UInt32>, minimums: UnsafeMutableBufferPointer<UInt32>
  ) {
    precondition(multipliers.count == minimums.count && addends.count == minimums.count)
    guard let mins = minimums.baseAddress, let x = values.baseAddress, !values.isEmpty else { return }
    dac_minhash_update(
      rawValue, x, values.count, multipliers.baseAddress, addends.baseAddress, mins, minimums.count)
  }

  /// Sets each `values[i]` to the 32-bit value of the shingle of `shingle` words from word i:
  /// h = `start`, then h = fmix64(h ⊕ `words[i + k]`) for k < `shingle` (MurmurHash3's
  /// ``MurmurHash3/fmix64(_:)``), folded to h ⊕ (h >> 32).
  ///
  /// - Precondition: the variant ``isAvailable``; `words` holds `values.count + shingle - 1`
  ///   hashes (or `values` is empty).
  /// - Complexity: O(values × shingle); sixteen shingles at a time in four 4-lane vectors
  ///   (AVX2; SSE4.1 runs the portable code, which SSE2 serves as well).
  func shingles(
    words: UnsafeBufferPointer<UInt64>, shingle: Int, start: UInt64, values: UnsafeMutableBufferPointer<UInt32>
  ) {
    guard let v = values.baseAddress, let w = words.baseAddress, !values.isEmpty else { return }
    precondition(shingle > 0 && words.count >= values.count + shingle - 1)
    dac_minhash_shingles(rawValue, w, values.count, shingle, start, v)
  }
}
