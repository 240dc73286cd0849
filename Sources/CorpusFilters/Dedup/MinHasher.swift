/// MinHash signatures of documents over word shingles (FineWeb: word 5-grams, 14 bands × 8 rows).
///
/// Words are the white-space-separated tokens of the text, each normalized like a line key
/// (``NormalizedWords``); tokens that normalize to nothing are skipped. A shingle is `shingle`
/// consecutive words; a document with fewer words has one shingle of all its words, and one
/// without words has no signature.
///
/// Each shingle is hashed to 32 bits (xxHash64 of the words, seeded, combined and folded);
/// minhash i is the minimum over the shingles of π_i(x), where π_i is a seeded bijection of the
/// 32-bit integers: y = (x ⊕ b_i)·a_i mod 2³² (a_i odd), then y ⊕ (y >> 15). The a_i, b_i come
/// from SplitMix64(seed), so signatures are identical across runs and machines. (Tests check
/// that the estimates are unbiased and that band collisions follow 1 − (1 − s^r)^b.)
///
/// - Complexity: O(words × (shingle + bands × rows / 8)): a chain of `shingle` fmix64 per
///   shingle, then ``MinHashKernel`` (eight minhashes per SIMD step, 5 instructions each; about
///   7 ns per shingle for 112 hashes with AVX2).
public struct MinHasher: Sendable {
  /// The parameters.
  public let config: MinHashConfig
  /// The permutation seed.
  public let seed: UInt64
  /// The a_i and b_i of the permutations, `config.hashes` each.
  private let multipliers: [UInt32]
  private let addends: [UInt32]
  private let kernel = MinHashKernel.best
  private var words = NormalizedWords()
  /// The 32-bit values of the shingles of the last text, then unused ones.
  private var shingleValues: [UInt32] = Array(repeating: 0, count: 128)

  /// A hasher for `config`, with permutations from `seed`.
  public init(config: MinHashConfig, seed: UInt64) {
    self.config = config
    self.seed = seed
    var state = seed
    func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    var multipliers: [UInt32] = []
    var addends: [UInt32] = []
    for _ in 0..<config.hashes {
      let r = next()
      multipliers.append(UInt32(truncatingIfNeeded: r) | 1)
      addends.append(UInt32(truncatingIfNeeded: r >> 32))
    }
    self.multipliers = multipliers
    self.addends = addends
  }

  /// The signature of `text` (`bands × rows` values), or `nil` when it has no words.
  public mutating func signature(_ text: String) -> [UInt32]? {
    text.withUTF8Bytes { signature($0) }
  }

  /// The signature of UTF-8 `bytes`, or `nil` when they have no words.
  public mutating func signature(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt32]? {
    words.collect(bytes, seed: seed)
    guard words.count > 0 else { return nil }
    let shingles = hashShingles()
    var result = [UInt32](repeating: .max, count: config.hashes)
    shingleValues.withUnsafeBufferPointer { values in
      multipliers.withUnsafeBufferPointer { a in
        addends.withUnsafeBufferPointer { b in
          result.withUnsafeMutableBufferPointer {
            kernel.update(
              values: UnsafeBufferPointer(rebasing: values[0..<shingles]), multipliers: a, addends: b, minimums: $0)
          }
        }
      }
    }
    return result
  }

  /// Fills `shingleValues` from the word hashes and returns the number of shingles: per
  /// shingle, a seeded fmix64 chain over its words, folded to 32 bits.
  ///
  /// - Complexity: O(words × shingle), in ``MinHashKernel/shingles(words:shingle:start:values:)``.
  private mutating func hashShingles() -> Int {
    let n = min(config.shingle, words.count)
    let shingles = words.count - n + 1
    if shingleValues.count < shingles { shingleValues = Array(repeating: 0, count: shingles) }
    let start = MurmurHash3.fmix64(seed ^ 0x7368_696E_676C_65)  // "shingle"
    let kernel = self.kernel
    words.withHashes { hashes in
      shingleValues.withUnsafeMutableBufferPointer { values in
        kernel.shingles(
          words: hashes, shingle: n, start: start, values: UnsafeMutableBufferPointer(rebasing: values[0..<shingles]))
      }
    }
    return shingles
  }

  /// ``LineNormalizer/exactKey(_:)`` of the text last passed to ``signature(_:)``,
  /// from the words it normalized (one pass over the text for both).
  func exactKeyOfLastText() -> Hash128 { words.exactKey() }

