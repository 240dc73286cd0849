import CorpusIO
import CorpusSources

/// The phrase lists of the ad and boilerplate filter, by how much evidence a hit is
/// (`filters.ads.lexicon`).
///
/// A list given in the config replaces that list's defaults.
///
/// Phrases are matched case-insensitively (ASCII and `ÆØÅ`/Latin-1), with runs of white space
/// matching one space, on word boundaries at both ends; a phrase ending in `*` matches as a
/// prefix (`rabatkode*` matches `rabatkoden`). See ``AdRule`` for how each list is used.
public struct AdLexicon: Codable, Sendable, Equatable {
  /// Site speech that never occurs in prose: cookie consent, newsletter sign-up, comment
  /// forms, account links.
  ///
  /// A hit removes the line at any length (``AdRule/sitePhrase``).
  public var site: [String]
  /// Web-shop interface text: cart, checkout, stock, delivery, variants (``AdRule/shopPhrase``).
  public var shop: [String]
  /// Policy and legal links (``AdRule/policy``).
  public var policy: [String]
  /// Calls to action and sharing (``AdRule/callToAction``).
  public var callToAction: [String]
  /// Navigation words (``AdRule/navigation``).
  public var navigation: [String]
  /// Commercial vocabulary, weak alone (``AdRule/commercial``).
  public var commercial: [String]
  /// Words that make `NUMBER WORD` a counter line (``AdRule/counter``).
  public var counters: [String]

  /// The default Danish (plus common English) lists.
  public init() {
    site = Self.defaultSite
    shop = Self.defaultShop
    policy = Self.defaultPolicy
    callToAction = Self.defaultCallToAction
    navigation = Self.defaultNavigation
    commercial = Self.defaultCommercial
    counters = Self.defaultCounters
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case site, shop, policy, callToAction = "call_to_action", navigation, commercial, counters
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    self.init()
    let c = try decoder.container(keyedBy: CodingKeys.self)
    site = try c.decodeStrings(forKey: .site) ?? site
    shop = try c.decodeStrings(forKey: .shop) ?? shop
    policy = try c.decodeStrings(forKey: .policy) ?? policy
    callToAction = try c.decodeStrings(forKey: .callToAction) ?? callToAction
    navigation = try c.decodeStrings(forKey: .navigation) ?? navigation
    commercial = try c.decodeStrings(forKey: .commercial) ?? commercial
    counters = try c.decodeStrings(forKey: .counters) ?? counters
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(site, forKey: .site)
    try c.encode(shop, forKey: .shop)
    try c.encode(policy, forKey: .policy)
    try c.encode(callToAction, forKey: .callToAction)
    try c.encode(navigation, forKey: .navigation)
    try c.encode(commercial, forKey: .commercial)
    try c.encode(counters, forKey: .counters)
  }

  public static let defaultSite: [String] = [
    // cookie consent
    "vi bruger cookies", "bruger vi cookies", "denne hjemmeside bruger cookies", "dette website bruger cookies",
    "denne side bruger cookies", "hjemmesiden bruger cookies", "websitet bruger cookies", "sitet bruger cookies",
    "siden bruger cookies", "accepter cookies", "accepter alle cookies", "accepter alle", "afvis alle", "tillad alle",
    "tillad cookies", "tillad valgte", "cookieindstillinger", "cookie-indstillinger", "cookiesamtykke",
    "cookie-samtykke",
    "samtykke til cookies", "accepterer du brugen af cookies", "accepterer du vores brug af cookies",
    "accepterer du cookies", "accepterer du brugen", "ved at klikke på accepter", "ved at fortsætte med at bruge",
    "ved at fortsætte på siden", "ved at fortsætte på hjemmesiden", "ved fortsat brug af",
    "kun nødvendige", "kun nødvendige cookies", "nødvendige cookies", "tilpas indstillinger", "gem indstillinger",
    "administrer cookies", "cookie-erklæring", "cookieerklæring",
    "we use cookies", "uses cookies", "use of cookies", "use cookies", "accept cookies", "accept all cookies",
    // newsletter and forms
    "tilmeld dig vores nyhedsbrev", "tilmeld dig nyhedsbrevet", "tilmeld nyhedsbrev", "tilmeld nyhedsbrevet",
    "tilmeld dig her", "modtag vores nyhedsbrev", "skriv dig op til vores nyhedsbrev", "skriv dig op til nyhedsbrevet",
    "indtast din e-mail", "indtast din email", "skriv din e-mail", "din e-mailadresse",
    "din e-mail-adresse vil ikke blive", "krævede felter er markeret", "påkrævede felter er markeret",
    "gem mit navn", "efterlad en kommentar", "skriv en kommentar", "vær den første til at kommentere",
    "kommentarer er lukket", "der er lukket for kommentarer", "subscribe to our newsletter",
    // accounts and legal
    "glemt adgangskode", "glemt kodeord", "glemt din adgangskode", "opret konto", "opret en konto", "opret bruger",
    "alle rettigheder forbeholdes", "all rights reserved", "sign in", "sign up",
  ]

