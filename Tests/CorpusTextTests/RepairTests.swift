import CorpusText
import Testing

/// A normalizer with only the given repairs (no transliteration), and its stats after `text`.
func repaired(
  _ text: String, _ configure: (inout RepairConfig) -> Void = { _ in }, transliterate: Bool = false
) throws -> (String, RepairCounts) {
  var config = NormalizeConfig()
  configure(&config.repair)
  config.transliterate.enabled = transliterate
  var normalizer = try TextNormalizer(config: config)
  let result = normalizer.normalize(text)
  return (result, normalizer.stats.repairs)
}

/// Only one repair on.
func only(_ keyPath: WritableKeyPath<RepairConfig, Bool>) -> (inout RepairConfig) -> Void {
  { config in
    config = .none
    config.enabled = true
    config[keyPath: keyPath] = true
  }
}

@Suite struct EntityRepairTests {
  @Test(
    "Named, decimal and hex references are decoded",
    arguments: [
      ("p&aring; &AElig;ble", "på Æble"), ("a &amp; b", "a & b"), ("&lt;p&gt;", "<p>"), ("&quot;x&quot;", "\"x\""),
      ("&apos;", "'"), ("p&#229;", "på"), ("p&#xE5;", "på"), ("p&#XE5;", "på"), ("&euro;5", "€5"), ("&ndash;", "–"),
      ("&hellip;", "…"), ("&rsquo;s", "’s"), ("&#150;", "–"), ("&#x1F600;", "😀"), ("&AMP;", "&"), ("&sect;3", "§3"),
    ])
  func decodes(_ input: String, _ expected: String) throws {
    let (result, counts) = try repaired(input, only(\.entities))
    #expect(result == expected)
    #expect(counts.entities > 0)
  }

  @Test("Decoded once: &amp;lt; becomes &lt;")
  func once() throws {
    #expect(try repaired("&amp;lt; &amp;amp;", only(\.entities)).0 == "&lt; &amp;")
  }

  @Test(
    "Not references: left as they are",
    arguments: [
      "AT&T", "a & b", "&nosuch;", "&amp", "&#;", "&#x;", "&#0;", "&#xD800;", "&#x110000;", "&#123456789;", "R&D;", "&",
      "&Aring", "& amp;", "Tom&Jerry;",
    ])
  func notReferences(_ input: String) throws {
    let (result, counts) = try repaired(input, only(\.entities))
    #expect(result == input)
    #expect(counts.entities == 0)
  }
}

@Suite struct MojibakeRepairTests {
  @Test(
    "UTF-8 read as Windows-1252 or Latin-1 is repaired",
    arguments: [
      ("pÃ¥", "på"), ("ogsÃ¥", "også"), ("Ã¦blegrÃ¸d", "æblegrød"), ("Ã˜resund", "Øresund"), ("Ã…rhus", "Århus"),
      ("Ã†", "Æ"), ("cafÃ©", "café"), ("â€œcitatâ€\u{9D}", "“citat”"), ("itâ€™s", "it’s"), ("â€“ og", "– og"),
      ("10 â‚¬", "10 €"), ("Â£5", "£5"), ("Â§ 3", "§ 3"), ("Ã¼ber", "über"), ("Å¡koda", "škoda"),
      ("ðŸ˜€", "😀"), ("â„¢", "™"), ("Ð¼Ð¾Ñ€Ðµ", "море"), ("æ—¥æœ¬", "日本"), ("Ã\u{85}rhus", "Århus"),
    ])
  func repairs(_ input: String, _ expected: String) throws {
    let (result, counts) = try repaired(input, only(\.mojibake))
    #expect(result == expected)
    #expect(counts.mojibake > 0)
  }

  @Test("Doubly broken text is repaired twice")
  func twice() throws {
    let (result, counts) = try repaired("pÃƒÂ¥ ogsÃƒÂ¥", only(\.mojibake))
    #expect(result == "på også")
    #expect(counts.mojibake == 6)
  }

