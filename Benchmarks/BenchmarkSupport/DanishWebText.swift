/// One generated web page: its text (lines joined with LF, as OSCAR stores them) and its URL.
public struct WebPage: Sendable {
  /// The page's text.
  public var text: String
  /// The page's URL (`https://www.<site>.dk/…`).
  public var url: String
  /// The page's ordinal in the generated sequence.
  public var index: Int
}

/// A seeded generator of Danish web-like pages, as web-crawled sources look before cleaning.
///
/// The pages hold prose paragraphs over a Zipf-distributed vocabulary of some 30 000 word forms
/// (function words, inflected stems, compounds, names, numbers, dates, abbreviations), and
/// around them what a crawl brings along:
///
/// - per-site template lines (navigation, footer with address and CVR, "læs også" links),
///   the same on every page of a site;
/// - cookie banners and consent buttons shared by many sites;
/// - shop pages: product lines with prices (`1.299 kr.`, `499,-`, `-30%`), `Læg i kurv`,
///   stock and shipping lines, newsletter and share lines;
/// - exact duplicates (the same page under another URL) and near-duplicates (a few words
///   changed, a paragraph added), about 4 % each;
/// - repair work for the normalizer: mojibake (UTF-8 read as Latin-1), character references,
///   typographic quotes and dashes, non-breaking spaces.
///
/// The same seed gives the same pages on every machine.
public struct DanishWebText {
  private var rng: SplitMix64
  private let words: [[UInt8]]
  private let cumulative: [Double]
  private let totalWeight: Double
  private let sites: [Site]
  private var recent: [[UInt8]] = []
  private var index = 0

  /// The template of one site: its host, and the lines every page of it repeats.
  struct Site {
    var host: String
    var kind: Kind
    var navigation: [UInt8]
    var footer: [UInt8]
    var related: [UInt8]

    enum Kind { case news, shop, blog }
  }

  /// A generator seeded with `seed`.
  public init(seed: UInt64) {
    rng = SplitMix64(state: seed)
    var forms: [String] = Self.functionWords
    forms += Self.stems
    for stem in Self.stems {
      for suffix in Self.suffixes { forms.append(stem + suffix) }
    }
    // Compounds of two stems, inflected: the long tail.
    var compounds = SplitMix64(state: seed ^ 0xC0)
    for _ in 0..<24_000 {
      let a = Self.stems[Int(compounds.next() % UInt64(Self.stems.count))]
      let b = Self.stems[Int(compounds.next() % UInt64(Self.stems.count))]
      forms.append(a + b + Self.suffixes[Int(compounds.next() % UInt64(Self.suffixes.count))])
    }
    words = forms.map { Array($0.utf8) }
    var total = 0.0
    cumulative = words.indices.map { k in
      total += 1.0 / Double(k + 1)
      return total
    }
    totalWeight = total
    var siteRNG = SplitMix64(state: seed ^ 0x517E)
    sites = (0..<400).map { number in Self.makeSite(number, rng: &siteRNG) }
  }

  /// The next page.
  public mutating func next() -> WebPage {
    defer { index += 1 }
    let site = sites[Int(rng.next() % UInt64(sites.count))]
    let url = "https://\(site.host)/\(site.kind == .shop ? "produkt" : "artikel")/\(index)"
    let roll = rng.next() % 100
    var text: [UInt8]
    if roll < 4, !recent.isEmpty {
      text = recent[Int(rng.next() % UInt64(recent.count))]
    } else if roll < 8, !recent.isEmpty {
      text = nearDuplicate(of: recent[Int(rng.next() % UInt64(recent.count))])
    } else {
      text = page(site)
      if recent.count < 256 { recent.append(text) } else { recent[Int(rng.next() % 256)] = text }
    }
    return WebPage(text: String(decoding: text, as: UTF8.self), url: url, index: index)
  }

  /// Pages totalling at least `megabytes` MB of text.
  public static func pages(megabytes: Int, seed: UInt64) -> [WebPage] {
    var generator = DanishWebText(seed: seed)
    var pages: [WebPage] = []
    var bytes = 0
    while bytes < megabytes * 1_000_000 {
      let page = generator.next()
      bytes += page.text.utf8.count
      pages.append(page)
    }
    return pages
  }

  // MARK: pages

