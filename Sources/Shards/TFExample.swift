/// A `tf.train.Example` protocol buffer, encoded and decoded by hand (no protobuf library).
///
/// The schema:
///
/// ```
/// Example   { Features features = 1; }
/// Features  { map<string, Feature> feature = 1; }        // entries: key = 1, value = 2
/// Feature   { oneof kind { BytesList bytes_list = 1; FloatList float_list = 2; Int64List int64_list = 3; } }
/// BytesList { repeated bytes value = 1; }
/// FloatList { repeated float value = 1 [packed = true]; }
/// Int64List { repeated int64 value = 1 [packed = true]; }
/// ```
///
/// ``serialized()`` writes map entries sorted by key (what `SerializeToString(deterministic=True)`
/// writes) and packed repeated fields. The decoder accepts any entry order, packed or unpacked
/// repeated scalars, and skips unknown fields, as protobuf parsers do; a later duplicate key or
/// `kind` replaces an earlier one.
public struct TFExample: Sendable, Hashable {
  /// One feature's values.
  public enum Feature: Sendable, Hashable {
    case int64([Int64])
    case float([Float])
    case bytes([[UInt8]])
  }

  /// The features by name.
  public var features: [String: Feature]

  public init(features: [String: Feature] = [:]) {
    self.features = features
  }

  /// The three int64 features google-research/electra's `run_pretraining.py` reads, each of
  /// length `seqLen`: `input_ids`, `input_mask`, `segment_ids`.
  public init(electra example: PackedExample, seqLen: Int, pad: Int32) {
    func wide(_ row: [Int32]) -> Feature { .int64(row.map(Int64.init)) }
    features = [
      "input_ids": wide(example.inputIDs(seqLen: seqLen, pad: pad)),
      "input_mask": wide(example.attentionMask(seqLen: seqLen)),
      "segment_ids": wide(example.tokenTypeIDs(seqLen: seqLen)),
    ]
  }

  /// The int64 values of feature `name`, if it is an int64 list.
  public func int64s(_ name: String) -> [Int64]? {
    if case .int64(let values) = features[name] { return values }
    return nil
  }

  // MARK: Encoding

