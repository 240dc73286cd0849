import CZlib

/// A ``ByteSource`` that inflates a gzip stream read from another source.
///
/// - Concatenated members (as `cat a.gz b.gz` or pigz produce) are decoded in order.
/// - Zero bytes after the last member are ignored, as `gzip -d` does; any other trailing bytes
///   are ``CorpusIOError/Kind/corrupt``.
/// - A stream that ends inside a member is ``CorpusIOError/Kind/truncated``; data zlib rejects
///   (including a bad CRC or length trailer) is ``CorpusIOError/Kind/corrupt``. The error's
///   `offset` is the number of decoded bytes produced before it, and the message names the
///   compressed offset. Every byte decoded before the problem is returned first; the error comes
///   from the following read, and reads after it return 0.
///
/// Memory: a 256 KiB input buffer plus zlib's 32 KiB window. Output is inflated directly into
/// the caller's buffer.
public final class GzipDecoder: ByteSource {
  private enum State {
    /// Inside a member (or expecting its header).
    case member
    /// A member just ended; the next byte decides what follows.
    case between
    /// Zero padding after the last member.
    case padding
    /// Clean end of stream.
    case done
  }

  private var core: DecoderCore
  private let stream: UnsafeMutablePointer<z_stream>
  private var state = State.member
  private var members = 0

  /// Creates a decoder reading compressed bytes from `source`.
  ///
  /// - Parameter inputBufferSize: bytes of compressed input held at once (default 256 KiB).
  public init(_ source: any ByteSource, inputBufferSize: Int = 1 << 18) throws(CorpusIOError) {
    stream = .allocate(capacity: 1)
    stream.initialize(to: z_stream())
    // 15 + 16: a 32 KiB window, gzip wrapper only. `inflateInit2` is a macro Swift cannot see.
    let ret = inflateInit2_(stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
    if ret != Z_OK {
      stream.deinitialize(count: 1)
      stream.deallocate()
      throw CorpusIOError(.readFailed, "zlib initialisation failed (code \(ret))")
    }
    core = DecoderCore(source, inputBufferSize: inputBufferSize)
  }

  deinit {
    inflateEnd(stream)
    stream.deinitialize(count: 1)
    stream.deallocate()
    core.deallocate()
  }

  /// Compressed bytes consumed from the inner source so far.
  public var consumedBytes: Int64 { core.input.consumed }

  /// Decoded bytes returned so far.
  public var decodedBytes: Int64 { core.decoded }

  public func read(into buffer: UnsafeMutableRawBufferPointer) throws(CorpusIOError) -> Int {
    try core.result(fill(buffer))
  }

  /// Decodes into `buffer` until it is full or the stream ends; records an error instead of
  /// throwing it, so that bytes already produced are returned first.
  private func fill(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
    guard let out = buffer.baseAddress else { return 0 }
    var produced = 0
    while produced < buffer.count, !core.failed {
      switch state {
      case .member:
        if core.input.available == 0 {
          guard core.refill() else {
            if !core.failed {
              core.fail(.truncated, "gzip stream ends inside member \(members + 1)")
            }
            return produced
          }
        }
        let span = min(buffer.count - produced, maxCodecSpan)
        stream.pointee.next_in = core.input.pointer.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = UInt32(core.input.available)
        stream.pointee.next_out = (out + produced).assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = UInt32(span)
        let ret = inflate(stream, Z_NO_FLUSH)
        let written = span - Int(stream.pointee.avail_out)
        produced += written
        core.decoded += Int64(written)
        core.input.start = core.input.end - Int(stream.pointee.avail_in)
        switch ret {
        case Z_OK:
          continue
        case Z_BUF_ERROR:
          // No progress possible: normal when the input is used up; never with input left.
          if core.input.available > 0, written == 0 {
            core.fail(.corrupt, "gzip decoder made no progress in member \(members + 1)")
            return produced
          }
        case Z_STREAM_END:
          members += 1
          inflateReset(stream)
          state = .between
        case Z_MEM_ERROR:
          core.fail(.readFailed, "zlib ran out of memory")
          return produced
        default:
          core.fail(.corrupt, "gzip data error in member \(members + 1): \(zlibMessage(ret))")
          return produced
        }
      case .between:
        if core.input.available == 0 {
          guard core.refill() else {
            if !core.failed { state = .done }
            return produced
          }
        }
        switch core.input.pointer.load(as: UInt8.self) {
        case 0x1F:
          state = .member
        case 0x00:
          state = .padding
        default:
          core.fail(.corrupt, "trailing garbage after gzip member \(members)")
          return produced
        }
      case .padding:
        let bytes = UnsafeRawBufferPointer(start: core.input.pointer, count: core.input.available)
        if let nonZero = bytes.firstIndex(where: { $0 != 0 }) {
          core.input.start += nonZero
          core.fail(.corrupt, "non-zero byte in the padding after gzip member \(members)")
          return produced
        }
        core.input.start = core.input.end
        guard core.refill() else {
          if !core.failed { state = .done }
          return produced
        }
      case .done:
        return produced
      }
    }
    return produced
  }


  private func zlibMessage(_ ret: Int32) -> String {
    if let msg = stream.pointee.msg { return String(cString: msg) }
    return "code \(ret)"
  }
}