  private mutating func page(_ site: Site) -> [UInt8] {
    var lines: [[UInt8]] = []
    if chance(60) { lines.append(site.navigation) }
    if chance(35) {
      lines.append(Array(Self.cookieBanners[Int(rng.next() % UInt64(Self.cookieBanners.count))].utf8))
      lines.append(Array((chance(50) ? "Accepter alle" : "Kun nødvendige").utf8))
    }
    lines.append(title())
    if site.kind == .news, chance(70) { lines.append(dateLine()) }
    let paragraphs = site.kind == .shop ? 1 + Int(rng.next() % 4) : 2 + Int(rng.next() % 12)
    for _ in 0..<paragraphs { lines.append(paragraph()) }
    if site.kind == .shop { lines += shopLines() }
    if chance(20) { lines.append(Array(Self.shareLines[Int(rng.next() % UInt64(Self.shareLines.count))].utf8)) }
    if chance(20) {
      lines.append(Array("Tilmeld dig vores nyhedsbrev og få de seneste nyheder direkte i din indbakke".utf8))
    }
    if chance(50) { lines.append(site.related + title()) }
    if chance(70) { lines.append(site.footer) }
    var text: [UInt8] = []
    for (k, line) in lines.enumerated() {
      if k > 0 { text.append(0x0A) }
      text += line
    }
    return text
  }

  private mutating func nearDuplicate(of original: [UInt8]) -> [UInt8] {
    var text = original
    // Change a few words: overwrite the bytes after some spaces with another word.
    for _ in 0..<(1 + Int(rng.next() % 4)) {
      let at = Int(rng.next() % UInt64(max(1, text.count)))
      guard let space = text[at...].firstIndex(of: 0x20) else { continue }
      let end = text[(space + 1)...].firstIndex { $0 == 0x20 || $0 == 0x0A } ?? text.count
      text.replaceSubrange((space + 1)..<end, with: word())
    }
    if chance(50) {
      text.append(0x0A)
      text += paragraph()
    }
    return text
  }

  private mutating func title() -> [UInt8] {
    var line = sentenceWords(4 + Int(rng.next() % 7))
    capitalize(&line)
    return line
  }

  private mutating func dateLine() -> [UInt8] {
    let months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober"]
    let day = 1 + rng.next() % 28
    let month = months[Int(rng.next() % UInt64(months.count))]
    return Array(
      "Publiceret \(day). \(month) 20\(15 + rng.next() % 9) kl. \(rng.next() % 24).\(10 + rng.next() % 50)".utf8)
  }

  private mutating func paragraph() -> [UInt8] {
    var text: [UInt8] = []
    for s in 0..<(1 + Int(rng.next() % 6)) {
      if s > 0 { text.append(0x20) }
      text += sentence()
    }
    switch rng.next() % 100 {
    case 0..<3: return mojibake(text)
    case 3..<6: return withReferences(text)
    default: return text
    }
  }

  private mutating func sentence() -> [UInt8] {
    var line = sentenceWords(6 + Int(rng.next() % 23))
    capitalize(&line)
    switch rng.next() % 20 {
    case 0: line.append(0x3F)  // ?
    case 1: line.append(0x21)  // !
    default: line.append(0x2E)  // .
    }
    return line
  }

  private mutating func sentenceWords(_ count: Int) -> [UInt8] {
    var line: [UInt8] = []
    for w in 0..<count {
      if w > 0 { line.append(0x20) }
      switch rng.next() % 200 {
      case 0..<4: line += Array(String(1 + rng.next() % 2024).utf8)
      case 4..<6: line += Array("\(rng.next() % 100),\(rng.next() % 10) procent".utf8)
      case 6..<9: line += Array(Self.abbreviations[Int(rng.next() % UInt64(Self.abbreviations.count))].utf8)
      case 9..<14: line += Array(Self.names[Int(rng.next() % UInt64(Self.names.count))].utf8)
      case 14..<16: line += Array(Self.typography[Int(rng.next() % UInt64(Self.typography.count))].utf8)
      default: line += word()
      }
      if rng.next() % 12 == 0 { line.append(0x2C) }  // ,
    }
    if line.last == 0x2C { line.removeLast() }
    return line
  }

