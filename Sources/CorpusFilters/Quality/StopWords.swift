/// The stop words of ``QualityTokens``, matched exactly by their ``TokenHash``: a membership
/// test is two loads and two comparisons, without a branch.
///
/// The hashes sit in a table of 2^b buckets of two entries, bucket = the top b bits of the
/// hash, with b the smallest that puts no more than two words in a bucket (at least one bucket
/// per word); entries no word fills repeat a word's hash. A token matches when its byte count is
/// at most the longest stop word's (so that no token matches an empty list) and its hash is in
/// its bucket.
struct StopWords {
  /// Two hashes per bucket.
  private var entries: [UInt64] = [0, 0, 0, 0]
  /// 64 − b.
  private var shift: UInt64 = 63
  /// UTF-8 bytes of the longest stop word (0 for none).
  private(set) var maxBytes = 0

  /// No stop words.
  init() {}

  /// The stop words `words` (empty strings never match).
  init(_ words: [String]) {
    let hashes = Array(Set(words.filter { !$0.isEmpty }.map(TokenHash.hash)))
    maxBytes = words.map(\.utf8.count).max() ?? 0
    guard let filler = hashes.first else { return }
    var bits: UInt64 = 1
    while 1 << bits < hashes.count { bits += 1 }
    while true {
      let shift = 64 - bits
      var table = [UInt64?](repeating: nil, count: 2 << bits)
      let fits = hashes.allSatisfy { hash in
        let bucket = Int(hash >> shift) * 2
        if table[bucket] == nil {
          table[bucket] = hash
        } else if table[bucket + 1] == nil {
          table[bucket + 1] = hash
        } else {
          return false
        }
        return true
      }
      if fits {
        (entries, self.shift) = (table.map { $0 ?? filler }, shift)
        return
      }
      bits += 1
    }
  }

  /// Whether the token of `bytes` bytes with hash `hash` is a stop word.
  ///
  /// - Complexity: O(1), branch-free.
  @inline(__always)
  func contains(_ hash: UInt64, bytes: Int) -> Bool {
    let bucket = Int(truncatingIfNeeded: hash &>> shift) &* 2
    let found = entries.withUnsafeBufferPointer { min($0[bucket] ^ hash, $0[bucket &+ 1] ^ hash) == 0 }
    return found && bytes <= maxBytes
  }

  /// Calls `body` with the table as the tokenizer kernel reads it (`dac_quality_tables`): the
  /// entries, the shift that gives a hash's bucket, and the longest stop word's byte count.
  func withTable<R>(_ body: (UnsafePointer<UInt64>, UInt64, Int) -> R) -> R {
    entries.withUnsafeBufferPointer { body($0.baseAddress.unsafelyUnwrapped, shift, maxBytes) }
  }
}
