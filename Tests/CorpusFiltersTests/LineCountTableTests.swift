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
      // Small keys all fall in the first buckets (sorted whole); spread ones in many small ones.
      #expect(Self.fields(table.sortedEntries()) == Self.fields(entries).sorted { $0.lexicographicallyPrecedes($1) })
      table.removeAll()
      #expect(table.count == 0 && table.entries.isEmpty)
    }
  }

  @Test("sorted entries: by line, then domain, with a line on many domains and spread lines")
  func sortedEntries() {
    var rng = SplitMix64(seed: 7)
    let table = LineCountTable()
    for document in 0..<20_000 as Range<UInt64> {
      let line = rng.next() % 4 == 0 ? 0x8000_0000_0000_0000 : rng.next()
      table.add(line: line, domain: rng.next() % 500, document: document)
    }
    let expected = Self.fields(table.entries).sorted { $0.lexicographicallyPrecedes($1) }
    #expect(Self.fields(table.sortedEntries()) == expected)
  }

  /// Every field of each entry.
  static func fields(_ entries: [LineCountEntry]) -> [[UInt64]] {
    entries.map {
      [$0.line, $0.domain, UInt64($0.occurrences), UInt64($0.documents), $0.firstDocument, $0.lastDocument]
    }
  }
}
