import Foundation
import Testing

@testable import WordPiece

@Suite struct VocabularyTests {
  @Test("vocab.txt lines: CRLF and trailing whitespace trimmed, later duplicates win")
  func parsing() throws {
    let text = "[PAD]\n[UNK]\r\nabc  \n  lead\n\ndup\ndup\nlast"
    let vocab = try WordPieceVocabulary(vocabTxt: Array(text.utf8))
    #expect(vocab.count == 8)
    #expect(vocab.tokens == ["[PAD]", "[UNK]", "abc", "  lead", "", "dup", "dup", "last"])
    #expect(vocab.id(of: "[UNK]") == 1)
    #expect(vocab.id(of: "dup") == 6)
    #expect(vocab.id(of: "lead") == nil)
    #expect(vocab.id(of: "last") == 7)
    let bert = try WordPieceVocabulary(vocabTxt: Array(text.utf8), trimming: .both)
    #expect(bert.id(of: "lead") == 3)
  }

  @Test("Empty and non-UTF-8 vocabularies are errors")
  func badVocabularies() {
    #expect(throws: WordPieceError.self) { try WordPieceVocabulary(vocabTxt: [UInt8]()) }
    #expect(throws: WordPieceError.self) { try WordPieceVocabulary(vocabTxt: [0x61, 0xFF, 0x0A]) }
    #expect(throws: WordPieceError.self) { try WordPieceVocabulary(contentsOf: "/nonexistent/vocab.txt") }
  }

  @Test("An encoder needs the unknown token")
  func missingUnknown() throws {
    let vocab = WordPieceVocabulary(tokens: ["a", "##b"])
    #expect(throws: WordPieceError.self) { try WordPieceEncoder(vocabulary: vocab) }
  }

  @Test("write(to:) writes vocab.txt atomically and returns its SHA-256")
  func writeAndRead() throws {
    let vocab = try Fixture.vocabulary("vocab-danish.txt")
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("wp-\(getpid())-vocab.txt").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let sha = try vocab.write(to: path)
    #expect(sha == vocab.sha256)
    #expect(sha.count == 64)
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(bytes == vocab.vocabTxt)
    #expect(bytes == [UInt8](try Data(contentsOf: URL(fileURLWithPath: try Fixture.path("vocab-danish.txt")))))
    #expect(try WordPieceVocabulary(contentsOf: path).tokens == vocab.tokens)
  }
}