  /// The protobuf wire bytes, map entries sorted by key.
  public func serialized() -> [UInt8] {
    var features = ProtoBuffer()
    for key in self.features.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
      guard let feature = self.features[key] else { continue }
      var value = ProtoBuffer()
      switch feature {
      case .bytes(let list):
        var inner = ProtoBuffer()
        for item in list { inner.lengthDelimited(field: 1, item) }
        value.lengthDelimited(field: 1, inner.bytes)
      case .float(let list):
        var packed = ProtoBuffer()
        for item in list { packed.fixed32(item.bitPattern) }
        var inner = ProtoBuffer()
        if !list.isEmpty { inner.lengthDelimited(field: 1, packed.bytes) }
        value.lengthDelimited(field: 2, inner.bytes)
      case .int64(let list):
        var packed = ProtoBuffer()
        for item in list { packed.varint(UInt64(bitPattern: item)) }
        var inner = ProtoBuffer()
        if !list.isEmpty { inner.lengthDelimited(field: 1, packed.bytes) }
        value.lengthDelimited(field: 3, inner.bytes)
      }
      var entry = ProtoBuffer()
      entry.lengthDelimited(field: 1, Array(key.utf8))
      entry.lengthDelimited(field: 2, value.bytes)
      features.lengthDelimited(field: 1, entry.bytes)
    }
    var example = ProtoBuffer()
    example.lengthDelimited(field: 1, features.bytes)
    return example.bytes
  }

  /// Appends the wire bytes of the ELECTRA example to `out`.
  ///
  /// Features `input_ids`, `input_mask`, `segment_ids`, in that order, each an int64 list of
  /// `seqLen`, encoded without building intermediate arrays. Equal to `TFExample(electra:seqLen:pad:).serialized()`.
  ///
  /// - Complexity: O(seqLen).
  public static func appendElectra(_ example: PackedExample, seqLen: Int, pad: Int32, to out: inout [UInt8]) {
    appendElectra(
      tokens: example.tokens[...], firstSegmentEnd: example.firstSegmentEnd, seqLen: seqLen, pad: pad, to: &out)
  }

  static func appendElectra(
    tokens: ArraySlice<Int32>, firstSegmentEnd: Int, seqLen: Int, pad: Int32, to out: inout [UInt8]
  ) {
    let base = tokens.startIndex
    let length = min(tokens.count, seqLen)
    let firstEnd = min(firstSegmentEnd, length)
    var idsBytes = 0
    for i in 0..<length { idsBytes += varintSize(UInt64(bitPattern: Int64(tokens[base + i]))) }
    idsBytes += (seqLen - length) * varintSize(UInt64(bitPattern: Int64(pad)))
    let maskBytes = seqLen  // 0 and 1 are one byte each
    let sizes = [(name: "input_ids", packed: idsBytes), ("input_mask", maskBytes), ("segment_ids", seqLen)]
    var entrySizes: [Int] = []
    var featuresSize = 0
    for (name, packed) in sizes {
      let list = 1 + varintSize(UInt64(packed)) + packed  // Int64List
      let feature = 1 + varintSize(UInt64(list)) + list  // Feature.int64_list
      let entry =
        (1 + varintSize(UInt64(name.utf8.count)) + name.utf8.count) + (1 + varintSize(UInt64(feature)) + feature)
      entrySizes.append(entry)
      featuresSize += 1 + varintSize(UInt64(entry)) + entry
    }
    var buffer = ProtoBuffer()
    swap(&buffer.bytes, &out)
    defer { swap(&buffer.bytes, &out) }
    buffer.bytes.reserveCapacity(buffer.bytes.count + 1 + varintSize(UInt64(featuresSize)) + featuresSize)
    buffer.tag(1, wire: 2)
    buffer.varint(UInt64(featuresSize))
    for (k, (name, packed)) in sizes.enumerated() {
      let list = 1 + varintSize(UInt64(packed)) + packed
      let feature = 1 + varintSize(UInt64(list)) + list
      buffer.tag(1, wire: 2)
      buffer.varint(UInt64(entrySizes[k]))
      buffer.lengthDelimited(field: 1, Array(name.utf8))
      buffer.tag(2, wire: 2)
      buffer.varint(UInt64(feature))
      buffer.tag(3, wire: 2)
      buffer.varint(UInt64(list))
      buffer.tag(1, wire: 2)
      buffer.varint(UInt64(packed))
      switch k {
      case 0:
        for i in 0..<length { buffer.varint(UInt64(bitPattern: Int64(tokens[base + i]))) }
        let padding = UInt64(bitPattern: Int64(pad))
        for _ in length..<seqLen { buffer.varint(padding) }
      case 1:
        for i in 0..<seqLen { buffer.bytes.append(i < length ? 1 : 0) }
      default:
        for i in 0..<seqLen { buffer.bytes.append(i >= firstEnd && i < length ? 1 : 0) }
      }
    }
  }

  // MARK: Decoding

  /// Decodes wire bytes.
  ///
  /// - Throws: ``ShardsError/Kind/invalidRecord`` when the bytes are not a valid message of
  ///   this schema (truncated, bad varint, wrong wire type, bad UTF-8 key).
  public init(serialized bytes: UnsafeRawBufferPointer) throws(ShardsError) {
    var features: [String: Feature] = [:]
    var example = ProtoReader(bytes)
    while let (field, wire) = try example.nextTag() {
      guard field == 1, wire == 2 else {
        try example.skip(wire)
        continue
      }
      var featureMap = ProtoReader(try example.lengthDelimited())
      while let (field, wire) = try featureMap.nextTag() {
        guard field == 1, wire == 2 else {
          try featureMap.skip(wire)
          continue
        }
        var entry = ProtoReader(try featureMap.lengthDelimited())
        var key = ""
        var value = Feature.bytes([])
        while let (field, wire) = try entry.nextTag() {
          switch (field, wire) {
          case (1, 2):
            guard let text = String(validating: try entry.lengthDelimited(), as: UTF8.self) else {
              throw ShardsError(.invalidRecord, "a feature name is not valid UTF-8")
            }
            key = text
          case (2, 2):
            value = try Self.decodeFeature(try entry.lengthDelimited())
          default:
            try entry.skip(wire)
          }
        }
        features[key] = value
      }
    }
    self.features = features
  }

  /// Decodes wire bytes held in an array.
  public init(serialized bytes: [UInt8]) throws(ShardsError) {
    let result = bytes.withUnsafeBytes { raw in Result { () throws(ShardsError) in try TFExample(serialized: raw) } }
    self = try result.get()
  }

  private static func decodeFeature(_ bytes: UnsafeRawBufferPointer) throws(ShardsError) -> Feature {
    var reader = ProtoReader(bytes)
    var kind = Feature.bytes([])
    while let (field, wire) = try reader.nextTag() {
      guard wire == 2, (1...3).contains(field) else {
        try reader.skip(wire)
        continue
      }
      var list = ProtoReader(try reader.lengthDelimited())
      switch field {
      case 1:
        var values: [[UInt8]] = []
        while let (f, w) = try list.nextTag() {
          if f == 1, w == 2 { values.append(Array(try list.lengthDelimited())) } else { try list.skip(w) }
        }
        kind = .bytes(values)
      case 2:
        var values: [Float] = []
        while let (f, w) = try list.nextTag() {
          if f == 1, w == 2 {
            var packed = ProtoReader(try list.lengthDelimited())
            while !packed.atEnd { values.append(Float(bitPattern: try packed.fixed32())) }
          } else if f == 1, w == 5 {
            values.append(Float(bitPattern: try list.fixed32()))
          } else {
            try list.skip(w)
          }
        }
        kind = .float(values)
      default:
        var values: [Int64] = []
        while let (f, w) = try list.nextTag() {
          if f == 1, w == 2 {
            var packed = ProtoReader(try list.lengthDelimited())
            while !packed.atEnd { values.append(Int64(bitPattern: try packed.varint())) }
          } else if f == 1, w == 0 {
            values.append(Int64(bitPattern: try list.varint()))
          } else {
            try list.skip(w)
          }
        }
        kind = .int64(values)
      }
    }
    return kind
  }
}

