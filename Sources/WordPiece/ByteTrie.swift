/// A double-array trie over bytes: one transition is two array reads and a compare.
///
/// Node `s` has the child for byte `b` at index `t = base[s] + b` when `check[t] == s`. A node
/// carries the value of the key that ends there, or -1. Keys are compared as bytes, never as
/// `String`s, so canonically equivalent spellings (NFC and NFD) stay distinct keys.
///
/// The arrays are padded so that `base[s] + b` is always a valid index: lookups never need a
/// bounds check beyond the one `Array` performs.
struct ByteTrie: Sendable {
  /// One node: where its children start, its parent, and the value ending here (-1 if none).
  struct Unit: Sendable {
    var base: Int32
    var check: Int32
    var value: Int32
  }

  /// The root node's index.
  static let root = 0

  /// The nodes, padded with free units.
  private(set) var units: [Unit]

  /// Number of keys stored.
  let count: Int

  /// Builds a trie of `keys`; when a key occurs twice, the later value wins.
  ///
  /// - Complexity: O(total key bytes · log) for sorting, plus placement, which is close to
  ///   linear in the number of nodes for vocabularies of natural-language pieces.
  init(_ keys: [(key: [UInt8], value: Int32)]) {
    var latest: [[UInt8]: Int32] = [:]
    latest.reserveCapacity(keys.count)
    for (key, value) in keys { latest[key] = value }
    let sorted = latest.sorted { $0.key.lexicographicallyPrecedes($1.key) }
    count = sorted.count
    units = ByteTrie.place(sorted)
  }

  /// Lays out the sorted, distinct keys breadth-first into double-array units.
  private static func place(_ keys: [(key: [UInt8], value: Int32)]) -> [Unit] {
    var cells = FreeCells()
    cells.units[0].check = -2  // the root is occupied and has no parent
    cells.occupy(0)
    // (node index, depth, key range)
    var queue: [(node: Int, depth: Int, low: Int, high: Int)] = [(0, 0, 0, keys.count)]
    var head = 0
    var labels: [UInt8] = []
    var ranges: [(Int, Int)] = []
    while head < queue.count {
      let (node, depth, low, high) = queue[head]
      head += 1
      // Keys sort shorter-first, so a key ending at this node comes first in its range.
      var i = low
      if i < high, keys[i].key.count == depth {
        cells.units[node].value = keys[i].value
        i += 1
      }
      labels.removeAll(keepingCapacity: true)
      ranges.removeAll(keepingCapacity: true)
      while i < high {
        let label = keys[i].key[depth]
        var j = i + 1
        while j < high, keys[j].key[depth] == label { j += 1 }
        labels.append(label)
        ranges.append((i, j))
        i = j
      }
      if labels.isEmpty { continue }
      let base = cells.findBase(labels)
      cells.units[node].base = Int32(base)
      for (k, label) in labels.enumerated() {
        let child = base + Int(label)
        cells.units[child].check = Int32(node)
        cells.occupy(child)
        queue.append((child, depth + 1, ranges[k].0, ranges[k].1))
      }
    }
    return cells.units
  }

  /// The free cells of a double array under construction.
  ///
  /// Two doubly linked lists: all free cells (a single child takes the first), and those still worth trying for a node with
  /// several children (a cell that failed 16 times leaves this list, so the holes between
  /// placed nodes are not rescanned for every node). The array always has 256 spare cells past
  /// the largest base, so lookups need no bounds check.
  private struct FreeCells {
    var units: [Unit] = []
    private var next: [Int32] = []
    private var previous: [Int32] = []
    private var nextSearch: [Int32] = []
    private var previousSearch: [Int32] = []
    private var failures: [UInt8] = []
    private var first = -1
    private var last = -1
    private var firstSearch = -1
    private var lastSearch = -1

    init() { grow() }

    /// Adds as many free cells as there are (at least 1024) at the end.
    private mutating func grow() {
      let start = units.count
      let added = max(1024, start)
      units.append(contentsOf: repeatElement(Unit(base: 0, check: -1, value: -1), count: added))
      failures.append(contentsOf: repeatElement(0, count: added))
      for i in start..<(start + added) {
        next.append(-1)
        previous.append(Int32(last))
        nextSearch.append(-1)
        previousSearch.append(Int32(lastSearch))
        if last >= 0 { next[last] = Int32(i) } else { first = i }
        if lastSearch >= 0 { nextSearch[lastSearch] = Int32(i) } else { firstSearch = i }
        last = i
        lastSearch = i
      }
    }

    mutating func occupy(_ i: Int) {
      unlink(i)
      unlinkSearch(i)
    }

    private mutating func unlink(_ i: Int) {
      let p = Int(previous[i])
      let n = Int(next[i])
      if p >= 0 { next[p] = Int32(n) } else if first == i { first = n } else { return }
      if n >= 0 { previous[n] = Int32(p) } else { last = p }
      next[i] = -1
      previous[i] = -1
    }

    private mutating func unlinkSearch(_ i: Int) {
      let p = Int(previousSearch[i])
      let n = Int(nextSearch[i])
      if p >= 0 { nextSearch[p] = Int32(n) } else if firstSearch == i { firstSearch = n } else { return }
      if n >= 0 { previousSearch[n] = Int32(p) } else { lastSearch = p }
      nextSearch[i] = -1
      previousSearch[i] = -1
    }

    /// A base such that `base + label` is free for every label (sorted, distinct).
    mutating func findBase(_ labels: [UInt8]) -> Int {
      let low = Int(labels[0])
      while true {
        if labels.count == 1 {
          var cell = first
          while cell >= 0, cell < low { cell = Int(next[cell]) }
          if cell >= 0, cell - low + 256 < units.count { return cell - low }
        } else {
          var cell = firstSearch
          while cell >= 0 {
            let following = Int(nextSearch[cell])
            let base = cell - low
            if base >= 0, base + 256 < units.count {
              if labels.dropFirst().allSatisfy({ units[base + Int($0)].check == -1 }) { return base }
              failures[cell] &+= 1
              if failures[cell] >= 16 { unlinkSearch(cell) }
            }
            cell = following
          }
        }
        grow()
      }
    }
  }

  /// Removes the value at `node` (the key stays as a path, so other keys are unaffected).
  mutating func removeValue(at node: Int) {
    units[node].value = -1
  }

  /// The child of `node` along `byte`, or `nil`.
  @inline(__always)
  func child(_ node: Int, _ byte: UInt8) -> Int? {
    let t = Int(units[node].base) &+ Int(byte)
    return units[t].check == Int32(truncatingIfNeeded: node) ? t : nil
  }

  /// The node reached from `node` by `bytes`, or `nil`.
  func walk(_ bytes: some Sequence<UInt8>, from node: Int = ByteTrie.root) -> Int? {
    var s = node
    for b in bytes {
      guard let t = child(s, b) else { return nil }
      s = t
    }
    return s
  }

  /// The value stored for `key`, or `nil`.
  func value(of key: some Sequence<UInt8>) -> Int32? {
    guard let s = walk(key) else { return nil }
    let v = units[s].value
    return v >= 0 ? v : nil
  }
}
