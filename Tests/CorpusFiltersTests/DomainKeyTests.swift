import Testing

@testable import CorpusFilters

@Suite("DomainKey: the host of a URL")
struct DomainKeyTests {
  /// Random URLs from pieces that stress the byte path's boundaries: non-ASCII before, in and
  /// after the host, combining marks right after a delimiter, user info, ports, `www.`.
  static let urls = randomTexts(
    count: 3000, seed: 11,
    pieces: [
      "https://", "http://", "www.", "WWW.", "Shop", "dr", "blåbær", "ÆBLE", ".dk", ".com", "user@", ":8080", "/",
      "?", "#", "\u{301}", "é", "side", "søg", "x=1", "@", ":", "//", "%C3%A6", "\u{1F600}",
    ],
    separators: [""], maxPieces: 9, separatorChance: 0)

  @Test("the byte path finds what the character path finds, whenever it answers")
  func bytePathAgreesWithCharacters() {
    var answered = 0
    for url in Self.urls + ["https://www.DR.dk/nyheder/søg?q=æ", "http://bolig.dk/\u{301}x", "blåbær.dk/side"] {
      guard let bytes = url.utf8.withContiguousStorageIfAvailable(DomainKey.asciiHost) ?? nil else { continue }
      answered += 1
      let host = bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
      #expect(host == DomainKey.characterHost(of: url), "\(url.debugDescription)")
    }
    // Most URLs, including those with non-ASCII paths, take the byte path.
    #expect(answered > Self.urls.count / 2)
  }

  @Test(
    "hosts with non-ASCII, and a combining mark after the delimiter, take the character path",
    arguments: ["https://blåbær.dk/", "http://a.dk/\u{301}b", "ÆBLE.dk"])
  func characterPath(url: String) {
    #expect(url.utf8.withContiguousStorageIfAvailable(DomainKey.asciiHost) ?? nil == nil)
  }

  @Test("a non-ASCII path does not change the host")
  func nonASCIIPath() {
    #expect(DomainKey.host(of: "https://www.Shop.dk/søg?q=æøå") == "shop.dk")
    #expect(DomainKey.of(url: "https://shop.dk/søg") == DomainKey.of(url: "https://shop.dk/side"))
    #expect(DomainKey.host(of: "https://Blåbær.dk/søg") == "blåbær.dk")
  }
}
