/// The compression formats CorpusIO decodes, told apart by their magic bytes only.
///
/// File extensions are never consulted: corpus dumps are often misnamed (a gzip file called
/// `.txt`, a plain file called `.gz`), so ``detect(_:)`` looks at the first bytes.
///
/// ```swift
/// let input = try Compression.openDecoded(path: "da_meta_part_1.jsonl.zst")
/// let lines = LineReader(input.source)   // decoded bytes, whatever the file was
/// ```
public enum Compression: String, Sendable, Codable, CaseIterable {
  /// Not compressed (or not a format we know): bytes pass through unchanged.
  case none
  /// gzip (RFC 1952), magic `1f 8b`.
  case gzip
  /// Zstandard, magic `28 b5 2f fd`, or a leading skippable frame `5? 2a 4d 18` (as pzstd writes).
  case zstd
  /// bzip2, magic `BZh` followed by a block-size digit `1`…`9`.
  case bzip2

  /// How many leading bytes ``detect(_:)`` needs to tell every format apart.
  public static let sniffLength = 4

  /// Identifies the compression of a stream from its first bytes (up to ``sniffLength``).
  ///
  /// Fewer bytes than a magic number needs never match that format, so a file shorter than
  /// its magic is ``none``.
  public static func detect(_ prefix: UnsafeRawBufferPointer) -> Compression {
    let n = prefix.count
    if n >= 2, prefix[0] == 0x1F, prefix[1] == 0x8B { return .gzip }
    if n >= 4, prefix[0] == 0x28, prefix[1] == 0xB5, prefix[2] == 0x2F, prefix[3] == 0xFD {
      return .zstd
    }
    // Skippable frame: magic 0x184D2A50…0x184D2A5F, little-endian.
    if n >= 4, prefix[0] & 0xF0 == 0x50, prefix[1] == 0x2A, prefix[2] == 0x4D, prefix[3] == 0x18 {
      return .zstd
    }
    if n >= 4, prefix[0] == 0x42, prefix[1] == 0x5A, prefix[2] == 0x68,
      (0x31...0x39).contains(prefix[3])
    {
      return .bzip2
    }
    return .none
  }

  /// Identifies the compression of `prefix`; see ``detect(_:)-(UnsafeRawBufferPointer)``.
  public static func detect(_ prefix: [UInt8]) -> Compression {
    prefix.withUnsafeBytes { detect($0) }
  }

  /// Wraps `source` (positioned at the start of a stream in this format) in its decoder.
  public func decoder(over source: any ByteSource) throws(CorpusIOError) -> any ByteSource {
    switch self {
    case .none: return source
    case .gzip: return try GzipDecoder(source)
    case .zstd: return try ZstdDecoder(source)
    case .bzip2: return try Bzip2Decoder(source)
    }
  }

  /// Opens the file at `path`, sniffs its magic bytes, and returns a source of decoded bytes.
  ///
  /// One layer is decoded: a `.tar.gz` comes back as tar bytes. The sniffed bytes are replayed,
  /// so nothing is lost.
  ///
  /// - Throws: ``CorpusIOError/Kind/missingFile`` when the file cannot be opened, or any read
  ///   error met while sniffing.
  public static func openDecoded(path: String) throws(CorpusIOError) -> DecodedInput {
    let file = try FileSource(path: path)
    let (source, compression) = try sniff(file)
    return DecodedInput(
      source: try compression.decoder(over: source), compression: compression,
      compressedSize: file.size)
  }

  /// Returns a source of `source`'s decoded bytes, detecting the compression by magic bytes.
  ///
  /// Use it for nested streams, such as a tar member that is itself compressed. An
  /// uncompressed stream comes back as bytes identical to the input.
  public static func decoded(_ source: any ByteSource) throws(CorpusIOError) -> any ByteSource {
    try decodedInput(source).source
  }

  /// Like ``decoded(_:)``, also reporting which compression was found.
  public static func decodedInput(_ source: any ByteSource) throws(CorpusIOError) -> DecodedInput {
    let (replay, compression) = try sniff(source)
    return DecodedInput(
      source: try compression.decoder(over: replay), compression: compression, compressedSize: nil)
  }

