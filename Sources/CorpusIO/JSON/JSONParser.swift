/// Why a JSON text was rejected, and where.
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The category of the problem. Everything except ``invalidUTF8`` is a syntax error.
  public enum Kind: String, Sendable, CaseIterable {
    /// The input ended inside a value (truncated line, unterminated string, empty input).
    case unexpectedEnd = "unexpected_end"
    /// A byte that cannot start or continue the value at that point (`{"a":1,}` fails here,
    /// at the `}`).
    case unexpectedCharacter = "unexpected_character"
    /// A number that breaks the RFC 8259 grammar (`01`, `1.`, `-`, `1e`).
    case invalidNumber = "invalid_number"
    /// A backslash escape that is not one of `\" \\ \/ \b \f \n \r \t \uXXXX`.
    case invalidEscape = "invalid_escape"
    /// An unescaped byte U+0000–U+001F inside a string.
    case controlCharacter = "control_character"
    /// A string holds bytes that are not well-formed UTF-8.
    case invalidUTF8 = "invalid_utf8"
    /// Arrays and objects are nested deeper than the parser's `maxDepth`.
    case tooDeep = "too_deep"
    /// Something other than whitespace follows the value.
    case trailingData = "trailing_data"
  }

  /// The category of the problem.
  public var kind: Kind
  /// A human-readable explanation.
  public var message: String
  /// Byte offset within the parsed input where the problem was found. For ``Kind/invalidUTF8``
  /// it is the first byte of the ill-formed sequence; for ``Kind/unexpectedEnd`` it is the
  /// input's length.
  public var offset: Int

  public init(_ kind: Kind, _ message: String, offset: Int) {
    self.kind = kind
    self.message = message
    self.offset = offset
  }

  /// Whether the input is not JSON at all, as opposed to JSON with a bad byte in a string.
  public var isSyntaxError: Bool { kind != .invalidUTF8 }

  public var description: String { "\(kind.rawValue) at byte \(offset): \(message)" }
}

/// A strict RFC 8259 parser for one JSON text, such as one JSONL line.
///
/// - Whitespace (space, TAB, LF, CR) may surround the value; anything else after it is
///   ``JSONError/Kind/trailingData``. A UTF-8 byte order mark at offset 0 is ignored, as
///   RFC 8259 §8.1 allows.
/// - Strings must be well-formed UTF-8 (``JSONError/Kind/invalidUTF8`` otherwise) and must not
///   hold raw control characters U+0000–U+001F.
/// - **Lone surrogates.** An escaped high surrogate not followed by an escaped low surrogate, or
///   an escaped low surrogate on its own (`"\ud83d"`), is accepted and replaced by U+FFFD,
///   because ujson and other writers emit them for broken input text; a parser instance counts
///   them in ``replacedSurrogates``. `\u0000` is accepted and yields U+0000.
/// - Numbers are checked against the grammar and kept as their lexeme.
/// - Arrays and objects may nest ``maxDepth`` levels (512 by default); deeper input fails with
///   ``JSONError/Kind/tooDeep`` instead of exhausting the stack.
/// - **Skipped keys.** Object members whose key is one of `skippingKeys`, at any depth, are
///   checked as strictly as the rest but left out of the result, without building their arrays
///   and objects: a reader that drops a bulky field (OSCAR's per-line
///   `sentence_identifications`) does not pay for it. A well-formed skipped value is checked in
///   one loop over its tokens; a malformed one is parsed again to report the same error.
///
/// A string without escapes costs one scan and one copy into its `String`; one with escapes is
/// decoded into a scratch buffer that a parser instance reuses from line to line.
///
/// ```swift
/// var parser = JSONParser()
/// while let line = try lines.next() {
///   let record = try parser.parse(line)      // or JSONParser.parse(line)
/// }
/// ```
public struct JSONParser: Sendable {
  /// The nesting depth used when none is given.
  public static let defaultMaxDepth = 512

  /// How deeply arrays and objects may nest.
  public var maxDepth: Int
  /// Lone surrogate escapes replaced by U+FFFD in all texts parsed by this instance so far.
  public private(set) var replacedSurrogates = 0

  private var scratch: [UInt8] = []

  /// Creates a parser that allows `maxDepth` levels of nested arrays and objects.
  public init(maxDepth: Int = JSONParser.defaultMaxDepth) {
    self.maxDepth = maxDepth
    scratch.reserveCapacity(4096)
  }

