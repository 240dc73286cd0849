import CZstd

/// A ``ByteSource`` that decodes a Zstandard stream read from another source.
///
/// - Concatenated frames are decoded in order; skippable frames (pzstd's headers, seek tables)
///   are skipped.
/// - A stream that ends inside a frame is ``CorpusIOError/Kind/truncated``; data libzstd rejects,
///   including a bad checksum and trailing bytes that are not a frame, is
///   ``CorpusIOError/Kind/corrupt``; a frame whose window exceeds `maxWindowLog` is
///   ``CorpusIOError/Kind/tooLarge``. The error's `offset` is the number of decoded bytes produced
///   before it, and the message names the compressed offset. Every byte decoded before the
///   problem is returned first; the error comes from the following read, and reads after it
///   return 0.
///
/// Memory: a 256 KiB input buffer plus the frame's window (at most `1 << maxWindowLog`).
public final class ZstdDecoder: ByteSource {
  private enum State { case frames, done }

  private var core: DecoderCore
  private let context: OpaquePointer
  private var state = State.frames
  /// The last frame is complete and flushed (`ZSTD_decompressStream` returned 0) and no byte of
  /// a next frame has been consumed since.
  private var atFrameBoundary = false
  /// The decoder left output space unused, so it can progress only with more core.input.
  private var needsInput = true

  /// Creates a decoder reading compressed bytes from `source`.
  ///
  /// - Parameters:
  ///   - inputBufferSize: bytes of compressed input held at once (default 256 KiB).
  ///   - maxWindowLog: the largest window accepted, as a power of two. The default, 27
  ///     (128 MiB), is zstd's own; files made with `zstd --long=31` need 31.
  public init(_ source: any ByteSource, inputBufferSize: Int = 1 << 18, maxWindowLog: Int32 = 27)
    throws(CorpusIOError)
  {
    guard let context = ZSTD_createDCtx() else {
      throw CorpusIOError(.readFailed, "zstd initialisation failed")
    }
    let ret = ZSTD_DCtx_setParameter(context, ZSTD_d_windowLogMax, maxWindowLog)
    if ZSTD_isError(ret) != 0 {
      ZSTD_freeDCtx(context)
      throw CorpusIOError(.readFailed, "zstd rejected maxWindowLog \(maxWindowLog)")
    }
    self.context = context
    core = DecoderCore(source, inputBufferSize: inputBufferSize)
  }

  deinit {
    ZSTD_freeDCtx(context)
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
    while produced < buffer.count, state == .frames, !core.failed {
      if core.input.available == 0, needsInput {
        if !core.refill() {
          if core.failed {
            return produced
          } else if atFrameBoundary {
            state = .done
          } else {
            core.fail(.truncated, "zstd stream ends inside a frame")
          }
          return produced
        }
      }
      let available = core.input.available
      var inBuffer = ZSTD_inBuffer(src: UnsafeRawPointer(core.input.pointer), size: available, pos: 0)
      var outBuffer = ZSTD_outBuffer(dst: out + produced, size: buffer.count - produced, pos: 0)
      let ret = ZSTD_decompressStream(context, &outBuffer, &inBuffer)
      produced += outBuffer.pos
      core.decoded += Int64(outBuffer.pos)
      core.input.start += inBuffer.pos
      if ZSTD_isError(ret) != 0 {
        let name = String(cString: ZSTD_getErrorName(ret))
        if name.hasPrefix("Frame requires too much memory") {
          core.fail(.tooLarge, "zstd frame needs a larger window than allowed: \(name)")
        } else {
          core.fail(.corrupt, "zstd data error: \(name)")
        }
        return produced
      }
      if inBuffer.pos == 0, outBuffer.pos == 0, available > 0, ret != 0 {
        core.fail(.corrupt, "zstd decoder made no progress")
        return produced
      }
      if ret == 0 {
        atFrameBoundary = true
      } else if inBuffer.pos > 0 || outBuffer.pos > 0 {
        atFrameBoundary = false
      }
      needsInput = outBuffer.pos < outBuffer.size
    }
    return produced
  }

}
