import Foundation
import Testing

@testable import WordPiece

/// Fixtures made by `scripts/make_wordpiece_fixtures.py` with HF `tokenizers`.
enum Fixture {
  static func path(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let directory = try #require(
      Bundle.module.url(forResource: "Fixtures", withExtension: nil), "Fixtures folder is missing",
      sourceLocation: sourceLocation)
    return directory.appendingPathComponent(name).path
  }

  /// The golden file: inputs and, per vocabulary and mode, the expected ids.
  struct Golden: Decodable {
    struct Case: Decodable {
      var vocab: String
      var mode: String
      var skip: [Int]?
      var ids: [[Int32]]
    }
    var tokenizers: String
    var inputs: [String]
    var cases: [Case]
  }

  static func golden() throws -> Golden {
    let data = try Data(contentsOf: URL(fileURLWithPath: try path("wordpiece-golden.json")))
    return try JSONDecoder().decode(Golden.self, from: data)
  }

  static func vocabulary(_ name: String, trimming: WordPieceVocabulary.Trimming = .trailing) throws
    -> WordPieceVocabulary
  {
    try WordPieceVocabulary(contentsOf: try path(name), trimming: trimming)
  }
}

extension WordPieceOptions {
  /// The options a golden case's mode names.
  static func mode(_ mode: String) -> WordPieceOptions? {
    switch mode {
    case "hf-cased": WordPieceOptions()
    case "hf-lower": WordPieceOptions(lowercase: true)
    case "bert-cased": WordPieceOptions(profile: .bert)
    case "bert-lower": WordPieceOptions(profile: .bert, lowercase: true)
    case "hf-cased+specials":
      WordPieceOptions(specialTokens: WordPieceOptions.defaultSpecialTokens + ["ab", "ær", "bc"])
    default: nil
    }
  }
}
