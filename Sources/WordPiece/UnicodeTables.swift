/// What the normalizer and pre-tokenizer do with one code point of the input.
///
/// The raw values are the ones `scripts/make_wordpiece_tables.py` packs into the tables.
@usableFromInline
enum CharacterAction: UInt8, Sendable {
  /// Part of a word.
  case word = 0
  /// Deleted by clean-text (NUL, U+FFFD, control and format characters); it joins its neighbours.
  case drop = 1
  /// Whitespace: ends the current word and is removed.
  case split = 2
  /// Punctuation (and, in the input, CJK ideographs): a word of its own.
  case isolate = 3
}

/// The per-code-point tables of both profiles, decoded once from
/// `UnicodeTables+Generated.swift`.
///
/// Lookups are two reads (a 256-entry block index, then the block). The mappings used by the
/// lowercase modes are sorted arrays searched by binary search; they are reached only for code
/// points whose flags say the mapping changes them.
///
/// `@unchecked Sendable`: the only instance is ``shared``, whose two flag tables are allocated
/// once, filled in `init`, never written again and never freed.
struct UnicodeTables: @unchecked Sendable {
  /// Flag bits per code point; see the header of the generated file.
  enum Bit {
    static let hfAction: UInt16 = 0
    static let hfPretokenizer: UInt16 = 2
    static let hfLowercaseMapped: UInt16 = 1 << 4
    static let hfReorderSensitive: UInt16 = 1 << 5
    static let hfNonspacingMark: UInt16 = 1 << 6
    static let bertAction: UInt16 = 7
    static let bertPretokenizer: UInt16 = 9
    static let bertLowercaseMapped: UInt16 = 1 << 11
  }

  /// The one decoded copy, shared by every encoder (immutable).
  static let shared = UnicodeTables()

  /// Block number for each 256 code points (4352 entries).
  let stage1: UnsafePointer<UInt16>
  /// Flags, 256 per block.
  let blocks: UnsafePointer<UInt16>
  /// Whether the generated data had the expected shape (checked by the tests).
  let isWellFormed: Bool
  let hfLowercase: ScalarMap
  let bertLowercase: ScalarMap
  let hfDecomposition: ScalarMap
  let hfSimpleLowercase: ScalarMap
  let combiningClassKeys: [UInt32]
  let combiningClassValues: [UInt8]

  private init() {
    typealias G = GeneratedUnicodeTables
    let stage1 = Base64.decodeUInt16(G.stage1)
    let blocks = Base64.decodeUInt16(G.blocks)
    let shapeIsRight =
      stage1.count == 0x110000 >> 8 && blocks.count == G.blockCount * 256
      && stage1.allSatisfy { Int($0) < G.blockCount }
    // A malformed table (never expected: the file is generated) degrades to "every code point
    // is a word character" instead of reading out of bounds.
    let stage1Storage = UnsafeMutablePointer<UInt16>.allocate(capacity: 0x110000 >> 8)
    stage1Storage.initialize(repeating: 0, count: 0x110000 >> 8)
    let blockStorage = UnsafeMutablePointer<UInt16>.allocate(capacity: max(256, blocks.count))
    blockStorage.initialize(repeating: 0, count: max(256, blocks.count))
    if shapeIsRight {
      for (k, v) in stage1.enumerated() { stage1Storage[k] = v }
      for (k, v) in blocks.enumerated() { blockStorage[k] = v }
    }
    self.stage1 = UnsafePointer(stage1Storage)
    self.blocks = UnsafePointer(blockStorage)
    hfLowercase = ScalarMap(keys: G.hfLowercaseKeys, offsets: G.hfLowercaseOffsets, scalars: G.hfLowercaseScalars)
    bertLowercase = ScalarMap(
      keys: G.bertLowercaseKeys, offsets: G.bertLowercaseOffsets, scalars: G.bertLowercaseScalars)
    hfDecomposition = ScalarMap(
      keys: G.hfDecompositionKeys, offsets: G.hfDecompositionOffsets, scalars: G.hfDecompositionScalars)
    hfSimpleLowercase = ScalarMap(
      keys: G.hfSimpleLowercaseKeys, offsets: G.hfSimpleLowercaseOffsets, scalars: G.hfSimpleLowercaseScalars)
    combiningClassKeys = Base64.decodeUInt32(G.hfCombiningClassKeys)
    combiningClassValues = Base64.decode(G.hfCombiningClassValues)
    isWellFormed =
      shapeIsRight && hfLowercase.isWellFormed && bertLowercase.isWellFormed
      && hfDecomposition.isWellFormed && hfSimpleLowercase.isWellFormed
      && combiningClassKeys.count == combiningClassValues.count
  }

  /// The flags of `scalar` (a value below 0x110000).
  @inline(__always)
  func flags(_ scalar: UInt32) -> UInt16 {
    blocks[Int(stage1[Int(scalar &>> 8)]) &* 256 &+ Int(scalar & 0xFF)]
  }

  /// The canonical combining class HF's NFD uses for `scalar` (0 for most).
  func combiningClass(_ scalar: UInt32) -> UInt8 {
    guard let i = binarySearch(combiningClassKeys, scalar) else { return 0 }
    return combiningClassValues[i]
  }

  /// Hangul syllables decompose algorithmically (Unicode §3.12); `nil` for other code points.
  static func hangulDecomposition(_ scalar: UInt32) -> (UInt32, UInt32, UInt32?)? {
    guard scalar >= 0xAC00, scalar < 0xAC00 + 11172 else { return nil }
    let s = scalar - 0xAC00
    let t = s % 28
    return (0x1100 + s / 588, 0x1161 + (s % 588) / 28, t == 0 ? nil : 0x11A7 + t)
  }
}

/// A sorted map from code points to short scalar sequences, stored flat.
struct ScalarMap: Sendable {
  let keys: [UInt32]
  let offsets: [UInt32]
  let scalars: [UInt32]

  init(keys: String, offsets: String, scalars: String) {
    self.keys = Base64.decodeUInt32(keys)
    self.offsets = Base64.decodeUInt32(offsets)
    self.scalars = Base64.decodeUInt32(scalars)
  }

  var isWellFormed: Bool {
    offsets.count == keys.count + 1 && offsets.last.map { Int($0) == scalars.count } ?? false
      && zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 }
  }

  /// The range in ``scalars`` that `scalar` maps to, or `nil` when it is not in the map.
  ///
  /// - Complexity: O(log n).
  @inline(__always)
  func lookup(_ scalar: UInt32) -> Range<Int>? {
    guard let i = binarySearch(keys, scalar) else { return nil }
    return Int(offsets[i])..<Int(offsets[i + 1])
  }
}

/// Index of `value` in the sorted array `keys`, or `nil`.
@inline(__always)
func binarySearch(_ keys: [UInt32], _ value: UInt32) -> Int? {
  var low = 0
  var high = keys.count
  while low < high {
    let mid = (low &+ high) &>> 1
    if keys[mid] < value { low = mid &+ 1 } else { high = mid }
  }
  return low < keys.count && keys[low] == value ? low : nil
}
