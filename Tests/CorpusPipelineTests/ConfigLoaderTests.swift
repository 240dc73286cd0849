import CorpusPipeline
import CorpusSources
import Testing

@Suite struct ConfigLoaderTests {
  @Test func defaultsFillEverythingButSources() throws {
    let config = try ConfigLoader.parse("version: 1\nsources:\n  - {name: a, paths: x.txt}\n")
    #expect(config.output == "out")
    #expect(config.workers == nil)
    #expect(config.seed == 1234)
    #expect(config.sources == [SourceConfig(name: "a", paths: ["x.txt"])])
  }

  @Test func emptyFileIsTheDefaultConfig() throws {
    #expect(try ConfigLoader.parse("") == PipelineConfig())
  }

  @Test func readsEveryKey() throws {
    let config = try ConfigLoader.parse(
      """
      version: 1
      output: build/here
      workers: 3
      seed: 7
      strict: true
      sources:
        - name: lcc
          type: leipzig
          paths: ["a/*.tar.gz", "b"]
          web: true
          options: {group_by_source: true, invalid_utf8: replace}
        - name: subs
          type: opus
          paths: s.txt.gz
          options: {group_lines: 5}
        - name: wiki
          type: wikipedia
          paths: [w.xml.bz2]
          options: {include_math: false, include_tables: false, include_disambiguation: false}
      """)
    #expect(config.output == "build/here")
    #expect(config.workers == 3)
    #expect(config.seed == 7)
    #expect(config.strict)
    #expect(config.sources.map(\.type) == [.leipzig, .opus, .wikipedia])
    #expect(config.sources[0].options.groupBySource)
    #expect(config.sources[0].options.invalidUTF8 == .replace)
    #expect(config.sources[1].options.groupLines == 5)
    #expect(config.sources[1].paths == ["s.txt.gz"])
    #expect(!config.sources[2].options.includeMath)
    #expect(!config.sources[2].options.includeDisambiguation)
  }

  @Test(arguments: [
    ("versio: 1", "versio", "unknown key 'versio'"),
    ("version: 2", "version", "version 2 is not supported"),
    ("workers: many", "workers", "expected 'auto' or a whole number"),
    ("workers: 0", "workers", "expected 'auto' or a whole number"),
    ("seed: abc", "seed", "a whole number"),
    ("sources:\n  - {name: a, paths: [x], typ: text}", "sources[0].typ", "unknown key 'typ'"),
    ("sources:\n  - {name: a, paths: [x], type: oscr}", "sources[0].type", "unknown type 'oscr'"),
    ("sources:\n  - {paths: [x]}", "sources[0].name", "required key 'name' is missing"),
    ("sources:\n  - {name: a, paths: []}", "sources[0].paths", "at least one"),
    ("sources:\n  - {name: a, paths: [x], options: {group_lines: 0}}", "sources[0].options.group_lines", "at least 1"),
    (
      "sources:\n  - {name: a, paths: [x], options: {group_by: 1}}", "sources[0].options.group_by",
      "unknown key 'group_by'"
    ),
    ("sources:\n  - {name: a, paths: [x]}\n  - {name: a, paths: [y]}", "sources[1].name", "used twice"),
    ("sources:\n  - {name: 'a b', paths: [x]}", "sources[0].name", "not a valid name"),
    ("tokenizer: {size: 3}", "tokenizer.size", "at least 6"),
    ("tokenizer: {vocab: ''}", "tokenizer.vocab", "'train' or the path"),
    ("tokenizer: {profile: rust}", "tokenizer.profile", "expected one of: hf, bert"),
    ("packing: {mode: fast}", "packing.mode", "expected one of: electra, lossless"),
    ("packing: {seq_len: 4}", "packing.seq_len", "at least 5"),
    ("packing: {split_sentence: true}", "packing.split_sentence", "unknown key"),
    ("shards: {formats: [npy]}", "shards.formats", "unknown format 'npy'"),
    ("shards: {formats: []}", "shards.formats", "at least one format"),
    ("shards: {dtype: int8}", "shards.dtype", "int32, uint16"),
    ("audit: {removed: some}", "audit.removed", "all, sample, none"),
    ("filters: {ads: {drop_document_share: 2}}", "filters.ads.drop_document_share", "between 0.0 and 1.0"),
  ])
  func errorsNameTheKeyPath(yaml: String, keyPath: String, message: String) {
    do {
      _ = try ConfigLoader.parse(yaml, file: "p.yaml")
      Issue.record("expected an error for \(yaml)")
    } catch {
      #expect(error.keyPath == keyPath)
      #expect(error.message.contains(message), "\(error.message)")
      #expect(error.description.hasPrefix("p.yaml: \(keyPath): "))
    }
  }

