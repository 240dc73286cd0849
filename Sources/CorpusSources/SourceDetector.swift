import CorpusIO

/// Decides how each input file is read: its ``SourceFormat``, and which files are read
/// together (OSCAR 21.09 text and `_meta` parts). Detection looks at names and at the first
/// decoded bytes, never only at extensions: a gzip file named `.txt` is still gzip.
public enum SourceDetector {
  /// How many decoded bytes detection looks at.
  static let sniffBytes = 1 << 16

  /// Plans the reading units for `paths` of a source declared as `type`.
  ///
  /// - Returns: the units in path order, and an issue for every file that cannot be read as
  ///   `type` (missing, unreadable, or of another format).
  public static func plan(paths: [String], type: SourceType) -> (units: [InputUnit], issues: [DataIssue]) {
    var units: [InputUnit] = []
    var issues: [DataIssue] = []
    let sorted = paths.sorted()
    let pathSet = Set(sorted)
    var companions: Set<String> = []
    // OSCAR 21.09: a text part with a `_meta` sibling.
    if type == .auto || type == .oscar {
      for path in sorted {
        if let meta = metaSibling(of: path), pathSet.contains(meta) || fileExists(meta) {
          if case .oscar2109Meta = sniff(meta) {
            units.append(InputUnit(format: .oscar2109, path: path, companions: [meta]))
            companions.insert(path)
            companions.insert(meta)
          }
        }
      }
    }
    for path in sorted where !companions.contains(path) {
      switch detect(path: path, type: type) {
      case .success(let format): units.append(InputUnit(format: format, path: path))
      case .failure(let failure): issues.append(failure.issue)
      }
    }
    units.sort { $0.path < $1.path }
    return (units, issues)
  }

  /// The `_meta` part that belongs to an OSCAR 21.09 text part, by name:
  /// `da_part_3.txt.gz` → `da_meta_part_3.jsonl.gz`, `da.txt.gz` → `da_meta.jsonl.gz`.
  static func metaSibling(of path: String) -> String? {
    let name = fileName(path)
    let directory = String(path.dropLast(name.count))
    for suffix in [".txt.gz", ".txt"] where name.hasSuffix(suffix) {
      let stem = name.dropLast(suffix.count)
      let jsonl = suffix == ".txt.gz" ? ".jsonl.gz" : ".jsonl"
      if let part = stem.firstRange(of: "_part_") {
        return directory + stem[..<part.lowerBound] + "_meta" + stem[part.lowerBound...] + jsonl
      }
      return directory + stem + "_meta" + jsonl
    }
    return nil
  }

  /// What the first bytes of a file look like.
  enum Sniffed {
    case missing(DataIssue)
    case tar, xml, oscarDocument(zstd: Bool, qualityWarnings: Bool), oscar2109Meta, danewsroom, jsonl
    case lines(hasBlankLine: Bool)
  }

