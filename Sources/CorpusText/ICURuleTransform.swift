import CICUShim

/// One compiled ICU transliterator, owned: the handle is closed when this object goes away.
///
/// Not `Sendable` and not thread-safe (ICU transliterators keep per-call state); each worker
/// owns its own, opened once and reused for every document.
final class ICURuleTransform {
  private let handle: OpaquePointer
  /// The rules it was compiled from.
  let rules: String

  /// Compiles `rules` (ICU transform rule syntax) in the forward direction.
  init(rules: String) throws(ICUError) {
    var units = Array(rules.utf16)
    var status: Int32 = 0
    var line: Int32 = -1
    var offset: Int32 = -1
    let opened = units.withUnsafeMutableBufferPointer { buffer in
      dac_translit_open(buffer.baseAddress, Int32(buffer.count), &status, &line, &offset)
    }
    guard let opened, status <= 0 else {
      throw ICUError(code: status > 0 ? status : DAC_ICU_MEMORY_ALLOCATION, line: line, offset: offset)
    }
    self.handle = opened
    self.rules = rules
  }

  deinit { dac_translit_close(handle) }

  /// Transliterates `text[start..<limit]` in place, reading `text[contextStart..<contextLimit]`
  /// as context, exactly as ICU does when it transliterates a whole string whose bounds are
  /// the context bounds; text outside `start..<limit` is not changed.
  ///
  /// `text` must have spare capacity: its count is the buffer capacity and `length` the
  /// length of the text in it. Returns the new limit and updates `length`, or `nil` when the
  /// result did not fit (the buffer is then undefined; rebuild it with more room and retry).
  ///
  /// - Complexity: ICU's cost, roughly O(contextLimit − contextStart) per call plus the
  ///   rules applied to the range.
  func transliterate(
    _ text: inout [UInt16], length: inout Int, contextStart: Int, contextLimit: Int, start: Int, limit: Int
  ) throws(ICUError) -> Int? {
    var textLength = Int32(length)
    var newLimit = Int32(limit)
    let status = text.withUnsafeMutableBufferPointer { buffer in
      dac_translit_transliterate(
        handle, buffer.baseAddress, &textLength, Int32(buffer.count), Int32(contextStart),
        Int32(contextLimit), Int32(start), &newLimit)
    }
    if status == DAC_ICU_BUFFER_OVERFLOW { return nil }
    if status > 0 { throw ICUError(code: status) }
    length = Int(textLength)
    return Int(newLimit)
  }
}
