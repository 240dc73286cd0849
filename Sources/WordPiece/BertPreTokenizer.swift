/// The BERT normalizer and pre-tokenizer in one pass over UTF-8 bytes.
///
/// Normalization (clean text, CJK spacing, optional lower-casing with accent stripping) and
/// splitting at whitespace and punctuation happen together, driven by per-code-point tables
/// generated from the reference implementations (`scripts/make_wordpiece_tables.py`). A word
/// that normalization leaves unchanged (the common case) is handed on as a slice of the input,
/// without copying; others are rebuilt in a scratch buffer.
///
/// Terms: a *segment* is a maximal run of input code points that are word characters, deleted
/// characters, or characters the lowercase mapping changes. A segment without such changes is
/// one word; otherwise it is normalized and may yield several words (a mapping can produce
/// punctuation or spaces, as CJK compatibility ideographs do).
public struct BertPreTokenizer: Sendable {
  /// The options this pre-tokenizer follows.
  public let options: WordPieceOptions

  let tables: UnicodeTables
  /// Per ASCII byte: bits 0-1 action, bit 2 changed by lower-casing, bit 3 may start a special
  /// token.
  let ascii: [UInt8]
  /// The ASCII bytes whose `ascii` entry is 0: plain word characters.
  let plain: ASCIIByteSet
  let actionShift: UInt16
  let pretokenizerShift: UInt16
  /// Flags that put a non-ASCII code point into the normalizing path.
  let changeMask: UInt16
  let mappedMask: UInt16
  let sensitiveMask: UInt16
  let useHFLowercase: Bool
  /// Special tokens in the vocabulary, longest first.
  let specials: [(bytes: [UInt8], id: Int32)]
  /// Whether every special token starts and ends with a character that is a word boundary
  /// anyway, so specials can be recognised in the main loop (otherwise the text is split at
  /// them first).
  let specialsAtBoundaries: Bool

  static let changedBit: UInt8 = 4
  static let specialStartBit: UInt8 = 8

  /// Creates a pre-tokenizer.
  ///
  /// - Parameters:
  ///   - options: the profile and case mode; ``WordPieceOptions/specialTokens`` is not read
  ///     here.
  ///   - specialTokens: tokens to recognise verbatim in the raw text, with their ids.
  public init(options: WordPieceOptions, specialTokens: [(token: String, id: Int32)] = []) {
    self.options = options
    let tables = UnicodeTables.shared
    self.tables = tables
    let hf = options.profile == .huggingFace
    actionShift = hf ? UnicodeTables.Bit.hfAction : UnicodeTables.Bit.bertAction
    pretokenizerShift = hf ? UnicodeTables.Bit.hfPretokenizer : UnicodeTables.Bit.bertPretokenizer
    mappedMask =
      !options.lowercase ? 0 : hf ? UnicodeTables.Bit.hfLowercaseMapped : UnicodeTables.Bit.bertLowercaseMapped
    sensitiveMask = options.lowercase && hf ? UnicodeTables.Bit.hfReorderSensitive : 0
    changeMask = mappedMask | sensitiveMask
    useHFLowercase = hf
    let actionShift = self.actionShift
    let mappedMask = self.mappedMask
    var ascii = (0..<128).map { b -> UInt8 in
      let flags = tables.flags(UInt32(b))
      var entry = UInt8(truncatingIfNeeded: flags >> actionShift) & 3
      if flags & mappedMask != 0 { entry |= BertPreTokenizer.changedBit }
      return entry
    }
    let specials = specialTokens.map { (Array($0.token.utf8), $0.id) }.filter { !$0.0.isEmpty }
      .sorted { $0.0.count > $1.0.count }
    self.specials = specials
    func isBoundary(_ scalar: Unicode.Scalar?) -> Bool {
      guard let scalar else { return false }
      let flags = tables.flags(scalar.value)
      let action = UInt8(truncatingIfNeeded: flags >> actionShift) & 3
      return flags & mappedMask == 0
        && (action == CharacterAction.split.rawValue || action == CharacterAction.isolate.rawValue)
    }
    specialsAtBoundaries = specialTokens.allSatisfy {
      $0.token.utf8.first.map { $0 < 0x80 } ?? true
        && isBoundary($0.token.unicodeScalars.first) && isBoundary($0.token.unicodeScalars.last)
    }
    if specialsAtBoundaries {
      for (bytes, _) in specials { ascii[Int(bytes[0])] |= BertPreTokenizer.specialStartBit }
    }
    self.ascii = ascii
    plain = ASCIIByteSet { ascii[Int($0)] == 0 }
  }

