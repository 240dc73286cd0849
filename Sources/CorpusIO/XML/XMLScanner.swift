#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// A streaming pull scanner for XML read from any ``ByteSource``.
///
/// Input arrives in chunks; a tag or a text run may span any number of chunk boundaries, and
/// the events do not depend on how the input is chunked. Memory is bounded by the longest
/// single token (a tag, a comment, or one text run), not by the document.
///
/// ```swift
/// let xml = XMLScanner(source)
/// while let event = try xml.next() {
///   switch event {
///   case .startElement(let name, let attributes, let selfClosing): …
///   case .endElement(let name): …
///   case .text(let text): …
///   }
/// }
/// ```
///
/// What it reports:
/// - Start tags (attribute values entity-decoded; TAB, LF and CR in them become spaces, as XML
///   attribute-value normalisation requires), end tags, and text.
/// - **Text**: all character data between two tags is one ``XMLEvent/text(_:)`` event. The five
///   predefined entities and decimal/hexadecimal character references are decoded. CDATA
///   sections are taken verbatim into the same run. Comments and processing instructions inside
///   a run are skipped without splitting it. An unknown entity such as `&nbsp;`, a bare `&`, or a
///   character reference to a code point that is not a Unicode scalar (or is U+0000) is kept
///   literally and counted in ``unknownEntities``. Line ends are not normalised (CR stays).
///   Whitespace-only text outside the root element is dropped; empty text is never reported.
/// - Skipped: comments, processing instructions (including `<?xml …?>`), `<!DOCTYPE …>`
///   (with an internal subset).
///
/// What it rejects, with an ``XMLError`` carrying the byte offset: unclosed tags, comments or
/// elements at end of input, `<` inside a tag or an attribute value, bad attribute syntax,
/// duplicate attributes, end tags that do not match the innermost open element, invalid UTF-8.
/// Every error consumes at least one byte, so calling ``next()`` again continues after it
/// (a mismatched end tag is consumed and the element stack left as it was);
/// ``resynchronize(toStartTag:)`` skips to a known record boundary instead. A read error of the
/// underlying source surfaces as ``XMLError/Kind/io(_:)``; the source is then at its end.
///
/// A self-closing tag gives one ``XMLEvent/startElement(name:attributes:selfClosing:)`` with
/// `selfClosing` true and no end event. DTDs are not processed; namespace prefixes are part of
/// the name; names are checked on ASCII bytes only (any non-ASCII UTF-8 is allowed in them).
public final class XMLScanner {
  // Accessed once per call, never re-entrantly: skip the run-time exclusivity check.
  @exclusivity(unchecked) private var state: _XMLScanState

  /// Creates a scanner over `source`, reading `chunkSize` bytes at a time. A single token
  /// (tag, comment, text run) larger than `maxTokenBytes` fails with ``XMLError/Kind/tooLarge``.
  public init(_ source: any ByteSource, chunkSize: Int = 1 << 18, maxTokenBytes: Int = 1 << 30) {
    state = _XMLScanState(source, chunkSize: chunkSize, maxTokenBytes: maxTokenBytes)
  }

  deinit { state.deallocate() }

  /// The largest single token the scanner buffers before failing with ``XMLError/Kind/tooLarge``.
  public var maxTokenBytes: Int { state.maxTokenBytes }
  /// Stream byte offset where the most recently returned event starts (its `<`, or the first
  /// byte of its text run).
  public var eventOffset: Int64 { state.eventOffset }
  /// 1-based line number (LF-counted) where the most recently returned event starts.
  public var eventLine: Int64 { state.eventLine }
  /// Entity references that were kept literally: unknown names (`&nbsp;`), bare `&`, and
  /// character references to non-scalars or U+0000. Counted in text and attribute values.
  public var unknownEntities: Int { state.unknownEntities }
  /// Names of the open elements, outermost first.
  public var openElements: [String] { state.openElements }
  /// Stream offset of the next unread byte.
  public var offset: Int64 { state.offset }
  /// Bytes consumed from the underlying file so far (compressed bytes for a decoder).
  public var consumedBytes: Int64 { state.consumedBytes }

