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