  @Test func readsTheOutputBlocks() throws {
    let config = try ConfigLoader.parse(
      """
      sources:
        - {name: lcc, type: leipzig, paths: [a]}
        - {name: web, type: oscar, paths: [b], web: true}
      audit: {removed: all, sample_size: 5}
      tokenizer: {vocab: my/vocab.txt, lowercase: true, profile: bert}
      packing: {seq_len: 128, mode: electra, split_sentences: [web], join_documents: false}
      shards: {formats: tfrecord, examples_per_shard: 10, dtype: uint16, shuffle: false}
      """)
    #expect(config.audit.removed == .all)
    #expect(config.audit.sampleSize == 5)
    #expect(config.tokenizer.vocab == .file("my/vocab.txt"))
    #expect(config.tokenizer.options.lowercase)
    #expect(config.tokenizer.options.maxInputCharsPerWord == 200)
    #expect(config.packing.seqLen == 128)
    #expect(config.packing.mode == .electra)
    #expect(config.packing.splitsSentences(of: config.sources[1]))
    #expect(!config.packing.splitsSentences(of: config.sources[0]))
    #expect(!config.packing.joinsDocuments(of: config.sources[0]))
    #expect(config.shards.formats == [.tfrecord])
    #expect(config.shards.examplesPerShard == 10)
    #expect(config.shards.dtype == .uint16)
    #expect(!config.shards.shuffle)
    // The defaults: sentence lists joined and not split, paragraph sources split.
    let defaults = try ConfigLoader.parse("sources:\n  - {name: lcc, type: leipzig, paths: [a]}\n")
    #expect(defaults.packing.joinsDocuments(of: defaults.sources[0]))
    #expect(!defaults.packing.splitsSentences(of: defaults.sources[0]))
    #expect(defaults.tokenizer.vocab == .train)
  }

  @Test func invalidYAMLIsAConfigError() {
    #expect(throws: ConfigError.self) { try ConfigLoader.parse("sources: [unclosed") }
  }

  @Test func dumpRoundTrips() throws {
    let config = try ConfigLoader.parse("sources:\n  - {name: o, type: oscar, paths: [a, b], web: true}\nworkers: 2\n")
    let dumped = try ConfigLoader.dump(config)
    #expect(dumped.contains("workers: 2"))
    #expect(try ConfigLoader.parse(dumped) == config)
    let auto = try ConfigLoader.dump(PipelineConfig())
    #expect(auto.contains("workers: auto"))
    let root = #filePath.split(separator: "/").dropLast(3).joined(separator: "/")
    let bundled = try ConfigLoader.load(path: "/" + root + "/pipeline.yaml")
    #expect(try ConfigLoader.parse(try ConfigLoader.dump(bundled)) == bundled)
  }

  @Test func bundledPipelineLoads() throws {
    let root = #filePath.split(separator: "/").dropLast(3).joined(separator: "/")
    let config = try ConfigLoader.load(path: "/" + root + "/pipeline.yaml")
    #expect(config.sources.map(\.name) == ["oscar", "leipzig", "wikipedia", "opus", "danewsroom"])
  }
}