  /// Returns the next event, or nil at the end of the document.
  public func next() throws(XMLError) -> XMLEvent? {
    try state.next()
  }

  /// Skips input up to the next start tag `<name` (followed by whitespace, `>` or `/`), so that
  /// the next ``next()`` returns that tag. Use it after an error to continue with the next record.
  ///
  /// Pending text is discarded. The element stack is cut back to what it would be just before a
  /// sibling `<name>`: when an element called `name` is open, it and everything inside it are
  /// dropped (scanning `<wikipedia><article><content><p>` and resynchronizing to `article` leaves
  /// `[wikipedia]`, so the next `<article>` and the final `</wikipedia>` balance); when none is
  /// open, the stack is left as it is.
  ///
  /// - Returns: true when positioned at such a tag; false at end of input (then everything was
  ///   consumed, and a later ``next()`` reports still-open elements as ``XMLError/Kind/unexpectedEOF``).
  public func resynchronize(toStartTag name: String) throws(XMLError) -> Bool {
    try state.resynchronize(toStartTag: name)
  }
}

/// The scanner's state and logic. A struct, so that the hot loop's accesses to it are checked
/// for exclusivity statically rather than at run time as a class's properties would be.
struct _XMLScanState {
  let source: any ByteSource
  var base: UnsafeMutableRawPointer
  var capacity: Int
  var pos = 0  // next unread byte
  var end = 0  // one past the last filled byte
  var bufferOffset: Int64 = 0  // stream offset of base[0]
  var atEOF = false
  var eofReported = false

  // Line counting: LFs before `linesCountedTo` are included in `lineAtCounted`.
  var linesCountedTo = 0
  var lineAtCounted: Int64 = 1

  // The text run being accumulated (slow path).
  var text: [UInt8] = []
  var hasPendingText = false
  var pendingTextOffset: Int64 = 0
  var pendingTextLine: Int64 = 1
  var textSegments: [(decoded: Int, offset: Int64)] = []
  var attributeScratch: [UInt8] = []

  /// The largest single token the scanner buffers before failing with ``XMLError/Kind/tooLarge``.
  let maxTokenBytes: Int

  /// Stream byte offset where the most recently returned event starts (its `<`, or the first
  /// byte of its text run).
  var eventOffset: Int64 = 0
  /// 1-based line number (LF-counted) where the most recently returned event starts.
  var eventLine: Int64 = 1
  /// Entity references that were kept literally: unknown names (`&nbsp;`), bare `&`, and
  /// character references to non-scalars. Counted in text and attribute values.
  var unknownEntities = 0
  /// Names of the open elements, outermost first.
  var openElements: [String] = []

  /// Stream offset of the next unread byte.
  var offset: Int64 { bufferOffset + Int64(pos) }
  /// Bytes consumed from the underlying file so far (compressed bytes for a decoder).
  var consumedBytes: Int64 { source.consumedBytes }

  /// Creates a scanner over `source`, reading `chunkSize` bytes at a time.
  init(_ source: any ByteSource, chunkSize: Int = 1 << 18, maxTokenBytes: Int = 1 << 30) {
    self.source = source
    self.capacity = max(64, chunkSize)
    self.base = .allocate(byteCount: capacity, alignment: 16)
    self.maxTokenBytes = max(maxTokenBytes, 64)
  }

  func deallocate() { base.deallocate() }

  mutating func next() throws(XMLError) -> XMLEvent? {
    while true {
      if pos == end {
        if !atEOF {
          try fill()
          continue
        }
        return try finishAtEOF()
      }
      if byte(pos) != lt {
        if !hasPendingText {
          switch try fastText() {
          case .emitted(let event): return event
          case .consumed: continue
          case .notApplicable: break
          }
        }
        try accumulateText()
        continue
      }
      guard try ensure(2) else {
        let at = pos
        pos = end
        throw error(.unexpectedEOF, "input ends after '<'", at: at)
      }
      let next = byte(pos + 1)
      if next == bang {
        try markupDeclaration()
        continue
      }
      if next == question {
        try processingInstruction()
        continue
      }
      if hasPendingText, let event = try flushText() { return event }
      return try tag()
    }
  }