  @Test(
    "Text that merely looks suspicious is not repaired",
    arguments: [
      "Ã", "Ã er et bogstav", "SÃO PAULO", "Ã la carte", "ÆØÅ", "æøå", "på……", "BLØ«", "Ø«", "Å»", "TØ”", "Ø–",
      "Ärger«", "SCHÖN«", "Â", "â", "ß«", "Ö«", "über", "naïve", "Œuvre", "€", "smørrebrød", "Ãx",
      "»SÅ«", "NEJ, IKKE SÅ…", "PÅ” sagde han", "SÅ’n", "NÆ–", "ÆØÅ»", "Ö»", "É…", "Ü–",
    ])
  func notMojibake(_ input: String) throws {
    let (result, counts) = try repaired(input, only(\.mojibake))
    #expect(result == input)
    #expect(counts.mojibake == 0)
  }

  @Test("Replacement-character debris is repaired to U+FFFD and counted")
  func replacementCharacters() throws {
    let (result, counts) = try repaired("aï¿½b \u{FFFD}", only(\.mojibake))
    #expect(result == "a\u{FFFD}b \u{FFFD}")
    #expect(counts.replacementCharacters == 2)
    // Transliteration then drops them.
    #expect(try repaired("aï¿½b", transliterate: true).0 == "ab")
  }

  @Test("A BOM read as Windows-1252 is repaired, then removed as invisible")
  func byteOrderMark() throws {
    let (result, counts) = try repaired("ï»¿Hej")
    #expect(result == "Hej")
    #expect(counts.mojibake == 1)
    #expect(counts.invisible == 1)
  }
}

@Suite struct ControlRepairTests {
  @Test("C0 and C1 controls go; TAB and LF stay; CR goes")
  func controls() throws {
    let (result, counts) = try repaired(
      "a\u{0}b\u{7}c\u{1B}d\te\r\nf\u{7F}g\u{85}h\u{9F}i\u{80}j\u{B}k\u{C}l", only(\.controls))
    #expect(result == "abcd\te\nfghijkl")
    #expect(counts.controls == 10)
  }

  @Test("Soft hyphen, BOM, zero-width and bidi characters go")
  func invisible() throws {
    let input =
      "\u{FEFF}ud\u{AD}dan\u{200B}nel\u{200C}se\u{200D}r\u{2060}i\u{200E}\u{200F}\u{202A}x\u{202E}\u{2066}y\u{2069}\u{61C}\u{180E}"
    let (result, counts) = try repaired(input, only(\.controls))
    #expect(result == "uddannelserixy")
    #expect(counts.invisible == 14)
  }

  @Test("Nothing to remove: unchanged")
  func clean() throws {
    let input = "Ærø\tpå øen\nny linje – “citat” €"
    let (result, counts) = try repaired(input, only(\.controls))
    #expect(result == input)
    #expect(counts.total == 0)
  }
}

@Suite struct WhitespaceRepairTests {
  @Test("Every Unicode space becomes an ASCII space")
  func unicodeSpaces() throws {
    let spaces: [Unicode.Scalar] = [
      "\u{A0}", "\u{1680}", "\u{2000}", "\u{2001}", "\u{2002}", "\u{2003}", "\u{2004}", "\u{2005}", "\u{2006}",
      "\u{2007}",
      "\u{2008}", "\u{2009}", "\u{200A}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}",
    ]
    for space in spaces {
      let (result, counts) = try repaired("a\(Character(space))b", only(\.whitespace))
      #expect(result == "a b", "U+\(String(space.value, radix: 16))")
      #expect(counts.unicodeSpaces == 1)
    }
  }

