import Shards
import Testing

@Suite("SentenceSplitter: Danish abbreviations, ordinals, dates, initials, decimals, URLs")
struct SentenceSplitterTests {
  static let cases: [(String, [String])] = [
    ("Det regner. Vi bliver hjemme.", ["Det regner.", "Vi bliver hjemme."]),
    ("Kommer du? Ja! Godt.", ["Kommer du?", "Ja!", "Godt."]),
    ("  Mellemrum før.   Og efter.  ", ["Mellemrum før.", "Og efter."]),
    ("Ingen punktum til sidst", ["Ingen punktum til sidst"]),
    ("", []),
    ("   ", []),
    // abbreviations that introduce more text
    ("Vi så f.eks. Roskilde og bl.a. Køge.", ["Vi så f.eks. Roskilde og bl.a. Køge."]),
    ("Han kom sent, dvs. Efter midnat.", ["Han kom sent, dvs. Efter midnat."]),
    ("Der var ca. 200 gæster. Alle dansede.", ["Der var ca. 200 gæster.", "Alle dansede."]),
    ("Ca. 200 gæster kom.", ["Ca. 200 gæster kom."]),
    ("Se nr. 5 og jf. Lov om skoler.", ["Se nr. 5 og jf. Lov om skoler."]),
    ("Aflyst pga. Sne. Mht. Bussen ved vi intet.", ["Aflyst pga. Sne.", "Mht. Bussen ved vi intet."]),
    ("Ring evt. Jensen. Inkl. Moms koster det mere.", ["Ring evt. Jensen.", "Inkl. Moms koster det mere."]),
    ("Mødet er kl. 14.30 hos hr. Hansen og dr. Berg.", ["Mødet er kl. 14.30 hos hr. Hansen og dr. Berg."]),
    ("(ca. 30 km) fra byen.", ["(ca. 30 km) fra byen."]),
    ("Vi bor på Gl. Kongevej. Det er dyrt.", ["Vi bor på Gl. Kongevej.", "Det er dyrt."]),
    // abbreviations that often end a sentence
    ("Vi købte æbler, pærer osv. Det var billigt.", ["Vi købte æbler, pærer osv.", "Det var billigt."]),
    ("Det koster 100 kr. Det er billigt.", ["Det koster 100 kr.", "Det er billigt."]),
    ("Det koster kr. 100 i alt.", ["Det koster kr. 100 i alt."]),
    ("Renten er 5 pct. Og den stiger.", ["Renten er 5 pct.", "Og den stiger."]),
    ("Bøger, blade mv. sælges her.", ["Bøger, blade mv. sælges her."]),
    // ordinals and dates
    ("Han blev født den 3. juni 1990 i Odense.", ["Han blev født den 3. juni 1990 i Odense."]),
    ("Det var 3. 4. og 5. klasse.", ["Det var 3. 4. og 5. klasse."]),
    ("Den 1.1. 2020 startede det.", ["Den 1.1. 2020 startede det."]),
    ("Det skete i 1999. Året efter flyttede vi.", ["Det skete i 1999.", "Året efter flyttede vi."]),
    ("Han blev nummer 3. Det var flot.", ["Han blev nummer 3.", "Det var flot."]),
    ("1. Indledning", ["1. Indledning"]),
    ("IV. Konklusion", ["IV. Konklusion"]),
    ("Under 2. verdenskrig var der mørkt.", ["Under 2. verdenskrig var der mørkt."]),
    // initials
    ("H.C. Andersen skrev eventyr.", ["H.C. Andersen skrev eventyr."]),
    ("Forfatteren H. C. Andersen blev født i Odense.", ["Forfatteren H. C. Andersen blev født i Odense."]),
    ("Præsident J.F. Kennedy talte.", ["Præsident J.F. Kennedy talte."]),
    // decimals, URLs, e-mail
    ("Prisen steg 3.5 procent. Det er meget.", ["Prisen steg 3.5 procent.", "Det er meget."]),
    ("Se www.dr.dk. Der står mere.", ["Se www.dr.dk.", "Der står mere."]),
    (
      "Læs https://example.dk/a.b?c=1&d=2. Eller skriv til info@firma.dk. Tak.",
      [
        "Læs https://example.dk/a.b?c=1&d=2.", "Eller skriv til info@firma.dk.", "Tak.",
      ]
    ),
    ("Besøg www.dr.dk for mere.", ["Besøg www.dr.dk for mere."]),
    // quotes, brackets, ellipses
    ("»Hej,« sagde han. »Kom ind!« Hun gik.", ["»Hej,« sagde han.", "»Kom ind!«", "Hun gik."]),
    ("Han sagde: \"Nej.\" Så gik han.", ["Han sagde: \"Nej.\"", "Så gik han."]),
    ("Det var (som sagt.) Godt.", ["Det var (som sagt.)", "Godt."]),
    ("Hvad? sagde hun.", ["Hvad? sagde hun."]),
    ("Han tøvede... Så gik han.", ["Han tøvede...", "Så gik han."]),
    ("Han tøvede… Så gik han.", ["Han tøvede…", "Så gik han."]),
    ("... og så videre. Slut.", ["... og så videre.", "Slut."]),
    ("Virkelig?! Ja.", ["Virkelig?!", "Ja."]),
    ("Det var slut. – Nej, sagde han.", ["Det var slut.", "– Nej, sagde han."]),
    // case of Æ Ø Å, non-breaking and other spaces
    ("Det var koldt. Østerbro var tom. Ålborg også.", ["Det var koldt.", "Østerbro var tom.", "Ålborg også."]),
    ("Slut.\u{00A0}Ny sætning.", ["Slut.", "Ny sætning."]),
    ("Slut.\u{3000}Ny.", ["Slut.", "Ny."]),
    ("Tal 2. 3 personer kom.", ["Tal 2. 3 personer kom."]),
    ("Det kostede 2.000 kr. i 2019. 2020 blev dyrere.", ["Det kostede 2.000 kr. i 2019.", "2020 blev dyrere."]),
  ]

  @Test("cases", arguments: cases)
  func split(text: String, expected: [String]) {
    #expect(SentenceSplitter.danish.split(text) == expected)
  }

  @Test("lines are split first; blank lines vanish")
  func lines() {
    #expect(
      SentenceSplitter.danish.splitLines("Første linje. Anden sætning.\n\nTredje linje\n  \nf.eks. Her.")
        == ["Første linje.", "Anden sætning.", "Tredje linje", "f.eks. Her."])
  }

  @Test("sentence ranges cover the text without overlap, in order")
  func ranges() {
    var text = "Ab bc. Cd de! Ef fg? Gh hi."
    let ranges = text.withUTF8 { SentenceSplitter.danish.sentenceRanges($0) }
    #expect(ranges == [0..<6, 7..<13, 14..<20, 21..<27])
  }

  @Test("custom abbreviation lists")
  func custom() {
    let splitter = SentenceSplitter(abbreviations: ["Pkt.": .neverFinal])
    #expect(splitter.split("Se pkt. Tre. Slut.") == ["Se pkt. Tre.", "Slut."])
    #expect(splitter.split("Vi så f.eks. Roskilde.") == ["Vi så f.eks.", "Roskilde."])
  }

  @Test("invalid UTF-8 does not crash")
  func invalidUTF8() {
    let bytes: [UInt8] = [0x41, 0x2E, 0x20, 0xC3, 0x2E, 0x20, 0xFF, 0xE2, 0x80]
    let ranges = bytes.withUnsafeBufferPointer { SentenceSplitter.danish.sentenceRanges($0) }
    #expect(!ranges.isEmpty)
  }
}