  mutating func resynchronize(toStartTag name: String) throws(XMLError) -> Bool {
    hasPendingText = false
    text.removeAll(keepingCapacity: true)
    textSegments.removeAll(keepingCapacity: true)
    if let k = openElements.lastIndex(of: name) { openElements.removeSubrange(k...) }
    let pattern = [lt] + Array(name.utf8)
    while true {
      if pos < end, let hit = memchr(base + pos, Int32(lt), end - pos) {
        pos = base.distance(to: hit)
        guard try ensure(pattern.count + 1) else {
          pos = end
          return false
        }
        var matches = true
        for (k, c) in pattern.enumerated() where byte(pos + k) != c {
          matches = false
          break
        }
        if matches {
          let after = byte(pos + pattern.count)
          if isSpace(after) || after == gt || after == slash { return true }
        }
        pos += 1
      } else {
        pos = end
        if atEOF { return false }
        try fill()
      }
    }
  }

  // MARK: - Buffer

  @inline(__always) func byte(_ i: Int) -> UInt8 { base.load(fromByteOffset: i, as: UInt8.self) }

  /// Reads more input, first moving the unread bytes to the front (or growing the buffer when
  /// the unread bytes fill it). Indices relative to `pos` stay valid; absolute indices do not.
  mutating func fill() throws(XMLError) {
    if pos > 0 {
      countLines(to: pos)
      if pos < end { base.copyMemory(from: base + pos, byteCount: end - pos) }
      bufferOffset += Int64(pos)
      linesCountedTo -= pos
      end -= pos
      pos = 0
    }
    if end == capacity {
      if capacity >= maxTokenBytes {
        let at = pos
        pos = end
        throw error(.tooLarge, "a single token is larger than \(maxTokenBytes) bytes", at: at)
      }
      let grown = UnsafeMutableRawPointer.allocate(byteCount: min(capacity * 2, maxTokenBytes), alignment: 16)
      grown.copyMemory(from: base, byteCount: end)
      base.deallocate()
      base = grown
      capacity = min(capacity * 2, maxTokenBytes)
    }
    do {
      let n = try source.read(into: UnsafeMutableRawBufferPointer(start: base + end, count: capacity - end))
      if n == 0 { atEOF = true } else { end += n }
    } catch {
      atEOF = true
      throw XMLError(.io(error), error.message, offset: error.offset ?? bufferOffset + Int64(end), line: lineNumber(at: end))
    }
  }

  /// Makes at least `n` unread bytes available; false when the input ends first.
  mutating func ensure(_ n: Int) throws(XMLError) -> Bool {
    while end - pos < n {
      if atEOF { return false }
      try fill()
    }
    return true
  }

  mutating func countLines(to index: Int) {
    guard index > linesCountedTo else { return }
    // Event regions are short and lines long: jumping from LF to LF with memchr beats
    // looking at every byte.
    var count = 0
    var i = linesCountedTo
    while i < index, let hit = memchr(base + i, 0x0A, index - i) {
      count &+= 1
      i = base.distance(to: hit) + 1
    }
    lineAtCounted += Int64(count)
    linesCountedTo = index
  }

  mutating func lineNumber(at index: Int) -> Int64 {
    countLines(to: index)
    return lineAtCounted
  }

  mutating func error(_ kind: XMLError.Kind, _ message: String, at index: Int) -> XMLError {
    XMLError(kind, message, offset: bufferOffset + Int64(index), line: lineNumber(at: index))
  }

  @inline(__always) func find(_ c: UInt8, from: Int, to: Int) -> Int? {
    guard from < to, let hit = memchr(base + from, Int32(c), to - from) else { return nil }
    return base.distance(to: hit)
  }

