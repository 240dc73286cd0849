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
  @Test(
    "The fast path equals ICU on whole chunks, for random multilingual strings",
    arguments: [
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

  @Test(
    "Runs longer than a piece are split, with the same result",
    arguments: [
      "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας; Ναι, και η μεγαλύτερη πόλη της. ",
      "Москва — столица России; её население превышает 12 миллионов человек. ",
      "北京是中华人民共和国的首都。東京は日本の首都です。",
      "القاهرة هي عاصمة مصر، وعدد سكانها ٢٠ مليون نسمة. ",
      "Ὁ Ὅμηρος ἔγραψε τὴν Ἰλιάδα καὶ τὴν Ὀδύσσειαν. ",
    ])
  func longRuns(_ sentence: String) throws {
    let t = try Transliterator(replacement: "?")
    let text = "Start " + String(repeating: sentence, count: 12_000 / sentence.utf16.count + 1) + " slut"
    #expect(text.utf16.count > 2 * 4096)  // more than two pieces
    #expect(t.transliterate(text) == t.transliterateWithICUOnly(text))
  }
}
