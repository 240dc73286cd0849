import CorpusIO
import Foundation
import Shards
import Testing
import WordPiece

@testable import CorpusPipeline

/// The whole build through ``BuildRunner`` on small hand-made corpora: the reduce phase's
/// decisions reach the finish phase, the packer sees the clean text in task order, and every
/// removal is audited.
@Suite struct BuildRunnerTests {
  static let boilerplate = "Denne side er en del af fortællingen om den gamle købstad ved fjorden"
  static let words = [
    "skoven", "havnen", "kirken", "marken", "skolen", "banen", "stranden", "møllen", "broen", "torvet", "slottet",
    "kroen", "åen", "bakken", "gården", "engen",
  ]

  /// Writes `count` web pages as Dolma JSONL into `directory`/web.jsonl; every page shares the
  /// boilerplate line, and pages 0 and 1 are identical.
  static func writeWebPages(_ count: Int, in directory: String) throws {
    var json = JSONWriter()
    for i in 0..<count {
      let n = i == 1 ? 0 : i
      let a = words[n % words.count]
      let b = words[(n * 7 + 3) % words.count]
      let text = """
        Fortællingen om \(a) og \(b) begynder en kold morgen, da fiskerne kom hjem fra \(a).
        \(boilerplate)
        Ved \(b) mødtes borgerne for at tale om vejret, om høsten og om det nye tårn ved \(a).
        """
      json.beginObject()
      json.field("id", "page-\(i)")
      json.field("text", text)
      json.field("metadata", ["url": .string("https://site\(i).dk/side/\(i)")])
      json.endObject()
      json.endLine()
    }
    try Data(json.bytes).write(to: URL(fileURLWithPath: directory + "/web.jsonl"))
  }

  static func config(in directory: String, _ extra: String) throws -> PipelineConfig {
    var config = try ConfigLoader.parse(
      """
      output: \(directory)/out
      workers: 2
      seed: 42
      sources:
        - {name: web, type: jsonl, paths: ["\(directory)/web.jsonl"], web: true}
      filters:
        quality: {enabled: false}
        dedup: {minhash: {enabled: false}}
      \(extra)
      """)
    config.workers = 2
    return config
  }

  @Test func auditAllWritesEveryRemovalAndTheReportCountsThem() throws {
    let directory = try BuildPhaseTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try Self.writeWebPages(12, in: directory)
    let config = try Self.config(in: directory, "audit: {removed: all}\ntokenizer: {size: 200, min_frequency: 1}")
    let report = try BuildRunner(config: config).run()
    let web = report.sources[0]
    #expect(web.records == 12)
    #expect(web.removed == ["dedup.exact": 1])
    #expect(web.removedLines == ["overrepresented": 11])
    #expect(web.documents == 11)
    #expect(report.reduce?.overrepresentedLines == 1)
    #expect(report.topRemovedLines.first?.text == Self.boilerplate)
    #expect(report.topRemovedLines.first?.count == 11)

    var records: [JSONObject] = []
    for file in report.removedFiles {
      let lines = LineReader(try Compression.openDecoded(path: config.output + "/" + file).source)
      while let line = try lines.next() { records.append(try #require(try JSONParser.parse(line).objectValue)) }
    }
    #expect(records.filter { $0["kind"]?.stringValue == "document" }.map { $0["id"]?.stringValue } == ["page-1"])
    let lines = records.filter { $0["kind"]?.stringValue == "line" }
    #expect(lines.count == 11)
    #expect(lines.allSatisfy { $0["text"]?.stringValue == Self.boilerplate && $0["line"]?.intValue == 1 })
    // The clean text has no boilerplate, and the shards hold exactly its tokens.
    var text = ""
    for part in report.parts {
      let lines = LineReader(try Compression.openDecoded(path: config.output + "/" + part.path).source)
      while let line = try lines.next() { text += String(decoding: line, as: UTF8.self) }
    }
    #expect(!text.contains("nyhedsbrev"))
    #expect(report.packing?.tokensOut == report.totals.tokens)
    #expect(OutputVerifier.verify(report, in: config.output).isEmpty)
    #expect(!FileManager.default.fileExists(atPath: config.output + "/work"))
  }

  @Test func electraModePacksTheCleanTextWithALoadedVocabulary() throws {
    let directory = try BuildPhaseTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try Self.writeWebPages(12, in: directory)
    // A vocabulary from a first build, loaded by the second.
    let first = try Self.config(in: directory + "/a", "")
    try FileManager.default.createDirectory(atPath: directory + "/a", withIntermediateDirectories: true)
    try Self.writeWebPages(12, in: directory + "/a")
    _ = try BuildRunner(config: first).run()
    let vocabPath = first.output + "/vocab.txt"
    let config = try Self.config(
      in: directory,
      """
      tokenizer: {vocab: \(vocabPath)}
      packing: {seq_len: 24, mode: electra, split_sentences: false}
      shards: {formats: [safetensors, tfrecord], examples_per_shard: 4, dtype: uint16, shuffle: false}
      """)
    let report = try BuildRunner(config: config).run()
    let counts = try #require(report.packing)
    #expect(counts.tokensIn == counts.tokensOut + counts.tokensDropped)
    #expect(counts.examples > 4)
    let manifest = try Manifest<PipelineConfig>.read(path: config.output + "/manifest.json")
    #expect(manifest.vocab.sha256 == (try SHA256Hex.ofFile(vocabPath)))
    #expect(report.reduce?.vocab?.origin == vocabPath)
    #expect(manifest.files.filter { $0.format == .safetensors }.count == (counts.examples + 3) / 4)

    // The examples are google-research/electra's for the clean text's lines, in part order.
    let vocabulary = try WordPieceVocabulary(contentsOf: vocabPath)
    var encoder = try WordPieceEncoder(vocabulary: vocabulary)
    var builder = try ExampleBuilder(
      seqLen: 24, mode: .electra, special: manifest.vocab.specialTokens, seed: 42)
    var expected: [PackedExample] = []
    for part in report.parts {
      let lines = LineReader(try Compression.openDecoded(path: config.output + "/" + part.path).source)
      while let line = try lines.next() {
        let text = try #require(try JSONParser.parse(line)["text"]?.stringValue)
        for sentence in text.split(separator: "\n") {
          builder.addLine(encoder.encode(String(sentence))) { expected.append($0) }
        }
        builder.endDocument { expected.append($0) }
      }
    }
    var actual: [PackedExample] = []
    for file in manifest.files where file.format == .safetensors {
      let shard = try SafetensorsShard(path: config.output + "/" + file.path)
      #expect(shard.inputIDsDType == .u16)
      for i in 0..<shard.count { actual.append(try #require(try shard.example(at: i).packed)) }
    }
    #expect(actual.map(\.tokens) == expected.map(\.tokens))
    #expect(actual.map(\.firstSegmentEnd) == expected.map(\.firstSegmentEnd))
  }

  @Test func anUnusableVocabularyFailsBeforeAnyWork() throws {
    let directory = try BuildPhaseTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try Self.writeWebPages(2, in: directory)
    try "hej\nmed\n".write(toFile: directory + "/plain.txt", atomically: true, encoding: .utf8)
    for path in [directory + "/missing.txt", directory + "/plain.txt"] {
      var runner = BuildRunner(config: try Self.config(in: directory, "tokenizer: {vocab: \(path)}"))
      runner.configFile = "my.yaml"
      #expect {
        _ = try runner.run()
      } throws: { error in
        (error as? ConfigError)?.keyPath == "tokenizer.vocab" && (error as? ConfigError)?.file == "my.yaml"
      }
      #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
    }
  }
}
