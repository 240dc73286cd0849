extension ScalarClassifier {
  /// ``classify(_:)`` as a call, for the quality scans' non-ASCII scalars: inlined, its fallback
  /// for scalars beyond the classifier's tables (``UnicodeClass/compute(_:)``, which goes through
  /// the standard library's resilient `Unicode.GeneralCategory`) costs the function it sits in
  /// about a hundred instructions of set-up on every call, whether a scalar needs it or not; the
  /// tokenizer's slow path and the line scan run once per chunk and once per line.
  ///
  /// - Complexity: O(1).
  @inline(never)
  func classifyOutOfLine(_ value: UInt32) -> ScalarClass { classify(value) }
}
