/// One member of a tar archive, as listed by ``TarReader/next()``.
public struct TarEntry: Sendable, Hashable {
  /// What a member is. Hard links, devices, FIFOs and GNU extensions are ``other``.
  public enum Kind: String, Sendable, Codable {
    case file, directory, symlink, other
  }

  /// The full path as stored: a pax `path`, else a GNU long name, else ustar `prefix/name`.
  /// Directories usually end in `/`. Names that are not UTF-8 are read as Latin-1.
  public var name: String
  /// Bytes in the member's body (0 for directories, links and devices).
  public var size: Int64
  /// The member's kind, from the header's type flag.
  public var kind: Kind
  /// The raw type flag byte (`'0'` file, `'5'` directory, …), for kinds folded into ``Kind/other``.
  public var typeFlag: UInt8
  /// The link target of a symlink or hard link.
  public var linkName: String?
  /// Modification time in seconds since 1970, when the header has a readable one.
  public var modificationTime: Int64?
  /// Offset in the tar stream of the member's first header block (a GNU long-name or pax
  /// header when the member has one).
  public var offset: Int64

  public init(
    name: String, size: Int64, kind: Kind, typeFlag: UInt8, linkName: String? = nil,
    modificationTime: Int64? = nil, offset: Int64
  ) {
    self.name = name
    self.size = size
    self.kind = kind
    self.typeFlag = typeFlag
    self.linkName = linkName
    self.modificationTime = modificationTime
    self.offset = offset
  }

  /// The last path component (without a trailing `/`).
  public var baseName: String {
    var trimmed = Substring(name)
    while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    if let slash = trimmed.lastIndex(of: "/") {
      return String(trimmed[trimmed.index(after: slash)...])
    }
    return String(trimmed)
  }

  /// A macOS AppleDouble resource file (`._NAME`); readers usually skip these.
  public var isAppleDouble: Bool { baseName.hasPrefix("._") }
}

/// Lists the members of a tar stream and reads their bodies, streaming.
///
/// Reads POSIX ustar (with the `prefix` field), GNU (long names `L` and long link names `K`,
/// base-256 numbers) and pax (`x` headers with `path`, `linkpath`, `size`, `mtime`; global `g`
/// headers are ignored). Every header's checksum is verified. Two zero blocks end the archive;
/// an archive that simply stops at a block boundary is also accepted.
///
/// ```swift
/// let tar = TarReader(try Compression.openDecoded(path: "dan_news_2020_10K.tar.gz").source)
/// while let entry = try tar.next() {
///   guard entry.kind == .file, !entry.isAppleDouble else { continue }
///   let lines = LineReader(tar.currentBody())
///   …
/// }
/// ```
///
/// Errors: a bad checksum or malformed header is ``CorpusIOError/Kind/badArchive``; a stream
/// that ends inside a header or body is ``CorpusIOError/Kind/truncated``. Offsets are positions
/// in the (decoded) tar stream. After an error the reader is at its end: ``next()`` returns `nil`.
public final class TarReader {
  private enum State { case reading, ended, failed }

  private static let blockSize = 512
  /// Largest GNU long-name or pax header body accepted.
  private static let maxMetadataSize: Int64 = 1 << 20

  private let source: any ByteSource
  private let header: UnsafeMutableRawBufferPointer
  private var scratch: UnsafeMutableRawBufferPointer?
  private var state = State.reading
  private var position: Int64 = 0
  /// Body bytes of the current member not yet read.
  private var remaining: Int64 = 0
  /// Padding after the current member's body.
  private var padding: Int64 = 0
  private var generation = 0
  /// Body bytes of the current member already read.
  private var bodyRead: Int64 = 0

  /// The member most recently returned by ``next()``.
  public private(set) var current: TarEntry?

  /// Creates a reader over the (already decompressed) tar bytes of `source`.
  public init(_ source: any ByteSource) {
    self.source = source
    header = .allocate(byteCount: Self.blockSize, alignment: 16)
  }

  deinit {
    header.deallocate()
    scratch?.deallocate()
  }

  /// Bytes consumed from the underlying source (compressed bytes when it is a decoder).
  public var consumedBytes: Int64 { source.consumedBytes }

  /// Position in the tar stream.
  public var offset: Int64 { position }

  /// Advances to the next member, skipping any unread body of the current one.
  ///
  /// - Returns: the member, or `nil` at the end of the archive (or after an error).
  public func next() throws(CorpusIOError) -> TarEntry? {
    guard state == .reading else { return nil }
    do {
      return try advance()
    } catch {
      state = .failed
      throw error
    }
  }

