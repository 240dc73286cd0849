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
  /// Pair → (count, index into `pairWords`).
  private var pairs = PairTable()
  /// Per pair, the words it has occurred in (may repeat, may be stale).
  private var pairWords: [[Int32]] = []
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
        let slot = addCount(pairKey(word.symbols[i], word.symbols[i + 1]), word.frequency)
        pairWords[Int(pairs.lists[slot])].append(Int32(w))
      }
    }
    stamps = Array(repeating: 0, count: words.count)
    pairs.forEach { key, count in if count > 0 { heap.push(count, key) } }
  }

  /// Adds `amount` to the count of `key` and returns its slot (creating its word list).
  @inline(__always)
  private mutating func addCount(_ key: UInt64, _ amount: Int64) -> Int {
    let (slot, inserted) = pairs.slot(key)
    if inserted {
      pairs.lists[slot] = Int32(pairWords.count)
      pairWords.append([])
    }
    pairs.counts[slot] += amount
    return slot
  }

  /// Merges pairs until there are `size` tokens or no pair occurs `minFrequency` times.
  ///
  /// Returns the ids of the tokens created, in order.
  mutating func merge(until size: Int, minFrequency: Int64) -> [Int32] {
    var created: [Int32] = []
    var touched: [UInt64] = []
    while tokens.count < size, let (count, key) = heap.pop() {
      let slot = pairs.find(key)
      let current = slot.map { pairs.counts[$0] } ?? 0
      if current != count {
        if current > 0 { heap.push(current, key) }
        continue
      }
      guard let slot, current >= max(1, minFrequency) else { break }
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
      let list = Int(pairs.lists[slot])
      let words = pairWords[list]
      pairWords[list] = []
      for w in words where stamps[Int(w)] != stamp {
        stamps[Int(w)] = stamp
        mergeWord(Int(w), a, b, c, touched: &touched)
      }
      for key in touched {
        if let s = pairs.find(key), pairs.counts[s] > 0, pairs.marks[s] == stamp {
          pairs.marks[s] = 0
          heap.push(pairs.counts[s], key)
        }
      }
    }
    return created
  }

  /// Replaces every (a, b) in word `w` by `c`, left to right, and updates the pair counts of
  /// the neighbours of each replacement (as HF's `Word::merge` does).
  private mutating func mergeWord(_ w: Int, _ a: Int32, _ b: Int32, _ c: Int32, touched: inout [UInt64]) {
    let start = starts[w]
    let end = start + Int(lengths[w])
    let f = frequencies[w]
    var out = start
    var i = start
    var merged = false
    while i < end {
      if i + 1 < end, symbols[i] == a, symbols[i + 1] == b {
        merged = true
        if out > start {
          let previous = symbols[out - 1]
          _ = addCount(pairKey(previous, a), -f)
          note(pairKey(previous, c), f, w, &touched)
        }
        if i + 2 < end {
          let following = symbols[i + 2]
          _ = addCount(pairKey(b, following), -f)
          note(pairKey(c, following), f, w, &touched)
        }
        _ = addCount(pairKey(a, b), -f)
        symbols[out] = c
        i += 2
      } else {
        symbols[out] = symbols[i]
        i += 1
      }
      out += 1
    }
    if merged { lengths[w] = Int32(out - start) }
  }

  /// Adds to a pair that involves the new token and remembers to push it on the heap.
  @inline(__always)
  private mutating func note(_ key: UInt64, _ f: Int64, _ w: Int, _ touched: inout [UInt64]) {
    let slot = addCount(key, f)
    pairWords[Int(pairs.lists[slot])].append(Int32(w))
    if pairs.marks[slot] != stamp {
      pairs.marks[slot] = stamp
      touched.append(key)
    }
  }
}

@inline(__always)
func pairKey(_ a: Int32, _ b: Int32) -> UInt64 {
  UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
}
