import Testing

@testable import CorpusFilters

@Suite struct AdRuleTests {
  func rule(_ line: String, _ configure: (inout AdsConfig) -> Void = { _ in }) -> AdRule? {
    var config = AdsConfig()
    configure(&config)
    var filter = AdLineFilter(config: config)
    return filter.rule(forLine: line)
  }

  @Test(arguments: [
    (
      "Vi bruger cookies for at give dig den bedste oplevelse på vores hjemmeside, og ved at klikke videre accepterer du det.",
      AdRule.sitePhrase
    ),
    ("Læg i kurv", .shopPhrase),
    ("LÆG I KURVEN", .shopPhrase),
    ("Forventet levering: 2-4 hverdage", .shopPhrase),
    ("Kun nødvendige", .sitePhrase),
    ("Tilmeld dig vores nyhedsbrev og få de bedste tilbud direkte i din indbakke hver uge.", .sitePhrase),
    ("Din e-mailadresse vil ikke blive publiceret. Krævede felter er markeret med *", .sitePhrase),
    ("Copyright © 2023 Lokalavisen ApS. Alle rettigheder forbeholdes.", .sitePhrase),
    ("Privatlivspolitik | Cookiepolitik | Handelsbetingelser", .policy),
    ("© 2021 Bageriet Kornet", .policy),
    ("CVR-nr. 12345678", .policy),
    ("Pris: 1.299 kr.", .price),
    ("Før 399,- Nu 299,-", .price),
    ("DKK 49,95", .price),
    ("Nike Air Max 90 herresko i hvid og sort læder med luftsål 1.299 kr.", .price),
    ("Spar -30% på alle vinterjakker", .price),
    (
      "Voksne 120 kr., børn 60 kr., pensionister 90 kr. og studerende 80 kr. i hele sommerferien, hvor der er åbent.",
      .price
    ),
    ("Kontakt: info@firma.dk", .contact),
    ("Ring på 12 34 56 78 eller skriv til os", .contact),
    ("www.boligsiden.dk", .contact),
    ("12 kommentarer", .counter),
    ("1,2K likes", .counter),
    ("Gratis fragt ved køb over 499", .commercial),
    ("Spar 20% på alt i weekenden", .commercial),
    ("Tilbud", .commercial),
    ("Læs mere", .callToAction),
    ("Læs mere om reglerne på kommunens hjemmeside.", .callToAction),
    ("Del på Facebook", .callToAction),
    ("Klik her for at se hele programmet", .callToAction),
    ("Forside", .navigation),
    ("Foto: Ritzau Scanpix", .navigation),
    ("Antal: 1", .navigation),
    ("LÆS OGSÅ: Byrådet i Haderslev strides om flere penge til ældreplejen og skolerne", .callToAction),
    ("12.03.2021", .noLetters),
    ("* * *", .noLetters),
    ("NYHEDER OG SPORT FRA HELE LANDET", .uppercase),
    ("Indland", .oneWord),
    ("function() { return false; }", .code),
    ("Aktiver javascript for at se indholdet", .code),
    ("Lorem ipsum dolor sit amet, consectetur adipiscing elit.", .loremIpsum),
  ])
  func flags(line: String, expected: AdRule) {
    #expect(rule(line) == expected, "\(line)")
  }

