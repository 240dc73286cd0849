/// A phrase automaton's transition table (``PhraseMatcher``) in memory of its own, with each
/// byte's column: the address of the entry for the byte's class in the first row.
///
/// A row is named by its byte offset in the table, so a step is a single load from the byte's
/// column at the row's offset: no addition of row and class, which sits in the scan's
/// dependency chain, and one load fewer per byte than row, class, then entry.
///
/// Immutable once built, shared by the copies of a matcher.
final class TransitionTable: @unchecked Sendable {
  /// The entries, row after row: each the byte offset of the next row.
  private let entries: UnsafeMutablePointer<UInt32>
  /// Per byte value, its column in folded text, then in unfolded text (512 addresses).
  private let columns: UnsafeMutablePointer<UnsafeRawPointer>

  /// The table of `rows` (each entry the index of the next row's first entry), with the columns
  /// of `foldedClass` and `rawClass` (a class per byte value).
  init(rows: [UInt32], foldedClass: [UInt8], rawClass: [UInt8]) {
    entries = .allocate(capacity: rows.count)
    for (k, row) in rows.enumerated() { entries[k] = row * UInt32(MemoryLayout<UInt32>.stride) }
    columns = .allocate(capacity: 512)
    for b in 0..<256 {
      columns[b] = UnsafeRawPointer(entries + Int(foldedClass[b]))
      columns[256 + b] = UnsafeRawPointer(entries + Int(rawClass[b]))
    }
  }

  deinit {
    entries.deallocate()
    columns.deallocate()
  }

  /// The byte offset of the row starting at entry `index`.
  @inline(__always)
  static func offset(ofRowAt index: Int) -> Int { index &* MemoryLayout<UInt32>.stride }

  /// The columns of folded text (`folded`) or of unfolded text, by byte value.
  @inline(__always)
  func columns(folded: Bool) -> UnsafePointer<UnsafeRawPointer> { UnsafePointer(columns + (folded ? 0 : 256)) }

  /// The row after the row at byte offset `row` on a byte whose column is `column`.
  ///
  /// - Complexity: O(1): one load.
  @inline(__always)
  static func next(_ row: Int, _ column: UnsafeRawPointer) -> Int {
    Int(column.load(fromByteOffset: row, as: UInt32.self))
  }
}
