/// Greedy-encoding statistics for pruning.
enum VocabularyPruning {
  /// Encodes every word greedily with the trie's pieces and returns each piece's use (weighted
  /// by word frequency) and the total number of pieces.
  static func usage(
    trie: ByteTrie, continuation: Int, tokenCount: Int, words: FlatWords, frequencies: [Int64]
  ) -> ([Int64], Int64) {
    var usage = [Int64](repeating: 0, count: tokenCount)
    var total: Int64 = 0
    trie.units.withUnsafeBufferPointer { units in
      words.bytes.withUnsafeBufferPointer { bytes in
        let base = bytes.baseAddress.unsafelyUnwrapped
        var pieces = PieceSink(
          units: units.baseAddress.unsafelyUnwrapped, continuationNode: continuation, unknownID: -1,
          maxChars: Int.max, ids: [])
        for w in 0..<frequencies.count {
          pieces.ids.removeAll(keepingCapacity: true)
          let start = words.offsets[w]
          pieces.word(base + start, words.offsets[w + 1] - start)
          let f = frequencies[w]
          total += f * Int64(pieces.ids.count)
          for id in pieces.ids where id >= 0 { usage[Int(id)] += f }
        }
      }
    }
    return (usage, total)
  }
}

/// Words stored back to back.
struct FlatWords {
  var bytes: [UInt8] = []
  var offsets: [Int] = [0]

  init(_ words: [[UInt8]]) {
    for word in words {
      bytes += word
      offsets.append(bytes.count)
    }
    if bytes.isEmpty { bytes = [0] }  // a valid base address even without words
  }
}
