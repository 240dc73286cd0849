/// Helpers that turn config values into typed values with errors naming the key and the fix.
extension KeyedDecodingContainer {
  /// Decodes a string naming one case of `E`, or throws listing the accepted names.
  public func decodeChoice<E: RawRepresentable & CaseIterable>(_: E.Type, forKey key: Key) throws -> E?
  where E.RawValue == String {
    guard let raw = try decodeIfPresent(String.self, forKey: key) else { return nil }
    guard let value = E(rawValue: raw) else {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: self,
        debugDescription:
          "unknown value '\(raw)'; expected one of: \(E.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return value
  }

  /// Decodes an integer ≥ `minimum`, or throws saying so.
  public func decodeInt(forKey key: Key, minimum: Int) throws -> Int? {
    guard let value = try decodeIfPresent(Int.self, forKey: key) else { return nil }
    guard value >= minimum else {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: self, debugDescription: "must be at least \(minimum), got \(value)")
    }
    return value
  }

  /// Decodes a number in `range`, or throws saying so.
  public func decodeDouble(forKey key: Key, in range: ClosedRange<Double>) throws -> Double? {
    guard let value = try decodeIfPresent(Double.self, forKey: key) else { return nil }
    guard range.contains(value) else {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: self,
        debugDescription: "must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
    }
    return value
  }

  /// Decodes a string or a list of strings.
  public func decodeStrings(forKey key: Key) throws -> [String]? {
    if let one = try? decodeIfPresent(String.self, forKey: key) { return [one] }
    return try decodeIfPresent([String].self, forKey: key)
  }
}