  /// Finds `sequence` at or after `pos + relative`, reading more input as needed; returns its
  /// index relative to `pos`, or nil when the input ends first.
  mutating func findSequence(_ sequence: StaticString, from relative: Int) throws(XMLError) -> Int? {
    let seq = UnsafeRawBufferPointer(start: sequence.utf8Start, count: sequence.utf8CodeUnitCount)
    var rel = relative
    while true {
      if let hit = find(seq[0], from: pos + rel, to: end) {
        if hit + seq.count <= end {
          if memcmp(base + hit, sequence.utf8Start, seq.count) == 0 { return hit - pos }
          rel = hit - pos + 1
          continue
        }
        rel = hit - pos
      } else {
        rel = end - pos
      }
      if atEOF { return nil }
      try fill()
    }
  }

  // MARK: - Text

  enum FastText {
    case emitted(XMLEvent)
    case consumed
    case notApplicable
  }

  /// A text run that lies wholly in the buffer, without entities, ended by a tag: one copy
  /// straight into its `String`.
  mutating func fastText() throws(XMLError) -> FastText {
    guard let stop = find(lt, from: pos, to: end), stop + 1 < end else { return .notApplicable }
    let after = byte(stop + 1)
    guard after != bang && after != question else { return .notApplicable }
    let start = pos
    // One pass: look for '&' (then take the slow path) and validate the UTF-8.
    let scan = _ByteScan.validateUTF8(base, from: start, end: stop, stoppingAt: amp)
    guard scan.stop == stop || scan.invalid != nil else { return .notApplicable }
    if let bad = scan.invalid {
      let offset = bufferOffset + Int64(bad)
      let line = lineNumber(at: bad)
      pos = stop  // the whole run is dropped
      throw XMLError(.invalidUTF8, "text holds invalid UTF-8", offset: offset, line: line)
    }
    if openElements.isEmpty && isAllSpace(from: start, to: stop) {
      pos = stop
      return .consumed
    }
    eventOffset = bufferOffset + Int64(start)
    eventLine = lineNumber(at: start)
    pos = stop
    return .emitted(.text(_ByteScan.stringFromValidatedUTF8(base, from: start, to: stop, isASCII: scan.ascii)))
  }

  mutating func beginPendingText() {
    guard !hasPendingText else { return }
    hasPendingText = true
    pendingTextOffset = bufferOffset + Int64(pos)
    pendingTextLine = lineNumber(at: pos)
    text.removeAll(keepingCapacity: true)
    textSegments.removeAll(keepingCapacity: true)
  }

  mutating func appendRawText(from: Int, to: Int) {
    guard to > from else { return }
    textSegments.append((decoded: text.count, offset: bufferOffset + Int64(from)))
    text.append(contentsOf: UnsafeRawBufferPointer(start: base + from, count: to - from))
  }

  /// Copies character data from `pos` into the pending text run, up to the next `<` or the end
  /// of the buffer, decoding entity references.
  mutating func accumulateText() throws(XMLError) {
    beginPendingText()
    var stopOffset: Int64 = -1  // stream offset of the next '<' (or of the data's end)
    while pos < end {
      if stopOffset < bufferOffset + Int64(pos) {
        stopOffset = bufferOffset + Int64(find(lt, from: pos, to: end) ?? end)
      }
      let stop = Int(stopOffset - bufferOffset)
      let next = find(amp, from: pos, to: stop) ?? stop
      appendRawText(from: pos, to: next)
      pos = next
      if text.count > maxTokenBytes {
        hasPendingText = false
        text.removeAll(keepingCapacity: false)
        throw error(.tooLarge, "a text run is larger than \(maxTokenBytes) bytes", at: pos)
      }
      if pos == end { return }
      if pos == stop {
        if byte(pos) == lt { return }
        stopOffset = -1
        continue
      }
      // An entity reference at `pos`: make sure all of it is in the buffer.
      _ = try ensure(maxEntityLength)
      let entity = decodeEntity(at: pos, limit: end)
      if let scalar = entity.scalar {
        appendUTF8(scalar, to: &text)
      } else {
        appendRawText(from: pos, to: pos + entity.length)
      }
      pos += entity.length
    }
  }