  /// The words of `text`, as strings (for tests and inspection; the encoder does not use it).
  public func words(in text: String) -> [String] {
    var collector = WordCollector()
    var copy = text
    var scratch: [UInt8] = []
    copy.withUTF8 { forEachWord(UnsafeRawBufferPointer($0), scratch: &scratch, into: &collector) }
    return collector.words
  }

  /// Calls `sink` for each word (and special token) of the UTF-8 text `bytes`.
  ///
  /// `scratch` is reused between calls; it grows to three times the longest segment.
  ///
  /// - Complexity: O(n) in the length of `bytes`.
  func forEachWord<Sink: WordSink>(
    _ bytes: UnsafeRawBufferPointer, scratch: inout [UInt8], into sink: inout Sink
  ) {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
    let p = base.assumingMemoryBound(to: UInt8.self)
    if !specials.isEmpty && !specialsAtBoundaries {
      forEachWordSplittingSpecials(p, bytes.count, scratch: &scratch, into: &sink)
      return
    }
    scan(p, bytes.count, checkSpecials: !specials.isEmpty, scratch: &scratch, into: &sink)
  }

  /// The general path for special tokens that do not start and end at word boundaries: split
  /// the text at the leftmost-longest special token, then scan the pieces between them.
  private func forEachWordSplittingSpecials<Sink: WordSink>(
    _ p: UnsafePointer<UInt8>, _ n: Int, scratch: inout [UInt8], into sink: inout Sink
  ) {
    var start = 0
    var i = 0
    while i < n {
      var matched: (length: Int, id: Int32)?
      for (bytes, id) in specials where bytes.count <= n - i {
        var k = 0
        while k < bytes.count, p[i + k] == bytes[k] { k += 1 }
        if k == bytes.count {
          matched = (k, id)
          break
        }
      }
      if case let (length, id)? = matched {
        if i > start { scan(p + start, i - start, checkSpecials: false, scratch: &scratch, into: &sink) }
        sink.special(id)
        i += length
        start = i
      } else {
        i += 1
      }
    }
    if n > start { scan(p + start, n - start, checkSpecials: false, scratch: &scratch, into: &sink) }
  }

  /// The main loop.
  @inline(__always)
  private func scan<Sink: WordSink>(
    _ p: UnsafePointer<UInt8>, _ n: Int, checkSpecials: Bool, scratch: inout [UInt8],
    into sink: inout Sink
  ) {
    ascii.withUnsafeBufferPointer { asciiBuffer in
      let ascii = asciiBuffer.baseAddress.unsafelyUnwrapped
      let stage1 = tables.stage1
      let blocks = tables.blocks
      let actionShift = actionShift
      let changeMask = changeMask
      var i = 0
      while i < n {
        let b = p[i]
        if b < 0x80 {
          let entry = ascii[Int(b)]
          switch entry & 3 {
          case CharacterAction.split.rawValue:
            i &+= 1
            continue
          case CharacterAction.isolate.rawValue:
            if checkSpecials, entry & BertPreTokenizer.specialStartBit != 0,
              case let (length, id)? = matchSpecial(p, i, n)
            {
              sink.special(id)
              i &+= length
            } else {
              sink.word(p + i, 1)
              i &+= 1
            }
            continue
          default:
            break
          }
        } else {
          let (scalar, length) = decodeNonASCIIScalar(p, i, n)
          let flags = blocks[Int(stage1[Int(scalar &>> 8)]) &* 256 &+ Int(scalar & 0xFF)]
          if flags & changeMask == 0 {
            switch UInt8(truncatingIfNeeded: flags &>> actionShift) & 3 {
            case CharacterAction.split.rawValue:
              i &+= length
              continue
            case CharacterAction.isolate.rawValue:
              sink.word(p + i, length)
              i &+= length
              continue
            default:
              break
            }
          }
        }
        // A word character, a deleted one, or one that normalization changes: one call site,
        // so that the segment scan is inlined here.
        i = segment(p, i, n, ascii: ascii, scratch: &scratch, into: &sink)
      }
    }
  }

