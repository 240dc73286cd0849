import Testing

@testable import CorpusFilters

@Suite struct LineKeyTests {
  @Test(arguments: [
    ("Læs mere: 12 nyheder!", "læsmere00nyheder"),
    ("LÆS MERE 99 NYHEDER", "læsmere00nyheder"),
    ("læs  mere · 3 nyheder", "læsmere0nyheder"),
    ("Vi bruger cookies – accepter© alle™", "vibrugercookiesaccepteralle"),
    ("Hjem | Nyheder | Sport", "hjemnyhedersport"),
    ("«Citat» „her“ – ‘ok’…", "citatherok"),
    ("\u{200B}zero\u{00A0}width\tand\u{2028}sep", "zerowidthandsep"),
    ("Ölstue ÉCOLE Ærø", "ölstueécoleærø"),
    ("١٢٣ arabic digits", "000arabicdigits"),
    ("ΑΒΓ Ⅻ", "αβγⅻ"),  // Ⅻ is a letter number (Nl): kept, lower-cased
    ("", ""),
  ])
  func normalization(line: String, expected: String) {
    var normalizer = LineNormalizer()
    #expect(normalizer.normalized(line) == expected)
    #expect(normalizer.key(line).length == expected.unicodeScalars.count)
    #expect(normalizer.key(line).hash == XXHash64.hash(expected))
  }

  @Test func accentsAndDanishLettersStayDistinct() {
    var normalizer = LineNormalizer()
    #expect(normalizer.key("Århus") != normalizer.key("Arhus"))
    #expect(normalizer.key("søen") != normalizer.key("soen"))
    #expect(normalizer.key("Århus!") == normalizer.key("århus"))
  }

  @Test func exactKeyIgnoresLayoutOnly() {
    var normalizer = LineNormalizer()
    func key(_ s: String) -> Hash128 { s.withUTF8Bytes { normalizer.exactKey($0) } }
    #expect(key("Hej verden.\nAnden linje!") == key("hej  verden\n\nanden linje"))
    #expect(key("Hej verden") != key("Hej verdens"))
  }

  @Test func linesSplitOnLFOnly() {
    #expect(TextLines.split("a\nb\r\nc\u{2028}d\n").map(String.init) == ["a", "b\r", "c\u{2028}d", ""])
    #expect(TextLines.count("") == 1)
    #expect(TextLines.count("a\n\nb") == 3)
    var ranges: [Range<Int>] = []
    "ab\n\ncd".withUTF8Bytes { TextLines.forEach($0) { ranges.append($0) } }
    #expect(ranges == [0..<2, 3..<3, 4..<6])
  }

  @Test func removalKeepsTheOtherLinesVerbatim() {
    let text = "one\ntwo\nthree\n"
    var removal = LineRemoval(lineCount: 4)
    removal.reasons[1] = "x"
    #expect(removal.apply(to: text) == "one\nthree\n")
    #expect(removal.removedCount == 1)
    var all = LineRemoval(lineCount: 4)
    all.reasons = ["a", "b", "c", nil]
    #expect(all.apply(to: text) == "")
    #expect(LineRemoval(lineCount: 2).apply(to: "x\r\ny") == "x\r\ny")
  }

  @Test func domains() {
    #expect(DomainKey.host(of: "https://www.DR.dk/nyheder?x=1") == "dr.dk")
    #expect(DomainKey.host(of: "http://user@shop.dk:8080/a") == "shop.dk")
    #expect(DomainKey.host(of: "bolig.dk/side") == "bolig.dk")
    #expect(DomainKey.of(url: nil) == DomainKey.unknown)
    #expect(DomainKey.of(url: "https://a.dk/1") == DomainKey.of(url: "http://www.a.dk/2"))
    #expect(DomainKey.of(url: "https://a.dk/1") != DomainKey.of(url: "https://b.dk/1"))
  }
}
