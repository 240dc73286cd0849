import Testing

@testable import CorpusFilters

/// ``TransitionTable``: a step from a row's offset through a byte's column is the entry of the
/// byte's class in that row, as an offset, for random tables and class maps.
@Suite struct TransitionTableTests {
  @Test(arguments: [(1, 1, 1), (3, 5, 2), (40, 17, 3), (200, 60, 4)])
  func stepIsTheEntryOfTheByteClass(states: Int, classes: Int, seed: UInt64) {
    var random = SplitMix64(seed: seed)
    let rows = (0..<(states * classes)).map { _ in UInt32(Int.random(in: 0..<states, using: &random) * classes) }
    let foldedClass = (0..<256).map { _ in UInt8(Int.random(in: 0..<classes, using: &random)) }
    let rawClass = (0..<256).map { _ in UInt8(Int.random(in: 0..<classes, using: &random)) }
    let table = TransitionTable(rows: rows, foldedClass: foldedClass, rawClass: rawClass)
    var stepped: [Int] = []
    var expected: [Int] = []
    for state in 0..<states {
      let row = state * classes
      let offset = TransitionTable.offset(ofRowAt: row)
      for b in 0..<256 {
        stepped.append(TransitionTable.next(offset, table.columns(folded: true)[b]))
        stepped.append(TransitionTable.next(offset, table.columns(folded: false)[b]))
        expected.append(TransitionTable.offset(ofRowAt: Int(rows[row + Int(foldedClass[b])])))
        expected.append(TransitionTable.offset(ofRowAt: Int(rows[row + Int(rawClass[b])])))
      }
    }
    #expect(stepped == expected)
  }
}
