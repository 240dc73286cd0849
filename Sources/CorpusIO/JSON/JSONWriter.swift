/// Appends compact JSON to a byte buffer; made for writing JSONL records quickly.
///
/// Output matches Python's `json.dumps(value, ensure_ascii=False, separators=(",", ":"))`
/// byte for byte: no spaces, raw UTF-8 (no `\u` escapes for non-ASCII), `/` not escaped;
/// `"` and `\` are escaped, control characters U+0000–U+001F become `\b \t \n \f \r` or else
/// `\u00XX` with lowercase hex. Numbers from ``JSONValue/number(_:)`` are written verbatim.
///
/// Commas and colons are placed automatically:
///
/// ```swift
/// var out = JSONWriter()
/// out.object { o in
///   o.field("id", id)
///   o.field("source", "oscar")
///   o.field("text", text)
///   o.field("created", created)          // String? — nil is written as null
///   o.objectField("metadata") { m in
///     m.field("url", url)
///     m.field("prob", 0.93)
///   }
/// }
/// out.endLine()                          // LF; the next top-level value starts a new record
/// file.write(out.bytes); out.reset()
/// ```
///
/// The writer does not check structure (a key outside an object, an unbalanced `endObject()`);
/// the closure-based helpers keep it balanced by construction.
public struct JSONWriter: Sendable {
  /// The JSON written so far.
  public var bytes: [UInt8]

  /// Nesting depth of open arrays and objects.
  public private(set) var depth = 0
  private var needsComma = false
  private var afterKey = false

  /// Creates an empty writer whose buffer can hold `capacity` bytes before growing.
  public init(capacity: Int = 1 << 16) {
    bytes = []
    bytes.reserveCapacity(capacity)
  }

  /// Empties the buffer (keeping its capacity) and the nesting state.
  public mutating func reset() {
    bytes.removeAll(keepingCapacity: true)
    depth = 0
    needsComma = false
    afterKey = false
  }

  /// Appends a LF, ending a JSONL record. Call it at top level.
  public mutating func endLine() {
    bytes.append(0x0A)
    needsComma = false
    afterKey = false
  }

  // MARK: Structure

  @inline(__always)
  private mutating func beforeValue() {
    if afterKey {
      afterKey = false
    } else if needsComma && depth > 0 {
      bytes.append(UInt8(ascii: ","))
    }
    needsComma = true
  }

  /// Opens an object: `{`.
  public mutating func beginObject() {
    beforeValue()
    bytes.append(UInt8(ascii: "{"))
    depth += 1
    needsComma = false
  }

  /// Closes the innermost object: `}`.
  public mutating func endObject() {
    bytes.append(UInt8(ascii: "}"))
    depth -= 1
    needsComma = true
    afterKey = false
  }

  /// Opens an array: `[`.
  public mutating func beginArray() {
    beforeValue()
    bytes.append(UInt8(ascii: "["))
    depth += 1
    needsComma = false
  }

  /// Closes the innermost array: `]`.
  public mutating func endArray() {
    bytes.append(UInt8(ascii: "]"))
    depth -= 1
    needsComma = true
    afterKey = false
  }

  /// Writes an object key and its colon; the next value written is that member's value.
  public mutating func writeKey(_ key: String) {
    if needsComma { bytes.append(UInt8(ascii: ",")) }
    appendQuoted(key)
    bytes.append(UInt8(ascii: ":"))
    afterKey = true
    needsComma = true
  }

  /// Writes an object built by `body`.
  public mutating func object(_ body: (inout JSONWriter) -> Void) {
    beginObject()
    body(&self)
    endObject()
  }

  /// Writes an array built by `body`.
  public mutating func array(_ body: (inout JSONWriter) -> Void) {
    beginArray()
    body(&self)
    endArray()
  }

  // MARK: Values

  /// Writes `null`.
  public mutating func writeNull() {
    beforeValue()
    append("null")
  }

  /// Writes `true` or `false`.
  public mutating func writeBool(_ value: Bool) {
    beforeValue()
    append(value ? "true" : "false")
  }

  /// Writes an integer.
  public mutating func writeNumber(_ value: Int) {
    beforeValue()
    appendASCII(String(value))
  }

  /// Writes a double in Swift's shortest round-trip form (`0.8`, `19.0`, `1e-05`); NaN and
  /// infinities, which JSON cannot express, are written as `null`.
  public mutating func writeNumber(_ value: Double) {
    beforeValue()
    if value.isFinite { appendASCII(value.description) } else { append("null") }
  }

  /// Writes a number lexeme verbatim. The caller vouches that it is a valid JSON number.
  public mutating func writeNumber(lexeme: String) {
    beforeValue()
    appendASCII(lexeme)
  }

  /// Writes a string, quoted and escaped.
  public mutating func writeString(_ value: String) {
    beforeValue()
    appendQuoted(value)
  }

