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
  }

  private var core: DecoderCore
  private let stream: UnsafeMutablePointer<bz_stream>
  private var streamActive = false
  private var state = State.stream
  private var streams = 0
  /// The decoder left output space unused, so it can progress only with more core.input.
  private var needsInput = true

  /// Creates a decoder reading compressed bytes from `source`.
  ///
  /// - Parameter inputBufferSize: bytes of compressed input held at once (default 256 KiB).
  public init(_ source: any ByteSource, inputBufferSize: Int = 1 << 18) throws(CorpusIOError) {
    stream = .allocate(capacity: 1)
    stream.initialize(to: bz_stream())
    core = DecoderCore(source, inputBufferSize: inputBufferSize)
    let ret = BZ2_bzDecompressInit(stream, 0, 0)
    if ret != BZ_OK {
      stream.deinitialize(count: 1)
      stream.deallocate()
      core.deallocate()
      throw CorpusIOError(.readFailed, "bzip2 initialisation failed (code \(ret))")
    }
    streamActive = true
  }

  deinit {
    if streamActive { BZ2_bzDecompressEnd(stream) }
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

  private func fill(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
    guard let out = buffer.baseAddress else { return 0 }
    var produced = 0
    while produced < buffer.count, !core.failed {
      switch state {
      case .stream:
        if core.input.available == 0, needsInput {
          guard core.refill() else {
            if !core.failed {
              core.fail(.truncated, "bzip2 stream \(streams + 1) ends before its end marker")
            }
            return produced
          }
        }
        let span = min(buffer.count - produced, maxCodecSpan)
        stream.pointee.next_in = core.input.pointer.assumingMemoryBound(to: CChar.self)
        stream.pointee.avail_in = UInt32(core.input.available)
        stream.pointee.next_out = (out + produced).assumingMemoryBound(to: CChar.self)
        stream.pointee.avail_out = UInt32(span)
        let ret = BZ2_bzDecompress(stream)
        let written = span - Int(stream.pointee.avail_out)
        produced += written
        core.decoded += Int64(written)
        core.input.start = core.input.end - Int(stream.pointee.avail_in)
        switch ret {
        case BZ_OK:
          needsInput = stream.pointee.avail_out > 0
        case BZ_STREAM_END:
          streams += 1
          BZ2_bzDecompressEnd(stream)
          streamActive = false
          state = .between
        case BZ_DATA_ERROR_MAGIC where streams > 0:
          core.fail(.corrupt, "trailing garbage after bzip2 stream \(streams)")
          return produced
        case BZ_DATA_ERROR_MAGIC:
          core.fail(.corrupt, "not a bzip2 stream")
          return produced
        case BZ_MEM_ERROR:
          core.fail(.readFailed, "bzip2 ran out of memory")
          return produced
        default:
          core.fail(.corrupt, "bzip2 data error in stream \(streams + 1) (code \(ret))")
          return produced
        }
      case .between:
        if core.input.available == 0 {
          guard core.refill() else {
            if !core.failed { state = .done }
            return produced
          }
        }
        stream.pointee = bz_stream()
        let ret = BZ2_bzDecompressInit(stream, 0, 0)
        if ret != BZ_OK {
          core.fail(.readFailed, "bzip2 initialisation failed (code \(ret))")
          return produced
        }
        streamActive = true
        needsInput = true
        state = .stream
      case .done:
        return produced
      }
    }
    return produced
  }

}
