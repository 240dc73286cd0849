/// What every decoder (gzip, zstd, bzip2) keeps besides its codec: the inner source and the
/// compressed input read from it, the count of bytes produced, and the first error, held until
/// the bytes decoded before it have been returned.
struct DecoderCore {
  let inner: any ByteSource
  var input: CompressedInput
  /// Decoded bytes produced so far.
  var decoded: Int64 = 0
  /// An error was met; the decoder produces nothing more.
  private(set) var failed = false
  private var pendingError: CorpusIOError?

  init(_ inner: any ByteSource, inputBufferSize: Int) {
    self.inner = inner
    input = CompressedInput(capacity: inputBufferSize)
  }

  func deallocate() { input.deallocate() }

  /// Refills the (empty) input buffer; `false` at end of input or on a read error (which then
  /// becomes the pending error).
  mutating func refill() -> Bool {
    do {
      return try input.refill(from: inner)
    } catch {
      failed = true
      pendingError = error
      return false
    }
  }

  /// Records an error at the current position: `offset` is the decoded bytes produced before
  /// it, and the message names the compressed offset.
  mutating func fail(_ kind: CorpusIOError.Kind, _ message: String) {
    failed = true
    pendingError = CorpusIOError(kind, "\(message) (compressed offset \(input.consumed))", offset: decoded)
  }

  /// What ``ByteSource/read(into:)`` returns when a fill produced `count` bytes: the bytes, or,
  /// when there were none, the pending error once, and 0 after it.
  mutating func result(_ count: Int) throws(CorpusIOError) -> Int {
    if count > 0 { return count }
    if let error = pendingError {
      pendingError = nil
      throw error
    }
    return 0
  }
}
