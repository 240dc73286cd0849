/// A direct-mapped cache of the xxHash64 values of words of up to 7 bytes and whether each is a
/// stop word: the same few hundred short words make up most of a text's tokens, and a lookup
/// costs a multiplication where the hash costs a dozen.
///
/// A word's key is its bytes (little-endian, zero above) with its byte count in the top byte,
/// which no other word of up to 7 bytes shares, so a hit returns exactly the word's values.
struct ShortWordCache {
  /// One cached word: its key, with the top bit set for a stop word (key 0: empty; every key
  /// has a non-zero count), and its hash.
  struct Entry {
    var taggedKey: UInt64 = 0
    var hash: UInt64 = 0

    init() {}

    init(key: UInt64, hash: UInt64, isStopWord: Bool) {
      taggedKey = key | (isStopWord ? 1 << 63 : 0)
      self.hash = hash
    }

    /// The key of the cached word.
    @inline(__always) var key: UInt64 { taggedKey & ~(1 << 63) }

    /// Whether the cached word is a stop word.
    @inline(__always) var isStopWord: Bool { taggedKey >> 63 != 0 }
  }

  static let slotBits = 12
  var entries = [Entry](repeating: Entry(), count: 1 << slotBits)

  /// The key of the word of `count` (1…7) bytes in the low bytes of `word`.
  @inline(__always)
  static func key(_ word: UInt64, count: Int) -> UInt64 {
    word & ((1 &<< UInt64(count &* 8)) &- 1) | UInt64(truncatingIfNeeded: count) &<< 56
  }

  /// The slot of `key`.
  @inline(__always)
  static func slot(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> UInt64(64 - slotBits))
  }
}
