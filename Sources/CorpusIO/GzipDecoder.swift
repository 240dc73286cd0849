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
    /// An error was met; `pendingError` holds it until thrown.
    case failed
  }

  private let inner: any ByteSource
  private var input: CompressedInput
  private let stream: UnsafeMutablePointer<z_stream>
  private var state = State.member
  private var pendingError: CorpusIOError?
  private var decoded: Int64 = 0
  private var members = 0

  /// Creates a decoder reading compressed bytes from `source`.
  ///
  /// - Parameter inputBufferSize: bytes of compressed input held at once (default 256 KiB).
  public init(_ source: any ByteSource, inputBufferSize: Int = 1 << 18) throws(CorpusIOError) {
    inner = source
    stream = .allocate(capacity: 1)
    stream.initialize(to: z_stream())
    // 15 + 16: a 32 KiB window, gzip wrapper only. `inflateInit2` is a macro Swift cannot see.
    let ret = inflateInit2_(stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
    if ret != Z_OK {
      stream.deinitialize(count: 1)
      stream.deallocate()
      throw CorpusIOError(.readFailed, "zlib initialisation failed (code \(ret))")
    }
    input = CompressedInput(capacity: inputBufferSize)
  }

  deinit {
    inflateEnd(stream)
    stream.deinitialize(count: 1)
    stream.deallocate()
    input.deallocate()
  }

  /// Compressed bytes consumed from the inner source so far.
  public var consumedBytes: Int64 { input.consumed }

  /// Decoded bytes returned so far.
  public var decodedBytes: Int64 { decoded }

  public func read(into buffer: UnsafeMutableRawBufferPointer) throws(CorpusIOError) -> Int {
    let n = fill(buffer)
    if n > 0 { return n }
    if let error = pendingError {
      pendingError = nil
      throw error
    }
    return 0
  }

  /// Decodes into `buffer` until it is full or the stream ends; records an error instead of
  /// throwing it, so that bytes already produced are returned first.
  private func fill(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
    guard let out = buffer.baseAddress else { return 0 }
    var produced = 0
    while produced < buffer.count {
      switch state {
      case .member:
        if input.available == 0 {
          guard refill() else {
            if state != .failed {
              fail(.truncated, "gzip stream ends inside member \(members + 1)")
            }
            return produced
          }
        }
        let span = min(buffer.count - produced, maxCodecSpan)
        stream.pointee.next_in = input.pointer.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = UInt32(input.available)
        stream.pointee.next_out = (out + produced).assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = UInt32(span)
        let ret = inflate(stream, Z_NO_FLUSH)
        let written = span - Int(stream.pointee.avail_out)
        produced += written
        decoded += Int64(written)
        input.start = input.end - Int(stream.pointee.avail_in)
        switch ret {
        case Z_OK:
          continue
        case Z_BUF_ERROR:
          // No progress possible: normal when the input is used up; never with input left.
          if input.available > 0, written == 0 {
            fail(.corrupt, "gzip decoder made no progress in member \(members + 1)")
            return produced
          }
        case Z_STREAM_END:
          members += 1
          inflateReset(stream)
          state = .between
        case Z_MEM_ERROR:
          fail(.readFailed, "zlib ran out of memory")
          return produced
        default:
          fail(.corrupt, "gzip data error in member \(members + 1): \(zlibMessage(ret))")
          return produced
        }
      case .between:
        if input.available == 0 {
          guard refill() else {
            if state != .failed { state = .done }
            return produced
          }
        }
        switch input.pointer.load(as: UInt8.self) {
        case 0x1F:
          state = .member
        case 0x00:
          state = .padding
        default:
          fail(.corrupt, "trailing garbage after gzip member \(members)")
          return produced
        }
      case .padding:
        let bytes = UnsafeRawBufferPointer(start: input.pointer, count: input.available)
        if let nonZero = bytes.firstIndex(where: { $0 != 0 }) {
          input.start += nonZero
          fail(.corrupt, "non-zero byte in the padding after gzip member \(members)")
          return produced
        }
        input.start = input.end
        guard refill() else {
          if state != .failed { state = .done }
          return produced
        }
      case .done, .failed:
        return produced
      }
    }
    return produced
  }

  /// Refills the input buffer; `false` at end of input or on a read error (then `state` is
  /// `.failed`).
  private func refill() -> Bool {
    do {
      return try input.refill(from: inner)
    } catch {
      state = .failed
      pendingError = error
      return false
    }
  }

  private func fail(_ kind: CorpusIOError.Kind, _ message: String) {
    state = .failed
    pendingError = CorpusIOError(
      kind, "\(message) (compressed offset \(input.consumed))", offset: decoded)
  }

  private func zlibMessage(_ ret: Int32) -> String {
    if let msg = stream.pointee.msg { return String(cString: msg) }
    return "code \(ret)"
  }
}
