/// A port of CPython's `random.Random`: the MT19937 generator of `Modules/_randommodule.c` and
/// the integer and float methods of `Lib/random.py` that the ELECTRA example builder uses.
///
/// Given the same seed, it yields exactly the numbers CPython yields after `random.seed(seed)`
/// (checked against fixtures written by `scripts/make_shards_fixtures.py`), so the `electra`
/// packing mode can reproduce google-research/electra's `build_pretraining_dataset.py` once that
/// script is patched to call `random.seed(S)`.
///
/// - Seeding (`random_seed` in `_randommodule.c`): the seed's absolute value is cut into 32-bit
///   words, least significant first, as many as its bit length needs (at least one, so 0 gives
///   `[0]`), and fed to MT19937's `init_by_array`.
/// - ``random()`` is `genrand_res53`: `(a * 2^26 + b) / 2^53` with `a = next32() >> 5`,
///   `b = next32() >> 6`.
/// - ``getrandbits(_:)`` fills 32-bit words from the least significant end; a last partial word
///   keeps the *high* bits of its draw.
/// - ``randbelow(_:)`` is `_randbelow_with_getrandbits`: draw `getrandbits(n.bit_length())`
///   until the value is below `n`. ``randint(_:_:)``, ``randrange(_:_:)`` and ``shuffle(_:)``
///   are built on it exactly as `Lib/random.py` builds them.
///
/// It is a value type: copying it forks the stream. It also conforms to
/// `RandomNumberGenerator` (``next()`` is `getrandbits(64)`), but Swift's own
/// `Int.random(in:using:)` and `shuffle(using:)` consume the stream differently from Python;
/// use the methods here when the numbers must match Python.
///
/// - Complexity: O(1) amortized per 32-bit draw (the 624-word state is regenerated every 624
///   draws); seeding is O(624 + number of seed words).
public struct PythonRandom: Sendable {
  private static let n = 624
  private static let m = 397
  private static let matrixA: UInt32 = 0x9908_B0DF
  private static let upperMask: UInt32 = 0x8000_0000
  private static let lowerMask: UInt32 = 0x7FFF_FFFF

  private var state: [UInt32]
  private var index: Int

  /// Seeds like `random.seed(seed)` in Python.
  ///
  /// Python seeds with the absolute value of an int, so
  /// `-5` and `5` give the same stream.
  public init(seed: Int) {
    self.init(seed: UInt64(seed.magnitude))
  }

