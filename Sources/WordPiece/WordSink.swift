/// Receives the words of a text, in order, from ``BertPreTokenizer``.
protocol WordSink {
  /// A normalized word (UTF-8, never empty); `bytes` is valid only during the call.
  mutating func word(_ bytes: UnsafePointer<UInt8>, _ count: Int)
  /// A special token written verbatim in the text (HF profile only).
  mutating func special(_ id: Int32)
}

/// Collects words as strings (tests, inspection).
struct WordCollector: WordSink {
  var words: [String] = []
  mutating func word(_ bytes: UnsafePointer<UInt8>, _ count: Int) {
    words.append(String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self))
  }
  mutating func special(_ id: Int32) { words.append("<special \(id)>") }
}
