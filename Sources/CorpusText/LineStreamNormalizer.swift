#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Normalizes a byte stream line by line.
///
/// A line in is a line out (possibly empty), so the output can be compared with `uconv` line for
/// line. Lines end at LF only; each line is a document of its own for the ``TextNormalizer``. The
/// stream may arrive in chunks of any size; the output does not depend on them.
///
/// ```swift
/// var stream = LineStreamNormalizer(try TextNormalizer(config: config))
/// while let chunk = read() { try stream.write(chunk) { try emit($0) } }
/// try stream.finish { try emit($0) }
/// ```
public struct LineStreamNormalizer {
  /// The normalizer (and its ``TextNormalizer/stats``).
  public private(set) var normalizer: TextNormalizer
  private var pending: [UInt8] = []
  private var output: [UInt8] = []
  /// Output is handed to the sink in pieces of about this many bytes.
  private let flushSize = 1 << 16

  /// A stream normalizer that uses `normalizer` for each line.
  public init(_ normalizer: TextNormalizer) {
    self.normalizer = normalizer
  }

  /// Takes the next `chunk` of the stream; hands normalized complete lines (each with its LF)
  /// to `sink`.
  ///
  /// - Complexity: O(chunk) plus normalization; a line split across chunks is copied once.
  public mutating func write(
    _ chunk: UnsafeRawBufferPointer, to sink: (UnsafeBufferPointer<UInt8>) throws -> Void
  ) rethrows {
    guard let base = chunk.baseAddress?.assumingMemoryBound(to: UInt8.self), chunk.count > 0 else { return }
    let n = chunk.count
    var start = 0
    while start < n, let found = memchr(base + start, 0x0A, n - start) {
      let lf = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      if pending.isEmpty {
        normalizer.normalize(UnsafeBufferPointer(start: base + start, count: lf - start), into: &output)
      } else {
        pending.append(contentsOf: UnsafeBufferPointer(start: base + start, count: lf - start))
        pending.withUnsafeBufferPointer { normalizer.normalize($0, into: &output) }
        pending.removeAll(keepingCapacity: true)
      }
      output.append(0x0A)
      start = lf + 1
      if output.count >= flushSize { try flush(to: sink) }
    }
    pending.append(contentsOf: UnsafeBufferPointer(start: base + start, count: n - start))
    try flush(to: sink)
  }

  /// Ends the stream: a last line without LF is normalized and handed over without one.
  public mutating func finish(to sink: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
    if !pending.isEmpty {
      pending.withUnsafeBufferPointer { normalizer.normalize($0, into: &output) }
      pending.removeAll(keepingCapacity: true)
    }
    try flush(to: sink)
  }

  private mutating func flush(to sink: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
    guard !output.isEmpty else { return }
    try output.withUnsafeBufferPointer { try sink($0) }
    output.removeAll(keepingCapacity: true)
  }
}
