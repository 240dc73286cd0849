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

  /// What `scripts/make_trainer_quality_fixtures.py` recorded of HF's trainer on
  /// `trainer-quality/train.txt`, per vocabulary size, scored on `trainer-quality/heldout.txt`.
  struct TrainerQuality: Decodable {
    struct Case: Decodable {
      var vocabSize: Int
      var hfVocabSize: Int
      var words: Int64
      var tokens: Int
      var unknown: Int
    }
    var tokenizers: String
    var minFrequency: Int64
    var lowercase: Bool
    var hf: [Case]

    /// The case of vocabulary size `size`.
    func hf(size: Int, sourceLocation: SourceLocation = #_sourceLocation) throws -> Case {
      try #require(hf.first { $0.vocabSize == size }, "no HF case of size \(size)", sourceLocation: sourceLocation)
    }
  }

  static func trainerQuality() throws -> TrainerQuality {
    let data = try Data(contentsOf: URL(fileURLWithPath: try path("trainer-quality/expected.json")))
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(TrainerQuality.self, from: data)
  }

  /// The lines of a text fixture (LF-separated, the last one ending in LF).
  static func lines(_ name: String) throws -> [String] {
    try String(contentsOfFile: try path(name), encoding: .utf8).split(separator: "\n").map(String.init)
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
