#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Splits a ``ByteSource`` into lines at LF bytes (0x0A) only.
///
/// CR, VT, FF, U+0085, U+2028 and U+2029 are ordinary bytes here and stay inside a line; a
/// CRLF line therefore ends in CR. A final line without a trailing LF is still a line.
/// Lines may be arbitrarily long: the buffer grows to the longest line and is reused.
///
/// ```swift
/// let lines = LineReader(source)
/// while let line = try lines.next() { … }   // `line` is valid until the next call
/// ```
public final class LineReader {
  private let source: any ByteSource
  private var buffer: UnsafeMutableRawBufferPointer
  private var start = 0  // first unread byte
  private var end = 0  // one past the last filled byte
  private var scanned = 0  // bytes in start..<end already known to hold no LF
  private var atEOF = false
  private var pendingError: CorpusIOError?

  /// 1-based number of the line most recently returned by ``next()``.
  public private(set) var lineNumber: Int64 = 0
  /// Byte offset (in the decoded stream) where the most recently returned line starts.
  public private(set) var lineOffset: Int64 = 0
  /// Byte offset of the next unread byte in the decoded stream.
  public private(set) var offset: Int64 = 0

  /// Bytes of a cut-off line dropped because the stream broke after them (0 when none).
  public private(set) var droppedPartialBytes = 0

  /// The most recent line ended at end of stream without a LF.
  public private(set) var lastLineUnterminated = false

  /// Creates a line reader over `source`, reading `chunkSize` bytes at a time.
  public init(_ source: any ByteSource, chunkSize: Int = 1 << 18) {
    self.source = source
    self.buffer = .allocate(byteCount: max(16, chunkSize), alignment: 16)
  }

  deinit { buffer.deallocate() }

  /// Bytes consumed from the underlying file so far.
  public var consumedBytes: Int64 { source.consumedBytes }

  /// Returns the next line without its LF, or `nil` at end of stream.
  ///
  /// The returned buffer points into the reader's storage and is valid only until the next
  /// call. A read error is thrown once every complete line before it has been returned;
  /// the unterminated bytes before a read error are dropped (the error message says how many).
  ///
  /// - Complexity: amortized O(line length); each byte is scanned once.
  public func next() throws(CorpusIOError) -> UnsafeRawBufferPointer? {
    while true {
      if let lf = findLF() {
        let line = UnsafeRawBufferPointer(rebasing: buffer[start..<lf])
        emit(length: lf - start, consumed: lf - start + 1)
        lastLineUnterminated = false
        return line
      }
      if atEOF {
        if let error = pendingError {
          // A broken stream: the bytes after the last LF are a cut-off line, not a line.
          pendingError = nil
          var reported = error
          if start < end {
            reported.message += " (a partial line of \(end - start) bytes at byte \(offset) was dropped)"
            droppedPartialBytes = end - start
            offset += Int64(end - start)
            start = end
          }
          throw reported
        }
        if start < end {
          let line = UnsafeRawBufferPointer(rebasing: buffer[start..<end])
          emit(length: end - start, consumed: end - start)
          lastLineUnterminated = true
          return line
        }
        return nil
      }
      fill()
    }
  }

  @inline(__always)
  private func emit(length: Int, consumed: Int) {
    lineNumber += 1
    lineOffset = offset
    offset += Int64(consumed)
    start += consumed
    scanned = 0
  }

  private func findLF() -> Int? {
    let from = start + scanned
    guard from < end else { return nil }
    let base = buffer.baseAddress!
    if let p = memchr(base + from, 0x0A, end - from) {
      return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(p))
    }
    scanned = end - start
    return nil
  }

  private func fill() {
    // Make room: move the partial line to the front, or grow when one line fills the buffer.
    if start > 0 {
      if start < end {
        buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: end - start)
      }
      end -= start
      start = 0
    }
    if end == buffer.count {
      let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
      grown.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: end)
      buffer.deallocate()
      buffer = grown
    }
    do {
      let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
      if n == 0 { atEOF = true } else { end += n }
    } catch {
      pendingError = error
      atEOF = true
    }
  }
}
