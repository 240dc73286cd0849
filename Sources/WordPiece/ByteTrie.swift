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
    var units = [Unit](repeating: Unit(base: 0, check: -1, value: -1), count: 1024)
    units[0].check = -2  // the root is occupied and has no parent
    var firstFree = 1
    var searchStart = 1
    var failures = [UInt8](repeating: 0, count: units.count)
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
        units[node].value = keys[i].value
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
      // Find a base with every child slot free. A single child takes the first free cell;
      // several children search from `searchStart`, which skips cells that keep failing
      // (otherwise the holes left between placed nodes are rescanned for every node).
      while firstFree < units.count, units[firstFree].check != -1 { firstFree += 1 }
      var base = 0
      if labels.count == 1 {
        var position = max(firstFree, Int(labels[0]))
        while true {
          if position + 256 >= units.count { ByteTrie.grow(&units, &failures) }
          if units[position].check == -1 { break }
          position += 1
        }
        base = position - Int(labels[0])
      } else {
        searchStart = max(searchStart, firstFree)
        var position = max(searchStart, Int(labels[0]))
        search: while true {
          base = position - Int(labels[0])
          if base + 256 >= units.count { ByteTrie.grow(&units, &failures) }
          if units[position].check == -1 {
            var fits = true
            for label in labels.dropFirst() where units[base + Int(label)].check != -1 {
              fits = false
              break
            }
            if fits { break search }
            if failures[position] < 255 { failures[position] += 1 }
          }
          if position == searchStart, units[position].check != -1 || failures[position] >= 16 {
            searchStart += 1
          }
          position += 1
        }
      }
      units[node].base = Int32(base)
      for (k, label) in labels.enumerated() {
        let child = base + Int(label)
        units[child].check = Int32(node)
        queue.append((child, depth + 1, ranges[k].0, ranges[k].1))
      }
    }
    // Pad so that base + 255 is in range for every node.
    let maxBase = units.lazy.map { Int($0.base) }.max() ?? 0
    if maxBase + 256 > units.count {
      units.append(
        contentsOf: repeatElement(
          Unit(base: 0, check: -1, value: -1), count: maxBase + 256 - units.count))
    }
    return units
  }

  /// Doubles the arrays.
  private static func grow(_ units: inout [Unit], _ failures: inout [UInt8]) {
    units.append(contentsOf: repeatElement(Unit(base: 0, check: -1, value: -1), count: units.count))
    failures.append(contentsOf: repeatElement(0, count: failures.count))
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
