/// One step of an XML document as reported by ``XMLScanner``.
public enum XMLEvent: Sendable, Equatable {
  /// A start tag, or an empty-element tag when `selfClosing` is true. A self-closing element
  /// produces only this event: no ``endElement(name:)`` follows it.
  /// Attribute values have their entity references decoded.
  case startElement(name: String, attributes: [(name: String, value: String)], selfClosing: Bool)
  /// An end tag; it always matches the innermost open element (a mismatch is an error).
  case endElement(name: String)
  /// All character data between two tags: text with entity references decoded, CDATA
  /// sections verbatim; comments and processing instructions inside the run are skipped over
  /// without splitting it.
  case text(String)

  public static func == (lhs: XMLEvent, rhs: XMLEvent) -> Bool {
    switch (lhs, rhs) {
    case let (.startElement(n1, a1, s1), .startElement(n2, a2, s2)):
      return n1 == n2 && s1 == s2 && a1.count == a2.count
        && zip(a1, a2).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    case let (.endElement(n1), .endElement(n2)):
      return n1 == n2
    case let (.text(t1), .text(t2)):
      return t1 == t2
    default:
      return false
    }
  }

  /// The value of attribute `name` when this is a start tag that has it.
  public func attribute(_ name: String) -> String? {
    if case .startElement(_, let attributes, _) = self {
      for attribute in attributes where attribute.name == name { return attribute.value }
    }
    return nil
  }

  /// The element name of a start or end tag.
  public var elementName: String? {
    switch self {
    case .startElement(let name, _, _), .endElement(let name): return name
    case .text: return nil
    }
  }
}

extension XMLEvent: CustomStringConvertible {
  public var description: String {
    switch self {
    case let .startElement(name, attributes, selfClosing):
      let attrs = attributes.map { " \($0.name)=\"\($0.value)\"" }.joined()
      return "<\(name)\(attrs)\(selfClosing ? "/" : "")>"
    case .endElement(let name):
      return "</\(name)>"
    case .text(let text):
      return "text(\(text.debugDescription))"
    }
  }
}

/// Why an XML document could not be scanned, and where.
public struct XMLError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The category of the problem.
  public enum Kind: Sendable, Equatable {
    /// The underlying ``ByteSource`` failed (corrupt or truncated compressed stream, read error).
    case io(CorpusIOError)
    /// The input ended inside a tag, comment, CDATA section or processing instruction, or with
    /// elements still open.
    case unexpectedEOF
    /// A tag is malformed: bad or missing name, `<` inside a tag, junk before `>`.
    case malformedTag
    /// An attribute is malformed: missing `=` or quotes, no whitespace before it, `<` in its
    /// value, or the same name twice.
    case badAttribute
    /// An end tag does not match the innermost open element (or none is open).
    case mismatchedEndTag
    /// Text, a name or an attribute value holds bytes that are not well-formed UTF-8.
    case invalidUTF8
    /// A `<!` construct that is not a comment, CDATA section or DOCTYPE.
    case malformedMarkup
    /// A single token (tag, comment, text run) is larger than the scanner's limit.
    case tooLarge

    /// A stable category name for reports, such as `"mismatched_end_tag"` or `"io:truncated_stream"`.
    public var name: String {
      switch self {
      case .io(let error): return "io:\(error.kind.rawValue)"
      case .unexpectedEOF: return "unexpected_eof"
      case .malformedTag: return "malformed_tag"
      case .badAttribute: return "bad_attribute"
      case .mismatchedEndTag: return "mismatched_end_tag"
      case .invalidUTF8: return "invalid_utf8"
      case .malformedMarkup: return "malformed_markup"
      case .tooLarge: return "too_large"
      }
    }
  }

  /// The category of the problem.
  public var kind: Kind
  /// A human-readable explanation.
  public var message: String
  /// Byte offset in the scanned (decoded) stream where the problem was found.
  public var offset: Int64
  /// 1-based line number (LF-counted) of ``offset``.
  public var line: Int64

  public init(_ kind: Kind, _ message: String, offset: Int64, line: Int64) {
    self.kind = kind
    self.message = message
    self.offset = offset
    self.line = line
  }

  public var description: String { "\(kind.name) at byte \(offset) (line \(line)): \(message)" }
}
