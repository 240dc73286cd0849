import CBzip2

/// A ``ByteSource`` that decodes a bzip2 stream read from another source.
///
/// - Concatenated streams (as pbzip2 and `cat a.bz2 b.bz2` produce) are decoded in order.
/// - A stream that ends inside a bzip2 stream is ``CorpusIOError/Kind/truncated``; data libbz2
///   rejects (a bad block CRC, trailing bytes that are not a stream) is
///   ``CorpusIOError/Kind/corrupt``. The error's `offset` is the number of decoded bytes produced
///   before it, and the message names the compressed offset. Every byte decoded before the
///   problem is returned first; the error comes from the following read, and reads after it
///   return 0.
///
/// Memory: a 256 KiB input buffer plus libbz2's state (about 3.5 MiB for `-9` streams).
public final class Bzip2Decoder: ByteSource {
  private enum State {
    /// Inside a stream (or expecting its header).
    case stream
    /// A stream just ended; more input means another stream.
    case between
    case done
    case failed
  }

  private let inner: any ByteSource
  private var input: CompressedInput
  private let stream: UnsafeMutablePointer<bz_stream>
  private var streamActive = false
  private var state = State.stream
  private var pendingError: CorpusIOError?
  private var decoded: Int64 = 0
  private var streams = 0
  /// The decoder left output space unused, so it can progress only with more input.
  private var needsInput = true

  /// Creates a decoder reading compressed bytes from `source`.
  ///
  /// - Parameter inputBufferSize: bytes of compressed input held at once (default 256 KiB).
  public init(_ source: any ByteSource, inputBufferSize: Int = 1 << 18) throws(CorpusIOError) {
    inner = source
    stream = .allocate(capacity: 1)
    stream.initialize(to: bz_stream())
    input = CompressedInput(capacity: inputBufferSize)
    let ret = BZ2_bzDecompressInit(stream, 0, 0)
    if ret != BZ_OK {
      stream.deinitialize(count: 1)
      stream.deallocate()
      input.deallocate()
      throw CorpusIOError(.readFailed, "bzip2 initialisation failed (code \(ret))")
    }
    streamActive = true
  }

  deinit {
    if streamActive { BZ2_bzDecompressEnd(stream) }
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

  private func fill(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
    guard let out = buffer.baseAddress else { return 0 }
    var produced = 0
    while produced < buffer.count {
      switch state {
      case .stream:
        if input.available == 0, needsInput {
          guard refill() else {
            if state != .failed {
              fail(.truncated, "bzip2 stream \(streams + 1) ends before its end marker")
            }
            return produced
          }
        }
        let span = min(buffer.count - produced, maxCodecSpan)
        stream.pointee.next_in = input.pointer.assumingMemoryBound(to: CChar.self)
        stream.pointee.avail_in = UInt32(input.available)
        stream.pointee.next_out = (out + produced).assumingMemoryBound(to: CChar.self)
        stream.pointee.avail_out = UInt32(span)
        let ret = BZ2_bzDecompress(stream)
        let written = span - Int(stream.pointee.avail_out)
        produced += written
        decoded += Int64(written)
        input.start = input.end - Int(stream.pointee.avail_in)
        switch ret {
        case BZ_OK:
          needsInput = stream.pointee.avail_out > 0
        case BZ_STREAM_END:
          streams += 1
          BZ2_bzDecompressEnd(stream)
          streamActive = false
          state = .between
        case BZ_DATA_ERROR_MAGIC where streams > 0:
          fail(.corrupt, "trailing garbage after bzip2 stream \(streams)")
          return produced
        case BZ_DATA_ERROR_MAGIC:
          fail(.corrupt, "not a bzip2 stream")
          return produced
        case BZ_MEM_ERROR:
          fail(.readFailed, "bzip2 ran out of memory")
          return produced
        default:
          fail(.corrupt, "bzip2 data error in stream \(streams + 1) (code \(ret))")
          return produced
        }
      case .between:
        if input.available == 0 {
          guard refill() else {
            if state != .failed { state = .done }
            return produced
          }
        }
        stream.pointee = bz_stream()
        let ret = BZ2_bzDecompressInit(stream, 0, 0)
        if ret != BZ_OK {
          fail(.readFailed, "bzip2 initialisation failed (code \(ret))")
          return produced
        }
        streamActive = true
        needsInput = true
        state = .stream
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
}