  private mutating func shopLines() -> [[UInt8]] {
    var lines: [[UInt8]] = []
    for _ in 0..<(3 + Int(rng.next() % 10)) {
      var product = sentenceWords(2 + Int(rng.next() % 4))
      capitalize(&product)
      let price = 49 + rng.next() % 4950
      let formatted = price >= 1000 ? "\(price / 1000).\(String(price % 1000 + 1000).dropFirst())" : "\(price)"
      switch rng.next() % 5 {
      case 0: product += Array(" – \(formatted) kr.".utf8)
      case 1: product += Array(" \(formatted),-".utf8)
      case 2: product += Array(" Før \(formatted) kr. Nu \(price * 7 / 10) kr.".utf8)
      case 3: product += Array(" -\(10 + rng.next() % 6 * 10)%".utf8)
      default: product += Array(" DKK \(formatted),95".utf8)
      }
      lines.append(product)
      if chance(40) { lines.append(Array(Self.shopButtons[Int(rng.next() % UInt64(Self.shopButtons.count))].utf8)) }
    }
    return lines
  }

  // MARK: damage the normalizer repairs

  /// UTF-8 read as Latin-1 and written again as UTF-8: `æ` → `Ã¦`.
  private func mojibake(_ text: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(text.count + text.count / 8)
    for b in text {
      if b < 0x80 {
        out.append(b)
      } else {
        out.append(0xC0 | b >> 6)
        out.append(0x80 | b & 0x3F)
      }
    }
    return out
  }

  /// Spaces after some words as `&nbsp;`, and an `&amp;` and `&quot;` or two.
  private mutating func withReferences(_ text: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(text.count + 32)
    for b in text {
      if b == 0x20, rng.next() % 10 == 0 {
        out += Array(["&nbsp;", " &amp; ", " &quot;"][Int(rng.next() % 3)].utf8)
      } else {
        out.append(b)
      }
    }
    return out
  }

  // MARK: words

  private mutating func word() -> [UInt8] {
    let x = Double(rng.next() >> 11) / Double(1 << 53) * totalWeight
    var low = 0
    var high = cumulative.count - 1
    while low < high {
      let mid = (low + high) / 2
      if cumulative[mid] < x { low = mid + 1 } else { high = mid }
    }
    return words[low]
  }

  private mutating func chance(_ percent: UInt64) -> Bool { rng.next() % 100 < percent }

  /// Upper-cases the first byte of `line` when it is an ASCII or Latin-1 (`æøå`) letter.
  private func capitalize(_ line: inout [UInt8]) {
    guard let first = line.first else { return }
    if first >= 0x61 && first <= 0x7A {
      line[0] = first - 0x20
    } else if first == 0xC3, line.count > 1, line[1] >= 0xA0, line[1] <= 0xBE {
      line[1] -= 0x20
    }
  }

  private static func makeSite(_ number: Int, rng: inout SplitMix64) -> Site {
    func pick(_ list: [String]) -> String { list[Int(rng.next() % UInt64(list.count))] }
    let name = pick(stems) + pick(["", "net", "huset", "avisen", "shop", "bloggen", "nyt", "online"])
    let kind: Site.Kind = number % 4 == 0 ? .shop : number % 7 == 0 ? .blog : .news
    let sections =
      kind == .shop
      ? ["Forside", "Nyheder", "Tilbud", "Herre", "Dame", "Børn", "Sko", "Outlet", "Kundeservice", "Kurv"]
      : ["Forside", "Nyheder", "Lokalt", "Sport", "Kultur", "Erhverv", "Debat", "Navne", "Job", "Kontakt"]
    var navigation = [String]()
    for section in sections where rng.next() % 3 != 0 { navigation.append(section) }
    let street = pick(["Vestergade", "Algade", "Nørregade", "Strandvejen", "Søndergade", "Havnegade"])
    let town = pick([
      "8000 Aarhus C", "5000 Odense C", "9000 Aalborg", "2100 København Ø", "7100 Vejle", "6700 Esbjerg",
    ])
    let footer =
      "© 20\(18 + rng.next() % 6) \(name.prefix(1).uppercased() + name.dropFirst()) ApS · \(street) \(1 + rng.next() % 99), "
      + "\(town) · CVR \(10_000_000 + rng.next() % 89_999_999) · Alle rettigheder forbeholdes"
    return Site(
      host: "www.\(name)\(number).dk", kind: kind, navigation: Array(navigation.joined(separator: " ").utf8),
      footer: Array(footer.utf8), related: Array((kind == .shop ? "Andre kiggede også på: " : "Læs også: ").utf8))
  }

  // MARK: lexicon

