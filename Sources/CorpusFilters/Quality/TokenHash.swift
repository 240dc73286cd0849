import CTokenKernels

/// The 64-bit hash that tells the tokens of ``QualityTokens`` apart (the n-gram rules compare
/// only these hashes, and stop words are matched by them: ``StopWords``), and the lines and
/// paragraphs of ``QualityFilter``'s repetition rules.
///
/// The hash is defined in C (`dac_token_hash.h`, where its construction is described), so that
/// the tokenizer's kernel (`dac_quality_scan`) and these Swift scans agree by construction:
/// 1 to 7 bytes cost one `fmix64` and never collide, 8 to 16 bytes two, longer inputs one
/// full-width multiplication per 16 bytes.
enum TokenHash {
  /// The hash of the `count` (≥ 1) bytes at `p`, of which `readable` (≥ `count`) may be read.
  ///
  /// - Complexity: O(1) up to 16 bytes, O(count) above.
  @inline(__always)
  static func hash(_ p: UnsafePointer<UInt8>, count: Int, readable: Int) -> UInt64 {
    if count < 8 { return short(readable >= 8 ? SWAR.load(p) : partialLoad(p, count: count), count: count) }
    if count <= 16 { return dac_token_hash_medium(p, count) }
    return dac_token_hash_long(p, count)
  }

  /// The hash of the token of `count` (1 to 7) bytes held in the low bytes of `word` (the bytes
  /// above them may be anything).
  ///
  /// - Complexity: O(1): a mask and `fmix64`.
  @inline(__always)
  static func short(_ word: UInt64, count: Int) -> UInt64 { dac_token_hash_short(word, count) }

  /// The `count` (< 8) bytes at `p` in the low bytes of a word, read one at a time (for the end
  /// of a buffer, where eight bytes may not be readable).
  @inline(never)
  static func partialLoad(_ p: UnsafePointer<UInt8>, count: Int) -> UInt64 {
    var word: UInt64 = 0
    for k in 0..<count { word |= UInt64(p[k]) &<< UInt64(k &* 8) }
    return word
  }

  /// The hash of `bytes` (0 when empty: an empty line).
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    guard let p = bytes.baseAddress, bytes.count > 0 else { return 0 }
    return hash(p, count: bytes.count, readable: bytes.count)
  }

  /// The hash of the UTF-8 bytes of `string` (not empty).
  static func hash(_ string: String) -> UInt64 {
    var copy = string
    return copy.withUTF8 { hash($0) }
  }
}