  /// Ends the pending text run; nil when it is empty or whitespace outside the root element.
  mutating func flushText() throws(XMLError) -> XMLEvent? {
    hasPendingText = false
    if text.isEmpty { return nil }
    if openElements.isEmpty && text.allSatisfy(isSpace) { return nil }
    let string: String? = text.withUnsafeBytes { raw in
      guard let p = raw.baseAddress else { return "" }
      return _ByteScan.string(p, from: 0, to: raw.count)
    }
    guard let string else {
      let bad = text.withUnsafeBytes { raw in raw.baseAddress.map { firstInvalidUTF8($0, from: 0, to: raw.count) } ?? 0 }
      var offset = pendingTextOffset
      if let segment = textSegments.last(where: { $0.decoded <= bad }) {
        offset = segment.offset + Int64(bad - segment.decoded)
      }
      let line = pendingTextLine + Int64(text[..<bad].count { $0 == 0x0A })
      throw XMLError(.invalidUTF8, "text holds invalid UTF-8", offset: offset, line: line)
    }
    eventOffset = pendingTextOffset
    eventLine = pendingTextLine
    return .text(string)
  }

  mutating func finishAtEOF() throws(XMLError) -> XMLEvent? {
    if hasPendingText, let event = try flushText() { return event }
    if !openElements.isEmpty && !eofReported {
      eofReported = true
      let open = openElements.map { "<\($0)>" }.joined(separator: ", ")
      openElements.removeAll()
      throw error(.unexpectedEOF, "input ends with \(open) still open", at: end)
    }
    return nil
  }

  // MARK: - Entities

  private let maxEntityLength = 32

  /// Decodes the reference whose `&` is at `i` (reading no further than `limit`): `length`
  /// input bytes stand for `scalar`, or, when `scalar` is nil, are to be kept literally
  /// (unknown names, bare `&`; counted in ``unknownEntities``).
  mutating func decodeEntity(at i: Int, limit: Int) -> (length: Int, scalar: UInt32?) {
    let searchEnd = min(limit, i + maxEntityLength)
    var semi = i + 1
    while semi < searchEnd {
      let c = byte(semi)
      if c == semicolon { break }
      guard isNameByte(c) || c == hash else { semi = searchEnd; break }
      semi += 1
    }
    guard semi < searchEnd, semi > i + 1 else {
      unknownEntities += 1
      return (1, nil)
    }
    let length = semi - i + 1
    let nameStart = i + 1
    let nameLength = semi - nameStart
    @inline(__always) func named(_ word: StaticString) -> Bool {
      nameLength == word.utf8CodeUnitCount && memcmp(base + nameStart, word.utf8Start, nameLength) == 0
    }
    if byte(nameStart) == hash {
      if let scalar = characterReference(from: nameStart + 1, to: semi) { return (length, scalar) }
    } else if named("lt") {
      return (length, UInt32(lt))
    } else if named("gt") {
      return (length, UInt32(gt))
    } else if named("amp") {
      return (length, UInt32(amp))
    } else if named("quot") {
      return (length, 0x22)
    } else if named("apos") {
      return (length, 0x27)
    }
    unknownEntities += 1
    return (length, nil)
  }

  /// The scalar of `#123` / `#x1F` (the part after `#` is in `from..<to`), or nil.
  func characterReference(from: Int, to: Int) -> UInt32? {
    var i = from
    var radix: UInt32 = 10
    if i < to && (byte(i) == UInt8(ascii: "x")) {
      radix = 16
      i += 1
    }
    guard i < to else { return nil }
    var value: UInt32 = 0
    while i < to {
      let c = byte(i)
      let digit: UInt32
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt32(c - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: digit = UInt32(c - UInt8(ascii: "A") + 10)
      default: return nil
      }
      value = value * radix + digit
      if value > 0x10FFFF { return nil }
      i += 1
    }
    if value == 0 || (0xD800...0xDFFF).contains(value) { return nil }
    return value
  }