  /// Parses `bytes`, which must hold exactly one JSON text.
  public mutating func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONError) -> JSONValue {
    var state = _JSONParseState(bytes, maxDepth: maxDepth, scratch: scratch)
    scratch = []
    defer {
      scratch = state.scratch
      replacedSurrogates += state.replacedSurrogates
    }
    return try state.parseDocument()
  }

  /// Parses `bytes`, which must hold exactly one JSON text, leaving out the object members
  /// whose key is one of `skippingKeys`.
  public static func parse(
    _ bytes: UnsafeRawBufferPointer, maxDepth: Int = defaultMaxDepth, skippingKeys: [String] = []
  ) throws(JSONError) -> JSONValue {
    var state = _JSONParseState(bytes, maxDepth: maxDepth, scratch: [], skippedKeys: skippingKeys)
    return try state.parseDocument()
  }

  /// Parses a JSON text held in an array of bytes.
  public static func parse(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(JSONError) -> JSONValue {
    let result = bytes.withUnsafeBytes { buffer in
      Result { () throws(JSONError) -> JSONValue in try parse(buffer, maxDepth: maxDepth) }
    }
    return try result.get()
  }

  /// Parses a JSON text held in a string.
  public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONError) -> JSONValue {
    try parse(Array(text.utf8), maxDepth: maxDepth)
  }
}

// MARK: - Implementation

private let quote: UInt8 = 0x22  // "
private let backslash: UInt8 = 0x5C  // \

struct _JSONParseState {
  let base: UnsafeRawPointer
  let count: Int
  var i = 0
  let maxDepth: Int
  var scratch: [UInt8]
  var replacedSurrogates = 0
  /// Keys whose members are checked but not built.
  let skippedKeys: [String]

  // Any non-null pointer will do for an empty input: it is never read.
  nonisolated(unsafe) private static let emptyBase = UnsafeRawPointer(bitPattern: 0x10)!

  init(_ bytes: UnsafeRawBufferPointer, maxDepth: Int, scratch: [UInt8], skippedKeys: [String] = []) {
    self.base = bytes.baseAddress ?? _JSONParseState.emptyBase
    self.count = bytes.count
    self.maxDepth = maxDepth
    self.scratch = scratch
    self.skippedKeys = skippedKeys
  }

  @inline(__always) func byte(_ k: Int) -> UInt8 { base.load(fromByteOffset: k, as: UInt8.self) }

  mutating func parseDocument() throws(JSONError) -> JSONValue {
    if count >= 3 && byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF { i = 3 }
    let value = try parseValue(depth: 0)
    skipWhitespace()
    if i < count {
      throw JSONError(.trailingData, "unexpected \(describe(byte(i))) after the JSON value", offset: i)
    }
    return value
  }

  @inline(__always) mutating func skipWhitespace() {
    while i < count {
      let c = byte(i)
      guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
      i &+= 1
    }
  }

  func describe(_ c: UInt8) -> String {
    if c >= 0x21 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
    let hex = String(c, radix: 16, uppercase: true)
    return "byte 0x\(hex.count == 1 ? "0" + hex : hex)"
  }

  func unexpected(_ expected: String) -> JSONError {
    if i >= count { return JSONError(.unexpectedEnd, "input ended; expected \(expected)", offset: count) }
    return JSONError(.unexpectedCharacter, "unexpected \(describe(byte(i))); expected \(expected)", offset: i)
  }