  /// The current member's body as a ``ByteSource``, valid until the next call to ``next()``
  /// (after that it reads as empty).
  public func currentBody() -> TarMemberSource {
    TarMemberSource(reader: self, generation: generation)
  }

  /// Reads the rest of the current member's body into memory.
  ///
  /// - Throws: ``CorpusIOError/Kind/tooLarge`` when it exceeds `limit` bytes.
  public func readCurrentBody(limit: Int = .max) throws(CorpusIOError) -> [UInt8] {
    try currentBody().readAll(limit: limit)
  }

  // MARK: - Headers

  private func advance() throws(CorpusIOError) -> TarEntry? {
    if current != nil {
      if try !skip(remaining) {
        throw truncated("archive ends inside member '\(current?.name ?? "")'")
      }
      // A missing final padding loses nothing; the next read sees end of stream.
      _ = try skip(padding)
      current = nil
      remaining = 0
      padding = 0
    }
    generation += 1
    bodyRead = 0

    var longName: [UInt8]?
    var longLink: [UInt8]?
    var pax: [String: String] = [:]
    var entryOffset: Int64?

    while true {
      var headerOffset = position
      guard try readBlock() else {
        if entryOffset != nil { throw truncated("archive ends after an extension header") }
        state = .ended
        return nil
      }
      if isZeroBlock() {
        // One zero block then end of stream, or two zero blocks: the end. A lone zero block
        // followed by a header is tolerated.
        headerOffset = position
        guard try readBlock(), !isZeroBlock() else {
          state = .ended
          return nil
        }
      }
      try verifyChecksum(at: headerOffset)
      let typeFlag = byte(156)
      let headerSize = try number(124, 12, field: "size", at: headerOffset)
      if headerSize < 0 {
        throw CorpusIOError(.badArchive, "negative member size in tar header", offset: headerOffset)
      }
      if entryOffset == nil { entryOffset = headerOffset }

      switch typeFlag {
      case UInt8(ascii: "L"):
        longName = try readMetadata(size: headerSize, at: headerOffset)
        continue
      case UInt8(ascii: "K"):
        longLink = try readMetadata(size: headerSize, at: headerOffset)
        continue
      case UInt8(ascii: "x"):
        let body = try readMetadata(size: headerSize, at: headerOffset)
        try Self.parsePax(body, into: &pax, at: headerOffset)
        continue
      case UInt8(ascii: "g"):
        _ = try readMetadata(size: headerSize, at: headerOffset)
        // A global header belongs to no member.
        if longName == nil, longLink == nil, pax.isEmpty { entryOffset = nil }
        continue
      default:
        break
      }

      // Names.
      var name: String
      if let path = pax["path"], !path.isEmpty {
        name = path
      } else if let longName {
        name = Self.decodeName(Self.untilNUL(longName[...]))
      } else {
        name = Self.decodeName(field(0, 100))
        if isPOSIXUstar() {
          let prefix = field(345, 155)
          if !prefix.isEmpty { name = Self.decodeName(prefix) + "/" + name }
        }
      }
      var linkName: String?
      if let path = pax["linkpath"], !path.isEmpty {
        linkName = path
      } else if let longLink {
        linkName = Self.decodeName(Self.untilNUL(longLink[...]))
      } else {
        let raw = field(157, 100)
        linkName = raw.isEmpty ? nil : Self.decodeName(raw)
      }

      // Kind and body size. Links, devices, FIFOs and directories carry no body (as Python's
      // tarfile and GNU tar read them); everything else is followed by `size` bytes.
      let kind: TarEntry.Kind
      var carriesBody = false
      switch typeFlag {
      case 0, UInt8(ascii: "0"), UInt8(ascii: "7"):
        kind = name.hasSuffix("/") ? .directory : .file
        carriesBody = kind == .file
      case UInt8(ascii: "5"):
        kind = .directory
      case UInt8(ascii: "2"):
        kind = .symlink
      case UInt8(ascii: "1"), UInt8(ascii: "3"), UInt8(ascii: "4"), UInt8(ascii: "6"):
        kind = .other
      default:
        kind = .other
        carriesBody = true
      }
      var bodySize = carriesBody ? headerSize : 0
      if let text = pax["size"], carriesBody {
        guard let value = Int64(text), value >= 0 else {
          throw CorpusIOError(.badArchive, "invalid pax size '\(text)'", offset: headerOffset)
        }
        bodySize = value
      }
      var mtime = try? number(136, 12, field: "mtime", at: headerOffset)
      if let text = pax["mtime"] {
        let whole = text.split(separator: ".", maxSplits: 1).first.map(String.init) ?? text
        if let value = Int64(whole) { mtime = value }
      }

      let entry = TarEntry(
        name: name, size: bodySize, kind: kind, typeFlag: typeFlag, linkName: linkName,
        modificationTime: mtime, offset: entryOffset ?? headerOffset)
      current = entry
      remaining = bodySize
      padding = Self.paddingAfter(bodySize)
      return entry
    }
  }