  static func sniff(_ path: String) -> Sniffed {
    let input: DecodedInput
    do {
      input = try Compression.openDecoded(path: path)
    } catch {
      return .missing(DataIssue(error, file: path))
    }
    var prefix = [UInt8](repeating: 0, count: sniffBytes)
    var count = 0
    while count < prefix.count {
      let n =
        (try? prefix.withUnsafeMutableBytes {
          try input.source.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[count...]))
        }) ?? 0
      if n == 0 { break }
      count += n
    }
    prefix.removeSubrange(count...)
    if count >= 262, prefix[257..<262].elementsEqual("ustar".utf8) { return .tar }
    var body = prefix[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    while let first = body.first, first == 0x20 || first == 0x0A || first == 0x0D || first == 0x09 {
      body = body.dropFirst()
    }
    if body.first == UInt8(ascii: "<") { return .xml }
    if body.first == UInt8(ascii: "{") {
      let head = body.prefix { $0 != 0x0A }
      func has(_ key: String) -> Bool { head.firstRange(of: Array("\"\(key)\"".utf8)) != nil }
      if has("warc_headers") || has("content") && has("metadata") {
        return .oscarDocument(zstd: input.compression == .zstd, qualityWarnings: has("quality_warnings"))
      }
      if has("headers") && has("offset") && has("nb_sentences") { return .oscar2109Meta }
      if has("archive") && (has("density_bin") || has("compression")) { return .danewsroom }
      return .jsonl
    }
    let hasBlank = body.firstRange(of: [0x0A, 0x0A]) != nil || body.firstRange(of: [0x0A, 0x0D, 0x0A]) != nil
    return .lines(hasBlankLine: hasBlank)
  }

  /// Whether a name follows OSCAR 2019's scheme: `da.txt.gz`, `da_dedup.txt.gz`,
  /// `da_part_3.txt.gz`, `da_dedup_part_3.txt.gz`.
  static func isOSCAR2019Name(_ name: String) -> Bool {
    var stem = Substring(name)
    for suffix in [".gz", ".txt"] where stem.hasSuffix(suffix) { stem = stem.dropLast(suffix.count) }
    guard stem.count < name.count else { return false }
    let language = stem.prefix { $0.isASCII && $0.isLowercase }
    guard (2...3).contains(language.count) else { return false }
    var rest = stem.dropFirst(language.count)
    if rest.hasPrefix("_dedup") { rest = rest.dropFirst("_dedup".count) }
    if rest.hasPrefix("_part_") {
      rest = rest.dropFirst("_part_".count)
      guard !rest.isEmpty, rest.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
      rest = ""
    }
    return rest.isEmpty
  }

  /// The OSCAR 2019 release a text file belongs to. The shuffled release is named
  /// `da.txt.gz`, `da_dedup.txt.gz` or `da_dedup_part_N.txt.gz`, the Hugging Face unshuffled
  /// parts `da_part_N.txt.gz`; shuffled shards of the original corpus may also be named
  /// `da_part_N`, so for that name blank lines (document separators) decide.
  static func oscar2019Variant(name: String, hasBlankLine: Bool) -> SourceFormat {
    if name.contains("_dedup") || !name.contains("_part_") { return .oscar2019Shuffled }
    return hasBlankLine ? .oscar2019Unshuffled : .oscar2019Shuffled
  }

  /// Whether a path looks like OPUS: under a `mono/` folder, or one side of a Moses bitext
  /// (`Europarl.da-en.da`).
  static func isOPUSPath(_ path: String) -> Bool {
    if path.contains("/mono/") { return true }
    let parts = fileName(path).split(separator: ".")
    guard parts.count >= 3, let last = parts.last else { return false }
    let pair = parts[parts.count - 2].split(separator: "-")
    return pair.count == 2 && pair.contains(last)
  }

  static func detect(path: String, type: SourceType) -> Result<SourceFormat, DetectionFailure> {
    let sniffed = sniff(path)
    if case .missing(let issue) = sniffed { return .failure(DetectionFailure(issue: issue)) }
    let name = fileName(path)
    let detected: SourceFormat? =
      switch sniffed {
      case .missing: nil
      case .tar: .leipzig
      case .xml: .wikipedia
      case .oscarDocument(let zstd, let warnings): zstd || warnings ? .oscar2301 : .oscar2201
      case .oscar2109Meta: nil
      case .danewsroom: .danewsroom
      case .jsonl: .jsonl
      case .lines(let hasBlank):
        if isOPUSPath(path) && type != .oscar && type != .text {
          .opus
        } else if isOSCAR2019Name(name) || type == .oscar {
          oscar2019Variant(name: name, hasBlankLine: hasBlank)
        } else {
          .text
        }
      }
    if case .oscar2109Meta = sniffed {
      return .failure(
        DetectionFailure(
          issue:
            DataIssue(
              .unknownFormat, file: path, at: .file, "OSCAR 21.09 meta part without its text part (\(name))",
              rejected: false)))
    }
    guard let format = detected else {
      return .failure(
        DetectionFailure(
          issue: DataIssue(.unknownFormat, file: path, at: .file, "format not recognized", rejected: false)))
    }
    switch type {
    case .auto: return .success(format)
    case .text, .opus:
      if case .lines = sniffed { return .success(type == .text ? SourceFormat.text : SourceFormat.opus) }
    case .jsonl:
      if case .jsonl = sniffed { return .success(SourceFormat.jsonl) }
      if format == .danewsroom || format == .oscar2201 || format == .oscar2301 { return .success(SourceFormat.jsonl) }
    default:
      if format.family == type { return .success(format) }
    }
    return .failure(
      DetectionFailure(
        issue:
          DataIssue(
            .unknownFormat, file: path, at: .file,
            "declared as type '\(type.rawValue)' but looks like \(format.rawValue); fix the source's 'type' or its paths",
            rejected: false)))
  }

  /// Why a file cannot be read as the declared type.
  struct DetectionFailure: Error {
    var issue: DataIssue
  }

  static func fileExists(_ path: String) -> Bool {
    FileSource.fileSize(path) != nil
  }
}