  /// Seeds like `random.seed(seed)` in Python for a non-negative integer below 2^64.
  public init(seed: UInt64) {
    if seed >> 32 == 0 {
      self.init(seedWords: [UInt32(truncatingIfNeeded: seed)])
    } else {
      self.init(seedWords: [UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32)])
    }
  }

  /// Seeds like `random.seed(s)` in Python for a non-negative integer of any size.
  ///
  /// `s = Σ seedWords[i] · 2^(32·i)` (least significant word first). High zero words are
  /// ignored, as they are in Python; an empty array means 0.
  public init(seedWords: [UInt32]) {
    var key = seedWords
    while key.count > 1, key.last == 0 { key.removeLast() }
    if key.isEmpty { key = [0] }
    state = [UInt32](repeating: 0, count: Self.n)
    index = Self.n
    initByArray(key)
  }

  private mutating func initGenrand(_ seed: UInt32) {
    state[0] = seed
    for i in 1..<Self.n {
      let previous = state[i - 1]
      state[i] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(i)
    }
    index = Self.n
  }

  private mutating func initByArray(_ key: [UInt32]) {
    initGenrand(19_650_218)
    let n = Self.n
    var i = 1
    var j = 0
    var k = max(n, key.count)
    while k > 0 {
      let previous = state[i - 1]
      state[i] = (state[i] ^ ((previous ^ (previous >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(truncatingIfNeeded: j)
      i += 1
      j += 1
      if i >= n {
        state[0] = state[n - 1]
        i = 1
      }
      if j >= key.count { j = 0 }
      k -= 1
    }
    k = n - 1
    while k > 0 {
      let previous = state[i - 1]
      state[i] = (state[i] ^ ((previous ^ (previous >> 30)) &* 1_566_083_941)) &- UInt32(i)
      i += 1
      if i >= n {
        state[0] = state[n - 1]
        i = 1
      }
      k -= 1
    }
    state[0] = 0x8000_0000
  }

  private mutating func twist() {
    let n = Self.n
    let m = Self.m
    state.withUnsafeMutableBufferPointer { mt in
      @inline(__always) func mix(_ kk: Int, _ next: Int, _ far: Int) {
        let y = (mt[kk] & Self.upperMask) | (mt[next] & Self.lowerMask)
        mt[kk] = mt[far] ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : Self.matrixA)
      }
      for kk in 0..<(n - m) { mix(kk, kk + 1, kk + m) }
      for kk in (n - m)..<(n - 1) { mix(kk, kk + 1, kk + m - n) }
      mix(n - 1, 0, m - 1)
    }
    index = 0
  }

  /// The next 32-bit output of MT19937 (`genrand_uint32`).
  @inline(__always)
  public mutating func nextUInt32() -> UInt32 {
    if index >= Self.n { twist() }
    var y = state[index]
    index += 1
    y ^= y >> 11
    y ^= (y << 7) & 0x9D2C_5680
    y ^= (y << 15) & 0xEFC6_0000
    y ^= y >> 18
    return y
  }

  /// `random.random()`: a double in [0, 1) with 53 random bits.
  ///
  /// Consumes two 32-bit draws.
  public mutating func random() -> Double {
    let a = nextUInt32() >> 5
    let b = nextUInt32() >> 6
    return (Double(a) * 67_108_864.0 + Double(b)) * (1.0 / 9_007_199_254_740_992.0)
  }

  /// `random.getrandbits(k)` for `k` in 0...64: an integer with `k` random bits.
  ///
  /// Consumes `⌈k / 32⌉` draws. Values of `k` outside 0...64 are clamped into that range.
  public mutating func getrandbits(_ k: Int) -> UInt64 {
    var k = min(max(k, 0), 64)
    if k == 0 { return 0 }
    if k <= 32 { return UInt64(nextUInt32() >> UInt32(32 - k)) }
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while k > 0 {
      var r = nextUInt32()
      if k < 32 { r >>= UInt32(32 - k) }
      result |= UInt64(r) << shift
      shift += 32
      k -= 32
    }
    return result
  }

  /// `Random._randbelow_with_getrandbits(n)`: a uniform integer in `0..<n`.
  ///
  /// Draws `getrandbits(n.bit_length())` until the value is below `n`. Returns 0 without drawing when `n <= 0` (Python 3.12 also
  /// returns 0 for `n == 0`; negative `n` is an error there).
  public mutating func randbelow(_ n: Int) -> Int {
    guard n > 0 else { return 0 }
    let bound = UInt64(n)
    let k = UInt64.bitWidth - bound.leadingZeroBitCount
    var r = getrandbits(k)
    while r >= bound { r = getrandbits(k) }
    return Int(r)
  }

  /// `random.randrange(start, stop)`: `start + randbelow(stop - start)`.
  ///
  /// Returns `start` without drawing when the range is empty (Python raises `ValueError` there).
  public mutating func randrange(_ start: Int, _ stop: Int) -> Int {
    let (width, overflow) = stop.subtractingReportingOverflow(start)
    guard !overflow, width > 0 else { return start }
    return start + randbelow(width)
  }

  /// `random.randint(a, b)`: a uniform integer in `a...b`, both ends included.
  ///
  /// Returns `a` without drawing when `b < a` (Python raises `ValueError` there).
  public mutating func randint(_ a: Int, _ b: Int) -> Int {
    guard b < Int.max else { return a }
    return randrange(a, b + 1)
  }

  /// `random.shuffle(x)`: Fisher–Yates from the end, `j = randbelow(i + 1)` for
  /// `i = count-1 … 1`, so the result equals Python's for the same state.
  ///
  /// - Complexity: O(n) time, O(1) extra space.
  public mutating func shuffle<C: MutableCollection & RandomAccessCollection>(_ elements: inout C) {
    let count = elements.count
    guard count > 1 else { return }
    var i = count - 1
    while i >= 1 {
      let j = randbelow(i + 1)
      if i != j {
        elements.swapAt(
          elements.index(elements.startIndex, offsetBy: i), elements.index(elements.startIndex, offsetBy: j))
      }
      i -= 1
    }
  }
}

extension PythonRandom: RandomNumberGenerator {
  /// `getrandbits(64)`: two 32-bit draws, the first one in the low half.
  public mutating func next() -> UInt64 { getrandbits(64) }
}
