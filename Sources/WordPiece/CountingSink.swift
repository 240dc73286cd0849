/// Adds every word it receives to a table: a long word at once, a short one hashed on arrival,
/// its home slot prefetched, and looked up one batch later, when the slot is in cache.
///
/// Two rooms of ``batchSize`` keys take turns: while one fills, the slots of the other's keys
/// arrive. Call ``flush()`` after the last word.
struct CountingSink: WordSink {
  /// Keys per batch.
  static let batchSize = 32

  var table: ByteCountTable
  /// Room for two batches.
  private let keys: UnsafeMutablePointer<ShortKey>
  /// The offset of the room being filled (0 or ``batchSize``), and its number of keys.
  private var filling = 0
  private var pending = 0
  /// Whether the other room holds a full batch waiting for its lookups.
  private var waiting = false
  /// The text's address, and the last offset in it with 24 bytes to go: a word there (not
  /// one the pre-tokenizer rebuilt elsewhere) is read with three whole-word loads.
  private let textStart: Int
  private let lastWideOffset: Int

  /// A sink that adds the words of `text` to `table`, batching in `keys` (room for
  /// `2 * batchSize`).
  init(table: ByteCountTable, text: UnsafeRawBufferPointer, keys: UnsafeMutablePointer<ShortKey>) {
    self.table = table
    self.keys = keys
    textStart = Int(bitPattern: text.baseAddress)
    lastWideOffset = text.count &- 24
  }

  @inline(__always)
  mutating func word(_ bytes: UnsafePointer<UInt8>, _ count: Int) {
    guard count <= ShortKey.maxLength else {
      table.add(bytes, count, 1)
      return
    }
    let offset = Int(bitPattern: bytes) &- textStart
    let key =
      offset >= 0 && offset <= lastWideOffset ? ShortKey(readingTwentyFour: bytes, count) : ShortKey(bytes, count)
    table.prefetch(key)
    keys[filling &+ pending] = key
    pending &+= 1
    if pending == CountingSink.batchSize { turn() }
  }

  mutating func special(_ id: Int32) {}

  /// Looks up the waiting batch, whose slots were prefetched a batch ago, and lets the full
  /// room wait in its place.
  private mutating func turn() {
    let other = CountingSink.batchSize &- filling
    if waiting { table.add(UnsafeBufferPointer(start: keys + other, count: CountingSink.batchSize)) }
    waiting = true
    filling = other
    pending = 0
  }

  /// Looks up every key still held.
  mutating func flush() {
    if waiting {
      table.add(UnsafeBufferPointer(start: keys + (CountingSink.batchSize &- filling), count: CountingSink.batchSize))
    }
    table.add(UnsafeBufferPointer(start: keys + filling, count: pending))
    waiting = false
    pending = 0
  }
}