  // MARK: - Markup

  /// `<!--…-->`, `<![CDATA[…]]>` or `<!DOCTYPE …>` at `pos`.
  /// (Reading may move the buffer, so `pos` is read only after each read.)
  mutating func markupDeclaration() throws(XMLError) {
    if try startsWith("<!--") {
      guard let close = try findSequence("-->", from: 4) else {
        let start = pos
        pos = end
        throw error(.unexpectedEOF, "unterminated comment", at: start)
      }
      pos += close + 3
      return
    }
    if try startsWith("<![CDATA[") {
      guard let close = try findSequence("]]>", from: 9) else {
        let start = pos
        pos = end
        throw error(.unexpectedEOF, "unterminated CDATA section", at: start)
      }
      beginPendingText()
      appendRawText(from: pos + 9, to: pos + close)
      pos += close + 3
      return
    }
    if try startsWith("<!DOCTYPE") {
      try skipDoctype()
      return
    }
    let start = pos
    pos += 1
    throw error(.malformedMarkup, "'<!' starts neither a comment, a CDATA section nor a DOCTYPE", at: start)
  }

  mutating func startsWith(_ prefix: StaticString) throws(XMLError) -> Bool {
    let n = prefix.utf8CodeUnitCount
    guard try ensure(n) else { return false }
    return memcmp(base + pos, prefix.utf8Start, n) == 0
  }

  /// Skips `<!DOCTYPE …>`, including an internal subset in brackets and quoted literals.
  mutating func skipDoctype() throws(XMLError) {
    var rel = 9
    var quoteByte: UInt8 = 0
    var brackets = 0
    while true {
      while pos + rel < end {
        let c = byte(pos + rel)
        if quoteByte != 0 {
          if c == quoteByte { quoteByte = 0 }
        } else if c == 0x22 || c == 0x27 {
          quoteByte = c
        } else if c == UInt8(ascii: "[") {
          brackets += 1
        } else if c == UInt8(ascii: "]") {
          brackets -= 1
        } else if c == gt && brackets <= 0 {
          pos += rel + 1
          return
        }
        rel += 1
      }
      if atEOF {
        let start = pos
        pos = end
        throw error(.unexpectedEOF, "unterminated DOCTYPE", at: start)
      }
      try fill()
    }
  }

  /// `<?…?>` at `pos`, including the XML declaration.
  mutating func processingInstruction() throws(XMLError) {
    guard let close = try findSequence("?>", from: 2) else {
      let start = pos
      pos = end
      throw error(.unexpectedEOF, "unterminated processing instruction", at: start)
    }
    pos += close + 2
  }

  // MARK: - Tags

  /// Finds the `>` closing the tag at `pos`, skipping quoted attribute values; returns its
  /// index. Reads more input as needed.
  mutating func findTagEnd() throws(XMLError) -> Int {
    // Fast path: the next '>' in the buffer, when no quote or '<' comes before it.
    var rel = 1
    if let close = find(gt, from: pos + 1, to: end) {
      var k = pos + 1
      while k < close {
        let c = byte(k)
        if c == 0x22 || c == 0x27 || c == lt { break }
        k += 1
      }
      if k == close { return close }
      rel = k - pos  // nothing before `k` needs a second look
    }
    var quoteByte: UInt8 = 0
    while true {
      while pos + rel < end {
        let c = byte(pos + rel)
        if quoteByte != 0 {
          if c == quoteByte {
            quoteByte = 0
          } else if c == lt {
            let at = pos + rel
            pos = at
            throw error(.badAttribute, "'<' in an attribute value", at: at)
          }
        } else if c == gt {
          return pos + rel
        } else if c == 0x22 || c == 0x27 {
          quoteByte = c
        } else if c == lt {
          let at = pos + rel
          pos = at
          throw error(.malformedTag, "'<' inside a tag", at: at)
        }
        rel += 1
      }
      if atEOF {
        let start = pos
        pos = end
        throw error(.unexpectedEOF, "unclosed tag at end of input", at: start)
      }
      try fill()
    }
  }