  /// The special token starting at `p[i]`, longest first.
  @inline(never)
  private func matchSpecial(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (Int, Int32)? {
    for (bytes, id) in specials where bytes.count <= n - i {
      var k = 0
      while k < bytes.count, p[i + k] == bytes[k] { k += 1 }
      if k == bytes.count { return (k, id) }
    }
    return nil
  }

  /// Scans the segment starting at `p[start]` and emits its words; returns where it ends.
  @inline(__always)
  private func segment<Sink: WordSink>(
    _ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int, ascii: UnsafePointer<UInt8>,
    scratch: inout [UInt8], into sink: inout Sink
  ) -> Int {
    let stage1 = tables.stage1
    let blocks = tables.blocks
    var j = start
    var changed = false
    var sensitive = false
    while j < n {
      if j &+ 8 <= n {  // plain word characters, eight at a time: the common case
        let run = plain.run(UInt64(littleEndian: UnsafeRawPointer(p + j).loadUnaligned(as: UInt64.self)))
        j &+= run
        if run == 8 { continue }
      }
      let b = p[j]
      if b < 0x80 {
        let entry = ascii[Int(b)]
        if entry == 0 {  // a plain word character near the end of the text
          j &+= 1
          continue
        }
        let action = entry & 3
        if action == CharacterAction.word.rawValue {
          if entry & BertPreTokenizer.changedBit != 0 { changed = true }
          j &+= 1
          continue
        }
        if action == CharacterAction.drop.rawValue {
          changed = true
          j &+= 1
          continue
        }
        break
      }
      let (scalar, length) = decodeNonASCIIScalar(p, j, n)
      let flags = blocks[Int(stage1[Int(scalar &>> 8)]) &* 256 &+ Int(scalar & 0xFF)]
      if flags & changeMask != 0 {
        changed = true
        if flags & sensitiveMask != 0 { sensitive = true }
        j &+= length
        continue
      }
      let action = UInt8(truncatingIfNeeded: flags &>> actionShift) & 3
      if action == CharacterAction.word.rawValue {
        j &+= length
        continue
      }
      if action == CharacterAction.drop.rawValue {
        changed = true
        j &+= length
        continue
      }
      break
    }
    if !changed {
      sink.word(p + start, j - start)
    } else if sensitive {
      normalizeExactly(p + start, j - start, into: &sink)
    } else {
      normalize(p + start, j - start, scratch: &scratch, into: &sink)
    }
    return j
  }

  /// Normalizes a segment with per-code-point mappings and emits its words.
  @inline(never)
  private func normalize<Sink: WordSink>(
    _ p: UnsafePointer<UInt8>, _ n: Int, scratch: inout [UInt8], into sink: inout Sink
  ) {
    // Every code point maps to at most three times its UTF-8 length (a Hangul syllable to
    // three jamo), checked by the table generator.
    let needed = 3 * n + 16
    if scratch.count < needed { scratch = [UInt8](repeating: 0, count: max(needed, 2 * scratch.count)) }
    let lowercaseMap = useHFLowercase ? tables.hfLowercase : tables.bertLowercase
    scratch.withUnsafeMutableBufferPointer { buffer in
      let out = buffer.baseAddress.unsafelyUnwrapped
      var w = 0
      var i = 0
      while i < n {
        let b = p[i]
        if b < 0x80 {
          let entry = ascii[Int(b)]
          if entry & 3 == CharacterAction.drop.rawValue {
            i &+= 1
            continue
          }
          out[w] = entry & BertPreTokenizer.changedBit != 0 ? b | 0x20 : b
          w &+= 1
          i &+= 1
          continue
        }
        let (scalar, length) = decodeNonASCIIScalar(p, i, n)
        let flags = tables.flags(scalar)
        if flags & mappedMask != 0 {
          if case let (l, v, t)? = UnicodeTables.hangulDecomposition(scalar) {
            w &+= encodeUTF8(l, out + w)
            w &+= encodeUTF8(v, out + w)
            if let t { w &+= encodeUTF8(t, out + w) }
          } else if let range = lowercaseMap.lookup(scalar) {
            for k in range {
              let o = lowercaseMap.scalars[k]
              switch outputClass(o) {
              case CharacterAction.split.rawValue:
                if w > 0 { sink.word(out, w) }
                w = 0
              case CharacterAction.isolate.rawValue:
                if w > 0 { sink.word(out, w) }
                w = encodeUTF8(o, out)
                sink.word(out, w)
                w = 0
              default:
                w &+= encodeUTF8(o, out + w)
              }
            }
          }
        } else if UInt8(truncatingIfNeeded: flags &>> actionShift) & 3 != CharacterAction.drop.rawValue {
          for k in 0..<length { out[w &+ k] = p[i &+ k] }
          w &+= length
        }
        i &+= length
      }
      if w > 0 { sink.word(out, w) }
    }
  }

  /// The pre-tokenizer class of a code point produced by normalization.
  @inline(__always)
  private func outputClass(_ scalar: UInt32) -> UInt8 {
    UInt8(truncatingIfNeeded: tables.flags(scalar) &>> pretokenizerShift) & 3
  }

  /// The exact HF lowercase path, for a segment whose marks may need canonical reordering.
  ///
  /// Taken when a code point's decomposition keeps a mark with a nonzero combining class: full
  /// NFD with canonical reordering, then removal of nonspacing marks, then lower-casing. Rare (musical symbols, a few Brahmic viramas).
  @inline(never)
  private func normalizeExactly<Sink: WordSink>(
    _ p: UnsafePointer<UInt8>, _ n: Int, into sink: inout Sink
  ) {
    var decomposed: [UInt32] = []
    var i = 0
    while i < n {
      let (scalar, length): (UInt32, Int)
      if p[i] < 0x80 { (scalar, length) = (UInt32(p[i]), 1) } else { (scalar, length) = decodeNonASCIIScalar(p, i, n) }
      i += length
      let flags = tables.flags(scalar)
      let action = UInt8(truncatingIfNeeded: flags &>> actionShift) & 3
      if action == CharacterAction.drop.rawValue { continue }
      let padded = action == CharacterAction.isolate.rawValue
      if padded { decomposed.append(0x20) }
      if case let (l, v, t)? = UnicodeTables.hangulDecomposition(scalar) {
        decomposed.append(l)
        decomposed.append(v)
        if let t { decomposed.append(t) }
      } else if let range = tables.hfDecomposition.lookup(scalar) {
        decomposed.append(contentsOf: tables.hfDecomposition.scalars[range])
      } else {
        decomposed.append(scalar)
      }
      if padded { decomposed.append(0x20) }
    }
    // Canonical ordering: a stable sort of every run of nonzero combining classes.
    var start = 0
    while start < decomposed.count {
      guard tables.combiningClass(decomposed[start]) != 0 else {
        start += 1
        continue
      }
      var end = start
      while end < decomposed.count, tables.combiningClass(decomposed[end]) != 0 { end += 1 }
      let run = decomposed[start..<end].enumerated().sorted {
        let a = tables.combiningClass($0.element)
        let b = tables.combiningClass($1.element)
        return a != b ? a < b : $0.offset < $1.offset
      }
      decomposed.replaceSubrange(start..<end, with: run.map(\.element))
      start = end
    }
    var word: [UInt8] = []
    var utf8: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
    func flush() {
      if !word.isEmpty { word.withUnsafeBufferPointer { sink.word($0.baseAddress.unsafelyUnwrapped, $0.count) } }
      word.removeAll(keepingCapacity: true)
    }
    for scalar in decomposed where tables.flags(scalar) & UnicodeTables.Bit.hfNonspacingMark == 0 {
      let lowered: ArraySlice<UInt32> =
        tables.hfSimpleLowercase.lookup(scalar).map { tables.hfSimpleLowercase.scalars[$0] } ?? [scalar]
      for o in lowered {
        let count = withUnsafeMutableBytes(of: &utf8) {
          encodeUTF8(o, $0.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: UInt8.self))
        }
        let bytes = withUnsafeBytes(of: utf8) { Array($0.prefix(count)) }
        switch outputClass(o) {
        case CharacterAction.split.rawValue:
          flush()
        case CharacterAction.isolate.rawValue:
          flush()
          word = bytes
          flush()
        default:
          word.append(contentsOf: bytes)
        }
      }
    }
    flush()
  }
}
