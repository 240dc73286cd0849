/// xxHash64 (XXH64, Yann Collet's reference algorithm): a fast, non-cryptographic 64-bit hash.
///
/// Input is read little-endian whatever the platform, so a hash is the same on every machine and
/// in every run; the test vectors in `FiltersHashTests` come from the `xxhash` Python package.
///
/// - Complexity: O(n) in the input length, about 32 bytes per four multiply-rotate rounds.
public enum XXHash64 {
  static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
  static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
  static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
  static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
  static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

  /// The hash of `bytes` with `seed`.

  public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
    guard let base = bytes.baseAddress else { return finish(seed &+ prime5, length: 0, tail: nil, count: 0) }
    let count = bytes.count
    var offset = 0
    var h: UInt64
    if count >= 32 {
      var v1 = seed &+ prime1 &+ prime2
      var v2 = seed &+ prime2
      var v3 = seed
      var v4 = seed &- prime1
      while offset + 32 <= count {
        v1 = round(v1, read64(base, offset))
        v2 = round(v2, read64(base, offset + 8))
        v3 = round(v3, read64(base, offset + 16))
        v4 = round(v4, read64(base, offset + 24))
        offset += 32
      }
      h = converge(v1, v2, v3, v4)
    } else {
      h = seed &+ prime5
    }
    return finish(h, length: UInt64(count), tail: base + offset, count: count - offset)
  }

  /// The hash of `bytes` with `seed`.

  public static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = 0) -> UInt64 {
    hash(UnsafeRawBufferPointer(bytes), seed: seed)
  }

  /// The hash of the bytes of `array` with `seed`.
  public static func hash(_ array: [UInt8], seed: UInt64 = 0) -> UInt64 {
    array.withUnsafeBytes { hash($0, seed: seed) }
  }

  /// The hash of the UTF-8 bytes of `string` with `seed`.
  public static func hash(_ string: String, seed: UInt64 = 0) -> UInt64 {
    var copy = string
    return copy.withUTF8 { hash(UnsafeRawBufferPointer($0), seed: seed) }
  }

  /// The hash of the `count` bytes at `base` with `seed`, for short inputs followed by slack:
  /// below 16 bytes without a branch on `count` (each step computed, then kept or dropped by a
  /// conditional move), as word lengths are unpredictable and a mispredicted branch costs more
  /// than the steps it would skip.
  ///
  /// - Precondition: the 8 bytes after the `count` are readable (they do not change the hash).
  /// - Complexity: O(count); below 16 bytes one 8-byte, one 4-byte and three byte steps and the
  ///   avalanche, whatever `count`.
  @inline(__always)
  static func hashPadded(_ base: UnsafeRawPointer, count: Int, seed: UInt64) -> UInt64 {
    if count >= 32 { return hash(UnsafeRawBufferPointer(start: base, count: count), seed: seed) }
    var h = seed &+ prime5 &+ UInt64(truncatingIfNeeded: count)
    var i = 0
    if count >= 16 {
      h = tail8(tail8(h, base, 0), base, 8)
      i = 16
    }
    let eight = tail8(h, base, i)
    h = count & 8 != 0 ? eight : h
    i = count & ~7
    let four = tail4(h, base, i)
    h = count & 4 != 0 ? four : h
    i = count & ~3
    for j in 0..<3 {
      let one = tail1(h, base, i &+ j)
      h = j < count & 3 ? one : h
    }
    return avalanche(h)
  }

  @inline(__always)
  static func read64(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
    UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }

  @inline(__always)
  static func read32(_ base: UnsafeRawPointer, _ offset: Int) -> UInt32 {
    UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
  }

  @inline(__always)
  static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }

  @inline(__always)
  static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
    rotl(acc &+ input &* prime2, 31) &* prime1
  }

  @inline(__always)
  static func merge(_ acc: UInt64, _ value: UInt64) -> UInt64 {
    (acc ^ round(0, value)) &* prime1 &+ prime4
  }

  @inline(__always)
  static func converge(_ v1: UInt64, _ v2: UInt64, _ v3: UInt64, _ v4: UInt64) -> UInt64 {
    var h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
    h = merge(h, v1)
    h = merge(h, v2)
    h = merge(h, v3)
    return merge(h, v4)
  }

  /// Adds the length, consumes the last `count` (< 32) bytes at `tail`, and avalanches.
  @inline(__always)
  static func finish(_ start: UInt64, length: UInt64, tail: UnsafeRawPointer?, count: Int) -> UInt64 {
    var h = start &+ length
    if let tail {
      var i = 0
      while i + 8 <= count {
        h = tail8(h, tail, i)
        i += 8
      }
      if i + 4 <= count {
        h = tail4(h, tail, i)
        i += 4
      }
      while i < count {
        h = tail1(h, tail, i)
        i += 1
      }
    }
    return avalanche(h)
  }

  /// Consumes the 8 tail bytes at `base + offset`.
  @inline(__always)
  static func tail8(_ h: UInt64, _ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
    rotl(h ^ round(0, read64(base, offset)), 27) &* prime1 &+ prime4
  }

  /// Consumes the 4 tail bytes at `base + offset`.
  @inline(__always)
  static func tail4(_ h: UInt64, _ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
    rotl(h ^ (UInt64(read32(base, offset)) &* prime1), 23) &* prime2 &+ prime3
  }

  /// Consumes the tail byte at `base + offset`.
  @inline(__always)
  static func tail1(_ h: UInt64, _ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
    rotl(h ^ (UInt64(base.load(fromByteOffset: offset, as: UInt8.self)) &* prime5), 11) &* prime1
  }

  /// The final mix.
  @inline(__always)
  static func avalanche(_ value: UInt64) -> UInt64 {
    var h = value
    h ^= h >> 33
    h = h &* prime2
    h ^= h >> 29
    h = h &* prime3
    h ^= h >> 32
    return h
  }
}

