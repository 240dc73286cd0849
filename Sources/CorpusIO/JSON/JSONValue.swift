/// A parsed JSON value.
///
/// Numbers keep their raw lexeme (for example `"0.9312467"` or `"1e-5"`), so a value read and
/// written again comes out byte for byte as it went in; ``intValue`` and ``doubleValue``
/// convert on demand. Objects keep their members in document order (see ``JSONObject``).
public enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  /// A number, as its raw lexeme from the input (already checked against the RFC 8259 grammar
  /// by the parser). ``JSONWriter`` re-emits it verbatim.
  case number(String)
  case string(String)
  case array([JSONValue])
  case object(JSONObject)
}

extension JSONValue {
  /// The string, when this is a string.
  @inlinable public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The boolean, when this is `true` or `false`.
  @inlinable public var boolValue: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  /// The number as an `Int`, when this is a number written as an integer (no fraction, no
  /// exponent) that fits in `Int`. `"19.0"` and `"1e3"` give `nil`.
  @inlinable public var intValue: Int? {
    if case .number(let lexeme) = self { return Int(lexeme) }
    return nil
  }

  /// The number as a `Double` (nearest representable value), when this is a number.
  @inlinable public var doubleValue: Double? {
    if case .number(let lexeme) = self { return Double(lexeme) }
    return nil
  }

  /// The raw number lexeme, when this is a number.
  @inlinable public var numberLexeme: String? {
    if case .number(let lexeme) = self { return lexeme }
    return nil
  }

  /// The object, when this is an object.
  @inlinable public var objectValue: JSONObject? {
    if case .object(let o) = self { return o }
    return nil
  }

  /// The elements, when this is an array.
  @inlinable public var arrayValue: [JSONValue]? {
    if case .array(let a) = self { return a }
    return nil
  }

  /// Whether this is `null`.
  @inlinable public var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  /// The value of the first member named `key`, when this is an object that has one.
  ///
  /// Chains through optionals: `value["metadata"]?["identification"]?["prob"]?.doubleValue`.
  @inlinable public subscript(key: String) -> JSONValue? {
    if case .object(let o) = self { return o[key] }
    return nil
  }

  /// The element at `index`, when this is an array and `index` is in range.
  @inlinable public subscript(index: Int) -> JSONValue? {
    if case .array(let a) = self, a.indices.contains(index) { return a[index] }
    return nil
  }

  /// A number value from an integer.
  @inlinable public static func number(_ value: Int) -> JSONValue { .number(String(value)) }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByStringLiteral,
  ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  public init(nilLiteral: ()) { self = .null }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .number(String(value)) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  /// Keys keep the literal's order.
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(JSONObject(elements.map { (key: $0.0, value: $0.1) }))
  }
}

/// A JSON object: its members in document order, duplicates kept.
///
/// Lookup by key is a linear scan returning the first match, which is faster than hashing for
/// the handful of keys real records have. Two objects are equal when they have the same members
/// in the same order.
public struct JSONObject: Sendable, Equatable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
  public typealias Member = (key: String, value: JSONValue)

  /// The members in document order.
  public var members: [Member]

  /// Creates an object with `members`, in that order.
  @inlinable public init(_ members: [Member] = []) { self.members = members }

  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self.members = elements.map { (key: $0.0, value: $0.1) }
  }

  @inlinable public var startIndex: Int { members.startIndex }
  @inlinable public var endIndex: Int { members.endIndex }
  @inlinable public subscript(position: Int) -> Member { members[position] }

  /// The keys in document order.
  @inlinable public var keys: [String] { members.map(\.key) }

  /// The value of the first member named `key`.
  ///
  /// Setting replaces the first member named `key` in place, or appends a member when there is
  /// none; setting `nil` removes every member named `key`.
  @inlinable public subscript(key: String) -> JSONValue? {
    get {
      for member in members where member.key == key { return member.value }
      return nil
    }
    set {
      guard let newValue else {
        members.removeAll { $0.key == key }
        return
      }
      if let i = members.firstIndex(where: { $0.key == key }) {
        members[i].value = newValue
      } else {
        members.append((key: key, value: newValue))
      }
    }
  }

  /// Appends a member, even when one with the same key exists.
  @inlinable public mutating func append(_ key: String, _ value: JSONValue) {
    members.append((key: key, value: value))
  }

  public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
    guard lhs.members.count == rhs.members.count else { return false }
    for (l, r) in zip(lhs.members, rhs.members) where l.key != r.key || l.value != r.value {
      return false
    }
    return true
  }
}