  @Test(
    "Runs of spaces collapse, lines are trimmed, empty lines collapse",
    arguments: [
      ("a  b   c", "a b c"), ("  a b  ", "a b"), ("\ta\t", "a"), ("a\t\tb", "a\t\tb"), ("a \n b", "a\nb"),
      ("a\n\nb", "a\n\nb"), ("a\n\n\n\nb", "a\n\nb"), ("a\n  \n\t\nb", "a\n\nb"), ("\n\na\n\n", "a"), ("a\n", "a"),
      ("\u{A0}a\u{3000}\u{3000}b\u{2003}", "a b"), ("   ", ""), ("\n\n", ""), ("a\r\n\r\nb", "a\n\nb"),
    ])
  func layout(_ input: String, _ expected: String) throws {
    var config = RepairConfig.none
    config.enabled = true
    config.whitespace = true
    config.controls = true
    let (result, counts) = try repaired(input) { $0 = config }
    #expect(result == expected)
    #expect((counts.whitespace + counts.unicodeSpaces + counts.controls > 0) == (input != expected))
  }

  @Test("Already tidy text is unchanged")
  func tidy() throws {
    let input = "Første afsnit.\n\nAndet afsnit\tmed tab.\nTredje."
    let (result, counts) = try repaired(input, only(\.whitespace))
    #expect(result == input)
    #expect(counts.total == 0)
  }

  @Test("Spaces left by dropped characters are tidied after transliteration")
  func afterTransliteration() throws {
    let (result, _) = try repaired("Godt 👍 gået 😀\n😀\n\nslut", transliterate: true)
    #expect(result == "Godt gået\n\nslut")
  }
}

@Suite struct NFCRepairTests {
  @Test("Decomposed text is composed (so decomposed å is kept as å)")
  func composes() throws {
    let (result, counts) = try repaired("pa\u{30A} A\u{30A}rhus e\u{301}", only(\.nfc))
    #expect(result == "på Århus é")
    #expect(counts.nfc == 3)
    #expect(try repaired("pa\u{30A}", transliterate: true).0 == "på")
    // Without NFC, ICU sees a + ring, and Latin-ASCII removes the mark after a Latin letter.
    var noNFC = RepairConfig()
    noNFC.nfc = false
    #expect(try repaired("pa\u{30A}", { $0 = noNFC }, transliterate: true).0 == "pa")
  }

  @Test(
    "Singletons and reordering",
    arguments: [
      ("\u{212B}", "Å"), ("\u{2126}", "Ω"), ("q\u{307}\u{323}", "q\u{323}\u{307}"), ("\u{1100}\u{1161}", "가"),
    ])
  func normalizes(_ input: String, _ expected: String) throws {
    let (result, _) = try repaired(input, only(\.nfc))
    #expect(Array(result.unicodeScalars) == Array(expected.unicodeScalars))
  }

  @Test("NFC text is unchanged, byte for byte")
  func stable() throws {
    let input = "Ærø – “café” Ελλάδα 中国 😀 ǻ"
    let (result, counts) = try repaired(input, only(\.nfc))
    #expect(Array(result.utf8) == Array(input.utf8))
    #expect(counts.nfc == 0)
  }
}

@Suite struct RepairSwitchTests {
  @Test("Each repair is off when switched off, and repair: enabled: false turns all off")
  func switches() throws {
    let input = "p&aring; ogsÃ¥\u{200B}  x\u{A0}y  e\u{301}"
    let (none, counts) = try repaired(input) { $0 = .none }
    #expect(none == input)
    #expect(counts.total == 0)
    var disabled = RepairConfig()
    disabled.enabled = false
    #expect(try repaired(input) { $0 = disabled }.0 == input)
    let (all, allCounts) = try repaired(input)
    #expect(all == "på også x y é")
    #expect(allCounts.entities == 1)
    #expect(allCounts.mojibake == 1)
    #expect(allCounts.invisible == 1)
    #expect(allCounts.unicodeSpaces == 1)
    #expect(allCounts.nfc == 1)
  }

  @Test("normalize: enabled: false passes text through")
  func disabled() throws {
    var config = NormalizeConfig()
    config.enabled = false
    var normalizer = try TextNormalizer(config: config)
    #expect(normalizer.normalize("  Ελλάδα &amp;  ") == "  Ελλάδα &amp;  ")
  }
}
