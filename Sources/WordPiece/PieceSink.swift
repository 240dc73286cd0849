/// WordPiece over one word: greedy longest-match-first in the trie, `##` continuation, and the
/// whole word as the unknown token when any position has no match.
struct PieceSink: WordSink {
  let units: UnsafePointer<ByteTrie.Unit>
  let continuationNode: Int
  let unknownID: Int32
  let maxChars: Int
  var ids: [Int32]

  @inline(__always)
  mutating func special(_ id: Int32) { ids.append(id) }

  @inline(__always)
  mutating func word(_ w: UnsafePointer<UInt8>, _ m: Int) {
    if m > maxChars {
      var chars = 0
      for k in 0..<m where w[k] & 0xC0 != 0x80 { chars &+= 1 }
      if chars > maxChars {
        ids.append(unknownID)
        return
      }
    }
    let mark = ids.count
    var start = 0
    var root = ByteTrie.root
    while start < m {
      guard root >= 0 else { break }
      var node = root
      var j = start
      var found: Int32 = -1
      var foundEnd = start
      while j < m {
        let t = Int(units[node].base) &+ Int(w[j])
        guard units[t].check == Int32(truncatingIfNeeded: node) else { break }
        node = t
        j &+= 1
        let value = units[t].value
        if value >= 0 {
          found = value
          foundEnd = j
        }
      }
      guard found >= 0 else { break }
      ids.append(found)
      start = foundEnd
      root = continuationNode
    }
    if start < m {
      ids.removeSubrange(mark...)
      ids.append(unknownID)
    }
  }
}