  /// Appends the line keys of the text last passed to ``signature(_:)`` to `keys`, from the
  /// words it normalized (``NormalizedWords/lineKeys(into:)``).
  func lineKeysOfLastText(into keys: inout [LineKey]) { words.lineKeys(into: &keys) }

  /// The LSH bucket key of band `band` (rows `band·rows ..< (band+1)·rows` of `signature`).
  public static func bandHash(_ signature: UnsafeBufferPointer<UInt32>, band: Int, rows: Int) -> UInt64 {
    var h = MurmurHash3.fmix64(UInt64(band) &+ 0x6261_6E64)  // "band"
    for r in 0..<rows { h = MurmurHash3.fmix64(h ^ UInt64(signature[band * rows + r])) }
    return h
  }

  /// The share of equal positions of two signatures: the estimate of their Jaccard similarity.
  public static func similarity(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> Double {
    let n = min(a.count, b.count)
    guard n > 0 else { return 0 }
    var equal = 0
    for i in 0..<n where a[i] == b[i] { equal += 1 }
    return Double(equal) / Double(n)
  }

  /// ``similarity(_:_:)`` of two arrays.
  public static func similarity(_ a: [UInt32], _ b: [UInt32]) -> Double {
    a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in similarity(x, y) } }
  }

  /// The probability that two documents of Jaccard similarity `s` share a band: 1 − (1 − s^r)^b.
  public static func candidateProbability(similarity s: Double, bands: Int, rows: Int) -> Double {
    var sr = 1.0
    for _ in 0..<rows { sr *= s }
    var miss = 1.0
    for _ in 0..<bands { miss *= 1 - sr }
    return 1 - miss
  }
}

/// What the ingest phase keeps of a document for deduplication.
public struct DocumentSignature: Sendable, Equatable {
  /// MurmurHash3-128 of the normalized text (``LineNormalizer/exactKey(_:)``), when exact dedup is on.
  public var exact: Hash128?
  /// The MinHash signature, when near-duplicate dedup is on and the text has words.
  public var minhash: [UInt32]?

  /// Creates a signature.
  public init(exact: Hash128?, minhash: [UInt32]?) {
    self.exact = exact
    self.minhash = minhash
  }
}

/// Computes ``DocumentSignature``s under a ``DedupConfig`` (one per worker).
public struct DedupSigner: Sendable {
  /// The config.
  public let config: DedupConfig
  private var normalizer = LineNormalizer()
  private var hasher: MinHasher

  /// A signer; the MinHash seed is `config.minhash.seed` or else `pipelineSeed`.
  public init(config: DedupConfig, pipelineSeed: UInt64) {
    self.config = config
    hasher = MinHasher(config: config.minhash, seed: config.minhash.effectiveSeed(pipelineSeed: pipelineSeed))
  }

  /// The seed of the permutations.
  public var seed: UInt64 { hasher.seed }

  /// The signature of `text`.
  ///
  /// - Complexity: O(n) for the exact key, plus ``MinHasher``'s cost.
  public mutating func sign(_ text: String) -> DocumentSignature {
    text.withUTF8Bytes { bytes in
      guard config.minhash.enabled else {
        return DocumentSignature(exact: config.exact ? normalizer.exactKey(bytes) : nil, minhash: nil)
      }
      let minhash = hasher.signature(bytes)
      return DocumentSignature(exact: config.exact ? hasher.exactKeyOfLastText() : nil, minhash: minhash)
    }
  }

  /// The signature of `text`, and in `lineKeys` (emptied first) the ``LineNormalizer/key(_:)``
  /// of each of its lines (``TextLines``), for ``LineCountAccumulator``.
  ///
  /// With MinHash on, the line keys come from the words' normalization: one pass for both.
  public mutating func sign(_ text: String, lineKeys: inout [LineKey]) -> DocumentSignature {
    let signature = sign(text)
    lineKeys.removeAll(keepingCapacity: true)
    if config.minhash.enabled {
      hasher.lineKeysOfLastText(into: &lineKeys)
    } else {
      text.withUTF8Bytes { bytes in
        TextLines.forEach(bytes) { lineKeys.append(normalizer.key(UnsafeBufferPointer(rebasing: bytes[$0]))) }
      }
    }
    return signature
  }
}
