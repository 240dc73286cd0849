/// A coding key for any string, used to list the keys a mapping really has.
public struct AnyCodingKey: CodingKey, Sendable {
  public var stringValue: String
  public var intValue: Int?
  public init(stringValue: String) { self.stringValue = stringValue }
  public init(intValue: Int) {
    self.stringValue = String(intValue)
    self.intValue = intValue
  }
}

extension Decoder {
  /// Throws when the mapping being decoded has a key that `Keys` does not name, so that a
  /// misspelled config key fails with its path instead of silently taking a default.
  public func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type) throws {
    let container = try self.container(keyedBy: AnyCodingKey.self)
    let known = Keys.allCases.map(\.stringValue)
    for key in container.allKeys where !known.contains(key.stringValue) {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: codingPath + [key],
          debugDescription: "unknown key '\(key.stringValue)'; expected one of: \(known.joined(separator: ", "))"))
    }
  }
}
