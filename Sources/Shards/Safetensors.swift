import CorpusIO

/// A tensor element type of the safetensors format, spelled as in the header (`"I32"`, …).
public enum SafetensorsDType: String, Sendable, Hashable, Codable, CaseIterable {
  case bool = "BOOL"
  case u8 = "U8"
  case i8 = "I8"
  case f8e5m2 = "F8_E5M2"
  case f8e4m3 = "F8_E4M3"
  case i16 = "I16"
  case u16 = "U16"
  case f16 = "F16"
  case bf16 = "BF16"
  case i32 = "I32"
  case u32 = "U32"
  case f32 = "F32"
  case f64 = "F64"
  case i64 = "I64"
  case u64 = "U64"

  /// Position in the Rust crate's `Dtype` enum (declaration order, which this enum follows); the
  /// writer orders tensors by it, descending.
  public var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

  /// Bytes per element.
  public var byteSize: Int {
    switch self {
    case .bool, .u8, .i8, .f8e5m2, .f8e4m3: 1
    case .i16, .u16, .f16, .bf16: 2
    case .i32, .u32, .f32: 4
    case .f64, .i64, .u64: 8
    }
  }
}

/// Where one tensor lives in a safetensors file.
public struct SafetensorsTensorInfo: Sendable, Hashable {
  /// The tensor's name (a header key).
  public var name: String
  /// Element type.
  public var dtype: SafetensorsDType
  /// Dimensions, outermost first; `[]` is a scalar.
  public var shape: [Int]
  /// Byte range relative to the start of the data section (the header's `data_offsets`).
  public var dataOffsets: Range<Int>

  public init(name: String, dtype: SafetensorsDType, shape: [Int], dataOffsets: Range<Int>) {
    self.name = name
    self.dtype = dtype
    self.shape = shape
    self.dataOffsets = dataOffsets
  }

  /// Number of elements: the product of ``shape`` (1 for a scalar).
  public var elementCount: Int { shape.reduce(1, *) }
}

/// The safetensors layout rules, shared by ``SafetensorsWriter`` and ``SafetensorsFile``.
///
/// The layout:
///
/// ```
/// [8 bytes]  N, UInt64 little-endian
/// [N bytes]  JSON header, padded with spaces so that N is a multiple of 8
/// [rest]     tensor bytes, little-endian, row-major, packed in header order
/// ```
///
/// The header is `{"__metadata__":{…},"NAME":{"dtype":…,"shape":[…],"data_offsets":[b,e]},…}`
/// with tensors ordered by descending dtype rank (``layoutOrder(_:)``), then by name — the order and the compact
/// serde_json spelling the Rust `safetensors` crate (and so Python's `safetensors`) writes.
/// Metadata keys are written in sorted order; the Rust crate writes them in hash-map order, so
/// its files match these bytes only when that order happens to be sorted (always, for one key).
public enum Safetensors {
  /// Largest header the reference implementation accepts (100 MB).
  public static let maxHeaderSize = 100_000_000

  /// Tensors in the order the format's writer lays them out (`prepare` in the crate's
  /// `tensor.rs`): descending ``SafetensorsDType/rank`` — the declaration order of the crate's
  /// `Dtype` enum, so `U64 I64 F64 F32 U32 I32 BF16 F16 U16 I16 … BOOL`, roughly descending
  /// alignment — then ascending name (byte-wise).
  public static func layoutOrder(_ tensors: [(name: String, dtype: SafetensorsDType)]) -> [Int] {
    tensors.indices.sorted { a, b in
      let (x, y) = (tensors[a], tensors[b])
      if x.dtype.rank != y.dtype.rank { return x.dtype.rank > y.dtype.rank }
      return Array(x.name.utf8).lexicographicallyPrecedes(Array(y.name.utf8))
    }
  }

  /// The 8-byte length prefix and the padded JSON header for tensors already laid out (offsets
  /// assigned, in file order).
  ///
  /// - Returns: `8 + N` bytes, `N` a multiple of 8.
  public static func encodeHeader(_ tensors: [SafetensorsTensorInfo], metadata: [String: String]?) -> [UInt8] {
    var json: [UInt8] = [UInt8(ascii: "{")]
    var first = true
    if let metadata {
      first = false
      appendString("__metadata__", to: &json)
      json.append(contentsOf: Array(":{".utf8))
      let keys = metadata.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
      for (i, key) in keys.enumerated() {
        if i > 0 { json.append(UInt8(ascii: ",")) }
        appendString(key, to: &json)
        json.append(UInt8(ascii: ":"))
        appendString(metadata[key] ?? "", to: &json)
      }
      json.append(UInt8(ascii: "}"))
    }
    for tensor in tensors {
      if !first { json.append(UInt8(ascii: ",")) }
      first = false
      appendString(tensor.name, to: &json)
      json.append(contentsOf: Array(":{\"dtype\":".utf8))
      appendString(tensor.dtype.rawValue, to: &json)
      json.append(contentsOf: Array(",\"shape\":[".utf8))
      json.append(contentsOf: Array(tensor.shape.map(String.init).joined(separator: ",").utf8))
      json.append(contentsOf: Array("],\"data_offsets\":[".utf8))
      json.append(contentsOf: Array("\(tensor.dataOffsets.lowerBound),\(tensor.dataOffsets.upperBound)]}".utf8))
    }
    json.append(UInt8(ascii: "}"))
    while json.count % 8 != 0 { json.append(0x20) }
    var out: [UInt8] = []
    out.reserveCapacity(8 + json.count)
    let length = UInt64(json.count)
    for shift in stride(from: 0, to: 64, by: 8) { out.append(UInt8(truncatingIfNeeded: length >> UInt64(shift))) }
    out.append(contentsOf: json)
    return out
  }