  public static let defaultShop: [String] = [
    "læg i kurv", "læg i kurven", "læg i indkøbskurv", "læg i indkøbskurven", "tilføj til kurv", "tilføj til kurven",
    "tilføj til indkøbskurv", "tilføj til indkøbskurven", "tilføj til ønskeliste", "tilføj til ønskelisten",
    "gå til kassen", "gå til kurven", "fortsæt med at handle", "din kurv er tom", "din indkøbskurv er tom",
    "indkøbskurven er tom", "varen er lagt i kurven", "varen er tilføjet", "vælg størrelse", "vælg farve",
    "vælg variant", "vælg en mulighed", "bestil nu", "køb her", "se alle produkter", "produktet er udsolgt", "varenr",
    "varenummer", "antal på lager", "forventet levering", "leveres inden for", "hent i butik", "klik og hent",
    "items in cart", "add to cart", "add to basket",
  ]

  public static let defaultPolicy: [String] = [
    "privatlivspolitik*", "cookiepolitik*", "cookie-politik*", "persondatapolitik*", "databeskyttelsespolitik*",
    "handelsbetingelse*", "salgsbetingelse*", "leveringsbetingelse*", "forretningsbetingelse*",
    "vilkår og betingelser", "brugervilkår", "privatliv og cookies", "om cookies", "cookies", "persondata",
    "copyright", "cvr", "cvr-nr", "se-nr", "privacy policy", "cookie policy", "terms of use", "terms and conditions",
    "terms of service", "disclaimer", "sitemap",
  ]

  public static let defaultCallToAction: [String] = [
    "klik her", "tryk her", "læs mere", "læs mere her", "læs hele artiklen", "læs artiklen", "læs videre", "læs også",
    "se mere", "se mere her", "vis mere", "vis flere", "se flere", "se alle", "se også", "se video", "se billederne",
    "log ind", "log på", "log ud", "min konto", "min side", "mine sider", "kontakt os", "om os", "skriv til os",
    "ring til os", "følg os", "følg os på", "del på facebook", "del på twitter", "del på linkedin", "del på messenger",
    "del artiklen", "del denne artikel", "del siden", "del via e-mail", "del med en ven", "send til en ven",
    "synes godt om", "tilbage til toppen", "til toppen", "gå til forsiden", "til forsiden", "hent appen",
    "download appen", "prøv gratis", "bliv medlem", "abonnér", "abonner", "abonnér nu", "accepter", "tilmeld",
    "tilmeld dig", "afmeld", "annonce", "annoncer", "sponsoreret", "sponsoreret indhold", "reklame", "annoncørbetalt",
    "tweet", "pin it", "share", "read more", "click here",
  ]

  public static let defaultNavigation: [String] = [
    "forside", "forsiden", "hjem", "menu", "søg", "søgning", "luk", "næste", "forrige", "tilbage", "videre", "del",
    "print", "udskriv", "kontakt", "arkiv", "kurv", "indkøbskurv", "kassen", "login", "profil", "tags", "kategorier",
    "kategori", "emner", "relaterede artikler", "relateret", "mest læste", "seneste nyheder", "populære", "top",
    "svar", "kommentarer", "kommentar", "opdateret", "publiceret", "foto", "video", "lyt", "podcast", "annonce",
    "antal", "størrelse", "farve", "filter", "sortér", "sorter",
  ]

  public static let defaultCommercial: [String] = [
    "tilbud", "tilbuddet", "tilbuddene", "ugens tilbud", "dagens tilbud", "spar", "spar op til", "køb", "køb nu",
    "gratis fragt", "fri fragt", "fragtfri", "gratis levering", "fri levering", "på lager", "ikke på lager",
    "udsolgt", "inkl. moms", "inkl moms", "ekskl. moms", "ekskl moms", "incl. moms", "excl. moms", "rabat",
    "rabatkode*",
    "rabatten", "udsalg", "udsalget", "black friday", "cyber monday", "nu kun", "normalpris", "vejl. pris",
    "vejledende pris", "pr. stk", "pr. md", "leveringstid", "levering", "hverdage", "fragt", "bestil", "webshop",
    "outlet", "gavekort",
    "kampagnepris", "medlemspris", "mængderabat", "tilbudspris", "prisgaranti", "bedste pris", "billigste",
  ]

  public static let defaultCounters: [String] = [
    "likes", "like", "delinger", "deling", "kommentarer", "kommentar", "visninger", "visning", "følgere", "svar",
    "anmeldelser", "anmeldelse", "stemmer", "reaktioner", "læsere", "views", "shares", "comments", "followers",
    "retweets", "reposts", "quotes", "bookmarks", "upvotes", "downvotes", "downloads",
  ]
}
