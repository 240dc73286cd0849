import CorpusText
import Testing

@Suite struct TransliteratorTests {
  @Test("Danish letters, § and ASCII pass unchanged")
  func danishIsKept() throws {
    let t = try Transliterator()
    #expect(t.transliterate("Ærø på øen § 3, stk. 2\ttab") == "Ærø på øen § 3, stk. 2\ttab")
    #expect(t.transliteratedCounts.total == 0)
  }

  /// Leftovers are replaced, so that a difference in what ICU left over cannot hide behind
  /// the drop.
  @Test("The fast path equals ICU on whole chunks, for random multilingual strings", arguments: [
    (KeepSet.danish, "?"), (KeepSet.danish, nil), (KeepSet(""), "?"), (KeepSet("αβγäöü€–"), "?"),
  ])
  func fastPathEqualsICU(_ keep: KeepSet, _ replacement: String?) throws {
    let t = try Transliterator(keep: keep, replacement: replacement)
    var rng = SplitMix64(seed: 3)
    var failures: [String] = []
    for _ in 0..<20_000 {
      let text = randomText(&rng)
      let fast = t.transliterate(text)
      let reference = t.transliterateWithICUOnly(text)
      if fast != reference && failures.count < 10 {
        failures.append("\(text.debugDescription): fast \(fast.debugDescription) ICU \(reference.debugDescription)")
      }
    }
    #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
  }
}