  /// A JSON string as serde_json writes it: `"` `\` and the short escapes `\b \t \n \f \r`,
  /// other bytes below 0x20 as `\u00xx` (lowercase hex), everything else raw UTF-8.
  static func appendString(_ string: String, to json: inout [UInt8]) {
    let hex = Array("0123456789abcdef".utf8)
    json.append(UInt8(ascii: "\""))
    for byte in string.utf8 {
      switch byte {
      case 0x22: json.append(contentsOf: [0x5C, 0x22])
      case 0x5C: json.append(contentsOf: [0x5C, 0x5C])
      case 0x08: json.append(contentsOf: [0x5C, UInt8(ascii: "b")])
      case 0x09: json.append(contentsOf: [0x5C, UInt8(ascii: "t")])
      case 0x0A: json.append(contentsOf: [0x5C, UInt8(ascii: "n")])
      case 0x0C: json.append(contentsOf: [0x5C, UInt8(ascii: "f")])
      case 0x0D: json.append(contentsOf: [0x5C, UInt8(ascii: "r")])
      case 0..<0x20:
        json.append(contentsOf: Array("\\u00".utf8))
        json.append(hex[Int(byte >> 4)])
        json.append(hex[Int(byte & 15)])
      default: json.append(byte)
      }
    }
    json.append(UInt8(ascii: "\""))
  }

  /// Parses and validates a header (the `N` bytes after the length prefix) against the size of
  /// the data section that follows it, with the checks of the reference `Metadata::validate`:
  /// a JSON object; no duplicate keys; `__metadata__`, when present, maps strings to strings;
  /// every other entry has a known `dtype`, a `shape` of non-negative integers and
  /// `data_offsets` `[begin, end]` with `end - begin == elements × dtype size`; sorted by
  /// offset the tensors start at 0, touch without gaps or overlap, and end exactly at
  /// `dataSize`.
  ///
  /// - Returns: the tensors in file order and the metadata (`nil` when absent).
  public static func parseHeader(_ header: UnsafeRawBufferPointer, dataSize: Int, path: String? = nil)
    throws(ShardsError) -> (tensors: [SafetensorsTensorInfo], metadata: [String: String]?)
  {
    func fail(_ message: String) -> ShardsError { ShardsError(.invalidHeader, message, path: path, offset: 8) }
    guard header.first == UInt8(ascii: "{") else { throw fail("the header does not start with '{'") }
    let value: JSONValue
    do {
      value = try JSONParser.parse(header)
    } catch {
      throw ShardsError(
        .invalidHeader, "the header is not valid JSON: \(error)", path: path, offset: 8 + Int64(error.offset))
    }
    guard let object = value.objectValue else { throw fail("the header is not a JSON object") }
    var seen = Set<String>()
    var metadata: [String: String]?
    var tensors: [SafetensorsTensorInfo] = []
    for (key, entry) in object.members {
      guard seen.insert(key).inserted else { throw fail("duplicate key '\(key)'") }
      if key == "__metadata__" {
        guard let members = entry.objectValue else { throw fail("__metadata__ is not an object") }
        var map: [String: String] = [:]
        for (k, v) in members.members {
          guard let s = v.stringValue else { throw fail("__metadata__.\(k) is not a string") }
          guard map.updateValue(s, forKey: k) == nil else { throw fail("duplicate key '__metadata__.\(k)'") }
        }
        metadata = map
        continue
      }
      guard let fields = entry.objectValue else { throw fail("tensor '\(key)' is not an object") }
      guard let dtypeName = fields["dtype"]?.stringValue, let dtype = SafetensorsDType(rawValue: dtypeName) else {
        throw fail("tensor '\(key)' has no known dtype")
      }
      guard let shapeValues = fields["shape"]?.arrayValue else { throw fail("tensor '\(key)' has no shape") }
      var shape: [Int] = []
      var elements = 1
      for dimension in shapeValues {
        guard let d = dimension.intValue, d >= 0 else { throw fail("tensor '\(key)' has a bad shape") }
        shape.append(d)
        let (product, overflow) = elements.multipliedReportingOverflow(by: d)
        guard !overflow else { throw fail("tensor '\(key)' is too large") }
        elements = product
      }
      guard let offsets = fields["data_offsets"]?.arrayValue, offsets.count == 2,
        let begin = offsets[0].intValue, let end = offsets[1].intValue, begin >= 0, end >= begin
      else { throw fail("tensor '\(key)' has bad data_offsets") }
      let (bytes, overflow) = elements.multipliedReportingOverflow(by: dtype.byteSize)
      guard !overflow, end - begin == bytes else {
        throw ShardsError(
          .invalidTensor,
          "tensor '\(key)': data_offsets [\(begin), \(end)] hold \(end - begin) bytes, shape \(shape) of \(dtype.rawValue) needs \(bytes)",
          path: path)
      }
      tensors.append(SafetensorsTensorInfo(name: key, dtype: dtype, shape: shape, dataOffsets: begin..<end))
    }
    let ordered = tensors.sorted {
      ($0.dataOffsets.lowerBound, $0.dataOffsets.upperBound) < ($1.dataOffsets.lowerBound, $1.dataOffsets.upperBound)
    }
    var position = 0
    for tensor in ordered {
      guard tensor.dataOffsets.lowerBound == position else {
        throw ShardsError(
          .invalidTensor,
          "tensor '\(tensor.name)' starts at \(tensor.dataOffsets.lowerBound), expected \(position) (gap or overlap)",
          path: path)
      }
      position = tensor.dataOffsets.upperBound
    }
    guard position == dataSize else {
      throw ShardsError(
        .sizeMismatch, "the tensors end at data byte \(position) but the data section holds \(dataSize) bytes",
        path: path)
    }
    return (ordered, metadata)
  }
}