  static let functionWords = """
    og i at det er en til på som de med han af for ikke der var jeg sig men et har om vi min havde hun nu over da \
    fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne ind når være dog noget ville \
    jo deres efter ned skulle denne end dette mit også under have dig anden hende mine alt meget sit sine vor mod \
    disse hvis din nogle hos blive mange ad bliver hendes været thi jer sådan stor lille ny gammel god dårlig lang \
    kort høj lav vigtig svær let mulig nødvendig sikker fortæller siger mener vurderer forklarer oplyser \
    understreger tilføjer peger viser betyder handler kræver arbejder bruger finder giver tager kommer går står \
    ligger sidder holder får laver ser hører tror ved mandag tirsdag onsdag torsdag fredag lørdag søndag
    """.split(separator: " ").map(String.init)

  static let stems = """
    kommune byråd budget cykel reservedel butik nyhed vejr sommer vinter skole forvaltning udgift anlæg løb \
    skoleår have regering minister folketing forslag borger lærer elev sygehus patient læge politi trafik motorvej \
    bane tog bus havn fisker landmand mark høst regn sol vind storm kyst strand skov sø by landsby kirke præst kor \
    koncert teater forestilling publikum anmelder bog forfatter roman digt maler udstilling museum samling historie \
    arkiv forsker universitet studerende undersøgelse resultat tal statistik økonomi virksomhed medarbejder \
    direktør formand forening medlem frivillig weekend aften morgen eftermiddag uge måned år dag time bolig \
    lejlighed hus køkken bad stue værelse have garage bil vej gade plads torv marked pris rente bank aktie lån \
    energi klima vindmølle varme strøm vand affald genbrug natur dyr fugl hest hund kat ko gris får høne æble pære \
    kartoffel brød mælk ost smør kaffe te øl vin mad opskrift ret sæson kamp hold spiller træner mål sejr stadion \
    klub turnering pokal medalje rekord løber svømmer rytter børn forældre familie søster bror mor far barn ven \
    nabo kollega chef job arbejde løn ferie rejse fly hotel strand ø fjord bakke eng hede mose å grænse land \
    verden europa amerika krig fred valg parti politik lov ret dom sag advokat retten fængsel tyv brand ulykke
    """.split(separator: " ").map(String.init)

  static let suffixes = ["", "en", "et", "er", "erne", "ene", "s", "ens", "ets", "ernes", "e", "ing", "ingen"]

  static let names = [
    "København", "Aarhus", "Odense", "Aalborg", "Esbjerg", "Vejle", "Randers", "Horsens", "Kolding", "Herning",
    "Mette", "Lars", "Søren", "Anne", "Jens", "Hanne", "Mads", "Line", "Frederiksen", "Jensen", "Nielsen", "Hansen",
    "Pedersen", "Andersen", "Christensen", "Danmark", "Jylland", "Sjælland", "Fyn", "Bornholm", "EU", "DR", "TV 2",
  ]

  static let abbreviations = ["f.eks.", "bl.a.", "ca.", "dvs.", "osv.", "kr.", "nr.", "jf.", "evt.", "inkl.", "mht."]

  static let typography = [
    "“sagde hun”", "»Det er rigtigt«", "–", "…", "Müller", "café", "Zürich", "José", "25 °C", "½ time", "1\u{A0}000",
  ]

  static let cookieBanners = [
    "Vi bruger cookies til at forbedre din oplevelse og til statistik. Ved at klikke på Accepter alle giver du samtykke.",
    "Denne hjemmeside bruger cookies. Vi bruger cookies til at tilpasse vores indhold og annoncer og til at analysere vores trafik.",
    "Vi anvender cookies for at sikre, at vores hjemmeside fungerer optimalt. Læs mere i vores cookiepolitik.",
    "Cookies hjælper os med at levere vores tjenester. Ved at bruge siden accepterer du vores brug af cookies.",
    "Dit samtykke: vi og vores partnere bruger cookies til personlig tilpasning og måling af annoncer.",
  ]

  static let shareLines = ["Del på Facebook", "Del artiklen", "Del på Facebook Del på LinkedIn Send på mail", "Print"]

  static let shopButtons = [
    "Læg i kurv", "På lager – levering 1-3 hverdage", "Fri fragt ved køb over 499 kr.", "Køb nu", "Ikke på lager",
    "Se flere varianter", "Spar 20% med rabatkoden SOMMER", "Inkl. moms",
  ]
}