  /// The end of the name starting at `i` (before `limit`), or `i` when no name starts there.
  func nameEnd(from i: Int, limit: Int) -> Int {
    guard i < limit, isNameStartByte(byte(i)) else { return i }
    var j = i + 1
    while j < limit && isNameByte(byte(j)) { j += 1 }
    return j
  }

  mutating func tag() throws(XMLError) -> XMLEvent {
    let close = try findTagEnd()  // may move the buffer: read `pos` only afterwards
    let start = pos
    let offset = bufferOffset + Int64(start)
    let line = lineNumber(at: start)
    // From here on every error consumes the tag (or stops at the bad byte inside it).
    func fail(_ kind: XMLError.Kind, _ message: String, at index: Int) -> XMLError {
      pos = close + 1
      return error(kind, message, at: index)
    }

    if byte(start + 1) == slash {
      let nameStart = start + 2
      let nameStop = nameEnd(from: nameStart, limit: close)
      guard nameStop > nameStart else { throw fail(.malformedTag, "end tag without a name", at: nameStart) }
      var i = nameStop
      while i < close && isSpace(byte(i)) { i += 1 }
      guard i == close else { throw fail(.malformedTag, "junk after the end tag's name", at: i) }
      // Usually the name matches the innermost open element, whose String is reused.
      if let open = openElements.last, sameBytes(open, from: nameStart, to: nameStop) {
        openElements.removeLast()
        pos = close + 1
        eventOffset = offset
        eventLine = line
        return .endElement(name: open)
      }
      guard let name = makeString(from: nameStart, to: nameStop) else {
        throw fail(.invalidUTF8, "element name holds invalid UTF-8", at: firstInvalidUTF8(base, from: nameStart, to: nameStop))
      }
      guard let open = openElements.last else {
        throw fail(.mismatchedEndTag, "end tag </\(name)> with no element open", at: start)
      }
      throw fail(.mismatchedEndTag, "end tag </\(name)> does not match <\(open)>", at: start)
    }

    let nameStart = start + 1
    let nameStop = nameEnd(from: nameStart, limit: close)
    guard nameStop > nameStart else {
      pos = start + 1
      throw error(.malformedTag, "'<' not followed by a name", at: nameStart)
    }
    guard let name = makeString(from: nameStart, to: nameStop) else {
      throw fail(.invalidUTF8, "element name holds invalid UTF-8", at: firstInvalidUTF8(base, from: nameStart, to: nameStop))
    }
    var attributes: [(name: String, value: String)] = []
    var selfClosing = false
    var i = nameStop
    while true {
      let spaceStart = i
      while i < close && isSpace(byte(i)) { i += 1 }
      if i == close { break }
      if byte(i) == slash {
        guard i + 1 == close else { throw fail(.malformedTag, "'/' inside a start tag", at: i) }
        selfClosing = true
        break
      }
      guard i > spaceStart else { throw fail(.badAttribute, "attribute not preceded by whitespace", at: i) }
      let attributeStart = i
      let attributeStop = nameEnd(from: i, limit: close)
      guard attributeStop > attributeStart else { throw fail(.badAttribute, "expected an attribute name", at: i) }
      i = attributeStop
      while i < close && isSpace(byte(i)) { i += 1 }
      guard i < close && byte(i) == equals else { throw fail(.badAttribute, "expected '=' after the attribute name", at: i) }
      i += 1
      while i < close && isSpace(byte(i)) { i += 1 }
      guard i < close, case let q = byte(i), q == 0x22 || q == 0x27 else {
        throw fail(.badAttribute, "expected a quoted attribute value", at: i)
      }
      let valueStart = i + 1
      // findTagEnd saw the closing quote before `close`.
      let valueStop = find(q, from: valueStart, to: close) ?? close
      guard let attributeName = makeString(from: attributeStart, to: attributeStop) else {
        throw fail(.invalidUTF8, "attribute name holds invalid UTF-8", at: firstInvalidUTF8(base, from: attributeStart, to: attributeStop))
      }
      guard let value = attributeValue(from: valueStart, to: valueStop) else {
        throw fail(.invalidUTF8, "attribute value holds invalid UTF-8", at: firstInvalidUTF8(base, from: valueStart, to: valueStop))
      }
      if attributes.contains(where: { $0.name == attributeName }) {
        throw fail(.badAttribute, "attribute '\(attributeName)' appears twice", at: attributeStart)
      }
      attributes.append((name: attributeName, value: value))
      i = valueStop + 1
    }
    if !selfClosing { openElements.append(name) }
    pos = close + 1
    eventOffset = offset
    eventLine = line
    return .startElement(name: name, attributes: attributes, selfClosing: selfClosing)
  }

