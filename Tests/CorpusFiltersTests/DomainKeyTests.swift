import Testing

@testable import CorpusFilters

@Suite("DomainKey: the host of a URL")
struct DomainKeyTests {
  /// The host as the character-based code found it before the byte scan replaced it: the
  /// reference the byte scan must match on every URL.
  static func characterHost(of url: String) -> String? {
    let bytes = Array(url.utf8)
    var rest = Substring(String(decoding: bytes[bytes.withUnsafeBufferPointer(DomainKey.hostStart)...], as: UTF8.self))
    if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
    if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
    if let colon = rest.firstIndex(of: ":") { rest = rest[..<colon] }
    var host = rest.lowercased()
    if host.hasPrefix("www.") { host.removeFirst(4) }
    return host.isEmpty ? nil : host
  }

  /// Random URLs from pieces that stress the byte scan: non-ASCII before, in and after the
  /// host; marks that join a delimiter into a larger character (combining, spacing, joiner,
  /// prepended); scalars whose lower case is longer or ASCII; user info, ports, IPv6, `www.`.
  static let urls = randomTexts(
    count: 6000, seed: 11,
    pieces: [
      "https://", "http://", "www.", "WWW.", "Shop", "dr", "blåbær", "ÆBLE", ".dk", ".com", "user@", ":8080", "/",
      "?", "#", "\u{301}", "é", "side", "søg", "x=1", "@", ":", "//", "%C3%A6", "\u{1F600}", "\u{600}", "\u{903}",
      "\u{200D}", "\u{130}", "\u{212A}", "\u{1E9E}", "Σ", "\r\n", "[::1]", "[2001:DB8::A]", "Ａ", "\u{85}", "w", ".",
    ],
    separators: [""], maxPieces: 9, separatorChance: 0)

  @Test("the byte scan finds what the character scan finds")
  func byteScanAgreesWithCharacters() {
    for url in Self.urls {
      #expect(DomainKey.host(of: url) == Self.characterHost(of: url), "\(url.debugDescription)")
    }
  }

  @Test(
    "hand-made URLs",
    arguments: [
      ("https://www.DR.dk/nyheder?x=1", "dr.dk"),
      ("http://user:pw@shop.dk:8080/a", "shop.dk"),
      ("http://a@b@Shop.DK/", "shop.dk"),
      ("bolig.dk/side", "bolig.dk"),
      ("WWW.bolig.dk", "bolig.dk"),
      ("http://[2001:db8::1]:8080/", "[2001"),
      ("https://Blåbær.dk/søg", "blåbær.dk"),
      ("https://www.ÆBLE.dk/", "æble.dk"),
      ("https://www.børnhuset65.dk/artikel/0", "børnhuset65.dk"),
      ("http://\u{130}.dk/", "i\u{307}.dk"),
      ("http://\u{212A}.dk/", "k.dk"),
      ("http://a.dk/\u{301}b/c", "a.dk/\u{301}b"),
      ("http://a.dk\u{600}/b", "a.dk\u{600}/b"),
      ("http://www.\u{301}a.dk/", "www.\u{301}a.dk"),
      ("https://shop.dk/søg?q=æøå", "shop.dk"),
      ("http://:8080/", nil),
      ("https://www./", nil),
      ("", nil),
      ("/path/only", nil),
    ] as [(String, String?)])
  func handMade(url: String, host: String?) {
    #expect(DomainKey.host(of: url) == host)
    #expect(Self.characterHost(of: url) == host)
  }

  @Test("Latin-1 lower-cases as String.lowercased() does")
  func latin1() {
    for value in 0x80...0xFF as ClosedRange<UInt32> {
      let host = "a\(Character(Unicode.Scalar(value)!))"
      #expect(DomainKey.host(of: host) == host.lowercased(), "U+\(String(value, radix: 16))")
    }
  }

  @Test("the key is the host's: nil, hostless and www. variants")
  func keys() {
    #expect(DomainKey.of(url: nil) == DomainKey.unknown)
    #expect(DomainKey.of(url: "") == DomainKey.unknown)
    #expect(DomainKey.of(url: "https://www./") == DomainKey.unknown)
    #expect(DomainKey.of(url: "https://shop.dk/søg") == DomainKey.of(url: "http://www.SHOP.dk/side"))
    #expect(DomainKey.of(url: "https://blåbær.dk/") == DomainKey.of(url: "BLÅBÆR.dk"))
    #expect(DomainKey.of(url: "https://a.dk/1") != DomainKey.of(url: "https://b.dk/1"))
  }
}
