/// Byte-pair merging over weighted words: the candidate generator of ``WordPieceTrainer``.
///
/// Words are sequences of token ids (a first character, then `##`-prefixed characters). Each
/// step merges the most frequent adjacent pair (ties: the smaller pair of ids, so the result
/// is deterministic) into a new token, the left token's bytes followed by the right token's
/// bytes without the continuation prefix, as HF's `WordPieceTrainer` does.
///
/// Pair counts live in a dictionary and a max-heap with lazy deletion; each pair also keeps
/// the list of words it occurs in, so a merge touches only those words.
struct PairMerger {
  /// Bytes of every token, indexed by id.
  private(set) var tokens: [[UInt8]]
  /// Id of every token, by bytes (never by `String`).
  private var ids: [[UInt8]: Int32]
  private let prefixLength: Int

  private var symbols: [Int32] = []
  private var starts: [Int] = []
  private var lengths: [Int32] = []
  private var frequencies: [Int64] = []
  private var pairCounts: [UInt64: Int64] = [:]
  private var pairWords: [UInt64: [Int32]] = [:]
  private var heap = PairHeap()
  private var stamps: [UInt32] = []
  private var stamp: UInt32 = 0

  /// Starts from `tokens` (specials and alphabet) and the words as token-id sequences.
  init(tokens: [[UInt8]], prefixLength: Int, words: [(symbols: [Int32], frequency: Int64)]) {
    self.tokens = tokens
    self.prefixLength = prefixLength
    ids = Dictionary(tokens.enumerated().map { ($0.element, Int32($0.offset)) }, uniquingKeysWith: { a, _ in a })
    starts.reserveCapacity(words.count)
    for (w, word) in words.enumerated() {
      starts.append(symbols.count)
      symbols.append(contentsOf: word.symbols)
      lengths.append(Int32(word.symbols.count))
      frequencies.append(word.frequency)
      for i in 0..<max(0, word.symbols.count - 1) {
        let key = pairKey(word.symbols[i], word.symbols[i + 1])
        pairCounts[key, default: 0] += word.frequency
        pairWords[key, default: []].append(Int32(w))
      }
    }
    stamps = Array(repeating: 0, count: words.count)
    for (key, count) in pairCounts { heap.push(count, key) }
  }

  /// Merges pairs until there are `size` tokens or no pair occurs `minFrequency` times.
  ///
  /// Returns the ids of the tokens created, in order.
  mutating func merge(until size: Int, minFrequency: Int64) -> [Int32] {
    var created: [Int32] = []
    var touched: [UInt64: Bool] = [:]
    while tokens.count < size, let (count, key) = heap.pop() {
      let current = pairCounts[key] ?? 0
      if current != count {
        if current > 0 { heap.push(current, key) }
        continue
      }
      if current < max(1, minFrequency) { break }
      let a = Int32(truncatingIfNeeded: key >> 32)
      let b = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)
      let bytes = tokens[Int(a)] + tokens[Int(b)].dropFirst(prefixLength)
      let c: Int32
      if let existing = ids[bytes] {
        c = existing
      } else {
        c = Int32(tokens.count)
        tokens.append(bytes)
        ids[bytes] = c
        created.append(c)
      }
      stamp &+= 1
      touched.removeAll(keepingCapacity: true)
      for w in pairWords.removeValue(forKey: key) ?? [] where stamps[Int(w)] != stamp {
        stamps[Int(w)] = stamp
        mergeWord(Int(w), a, b, c, touched: &touched)
      }
      pairCounts[key] = nil
      for key in touched.keys {
        if let count = pairCounts[key], count > 0 { heap.push(count, key) }
      }
    }
    return created
  }

  /// Replaces every (a, b) in word `w` by `c`, left to right, and updates the pair counts.
  private mutating func mergeWord(_ w: Int, _ a: Int32, _ b: Int32, _ c: Int32, touched: inout [UInt64: Bool]) {
    let start = starts[w]
    let n = Int(lengths[w])
    let f = frequencies[w]
    var found = false
    for i in start..<(start + n - 1) where symbols[i] == a && symbols[i + 1] == b {
      found = true
      break
    }
    guard found else { return }
    for i in start..<(start + n - 1) {
      let key = pairKey(symbols[i], symbols[i + 1])
      let left = (pairCounts[key] ?? 0) - f
      pairCounts[key] = left > 0 ? left : nil
    }
    var out = start
    var i = start
    while i < start + n {
      if i + 1 < start + n, symbols[i] == a, symbols[i + 1] == b {
        symbols[out] = c
        i += 2
      } else {
        symbols[out] = symbols[i]
        i += 1
      }
      out += 1
    }
    lengths[w] = Int32(out - start)
    for i in start..<max(start, out - 1) {
      let key = pairKey(symbols[i], symbols[i + 1])
      pairCounts[key, default: 0] += f
      if symbols[i] == c || symbols[i + 1] == c {
        pairWords[key, default: []].append(Int32(w))
        touched[key] = true
      }
    }
  }
}

@inline(__always)
func pairKey(_ a: Int32, _ b: Int32) -> UInt64 {
  UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
}

/// A binary max-heap of (count, pair), larger count first, then smaller pair key.
struct PairHeap {
  private var items: [(count: Int64, key: UInt64)] = []

  @inline(__always)
  private static func above(_ x: (count: Int64, key: UInt64), _ y: (count: Int64, key: UInt64)) -> Bool {
    x.count != y.count ? x.count > y.count : x.key < y.key
  }

  mutating func push(_ count: Int64, _ key: UInt64) {
    items.append((count, key))
    var i = items.count - 1
    while i > 0 {
      let parent = (i - 1) / 2
      guard PairHeap.above(items[i], items[parent]) else { break }
      items.swapAt(i, parent)
      i = parent
    }
  }

  mutating func pop() -> (Int64, UInt64)? {
    guard let top = items.first else { return nil }
    let last = items.removeLast()
    if !items.isEmpty {
      items[0] = last
      var i = 0
      while true {
        let l = 2 * i + 1
        let r = l + 1
        var best = i
        if l < items.count, PairHeap.above(items[l], items[best]) { best = l }
        if r < items.count, PairHeap.above(items[r], items[best]) { best = r }
        if best == i { break }
        items.swapAt(i, best)
        i = best
      }
    }
    return (top.count, top.key)
  }
}