  /// Reads the next 512-byte block into `header`.
  ///
  /// - Returns: `false` when the stream ends exactly at the block boundary.
  private func readBlock() throws(CorpusIOError) -> Bool {
    var filled = 0
    while filled < Self.blockSize {
      let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: header[filled...]))
      if n == 0 { break }
      filled += n
      position += Int64(n)
    }
    if filled == 0 { return false }
    if filled < Self.blockSize {
      throw truncated("archive ends inside a header block (\(filled) of 512 bytes)")
    }
    return true
  }

  /// Reads a GNU long-name or pax header body of `size` bytes, with its padding.
  private func readMetadata(size: Int64, at headerOffset: Int64) throws(CorpusIOError) -> [UInt8] {
    guard size <= Self.maxMetadataSize else {
      throw CorpusIOError(
        .badArchive, "extension header of \(size) bytes exceeds \(Self.maxMetadataSize)",
        offset: headerOffset)
    }
    var body = [UInt8](repeating: 0, count: Int(size))
    var filled = 0
    while filled < body.count {
      // `withUnsafeMutableBytes` rethrows untyped errors; carry the typed one in a Result.
      let n = try body.withUnsafeMutableBytes { raw in
        Result { () throws(CorpusIOError) -> Int in
          try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]))
        }
      }.get()
      if n == 0 { throw truncated("archive ends inside an extension header") }
      filled += n
      position += Int64(n)
    }
    if try !skip(Self.paddingAfter(size)) {
      throw truncated("archive ends inside an extension header's padding")
    }
    return body
  }

  /// Discards `count` bytes. Returns `false` if the stream ends first.
  private func skip(_ count: Int64) throws(CorpusIOError) -> Bool {
    var left = count
    guard left > 0 else { return true }
    let buffer: UnsafeMutableRawBufferPointer
    if let scratch {
      buffer = scratch
    } else {
      buffer = .allocate(byteCount: 1 << 16, alignment: 16)
      scratch = buffer
    }
    while left > 0 {
      let want = Int(min(left, Int64(buffer.count)))
      let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<want]))
      if n == 0 { return false }
      left -= Int64(n)
      position += Int64(n)
    }
    return true
  }

  // MARK: - Bodies

  fileprivate func readBody(into buffer: UnsafeMutableRawBufferPointer, generation: Int)
    throws(CorpusIOError)
    -> Int
  {
    guard state == .reading, generation == self.generation, remaining > 0, buffer.count > 0 else {
      return 0
    }
    let want = Int(min(Int64(buffer.count), remaining))
    let n: Int
    do {
      n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<want]))
    } catch {
      state = .failed
      throw error
    }
    if n == 0 {
      state = .failed
      let name = current?.name ?? ""
      throw truncated(
        "archive ends inside member '\(name)' after \(bodyRead) of \(bodyRead + remaining) bytes")
    }
    remaining -= Int64(n)
    bodyRead += Int64(n)
    position += Int64(n)
    return n
  }

  fileprivate func bodyBytesRead(generation: Int) -> Int64 {
    generation == self.generation ? bodyRead : 0
  }

  // MARK: - Fields

  private func truncated(_ message: String) -> CorpusIOError {
    CorpusIOError(.truncated, "tar: \(message)", offset: position)
  }

  @inline(__always)
  private func byte(_ index: Int) -> UInt8 { header[index] }

  private func isZeroBlock() -> Bool {
    header.allSatisfy { $0 == 0 }
  }

  /// `ustar\0` magic: POSIX ustar or pax, whose `prefix` field extends the name. (GNU's
  /// `ustar  \0` uses that space for other fields.)
  private func isPOSIXUstar() -> Bool {
    let magic: [UInt8] = Array("ustar".utf8) + [0]
    return header[257..<263].elementsEqual(magic)
  }

  /// The bytes of a fixed-width text field up to its first NUL.
  private func field(_ start: Int, _ length: Int) -> [UInt8] {
    Self.untilNUL(UnsafeRawBufferPointer(rebasing: header[start..<(start + length)]))
  }

  private static func untilNUL<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
    if let nul = bytes.firstIndex(of: 0) { return Array(bytes[..<nul]) }
    return Array(bytes)
  }

  /// Reads a numeric field: octal text (leading spaces allowed, ended by NUL or space) or GNU
  /// base-256 (high bit of the first byte set).
  private func number(_ start: Int, _ length: Int, field name: String, at headerOffset: Int64)
    throws(CorpusIOError) -> Int64
  {
    let bytes = UnsafeRawBufferPointer(rebasing: header[start..<(start + length)])
    if bytes[0] & 0x80 != 0 {
      if bytes[0] == 0xFF {
        throw CorpusIOError(
          .badArchive, "negative base-256 \(name) in tar header", offset: headerOffset)
      }
      var value = Int64(bytes[0] & 0x7F)
      for b in bytes.dropFirst() {
        guard value <= (Int64.max >> 8) else {
          throw CorpusIOError(
            .badArchive, "base-256 \(name) overflows in tar header", offset: headerOffset)
        }
        value = value << 8 | Int64(b)
      }
      return value
    }
    var i = 0
    while i < length, bytes[i] == 0x20 { i += 1 }
    var value: Int64 = 0
    while i < length {
      let b = bytes[i]
      if b == 0 || b == 0x20 { break }
      guard b >= 0x30, b <= 0x37, value <= (Int64.max >> 3) else {
        throw CorpusIOError(
          .badArchive, "invalid octal \(name) in tar header", offset: headerOffset)
      }
      value = value << 3 | Int64(b - 0x30)
      i += 1
    }
    return value
  }

  private func verifyChecksum(at headerOffset: Int64) throws(CorpusIOError) {
    let stored = try number(148, 8, field: "checksum", at: headerOffset)
    var unsigned: Int64 = 0
    var signed: Int64 = 0
    for (i, b) in header.enumerated() {
      let value: UInt8 = (148..<156).contains(i) ? 0x20 : b
      unsigned += Int64(value)
      signed += Int64(Int8(bitPattern: value))
    }
    if stored != unsigned && stored != signed {
      throw CorpusIOError(
        .badArchive, "tar header checksum mismatch (stored \(stored), computed \(unsigned))",
        offset: headerOffset)
    }
  }

  private static func paddingAfter(_ size: Int64) -> Int64 {
    let rest = size % Int64(blockSize)
    return rest == 0 ? 0 : Int64(blockSize) - rest
  }

  /// Decodes a stored name: UTF-8 when valid, else Latin-1 (old archives).
  static func decodeName(_ bytes: [UInt8]) -> String {
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    var text = ""
    text.unicodeScalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
    return text
  }

  /// Parses pax extended-header records, `LENGTH KEY=VALUE\n`, into `fields`.
  static func parsePax(_ body: [UInt8], into fields: inout [String: String], at headerOffset: Int64)
    throws(CorpusIOError)
  {
    var i = 0
    while i < body.count {
      if body[i] == 0 { break }  // NUL padding after the last record
      var length = 0
      var j = i
      while j < body.count, body[j] >= 0x30, body[j] <= 0x39, length < 1 << 24 {
        length = length * 10 + Int(body[j] - 0x30)
        j += 1
      }
      guard j < body.count, body[j] == 0x20, length > j - i + 1, i + length <= body.count,
        body[i + length - 1] == 0x0A
      else {
        throw CorpusIOError(
          .badArchive, "malformed pax extended header record", offset: headerOffset)
      }
      let record = body[(j + 1)..<(i + length - 1)]
      guard let equals = record.firstIndex(of: UInt8(ascii: "=")) else {
        throw CorpusIOError(.badArchive, "pax record without '='", offset: headerOffset)
      }
      let key = decodeName(Array(record[..<equals]))
      let value = decodeName(Array(record[(equals + 1)...]))
      fields[key] = value
      i += length
    }
  }
}

/// The body of one tar member, read through its ``TarReader``.
///
/// Valid until the reader's next ``TarReader/next()``; after that it reads as empty. A body that
/// ends early (truncated archive) throws ``CorpusIOError/Kind/truncated``.
public final class TarMemberSource: ByteSource {
  private let reader: TarReader
  private let generation: Int

  fileprivate init(reader: TarReader, generation: Int) {
    self.reader = reader
    self.generation = generation
  }

  /// Body bytes of this member read so far.
  public var consumedBytes: Int64 { reader.bodyBytesRead(generation: generation) }

  public func read(into buffer: UnsafeMutableRawBufferPointer) throws(CorpusIOError) -> Int {
    try reader.readBody(into: buffer, generation: generation)
  }
}
