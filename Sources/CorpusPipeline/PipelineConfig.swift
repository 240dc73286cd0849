import CorpusFilters
import CorpusIO
import CorpusSources
import CorpusText

/// The typed contents of `pipeline.yaml` (DESIGN.md §6), version 1.
///
/// Every key has a default, so `version: 1` plus `sources` is a complete config. Unknown keys
/// and wrong types are errors that name the key path (see ``ConfigError``).
public struct PipelineConfig: Sendable, Equatable, Codable {
  /// The only config version this build understands.
  public static let currentVersion = 1

  /// Config schema version.
  public var version = PipelineConfig.currentVersion
  /// Output directory; relative paths are relative to the working directory.
  public var output = "out"
  /// Parallel workers; `nil` means one per CPU core (`auto`).
  public var workers: Int?
  /// Seed from which every random choice derives.
  public var seed: UInt64 = 1234
  /// Stop at the first data issue instead of counting it and going on.
  public var strict = false
  /// The inputs.
  public var sources: [SourceConfig] = []
  /// Text repair and transliteration, applied to every document as it is read.
  public var normalize = NormalizeConfig()
  /// Quality, ad, over-represented-line and duplicate filters.
  public var filters = FiltersConfig()
  /// What is kept of removed text for inspection (`out/removed/`).
  public var audit = AuditConfig()
  /// The WordPiece vocabulary.
  public var tokenizer = TokenizerConfig()
  /// How tokens become examples.
  public var packing = PackingConfig()
  /// The tensor files.
  public var shards = ShardsConfig()

  /// The defaults, with no sources.
  public init() {}

  enum CodingKeys: String, CodingKey, CaseIterable {
    case version, output, workers, seed, strict, sources, normalize, filters, audit, tokenizer, packing, shards
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    version = try c.decodeIfPresent(Int.self, forKey: .version) ?? Self.currentVersion
    guard version == Self.currentVersion else {
      throw DecodingError.dataCorruptedError(
        forKey: .version, in: c,
        debugDescription: "version \(version) is not supported; this dacorpus reads version \(Self.currentVersion)")
    }
    output = try c.decodeIfPresent(String.self, forKey: .output) ?? output
    workers = try c.decodeIfPresent(Workers.self, forKey: .workers)?.count
    seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? seed
    strict = try c.decodeIfPresent(Bool.self, forKey: .strict) ?? strict
    sources = try c.decodeIfPresent([SourceConfig].self, forKey: .sources) ?? []
    normalize = try c.decodeIfPresent(NormalizeConfig.self, forKey: .normalize) ?? normalize
    filters = try c.decodeIfPresent(FiltersConfig.self, forKey: .filters) ?? filters
    audit = try c.decodeIfPresent(AuditConfig.self, forKey: .audit) ?? audit
    tokenizer = try c.decodeIfPresent(TokenizerConfig.self, forKey: .tokenizer) ?? tokenizer
    packing = try c.decodeIfPresent(PackingConfig.self, forKey: .packing) ?? packing
    shards = try c.decodeIfPresent(ShardsConfig.self, forKey: .shards) ?? shards
    var names: Set<String> = []
    for (index, source) in sources.enumerated() where !names.insert(source.name).inserted {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: [CodingKeys.sources, AnyCodingKey(intValue: index), SourceConfig.CodingKeys.name],
          debugDescription: "source name '\(source.name)' is used twice; give each source its own name"))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(version, forKey: .version)
    try c.encode(output, forKey: .output)
    try c.encode(Workers(count: workers), forKey: .workers)
    try c.encode(seed, forKey: .seed)
    try c.encode(strict, forKey: .strict)
    try c.encode(sources, forKey: .sources)
    try c.encode(normalize, forKey: .normalize)
    try c.encode(filters, forKey: .filters)
    try c.encode(audit, forKey: .audit)
    try c.encode(tokenizer, forKey: .tokenizer)
    try c.encode(packing, forKey: .packing)
    try c.encode(shards, forKey: .shards)
  }

  /// `workers: auto` or a positive number.
  struct Workers: Codable {
    var count: Int?

    init(count: Int?) { self.count = count }

    init(from decoder: any Decoder) throws {
      let c = try decoder.singleValueContainer()
      if let text = try? c.decode(String.self), text == "auto" { count = nil; return }
      guard let n = try? c.decode(Int.self), n >= 1 else {
        throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected 'auto' or a whole number ≥ 1")
      }
      count = n
    }

    func encode(to encoder: any Encoder) throws {
      var c = encoder.singleValueContainer()
      if let count { try c.encode(count) } else { try c.encode("auto") }
    }
  }
}

/// One input of the pipeline (`sources[]`).
public struct SourceConfig: Sendable, Equatable, Codable {
  /// Label used in reports, ids and output file names.
  public var name: String
  /// Source type, or `auto` to detect it per file.
  public var type: SourceType = .auto
  /// Files, folders or globs (`*`, `?`, `[…]`, `**` for any number of folders).
  public var paths: [String]
  /// Web-crawled: ad and over-represented-line filters apply to it (later stages).
  public var web = false
  /// Reader options.
  public var options = ReaderOptions()

  /// Creates a source.
  public init(
    name: String, type: SourceType = .auto, paths: [String], web: Bool = false, options: ReaderOptions = ReaderOptions()
  ) {
    self.name = name
    self.type = type
    self.paths = paths
    self.web = web
    self.options = options
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case name, type, paths, web, options
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    name = try c.decode(String.self, forKey: .name)
    guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
    else {
      throw DecodingError.dataCorruptedError(
        forKey: .name, in: c, debugDescription: "'\(name)' is not a valid name; use letters, digits, '_' or '-'")
    }
    if let raw = try c.decodeIfPresent(String.self, forKey: .type) {
      guard let type = SourceType(rawValue: raw) else {
        throw DecodingError.dataCorruptedError(
          forKey: .type, in: c,
          debugDescription:
            "unknown type '\(raw)'; expected one of: \(SourceType.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      self.type = type
    }
    if let one = try? c.decode(String.self, forKey: .paths) {
      paths = [one]
    } else {
      paths = try c.decode([String].self, forKey: .paths)
    }
    if paths.isEmpty {
      throw DecodingError.dataCorruptedError(
        forKey: .paths, in: c, debugDescription: "give at least one file, folder or glob")
    }
    web = try c.decodeIfPresent(Bool.self, forKey: .web) ?? false
    options = try c.decodeIfPresent(ReaderOptions.self, forKey: .options) ?? ReaderOptions()
  }
}
