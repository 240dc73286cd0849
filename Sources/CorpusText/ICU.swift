import CICUShim

/// Facts about the system ICU that dacorpus links against.
public enum ICU {
  /// ICU's version (`72.1` on Debian 12).
  ///
  /// Transliteration results can change between ICU versions, so reports and shard metadata record
  /// it.
  public static var version: String {
    var buffer = [CChar](repeating: 0, count: 32)
    buffer.withUnsafeMutableBufferPointer { dac_icu_version($0.baseAddress, Int32($0.count)) }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
