import Foundation
import Testing

@testable import CorpusFilters

@Suite struct ConfigTests {
  func decode(_ json: String) throws -> FiltersConfig {
    try JSONDecoder().decode(FiltersConfig.self, from: Data(json.utf8))
  }

  /// The key path of a decoding error, as `a.b[0].c`.
  func keyPath(of error: any Error) -> String {
    let context: DecodingError.Context? =
      switch error as? DecodingError {
      case .dataCorrupted(let c), .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c): c
      default: nil
      }
    return (context?.codingPath ?? []).map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
  }

  @Test func defaultsMatchTheDesign() throws {
    let config = try decode("{}")
    #expect(config == FiltersConfig())
    #expect(config.overrepresented.scope == .web)
    #expect(config.overrepresented.minCount == 10)
    #expect(config.overrepresented.minDocuments == 5)
    #expect(config.overrepresented.minDomains == 1)
    #expect(config.overrepresented.minLength == 15)
    #expect(config.overrepresented.keep == .none)
    #expect(config.overrepresented.memoryBudgetMB == 512)
    #expect(config.ads.scope == .web)
    #expect(config.ads.dropDocumentShare == 0.05)
    #expect(config.ads.dropDocumentRules == [.shopPhrase, .commercial, .price])
    #expect(config.ads.lexicon.site.contains("vi bruger cookies"))
    #expect(config.ads.enabledRules.count == AdRule.allCases.count)
    #expect(config.quality.profile == .fineweb2Dan)
    #expect(config.dedup.exact)
    #expect(config.dedup.minhash.shingle == 5)
    #expect(config.dedup.minhash.bands == 14)
    #expect(config.dedup.minhash.rows == 8)
    #expect(config.dedup.minhash.threshold == 0.8)
  }

  @Test func readsEveryBlock() throws {
    let config = try decode(
      """
      {"overrepresented": {"enabled": true, "scope": "all", "min_count": 3, "min_documents": 2, "min_domains": 2,
                           "min_length": 0, "keep": "first", "allowlist": "Læs mere", "exempt": ["legal"], "memory_budget_mb": 64},
       "ads": {"scope": "all", "drop_document_share": 1, "drop_document_rules": "all", "lexicon": {"site": ["julekurv*"]}, "rules": {"one_word": false}},
       "quality": {"profile": "fineweb2-dan", "rules": {"min_words": 20, "new_line_ratio": false, "short_lines": true},
                   "stop_words": ["og"], "sources": {"leipzig": {"profile": "sentences"}, "legal": {"enabled": false}}},
       "dedup": {"exact": false, "memory_budget_mb": 8, "minhash": {"shingle": 3, "bands": 9, "rows": 13, "threshold": 0, "seed": 42}}}
      """)
    #expect(config.overrepresented.scope == .all)
    #expect(config.overrepresented.keep == .first)
    #expect(config.overrepresented.allowlist == ["Læs mere"])
    #expect(config.overrepresented.exempt == ["legal"])
    #expect(config.ads.lexicon.site == ["julekurv*"])
    #expect(config.ads.lexicon.policy == AdLexicon.defaultPolicy)
    #expect(config.ads.disabledRules == [.oneWord])
    #expect(config.ads.dropDocumentRules.count == AdRule.allCases.count)
    let rules = try #require(config.quality.rules(forSource: "oscar"))
    #expect(rules[.minWords] == 20)
    #expect(rules[.newLineRatio] == nil)
    #expect(rules[.shortLines] == 0.67)
    #expect(rules.stopWords == ["og"])
    #expect(config.quality.rules(forSource: "leipzig")?[.minWords] == 3)
    #expect(config.dedup.minhash.hashes == 117)
    #expect(config.dedup.minhash.effectiveSeed(pipelineSeed: 1) == 42)
    #expect(FiltersConfig().dedup.minhash.effectiveSeed(pipelineSeed: 1234) == 1234)
  }

  @Test func everyBlockTakesEnabledFalse() throws {
    let config = try decode(
      #"{"overrepresented": {"enabled": false}, "ads": {"enabled": false}, "quality": {"enabled": false}, "dedup": {"enabled": false, "minhash": {"enabled": false}}}"#
    )
    #expect(!config.overrepresented.enabled)
    #expect(!config.ads.enabled)
    #expect(config.quality.rules(forSource: "x") == nil)
    #expect(!config.dedup.enabled)
    #expect(!config.dedup.minhash.enabled)
  }

  @Test(arguments: [
    (#"{"overrepresentd": {}}"#, ".overrepresentd", "unknown key"),
    (#"{"overrepresented": {"min_cout": 3}}"#, ".overrepresented.min_cout", "unknown key 'min_cout'"),
    (#"{"overrepresented": {"scope": "webb"}}"#, ".overrepresented.scope", "expected one of: web, all, source"),
    (#"{"overrepresented": {"min_count": 0}}"#, ".overrepresented.min_count", "at least 1"),
    (#"{"overrepresented": {"keep": "last"}}"#, ".overrepresented.keep", "none, first"),
    (#"{"ads": {"drop_document_share": 1.5}}"#, ".ads.drop_document_share", "between 0"),
    (#"{"ads": {"rules": {"prices": false}}}"#, ".ads.rules.prices", "unknown key 'prices'"),
    (#"{"ads": {"lexicon": {"sites": []}}}"#, ".ads.lexicon.sites", "unknown key"),
    (#"{"ads": {"drop_document_rules": ["prise"]}}"#, ".ads.drop_document_rules", "unknown rule 'prise'"),
    (#"{"quality": {"profile": "fineweb"}}"#, ".quality.profile", "fineweb2-dan, sentences, none"),
    (#"{"quality": {"rules": {"min_word": 3}}}"#, ".quality.rules.min_word", "unknown key"),
    (#"{"quality": {"rules": {"min_words": -1}}}"#, ".quality.rules.min_words", "threshold"),
    (#"{"quality": {"sources": {"a": {"profil": "none"}}}}"#, ".quality.sources.a.profil", "unknown key"),
    (#"{"dedup": {"minhash": {"bands": 0}}}"#, ".dedup.minhash.bands", "at least 1"),
    (#"{"dedup": {"minhash": {"threshold": 2}}}"#, ".dedup.minhash.threshold", "between 0"),
    (#"{"dedup": {"minhash": {"bands": 100, "rows": 20}}}"#, ".dedup.minhash.rows", "at most 1024"),
  ])
  func errorsNameTheKeyPath(json: String, path: String, message: String) {
    do {
      _ = try decode(json)
      Issue.record("expected an error for \(json)")
    } catch {
      #expect(keyPath(of: error) == path, "\(error)")
      #expect("\(error)".contains(message), "\(error)")
    }
  }

  @Test func encodingRoundTrips() throws {
    var config = FiltersConfig()
    config.overrepresented.keep = .first
    config.ads.disabledRules = [.uppercase, .oneWord]
    config.quality.rules = QualityRuleOverrides([.minWords: 10, .top2Gram: nil])
    config.quality.sources["leipzig"] = QualitySourceConfig(profile: .sentences)
    config.dedup.minhash.seed = 9
    let data = try JSONEncoder().encode(config)
    #expect(try JSONDecoder().decode(FiltersConfig.self, from: data) == config)
    #expect(
      try JSONDecoder().decode(FiltersConfig.self, from: JSONEncoder().encode(FiltersConfig())) == FiltersConfig())
  }
}