  /// News prose that mentions commercial words, prices, contacts, cookies or calls to action
  /// in running sentences is kept.
  @Test(arguments: [
    "Regeringen kom i går med et nyt tilbud til fagbevægelsen, men forhandlingerne er endnu ikke afsluttet.",
    "Prisen stiger fra 1.299 kr. til 1.499 kr. om året, oplyser selskabet i en pressemeddelelse.",
    "Flere webshops tilbyder nu fri fragt for at lokke kunderne tilbage efter et svært år for detailhandlen.",
    "Datatilsynet kritiserer, at mange danske hjemmesider bruger cookies uden et gyldigt samtykke fra brugerne.",
    "Hospitalet har ikke nok medicin på lager, siger overlægen til avisen.",
    "Du kan læse mere om ordningen på kommunens hjemmeside www.aarhus.dk, hvor der også er en vejledning.",
    "Vi vil gerne have en del af den store kage, siger formanden for foreningen.",
    "Næste kamp spilles på søndag i Parken, hvor der forventes udsolgt.",
    "Billetterne koster 250 kroner, og der er rabat til studerende og pensionister i hele sæsonen.",
    "Kommunen vil spare 40 millioner kroner på skoleområdet i det kommende budget, oplyser borgmesteren.",
    "Han fortalte, at butikken havde haft udsalg i tre uger, uden at det havde hjulpet på omsætningen.",
    "EU og NATO holder topmøde i Bruxelles i næste uge.",
    "Efter valget i 2019 blev hun minister.",
    "Baggrund og perspektiv",
    "Tilbage på sporet",
    "En del af historien",
    "Klar til næste sæson",
    "Flere spørgsmål end svar",
    "Læs også den nye rapport fra Rigsrevisionen, som udkom i går om eftermiddagen.",
  ])
  func keepsProse(line: String) {
    #expect(rule(line) == nil, "\(line)")
  }

  @Test func rulesCanBeSwitchedOff() {
    #expect(rule("Indland") == .oneWord)
    #expect(rule("Indland") { $0.disabledRules = [.oneWord] } == nil)
    #expect(rule("Pris: 1.299 kr.") { $0.disabledRules = [.price] } == nil)
    #expect(rule("Læg i kurv") { $0.lexicon.shop = [] } == nil)
    #expect(rule("Kurv") { $0.lexicon.navigation = [] } == .oneWord, "falls through to the next rule")
    #expect(rule("Bestil din julekurv i dag") { $0.lexicon.site = ["julekurv*"] } == .sitePhrase)
  }

  @Test func phrasesMatchOnWordBoundaries() {
    // "spar" is not "sparekassen"; "rabatkode*" matches "rabatkoden".
    #expect(rule("Sparekassen Kronjylland") == nil)
    #expect(rule("Brug rabatkoden SOMMER og spar") == .commercial)
    #expect(rule("Accepterer du betingelserne, så skriv under her nedenfor på siden.") == nil)
  }

  @Test func documentDropAtTheShareEdge() {
    var filter = AdLineFilter()
    // 20 words of prose, then removed lines of w words: dropped when w / (20 + w) > 0.05.
    let prose =
      "Kommunalbestyrelsen vedtog i aftes budgettet for næste år efter lange forhandlinger mellem partierne om skolerne og ældreplejen i hele kommunen."
    let one = filter.evaluate(prose + "\nIndland")
    #expect(one.totalWords == 21)
    #expect(one.removedWords == 1)
    #expect(!one.dropDocument, "1/21 = 0.048")
    let two = filter.evaluate(prose + "\nLæg i kurv")
    #expect(two.removedWords == 3)
    #expect(two.dropDocument, "3/23 = 0.13")
    #expect(two.rules == [nil, .shopPhrase])
    #expect(two.removal.reasons == [nil, "shop_phrase"])
    // Only drop_document_rules count: a cookie line of 3 words is removed, the document kept.
    let furniture = filter.evaluate(prose + "\nAccepter alle cookies")
    #expect(furniture.rules == [nil, .sitePhrase])
    #expect(furniture.removedWords == 3)
    #expect(furniture.countedWords == 0)
    #expect(!furniture.dropDocument)
    var all = AdLineFilter(
      config: {
        var c = AdsConfig(); c.dropDocumentRules = Set(AdRule.allCases); return c
      }())
    #expect(all.evaluate(prose + "\nAccepter alle cookies").dropDocument)
    var lenient = AdLineFilter(
      config: {
        var c = AdsConfig(); c.dropDocumentShare = 0.2; return c
      }())
    #expect(!lenient.evaluate(prose + "\nLæg i kurv").dropDocument)
    #expect(filter.evaluate("").rules == [nil])
    #expect(filter.evaluate("\n\n").totalWords == 0)
  }
}

@Suite struct AdRuleIndexTests {
  @Test func indexIsThePositionInAllCases() {
    for (position, rule) in AdRule.allCases.enumerated() { #expect(rule.index == position) }
    #expect(AdRule.allCases.count <= 32, "rules fit the enabled bit mask")
  }
}