/// Incremental xxHash64: feed bytes in any chunking, get the same value as ``XXHash64/hash(_:seed:)-8mj6i``
/// on the concatenation.
///
/// Used for sidecar checksums while streaming.
public struct XXHash64Hasher: Sendable {
  private var v1: UInt64
  private var v2: UInt64
  private var v3: UInt64
  private var v4: UInt64
  private let seed: UInt64
  private var total: UInt64 = 0
  private var buffer: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
  private var buffered = 0

  /// Starts a hash with `seed`.
  public init(seed: UInt64 = 0) {
    self.seed = seed
    v1 = seed &+ XXHash64.prime1 &+ XXHash64.prime2
    v2 = seed &+ XXHash64.prime2
    v3 = seed
    v4 = seed &- XXHash64.prime1
  }

  /// Feeds `bytes`.
  public mutating func update(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
    total &+= UInt64(bytes.count)
    var offset = 0
    let count = bytes.count
    if buffered > 0 {
      let take = min(32 - buffered, count)
      withUnsafeMutableBytes(of: &buffer) {
        $0.baseAddress.map { ($0 + buffered).copyMemory(from: base, byteCount: take) }
      }
      buffered += take
      offset = take
      if buffered < 32 { return }
      consumeBuffer()
      buffered = 0
    }
    while offset + 32 <= count {
      v1 = XXHash64.round(v1, XXHash64.read64(base, offset))
      v2 = XXHash64.round(v2, XXHash64.read64(base, offset + 8))
      v3 = XXHash64.round(v3, XXHash64.read64(base, offset + 16))
      v4 = XXHash64.round(v4, XXHash64.read64(base, offset + 24))
      offset += 32
    }
    if offset < count {
      let rest = count - offset
      withUnsafeMutableBytes(of: &buffer) { $0.baseAddress.map { $0.copyMemory(from: base + offset, byteCount: rest) } }
      buffered = rest
    }
  }

  /// Feeds the bytes of `array`.
  public mutating func update(_ array: [UInt8]) {
    array.withUnsafeBytes { update($0) }
  }

  /// Feeds the UTF-8 bytes of `string`.
  public mutating func update(_ string: String) {
    var copy = string
    copy.withUTF8 { update(UnsafeRawBufferPointer($0)) }
  }

  private mutating func consumeBuffer() {
    let words = buffer
    v1 = XXHash64.round(v1, UInt64(littleEndian: words.0))
    v2 = XXHash64.round(v2, UInt64(littleEndian: words.1))
    v3 = XXHash64.round(v3, UInt64(littleEndian: words.2))
    v4 = XXHash64.round(v4, UInt64(littleEndian: words.3))
  }

  /// The hash of everything fed so far (the hasher can go on being fed).
  public func finalize() -> UInt64 {
    let h = total >= 32 ? XXHash64.converge(v1, v2, v3, v4) : seed &+ XXHash64.prime5
    var copy = buffer
    let count = buffered
    return withUnsafeBytes(of: &copy) { raw in
      XXHash64.finish(h, length: total, tail: raw.baseAddress, count: count)
    }
  }
}
