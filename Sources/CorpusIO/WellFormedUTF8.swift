extension String {
  /// A string of `bytes` that the caller guarantees are well-formed UTF-8 — the output of a
  /// transformation that reads a string and writes only whole scalars, or bytes already
  /// validated: one copy and no validation (debug builds check the guarantee).
  ///
  /// `isKnownASCII` tells that every byte is below 0x80 (skipping that scan too).
  ///
  /// - Complexity: O(n), one copy.
  @inline(__always)
  public init(wellFormedUTF8 bytes: UnsafeBufferPointer<UInt8>, isKnownASCII: Bool = false) {
    assert(String(validating: bytes, as: UTF8.self) != nil, "ill-formed UTF-8")
    self = bytes.isEmpty ? "" : String(copying: UTF8Span(unchecked: bytes.span, isKnownASCII: isKnownASCII))
  }
}
