import Testing

@testable import CorpusFilters

@Suite struct QualityRuleTests {
  /// `rule` scores `expected` on `text`; at a threshold equal to the score it passes (or, for
  /// inclusive rules, fails); a hair to the failing side it fails.
  func edge(_ rule: QualityRule, _ text: String, _ expected: Double, sourceLocation: SourceLocation = #_sourceLocation)
  {
    var all = QualityFilter(rules: QualityRules())
    let score = all.scores(text)[rule] ?? .nan
    #expect(abs(score - expected) < 1e-12, "\(rule.rawValue) scored \(score)", sourceLocation: sourceLocation)
    var rules = QualityRules()
    rules[rule] = expected
    var atEdge = QualityFilter(rules: rules)
    let verdict = atEdge.evaluate(text)
    if rule.inclusive {
      #expect(verdict?.rule == rule, "\(rule.rawValue) is inclusive: fails at equality", sourceLocation: sourceLocation)
    } else {
      #expect(verdict == nil, "\(rule.rawValue) passes at equality", sourceLocation: sourceLocation)
    }
    let nudge = rule.failsAbove ? -1e-9 : 1e-9
    rules[rule] = expected + nudge
    var past = QualityFilter(rules: rules)
    #expect(
      past.evaluate(text) == QualityVerdict(rule: rule, score: score, threshold: expected + nudge),
      sourceLocation: sourceLocation)
  }

  @Test func wordCountsAndLengths() {
    edge(.minWords, "En to tre fire fem.", 5)
    edge(.maxWords, "En to tre fire fem.", 5)
    edge(.minMeanWordLength, "En to tre fire fem.", 14.0 / 5)
    edge(.maxMeanWordLength, "En to tre fire fem.", 14.0 / 5)
    edge(.minChars, "En to tre fire fem.", 19)
    edge(.maxChars, "Æble på ø.", 10)
  }

  @Test func symbolsAndLines() {
    edge(.hashRatio, "#a #b c d", 2.0 / 6)
    edge(.ellipsisRatio, "Hmm... nej… ja", 2.0 / 5)
    edge(.bulletLines, "- a\n• b\nc\nd\n", 2.0 / 4)
    edge(.ellipsisLines, "a...\nb…  \nc\nd.", 2.0 / 4)
    edge(.alphaWords, "Der var 3 æbler og 2 pærer.", 5.0 / 8)
    edge(.stopWords, "Der var 3 æbler og 2 pærer.", 2)
  }

  @Test func fineWebLineRules() {
    edge(.linePunct, "a.\nb\nc!\nd", 2.0 / 4)
    edge(.linePunct, "a.\nb\n", 1.0 / 3)  // split("\n") counts the empty last line
    edge(.shortLines, "kort\n" + String(repeating: "x", count: 31) + "\n" + String(repeating: "y", count: 30), 2.0 / 3)
    edge(.newLineRatio, "a b\nc d", 1.0 / 4)
    edge(.charDupRatio, "abc\nabc\nxy", 3.0 / 8)
  }

  @Test func repetitionRules() {
    edge(.dupLineFrac, "abc\nabc\nxy", 1.0 / 3)
    edge(.dupLineFrac, "abc\n\n\nabc\n", 1.0 / 3)  // re.split("\n+"): ["abc", "abc", ""]
    edge(.dupLineCharFrac, "abc\nabc\nxy", 3.0 / 10)
    edge(.dupParaFrac, "p1\n\np1\n\np2", 1.0 / 3)
    edge(.dupParaCharFrac, " p1\n\np1\n\n\np2 ", 2.0 / 13)
    edge(.top2Gram, "a b a b a b", 9.0 / 11)
    edge(.top3Gram, "a b c a b c x", 2.0 * 5 / 13)
    edge(.top4Gram, "aa b c d e", 8.0 / 10)  // every 4-gram once: the first seen counts
    edge(.dup5Gram, "a b c d e a b c d e", 5.0 / 19)
    edge(.dup6Gram, "a b c d e f a b c d e f g", 6.0 / 25)
    edge(.dup10Gram, "a b c d e f g h i j a b c d e f g h i j", 10.0 / 39)
  }

  @Test func duplicateNGramsSkipPastARepeat() {
    // datatrove's find_all_duplicate jumps n words after a repeat, so overlapping repeats count once.
    var filter = QualityFilter(rules: QualityRules())
    let text = "a b c d e a b c d e a b c d e"
    #expect(filter.scores(text)[.dup5Gram] == 10.0 / 29)
  }

  static let article = """
    Kommunalbestyrelsen i Silkeborg vedtog i aftes budgettet for det kommende år efter flere ugers forhandlinger.
    Forliget betyder, at der bliver ansat flere pædagoger i daginstitutionerne, og at skolerne får penge til nye bøger.
    Borgmesteren kalder det et godt og ansvarligt budget, der tager hånd om både børn og ældre i kommunen.
    Oppositionen mener dog, at der burde have været afsat flere midler til vedligeholdelse af veje og cykelstier.
    Budgettet træder i kraft den 1. januar, og de første nye medarbejdere ventes at starte allerede i februar.
    """

  @Test func fineweb2DanishPassesAnArticleAndFailsAMenu() {
    var filter = QualityFilter(rules: QualityProfile.fineweb2Dan.rules)
    #expect(filter.evaluate(Self.article) == nil)
    let menu = (0..<30).map { "Menu punkt \($0 % 5)" }.joined(separator: "\n")
    #expect(filter.evaluate(menu) != nil)
    #expect(filter.evaluate("For kort tekst.")?.rule == .minWords)
    let english = String(
      repeating: "The quick brown fox jumps over the lazy dog and runs away from the hunter. ", count: 6)
    #expect(filter.evaluate(english)?.rule == .stopWords)
  }

  @Test func sentencesProfileFitsSentenceLists() {
    var web = QualityFilter(rules: QualityProfile.fineweb2Dan.rules)
    var sentences = QualityFilter(rules: QualityProfile.sentences.rules)
    let sentence = "Jeg er her nu og venter på dig."
    #expect(web.evaluate(sentence)?.rule == .minWords)
    #expect(sentences.evaluate(sentence) == nil)
    #expect(sentences.evaluate("Ja tak.")?.rule == .minWords)
    #expect(sentences.evaluate("1234 5678 9012 3456 abc")?.rule == .alphaWords)
    var none = QualityFilter(rules: QualityProfile.none.rules)
    #expect(none.evaluate("") == nil)
  }

  @Test func configResolvesPerSource() throws {
    var config = QualityConfig()
    config.rules = QualityRuleOverrides([.minWords: 30, .newLineRatio: nil])
    config.sources["leipzig"] = QualitySourceConfig(profile: .sentences)
    config.sources["wiki"] = QualitySourceConfig(rules: QualityRuleOverrides([.linePunct: nil]))
    config.sources["legal"] = QualitySourceConfig(enabled: false)
    let web = try #require(config.rules(forSource: "oscar"))
    #expect(web[.minWords] == 30)
    #expect(web[.newLineRatio] == nil)
    #expect(web[.top2Gram] == 0.367)
    let leipzig = try #require(config.rules(forSource: "leipzig"))
    #expect(leipzig[.minWords] == 3, "a source's own profile ignores the global overrides")
    #expect(leipzig[.stopWords] == nil)
    let wiki = try #require(config.rules(forSource: "wiki"))
    #expect(wiki[.linePunct] == nil)
    #expect(wiki[.minWords] == 30)
    #expect(config.rules(forSource: "legal") == nil)
    config.profile = .none
    #expect(config.rules(forSource: "oscar")?.enabled == [.minWords])
  }
}
