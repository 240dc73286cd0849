import Testing

@testable import CorpusFilters

@Suite struct LineCountTableTests {
  struct Counts: Equatable {
    var occurrences: UInt32
    var documents: UInt32
    var firstDocument: UInt64
    var lastDocument: UInt64
  }

  /// Adds random pairs (few distinct lines and domains, so keys repeat and collide in slots)
  /// through growth and a `removeAll`, and compares every entry with a dictionary.
  @Test(arguments: [1, 50, 3_000, 40_000])
  func matchesDictionary(distinctLines: Int) {
    var rng = SplitMix64(seed: UInt64(distinctLines))
    let table = LineCountTable()
    for round in 0..<2 {
      var reference: [[UInt64]: Counts] = [:]
      var document: UInt64 = 0
      for _ in 0..<(distinctLines * 4 + 100) {
        if rng.next() % 3 == 0 { document += 1 }
        // Small key values land in neighbouring slots: probing is exercised.
        let line = rng.next() % UInt64(distinctLines) &* (round == 0 ? 1 : 0x9E37_79B9_7F4A_7C15)
        let domain = rng.next() % 3
        table.add(line: line, domain: domain, document: document)
        if var counts = reference[[line, domain]] {
          counts.occurrences += 1
          if counts.lastDocument != document {
            counts.documents += 1
            counts.lastDocument = document
          }
          reference[[line, domain]] = counts
        } else {
          reference[[line, domain]] = Counts(
            occurrences: 1, documents: 1, firstDocument: document, lastDocument: document)
        }
      }
      let entries = table.entries
      #expect(table.count == reference.count)
      #expect(entries.count == reference.count)
      for entry in entries {
        #expect(
          reference[[entry.line, entry.domain]]
            == Counts(
              occurrences: entry.occurrences, documents: entry.documents, firstDocument: entry.firstDocument,
              lastDocument: entry.lastDocument))
      }
      table.removeAll()
      #expect(table.count == 0 && table.entries.isEmpty)
    }
  }
}