  /// Decodes an attribute value (entities; TAB/LF/CR → space); nil when it is not UTF-8.
  mutating func attributeValue(from: Int, to: Int) -> String? {
    var plain = true
    for k in from..<to {
      let c = byte(k)
      if c == amp || c == 0x09 || c == 0x0A || c == 0x0D {
        plain = false
        break
      }
    }
    if plain { return makeString(from: from, to: to) }
    attributeScratch.removeAll(keepingCapacity: true)
    var k = from
    while k < to {
      let c = byte(k)
      if c == amp {
        let entity = decodeEntity(at: k, limit: to)
        if let scalar = entity.scalar {
          appendUTF8(scalar, to: &attributeScratch)
        } else {
          attributeScratch.append(contentsOf: UnsafeRawBufferPointer(start: base + k, count: entity.length))
        }
        k += entity.length
      } else {
        attributeScratch.append(c == 0x09 || c == 0x0A || c == 0x0D ? 0x20 : c)
        k += 1
      }
    }
    return attributeScratch.withUnsafeBytes { raw in
      guard let p = raw.baseAddress else { return "" }
      return _ByteScan.string(p, from: 0, to: raw.count)
    }
  }

  // MARK: - Bytes

  @inline(__always) func makeString(from: Int, to: Int) -> String? {
    _ByteScan.string(base, from: from, to: to)
  }

  /// Offset of the first ill-formed UTF-8 sequence in `from..<to` (or `from` when none is found).
  func firstInvalidUTF8(_ pointer: UnsafeRawPointer, from: Int, to: Int) -> Int {
    _ByteScan.firstInvalidUTF8(pointer, from: from, to: to)
  }

  /// Whether `string`'s UTF-8 equals the bytes `from..<to`.
  func sameBytes(_ string: String, from: Int, to: Int) -> Bool {
    let length = to - from
    var string = string
    return string.withUTF8 { utf8 in
      guard utf8.count == length else { return false }
      guard length > 0, let p = utf8.baseAddress else { return true }
      return memcmp(base + from, p, length) == 0
    }
  }

  func isAllSpace(from: Int, to: Int) -> Bool {
    for k in from..<to where !isSpace(byte(k)) { return false }
    return true
  }
}

private let lt = UInt8(ascii: "<")
private let gt = UInt8(ascii: ">")
private let amp = UInt8(ascii: "&")
private let bang = UInt8(ascii: "!")
private let question = UInt8(ascii: "?")
private let slash = UInt8(ascii: "/")
private let equals = UInt8(ascii: "=")
private let semicolon = UInt8(ascii: ";")
private let hash = UInt8(ascii: "#")

@inline(__always) private func isSpace(_ c: UInt8) -> Bool {
  c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D
}

/// XML NameStartChar, approximated on bytes: ASCII letters, `_`, `:`, and any non-ASCII byte
/// (the UTF-8 is validated when the name becomes a `String`).
@inline(__always) private func isNameStartByte(_ c: UInt8) -> Bool {
  (c | 0x20) &- UInt8(ascii: "a") < 26 || c == UInt8(ascii: "_") || c == UInt8(ascii: ":") || c >= 0x80
}

@inline(__always) private func isNameByte(_ c: UInt8) -> Bool {
  isNameStartByte(c) || c &- UInt8(ascii: "0") < 10 || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
}