  /// Parses the value at `i`; one that is not to be kept (`keep` false: a skipped key's) is
  /// checked all the same, but its strings, numbers, arrays and objects are not built (it
  /// comes back as `.null`).
  mutating func parseValue(depth: Int, keep: Bool = true) throws(JSONError) -> JSONValue {
    skipWhitespace()
    guard i < count else { throw unexpected("a value") }
    switch byte(i) {
    case quote: return .string(try parseString(build: keep))
    case UInt8(ascii: "{"): return try parseObject(depth: depth + 1, keep: keep)
    case UInt8(ascii: "["): return try parseArray(depth: depth + 1, keep: keep)
    case UInt8(ascii: "t"):
      try expectLiteral("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try expectLiteral("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try expectLiteral("null")
      return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      let start = i
      try scanNumber()
      return keep ? .number(_ByteScan.stringFromValidatedUTF8(base, from: start, to: i, isASCII: true)) : .null
    default:
      throw unexpected("a value")
    }
  }

  mutating func expectLiteral(_ word: StaticString) throws(JSONError) {
    let start = i
    let p = word.utf8Start
    for k in 0..<word.utf8CodeUnitCount {
      guard i < count else { throw unexpected("'\(word)'") }
      guard byte(i) == p[k] else {
        i = start
        throw unexpected("a value")
      }
      i += 1
    }
  }

  mutating func parseObject(depth: Int, keep: Bool) throws(JSONError) -> JSONValue {
    if depth > maxDepth {
      throw JSONError(.tooDeep, "nesting deeper than \(maxDepth) levels", offset: i)
    }
    i += 1  // {
    skipWhitespace()
    if i < count && byte(i) == UInt8(ascii: "}") {
      i += 1
      return .object(JSONObject())
    }
    var members: [JSONObject.Member] = []
    if keep { members.reserveCapacity(4) }
    while true {
      guard i < count && byte(i) == quote else { throw unexpected("a string key") }
      let key = try parseString(build: keep)
      skipWhitespace()
      guard i < count && byte(i) == UInt8(ascii: ":") else { throw unexpected("':'") }
      i += 1
      if !keep {
        _ = try parseValue(depth: depth, keep: false)
      } else if isSkipped(key) {
        try skipValue(depth: depth)
      } else {
        members.append((key: key, value: try parseValue(depth: depth)))
      }
      skipWhitespace()
      guard i < count else { throw unexpected("',' or '}'") }
      let c = byte(i)
      if c == UInt8(ascii: ",") {
        i += 1
        skipWhitespace()
      } else if c == UInt8(ascii: "}") {
        i += 1
        return .object(JSONObject(members))
      } else {
        throw unexpected("',' or '}'")
      }
    }
  }

  mutating func parseArray(depth: Int, keep: Bool) throws(JSONError) -> JSONValue {
    if depth > maxDepth {
      throw JSONError(.tooDeep, "nesting deeper than \(maxDepth) levels", offset: i)
    }
    i += 1  // [
    skipWhitespace()
    if i < count && byte(i) == UInt8(ascii: "]") {
      i += 1
      return .array([])
    }
    var elements: [JSONValue] = []
    if keep { elements.reserveCapacity(4) }
    while true {
      let element = try parseValue(depth: depth, keep: keep)
      if keep { elements.append(element) }
      skipWhitespace()
      guard i < count else { throw unexpected("',' or ']'") }
      let c = byte(i)
      if c == UInt8(ascii: ",") {
        i += 1
      } else if c == UInt8(ascii: "]") {
        i += 1
        return .array(elements)
      } else {
        throw unexpected("',' or ']'")
      }
    }
  }

  /// Whether `key` is one of `skippedKeys`; lengths (O(1) for native strings) are compared first.
  func isSkipped(_ key: String) -> Bool {
    let length = key.utf8.count
    for skipped in skippedKeys where skipped.utf8.count == length && skipped == key { return true }
    return false
  }

  @inline(__always) func isDigit(_ k: Int) -> Bool {
    k < count && byte(k) &- UInt8(ascii: "0") < 10
  }

  /// Checks the number at `i` against the grammar and leaves `i` after it.
  mutating func scanNumber() throws(JSONError) {
    let start = i
    if byte(i) == UInt8(ascii: "-") { i += 1 }
    guard isDigit(i) else { throw numberError("a digit") }
    if byte(i) == UInt8(ascii: "0") {
      i += 1
      if isDigit(i) { throw JSONError(.invalidNumber, "leading zero in a number", offset: start) }
    } else {
      while isDigit(i) { i += 1 }
    }
    if i < count && byte(i) == UInt8(ascii: ".") {
      i += 1
      guard isDigit(i) else { throw numberError("a digit after '.'") }
      while isDigit(i) { i += 1 }
    }
    if i < count && (byte(i) | 0x20) == UInt8(ascii: "e") {
      i += 1
      if i < count && (byte(i) == UInt8(ascii: "+") || byte(i) == UInt8(ascii: "-")) { i += 1 }
      guard isDigit(i) else { throw numberError("a digit in the exponent") }
      while isDigit(i) { i += 1 }
    }
  }

  func numberError(_ expected: String) -> JSONError {
    if i >= count {
      return JSONError(.unexpectedEnd, "input ended inside a number; expected \(expected)", offset: count)
    }
    return JSONError(.invalidNumber, "unexpected \(describe(byte(i))) in a number; expected \(expected)", offset: i)
  }

  /// Parses the string whose opening quote is at `i`; leaves `i` after the closing quote.
  /// Unless `build`, the string is checked as strictly but not made (`""` comes back).
  mutating func parseString(build: Bool = true) throws(JSONError) -> String {
    let start = i + 1
    let scan = _ByteScan.scanJSONString(base, from: start, end: count)
    if let bad = scan.invalid { throw invalidUTF8(at: bad) }
    if scan.stop < count && byte(scan.stop) == quote {
      i = scan.stop + 1
      guard build else { return "" }
      return _ByteScan.stringFromValidatedUTF8(base, from: start, to: scan.stop, isASCII: scan.ascii)
    }
    return try parseEscapedString(start: start, firstSpecial: scan.stop, ascii: scan.ascii, build: build)
  }

  /// The slow path: a string with escapes, decoded into `scratch` (only checked unless
  /// `build`). Raw runs are validated as they are scanned and escapes decode to well-formed
  /// UTF-8, so `scratch` is valid by construction.
  mutating func parseEscapedString(start: Int, firstSpecial: Int, ascii: Bool, build: Bool) throws(JSONError)
    -> String
  {
    scratch.removeAll(keepingCapacity: true)
    // The decoded string is no longer than the rest of the input: one allocation at most.
    if build && scratch.capacity < count - start { scratch.reserveCapacity(count - start) }
    var isASCII = ascii
    var segment = start
    var j = firstSpecial
    while true {
      guard j < count else {
        throw JSONError(.unexpectedEnd, "input ended inside a string that starts at byte \(start - 1)", offset: count)
      }
      let c = byte(j)
      if c != backslash && c != quote {
        throw JSONError(.controlCharacter, "unescaped control character \(describe(c)) in a string", offset: j)
      }
      if build && j > segment {
        scratch.append(
          contentsOf: UnsafeBufferPointer(
            start: (base + segment).assumingMemoryBound(to: UInt8.self), count: j - segment))
      }
      if c == quote {
        i = j + 1
        guard build else { return "" }
        return scratch.withUnsafeBytes { raw in
          guard let p = raw.baseAddress else { return "" }
          return _ByteScan.stringFromValidatedUTF8(p, from: 0, to: raw.count, isASCII: isASCII)
        }
      }
      j = try decodeEscape(at: j, ascii: &isASCII)
      segment = j
      // Text with escapes (content, not keys): long runs are likely.
      let scan = _ByteScan.scanJSONString(base, from: j, end: count, expecting: .long)
      if let bad = scan.invalid { throw invalidUTF8(at: bad) }
      isASCII = isASCII && scan.ascii
      j = scan.stop
    }
  }

  /// Decodes the escape whose backslash is at `j` into `scratch`; returns the index after it.
  mutating func decodeEscape(at j: Int, ascii: inout Bool) throws(JSONError) -> Int {
    guard j + 1 < count else {
      throw JSONError(.unexpectedEnd, "input ended inside an escape sequence", offset: count)
    }
    let e = byte(j + 1)
    switch e {
    case quote, backslash, UInt8(ascii: "/"): scratch.append(e)
    case UInt8(ascii: "b"): scratch.append(0x08)
    case UInt8(ascii: "f"): scratch.append(0x0C)
    case UInt8(ascii: "n"): scratch.append(0x0A)
    case UInt8(ascii: "r"): scratch.append(0x0D)
    case UInt8(ascii: "t"): scratch.append(0x09)
    case UInt8(ascii: "u"):
      let unit = try hex4(at: j)
      var next = j + 6
      var scalar: UInt32
      if unit & 0xFC00 == 0xD800 {
        // A high surrogate: pair it with a directly following escaped low surrogate.
        if next + 1 < count && byte(next) == backslash && byte(next + 1) == UInt8(ascii: "u"),
          case let low = try hex4(at: next), low & 0xFC00 == 0xDC00
        {
          scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
          next += 6
        } else {
          scalar = 0xFFFD
          replacedSurrogates += 1
        }
      } else if unit & 0xFC00 == 0xDC00 {
        scalar = 0xFFFD
        replacedSurrogates += 1
      } else {
        scalar = unit
      }
      if scalar >= 0x80 { ascii = false }
      appendUTF8(scalar, to: &scratch)
      return next
    default:
      throw JSONError(.invalidEscape, "invalid escape sequence '\\\(Character(Unicode.Scalar(e)))'", offset: j)
    }
    return j + 2
  }

  /// The four hex digits of the `\u` escape whose backslash is at `j`.
  func hex4(at j: Int) throws(JSONError) -> UInt32 {
    var value: UInt32 = 0
    for k in (j + 2)..<(j + 6) {
      guard k < count else {
        throw JSONError(.unexpectedEnd, "input ended inside a \\u escape", offset: count)
      }
      let c = byte(k)
      let digit: UInt8
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
      default:
        throw JSONError(.invalidEscape, "\\u escape needs four hex digits", offset: j)
      }
      value = value << 4 | UInt32(digit)
    }
    return value
  }

  func invalidUTF8(at offset: Int) -> JSONError {
    JSONError(.invalidUTF8, "string holds invalid UTF-8 (\(describe(byte(offset))))", offset: offset)
  }
}
