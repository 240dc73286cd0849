extension String {
  /// Decodes `bytes` as UTF-8, or returns `nil` when they are not valid UTF-8.
  ///
  /// One validation pass and one copy; no per-character work.
  @inlinable
  public init?(validatingUTF8Bytes bytes: UnsafeRawBufferPointer) {
    guard let string = bytes.withMemoryRebound(to: UInt8.self, { String(validating: $0, as: UTF8.self) })
    else { return nil }
    self = string
  }

  /// Decodes `bytes` as UTF-8, replacing each invalid sequence by U+FFFD.
  @inlinable
  public init(repairingUTF8Bytes bytes: UnsafeRawBufferPointer) {
    self = bytes.withMemoryRebound(to: UInt8.self) { String(decoding: $0, as: UTF8.self) }
  }
}