  /// Writes a string given as UTF-8 bytes, quoted and escaped. The bytes are not validated.
  public mutating func writeString(utf8 value: UnsafeRawBufferPointer) {
    beforeValue()
    appendQuoted(value)
  }

  /// Writes any ``JSONValue``; numbers keep their lexeme and objects their member order.
  public mutating func write(_ value: JSONValue) {
    switch value {
    case .null: writeNull()
    case .bool(let b): writeBool(b)
    case .number(let lexeme): writeNumber(lexeme: lexeme)
    case .string(let s): writeString(s)
    case .array(let elements):
      beginArray()
      for element in elements { write(element) }
      endArray()
    case .object(let object):
      beginObject()
      for member in object.members {
        writeKey(member.key)
        write(member.value)
      }
      endObject()
    }
  }

  // MARK: Fields (key + value)

  /// Writes `"key":"value"`.
  public mutating func field(_ key: String, _ value: String) {
    writeKey(key)
    writeString(value)
  }

  /// Writes `"key":"value"`, or `"key":null` when `value` is nil.
  public mutating func field(_ key: String, _ value: String?) {
    writeKey(key)
    if let value { writeString(value) } else { writeNull() }
  }

  /// Writes `"key":123`.
  public mutating func field(_ key: String, _ value: Int) {
    writeKey(key)
    writeNumber(value)
  }

  /// Writes `"key":0.5` (`null` for NaN and infinities).
  public mutating func field(_ key: String, _ value: Double) {
    writeKey(key)
    writeNumber(value)
  }

  /// Writes `"key":true` or `"key":false`.
  public mutating func field(_ key: String, _ value: Bool) {
    writeKey(key)
    writeBool(value)
  }

  /// Writes `"key":` and any ``JSONValue``.
  public mutating func field(_ key: String, _ value: JSONValue) {
    writeKey(key)
    write(value)
  }

  /// Writes `"key":null`.
  public mutating func nullField(_ key: String) {
    writeKey(key)
    writeNull()
  }

  /// Writes `"key":{…}` with the object's members written by `body`.
  public mutating func objectField(_ key: String, _ body: (inout JSONWriter) -> Void) {
    writeKey(key)
    object(body)
  }

  /// Writes `"key":[…]` with the elements written by `body`.
  public mutating func arrayField(_ key: String, _ body: (inout JSONWriter) -> Void) {
    writeKey(key)
    array(body)
  }

  // MARK: Bytes

  @inline(__always)
  private mutating func append(_ literal: StaticString) {
    bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
  }

  private mutating func appendASCII(_ text: String) {
    var text = text
    text.withUTF8 { bytes.append(contentsOf: $0) }
  }

  private mutating func appendQuoted(_ text: String) {
    if let done: Void = text.utf8.withContiguousStorageIfAvailable({ appendQuoted(UnsafeRawBufferPointer($0)) }) {
      return done
    }
    var copy = text
    copy.withUTF8 { appendQuoted(UnsafeRawBufferPointer($0)) }
  }

  private mutating func appendQuoted(_ utf8: UnsafeRawBufferPointer) {
    bytes.append(UInt8(ascii: "\""))
    if let base = utf8.baseAddress {
      let end = utf8.count
      var segment = 0
      while true {
        let j = _ByteScan.findJSONSpecial(base, from: segment, end: end)
        if j > segment {
          bytes.append(contentsOf: UnsafeRawBufferPointer(start: base + segment, count: j - segment))
        }
        if j == end { break }
        appendEscape(base.load(fromByteOffset: j, as: UInt8.self))
        segment = j + 1
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private mutating func appendEscape(_ c: UInt8) {
    bytes.append(UInt8(ascii: "\\"))
    switch c {
    case 0x22: bytes.append(0x22)
    case 0x5C: bytes.append(0x5C)
    case 0x08: bytes.append(UInt8(ascii: "b"))
    case 0x09: bytes.append(UInt8(ascii: "t"))
    case 0x0A: bytes.append(UInt8(ascii: "n"))
    case 0x0C: bytes.append(UInt8(ascii: "f"))
    case 0x0D: bytes.append(UInt8(ascii: "r"))
    default:
      @inline(__always) func hex(_ d: UInt8) -> UInt8 { d < 10 ? 0x30 + d : 0x57 + d }
      bytes.append(UInt8(ascii: "u"))
      bytes.append(UInt8(ascii: "0"))
      bytes.append(UInt8(ascii: "0"))
      bytes.append(hex(c >> 4))
      bytes.append(hex(c & 0x0F))
    }
  }
}

extension JSONValue {
  /// The value as compact JSON text (see ``JSONWriter`` for the exact format).
  public var jsonText: String {
    var writer = JSONWriter(capacity: 256)
    writer.write(self)
    return String(decoding: writer.bytes, as: UTF8.self)
  }
}