// MARK: - Wire format helpers

@inline(__always)
func varintSize(_ value: UInt64) -> Int {
  value == 0 ? 1 : (UInt64.bitWidth - value.leadingZeroBitCount + 6) / 7
}

/// Appends protobuf wire data.
struct ProtoBuffer {
  var bytes: [UInt8] = []

  @inline(__always)
  mutating func varint(_ value: UInt64) {
    var v = value
    while v >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
      v >>= 7
    }
    bytes.append(UInt8(v))
  }

  mutating func tag(_ field: Int, wire: Int) { varint(UInt64(field << 3 | wire)) }

  mutating func lengthDelimited(field: Int, _ payload: [UInt8]) {
    tag(field, wire: 2)
    varint(UInt64(payload.count))
    bytes.append(contentsOf: payload)
  }

  mutating func fixed32(_ value: UInt32) {
    for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
  }
}

/// Reads protobuf wire data with bounds checks.
struct ProtoReader {
  let bytes: UnsafeRawBufferPointer
  var position = 0

  init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

  var atEnd: Bool { position >= bytes.count }

  mutating func varint() throws(ShardsError) -> UInt64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard position < bytes.count else { throw ShardsError(.invalidRecord, "truncated varint") }
      let byte = bytes[position]
      position += 1
      if shift == 63, byte > 1 { throw ShardsError(.invalidRecord, "varint longer than 64 bits") }
      result |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { return result }
      shift += 7
      if shift > 63 { throw ShardsError(.invalidRecord, "varint longer than 10 bytes") }
    }
  }

  /// The next field number and wire type, or `nil` at the end.
  mutating func nextTag() throws(ShardsError) -> (Int, Int)? {
    guard !atEnd else { return nil }
    let key = try varint()
    let field = key >> 3
    guard field > 0, field < 1 << 29 else { throw ShardsError(.invalidRecord, "bad field number \(field)") }
    return (Int(field), Int(key & 7))
  }

  mutating func lengthDelimited() throws(ShardsError) -> UnsafeRawBufferPointer {
    let length = try varint()
    guard length <= UInt64(bytes.count - position) else {
      throw ShardsError(.invalidRecord, "a length-delimited field runs past the end of its message")
    }
    let slice = UnsafeRawBufferPointer(rebasing: bytes[position..<(position + Int(length))])
    position += Int(length)
    return slice
  }

  mutating func fixed32() throws(ShardsError) -> UInt32 {
    guard bytes.count - position >= 4 else { throw ShardsError(.invalidRecord, "truncated fixed32") }
    var value: UInt32 = 0
    for i in 0..<4 { value |= UInt32(bytes[position + i]) << UInt32(8 * i) }
    position += 4
    return value
  }

  mutating func skip(_ wire: Int) throws(ShardsError) {
    switch wire {
    case 0: _ = try varint()
    case 1:
      guard bytes.count - position >= 8 else { throw ShardsError(.invalidRecord, "truncated fixed64") }
      position += 8
    case 2: _ = try lengthDelimited()
    case 5: _ = try fixed32()
    default: throw ShardsError(.invalidRecord, "unsupported wire type \(wire)")
    }
  }
}

extension ShardExample {
  /// The rows of a `tf.train.Example` as google-research/electra reads it: int64 lists
  /// `input_ids`, `input_mask` (the attention mask) and `segment_ids` (the token types).
  ///
  /// - Throws: ``ShardsError/Kind/invalidRecord`` when a feature is missing or not an int64 list,
  ///   the three differ in length, or a value does not fit `Int32`.
  public init(electra example: TFExample) throws(ShardsError) {
    func row(_ name: String) throws(ShardsError) -> [Int32] {
      guard let values = example.int64s(name) else {
        throw ShardsError(.invalidRecord, "no int64 feature '\(name)'")
      }
      var row: [Int32] = []
      row.reserveCapacity(values.count)
      for value in values {
        guard let narrow = Int32(exactly: value) else {
          throw ShardsError(.invalidRecord, "'\(name)' holds \(value), which does not fit int32")
        }
        row.append(narrow)
      }
      return row
    }
    let ids = try row("input_ids")
    let mask = try row("input_mask")
    let types = try row("segment_ids")
    guard ids.count == mask.count, ids.count == types.count else {
      throw ShardsError(
        .invalidRecord, "input_ids, input_mask and segment_ids have \(ids.count), \(mask.count), \(types.count) values")
    }
    self.init(inputIDs: ids, tokenTypeIDs: types, attentionMask: mask)
  }
}
