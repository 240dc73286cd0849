import CTextKernels

/// What one scan found in a text.
///
/// Which repairs and whether transliteration have anything to do, and where.
/// ``TextFeatures/scan(_:table:)`` looks at 64 bytes at a time and at each non-ASCII character
/// once.
struct TextFeatures: OptionSet {
  let rawValue: UInt8

  /// A C0 control other than TAB and LF, or DEL.
  static let control = TextFeatures(rawValue: 1 << 0)
  /// A C1 control, an invisible formatting character or a Unicode space.
  static let cleanable = TextFeatures(rawValue: 1 << 1)
  /// A character U+00C2–U+00F4 followed by one that is a continuation byte in
  /// Windows-1252/Latin-1: possible mojibake.
  static let mojibake = TextFeatures(rawValue: 1 << 2)
  /// U+FFFD.
  static let replacementCharacter = TextFeatures(rawValue: 1 << 3)
  /// A character NFC could change or combine.
  static let nfcUnstable = TextFeatures(rawValue: 1 << 4)
  /// A character transliteration must look at (outside the kept set, or of a script whose
  /// transliteration could change its neighbours).
  static let transliterate = TextFeatures(rawValue: 1 << 5)
  /// Spaces or empty lines ``WhitespaceLayout`` would change.
  static let untidy = TextFeatures(rawValue: 1 << 6)

  /// The fastest ``dac_text_features_scan`` variant this CPU runs.
  static let bestVariant = dac_text_features_best_variant()

  /// Scans `input` once.
  ///
  /// Returns the features and the span from the first to the last character transliteration
  /// must look at (those that make ``transliterate``; the eight-byte word around a control;
  /// all of `input` when it is not valid UTF-8), empty when there is none.
  ///
  /// - Complexity: O(n): two masks per 64 bytes (`dac_text_features_scan`), a closer look at
  ///   the blocks with other bytes than printable ASCII, and a decode and a table look-up per
  ///   non-ASCII character other than `æøåÆØÅ`.
  static func scan(
    _ input: UnsafeBufferPointer<UInt8>, table: CharacterTable
  ) -> (features: TextFeatures, triggers: Range<Int>) {
    scan(input, table: table, skippingDanishLetters: table.danishLettersArePlain)
  }

  /// ``scan(_:table:)`` with the kernel variant `variant` (which must be available), leaving
  /// `æøåÆØÅ` to the kernel when `skippingDanishLetters` (which only
  /// ``CharacterTable/danishLettersArePlain`` allows; the tests compare both ways).
  static func scan(
    _ input: UnsafeBufferPointer<UInt8>, table: CharacterTable, skippingDanishLetters: Bool,
    variant: Int32 = bestVariant
  ) -> (features: TextFeatures, triggers: Range<Int>) {
    guard let p = input.baseAddress, input.count > 0 else { return ([], 0..<0) }
    let n = input.count
    var characters = Characters(count: n)
    var state = dac_text_features_state()
    // 1 KiB: on the stack.
    withUnsafeTemporaryAllocation(of: Int.self, capacity: 128) { leads in
      state.leads = leads.baseAddress!
      state.lead_capacity = leads.count
      var i = 0
      repeat {
        state.lead_count = 0
        i = dac_text_features_scan(variant, &state, p, i, n, skippingDanishLetters ? 1 : 0)
        for j in leads.prefix(state.lead_count) {
          state.unmatched_continuations -= characters.add(at: j, of: p, count: n, table: table) - 1
        }
      } while i < n
    }
    if state.control_words_end != 0 {
      characters.addControls(state.control_words_start..<state.control_words_end)
    }
    return characters.features(
      of: p, count: n, untidy: state.untidy != 0, invalidUTF8: state.unmatched_continuations != 0)
  }

  /// What the characters a byte scan leaves to Swift say: each non-ASCII one looked up once in
  /// the ``CharacterTable``, and the controls' words; then, with what the byte scan found, the
  /// features and the trigger span.
  struct Characters {
    private var features: TextFeatures = []
    private var controls = false
    private var firstTrigger: Int
    private var lastTriggerEnd = 0
    private var anyFlags: UInt8 = 0
    private var allFlags: UInt8 = 0xFF

    /// Nothing yet, in a text of `count` bytes.
    init(count: Int) { firstTrigger = count }

    /// Looks up the character starting at `p[j]` (of `count` bytes); returns its length.
    ///
    /// - Complexity: O(1): a decode and one or two table look-ups.
    @inline(__always)
    mutating func add(at j: Int, of p: UnsafePointer<UInt8>, count n: Int, table: CharacterTable) -> Int {
      let (value, length) = UTF8Scalars.decode(p, j, n)
      let nextCharacter = j + length
      let f = table.flags(value)
      anyFlags |= f
      allFlags &= f
      if CharacterTable.isTrigger(f) {
        firstTrigger = min(firstTrigger, j)
        lastTriggerEnd = max(lastTriggerEnd, nextCharacter)
      }
      if value == 0xFFFD { features.insert(.replacementCharacter) }
      if value >= 0xC2 && value <= 0xF4 && nextCharacter < n && p[nextCharacter] >= 0xC2 {
        let (next, _) = UTF8Scalars.decode(p, nextCharacter, n)
        if table.flags(next) & UnicodeTables.mojibakeContinuation != 0 { features.insert(.mojibake) }
      }
      return length
    }

    /// Adds the eight-byte words `words` that hold a control (a C0 control other than TAB and
    /// LF, or DEL): transliteration must look at them.
    mutating func addControls(_ words: Range<Int>) {
      controls = true
      firstTrigger = min(firstTrigger, words.lowerBound)
      lastTriggerEnd = max(lastTriggerEnd, words.upperBound)
    }

    /// The features of the text `p[0..<count]` and its trigger span, given whether the byte
    /// scan found it `untidy` (two spaces in a row, or a LF with blanks around it or a third in
    /// a row) and whether its UTF-8 is invalid.
    func features(of p: UnsafePointer<UInt8>, count n: Int, untidy: Bool, invalidUTF8: Bool) -> (
      features: TextFeatures, triggers: Range<Int>
    ) {
      var features = self.features
      var (firstTrigger, lastTriggerEnd) = (self.firstTrigger, self.lastTriggerEnd)
      let first = p[0]
      let last = p[n - 1]
      if untidy || first == 0x20 || first == 0x09 || first == 0x0A || last == 0x20 || last == 0x09 || last == 0x0A {
        features.insert(.untidy)
      }
      if controls { features.formUnion([.control, .transliterate]) }
      if invalidUTF8 {
        features.insert(.transliterate)
        firstTrigger = 0
        lastTriggerEnd = n
      }
      if anyFlags & UnicodeTables.cleanable != 0 { features.insert(.cleanable) }
      if allFlags & UnicodeTables.nfcStable == 0 { features.insert(.nfcUnstable) }
      if allFlags & CharacterTable.kept == 0 || anyFlags & UnicodeTables.otherScript != 0 {
        features.insert(.transliterate)
      }
      return (features, firstTrigger < lastTriggerEnd ? firstTrigger..<lastTriggerEnd : 0..<0)
    }
  }
}