  /// Reads up to ``sniffLength`` bytes of `source` and returns a source that replays them
  /// followed by the rest, together with the detected compression.
  public static func sniff(_ source: any ByteSource) throws(CorpusIOError) -> (
    any ByteSource, Compression
  ) {
    var prefix = [UInt8](repeating: 0, count: sniffLength)
    var filled = 0
    while filled < sniffLength {
      // `withUnsafeMutableBytes` rethrows untyped errors; carry the typed one in a Result.
      let n = try prefix.withUnsafeMutableBytes { raw in
        Result { () throws(CorpusIOError) -> Int in
          try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]))
        }
      }.get()
      if n == 0 { break }
      filled += n
    }
    prefix.removeLast(sniffLength - filled)
    let compression = detect(prefix)
    return (PrefixedSource(prefix: prefix, source: source), compression)
  }
}

/// A decoded stream opened by ``Compression/openDecoded(path:)``.
public struct DecodedInput {
  /// The decoded bytes.
  public let source: any ByteSource
  /// The compression found by magic bytes.
  public let compression: Compression
  /// The size of the file on disk, when known; compare with `source.consumedBytes` for progress.
  public let compressedSize: Int64?

  public init(source: any ByteSource, compression: Compression, compressedSize: Int64?) {
    self.source = source
    self.compression = compression
    self.compressedSize = compressedSize
  }
}

/// A ``ByteSource`` that first replays `prefix` and then continues with `source`.
///
/// Used to give back bytes read while sniffing a format.
public final class PrefixedSource: ByteSource {
  private let prefix: [UInt8]
  private var prefixPosition = 0
  private let source: any ByteSource

  /// Creates a source that returns `prefix` and then the rest of `source`.
  public init(prefix: [UInt8], source: any ByteSource) {
    self.prefix = prefix
    self.source = source
  }

  /// Bytes consumed from the underlying source (the replayed prefix counts once, when sniffed).
  public var consumedBytes: Int64 { source.consumedBytes }

  public func read(into buffer: UnsafeMutableRawBufferPointer) throws(CorpusIOError) -> Int {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
    if prefixPosition < prefix.count {
      let n = min(buffer.count, prefix.count - prefixPosition)
      prefix.withUnsafeBytes { src in
        if let from = src.baseAddress { base.copyMemory(from: from + prefixPosition, byteCount: n) }
      }
      prefixPosition += n
      return n
    }
    return try source.read(into: buffer)
  }
}

/// A fixed-size staging buffer for compressed input, shared by the decoders.
///
/// It reads from the inner source only when empty, so at most `capacity` compressed bytes are
/// ever held.
struct CompressedInput {
  let storage: UnsafeMutableRawBufferPointer
  /// First unconsumed byte.
  var start = 0
  /// One past the last valid byte.
  var end = 0
  /// Bytes read from the inner source so far.
  var totalRead: Int64 = 0
  /// The inner source has returned 0.
  var atEOF = false

  /// The default capacity: 256 KiB.
  static let defaultCapacity = 1 << 18

  init(capacity: Int = defaultCapacity) {
    storage = .allocate(byteCount: max(capacity, 16), alignment: 16)
  }

  func deallocate() { storage.deallocate() }

  var available: Int { end - start }
  var pointer: UnsafeMutableRawPointer { storage.baseAddress.unsafelyUnwrapped + start }
  /// Compressed bytes the decoder has consumed: the position in the compressed stream.
  var consumed: Int64 { totalRead - Int64(end - start) }

  /// Replaces the (empty) buffer with the next bytes of `source`.
  ///
  /// - Returns: `false` at end of the inner stream.
  mutating func refill(from source: any ByteSource) throws(CorpusIOError) -> Bool {
    if atEOF { return false }
    start = 0
    end = 0
    let n = try source.read(into: storage)
    if n == 0 {
      atEOF = true
      return false
    }
    end = n
    totalRead += Int64(n)
    return true
  }
}

/// Largest output span handed to a C decoder in one call (their counters are 32-bit).
let maxCodecSpan = 1 << 30
