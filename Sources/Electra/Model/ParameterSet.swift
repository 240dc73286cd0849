/// Named tensors carved out of one contiguous `Float` block, llm.c style.
///
/// A model keeps two sets with the same layout: values and gradients (the trainer adds the
/// optimizer's two moments). Names are transformers' state-dict keys, so a checkpoint maps
/// onto a set one to one.
public final class ParameterSet: @unchecked Sendable {
  /// One tensor: its state-dict name, shape and place in the block.
  public struct Entry: Sendable, Hashable {
    public var name: String
    public var shape: [Int]
    /// Offset of the first element in the block.
    public var offset: Int
    /// Number of elements.
    public var count: Int
    /// Whether ELECTRA's AdamW applies weight decay: not to LayerNorm parameters and biases.
    public var decays: Bool { !(name.contains("LayerNorm") || name.contains("layer_norm") || name.contains("bias")) }
  }

  /// The tensors, in layout order.
  public let entries: [Entry]
  /// Total number of elements.
  public let count: Int
  /// The block, `count` elements, zero-initialised, 64-byte aligned.
  public let values: UnsafeMutablePointer<Float>
  private let index: [String: Int]

  /// Lays out `tensors` (name, shape) one after another and zero-fills the block.
  public init(_ tensors: [(name: String, shape: [Int])]) {
    var entries: [Entry] = []
    var offset = 0
    for (name, shape) in tensors {
      let count = shape.reduce(1, *)
      entries.append(Entry(name: name, shape: shape, offset: offset, count: count))
      offset += count
    }
    self.entries = entries
    count = offset
    values = Self.allocate(offset)
    index = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.name, $0) })
  }

  /// A zero-filled set with the same layout as `other`.
  public convenience init(sameLayoutAs other: ParameterSet) {
    self.init(other.entries.map { ($0.name, $0.shape) })
  }

  deinit { values.deallocate() }

  /// The entry called `name`.
  public func entry(_ name: String) -> Entry? { index[name].map { entries[$0] } }

  /// The first element of tensor `name`; the name must be in the layout.
  public subscript(name: String) -> UnsafeMutablePointer<Float> {
    guard let i = index[name] else { preconditionFailure("no parameter '\(name)' in this layout") }
    return values + entries[i].offset
  }

  /// The elements of tensor `name`, copied out.
  public func array(_ name: String) -> [Float] {
    guard let entry = entry(name) else { return [] }
    return Array(UnsafeBufferPointer(start: values + entry.offset, count: entry.count))
  }

  /// Sets every element to zero.
  public func zero() { values.update(repeating: 0, count: count) }

  /// Copies all values from `other`, which must have the same layout.
  public func copy(from other: ParameterSet) {
    precondition(other.count == count, "layouts differ")
    values.update(from: other.values, count: count)
  }

  static func allocate(_ count: Int) -> UnsafeMutablePointer<Float> {
    let raw = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1) * 4, alignment: 64)
    let pointer = raw.bindMemory(to: Float.self, capacity: max(count, 1))
    pointer.initialize(repeating: 0, count: max(count, 1))
    return pointer
  }
}

/// A scratch block of `Float`s that grows on demand and is reused between calls.
final class Workspace {
  private(set) var pointer: UnsafeMutablePointer<Float>
  private(set) var capacity: Int

  init() {
    capacity = 0
    pointer = ParameterSet.allocate(0)
  }

  deinit { pointer.deallocate() }

  /// A block of at least `count` elements (contents unspecified).
  func reserve(_ count: Int) -> UnsafeMutablePointer<Float> {
    if count > capacity {
      pointer.deallocate()
      pointer = ParameterSet.allocate(count)
      capacity = count
    }
    return pointer
  }
}
