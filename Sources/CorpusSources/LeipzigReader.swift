import CorpusIO

/// Reads a Leipzig Corpora Collection `.tar.gz` archive (`reference/formats.md` §2).
///
/// Members are picked by suffix, with or without a directory prefix; AppleDouble `._*` entries
/// are skipped. Each `s_id⇥sentence` line of `-sentences.txt` is a record with id
/// `{corpus_id}:{s_id}`. When the archive has `-sources.txt` and `-inv_so.txt`, the sentence's
/// source URL and date are joined in. Those members may come after the sentences in the
/// archive, so the reader reads them first and streams the sentences in a second pass when
/// it must (the archive is decompressed twice; memory holds the link tables, not the text).
///
/// With `group_by_source`, sentences that share a source become one document
/// `{corpus_id}:so{so_id}`, in `s_id` order; sentences without a source stay single documents.
struct LeipzigReader {
  var context: ReadContext

  /// Source URL and date per `so_id`, and the `so_id` of each `s_id`.
  struct Links {
    var sources: [Int: (url: String, date: String)] = [:]
    var pairs: [(Int, Int)] = []
    var sourceOfSentence: [Int: Int] = [:]

    /// Orders the `inv_so` pairs: the column whose largest value fits the sources table is
    /// `so_id` (formats.md §2.3 warns the order is disputed); `(so_id, s_id)` when unclear.
    mutating func resolve() {
      let maxFirst = pairs.map(\.0).max() ?? 0
      let maxSecond = pairs.map(\.1).max() ?? 0
      let maxSource = sources.keys.max() ?? 0
      let swapped = maxFirst > maxSource && maxSecond <= maxSource
      for (a, b) in pairs {
        let (source, sentence) = swapped ? (b, a) : (a, b)
        if sourceOfSentence[sentence] == nil { sourceOfSentence[sentence] = source }
      }
      pairs = []
    }
  }

  enum Member {
    case sentences, sources, invSo, other

    init(_ name: String) {
      let base = fileName(name)
      if base.hasPrefix("._") {
        self = .other
      } else if base.hasSuffix("-sentences.txt") {
        self = .sentences
      } else if base.hasSuffix("-sources.txt") {
        self = .sources
      } else if base.hasSuffix("-inv_so.txt") {
        self = .invSo
      } else {
        self = .other
      }
    }
  }

  /// The corpus id of a member: its file name before the last `-`.
  static func corpusID(_ member: String) -> String {
    let base = fileName(member)
    guard let dash = base.lastIndex(of: "-") else { return base }
    return String(base[..<dash])
  }

  func read(path: String, emit: DocumentSink) throws {
    var links: [String: Links] = [:]
    var sentencesSeen: Set<String> = []
    var sentencesRead: Set<String> = []

    // Pass 1: link tables; sentences too when their tables are already complete.
    let first = try scan(path: path, countBytes: true) { member, kind, body in
      let corpus = Self.corpusID(member)
      switch kind {
      case .sources: try readSources(body, member: "\(path):\(member)", into: &links[corpus, default: Links()])
      case .invSo: try readInvSo(body, member: "\(path):\(member)", into: &links[corpus, default: Links()])
      case .sentences:
        sentencesSeen.insert(member)
        if var table = links[corpus], !table.sources.isEmpty, !table.pairs.isEmpty || !table.sourceOfSentence.isEmpty {
          table.resolve()
          links[corpus] = table
          sentencesRead.insert(member)
          try readSentences(body, member: member, archive: path, corpus: corpus, links: table, emit: emit)
        }
      case .other: break
      }
    }
    if case .reported = first { return }
    if case .complete = first, sentencesSeen.isEmpty {
      return try context.log.report(
        DataIssue(.unknownFormat, file: path, at: .file, "archive has no '-sentences.txt' member", rejected: false))
    }
    var end = first
    if case .broken = first, sentencesSeen.isEmpty || sentencesSeen != sentencesRead {
      // The archive broke, but the sentences before the break are still records: read them.
      end = try secondPass()
    } else if sentencesSeen != sentencesRead {
      end = try secondPass()
    }
    if case .broken(let error) = end { try context.streamBroke(error, file: path, partialRecord: false) }

    /// Pass 2: the sentences not read yet, joined with the complete link tables.
    func secondPass() throws -> ScanEnd {
      for key in links.keys { links[key]?.resolve() }
      return try scan(path: path, countBytes: false) { member, kind, body in
        guard kind == .sentences, !sentencesRead.contains(member) else { return }
        sentencesRead.insert(member)
        let corpus = Self.corpusID(member)
        try readSentences(
          body, member: member, archive: path, corpus: corpus, links: links[corpus] ?? Links(), emit: emit)
      }
    }
  }

  /// How a scan of the archive ended.
  enum ScanEnd {
    /// Every member was read.
    case complete
    /// The archive broke with this error, not yet reported.
    case broken(CorpusIOError)
    /// The archive broke inside a sentences member, which reported it.
    case reported
  }

  /// Thrown by ``readSentences`` after it reported a break inside the sentences member.
  struct BreakReported: Error {}

  /// Calls `body` for every regular member and says how the archive ended.
  private func scan(path: String, countBytes: Bool, _ body: (String, Member, any ByteSource) throws -> Void) throws
    -> ScanEnd
  {
    guard let input = try context.open(path) else { return .reported }
    let tar = TarReader(input)
    defer { if countBytes { context.log.finishFile(consumed: input.consumedBytes) } }
    do {
      while let entry = try tar.next() {
        guard entry.kind == .file else { continue }
        try body(entry.name, Member(entry.name), tar.currentBody())
      }
      return .complete
    } catch let error as CorpusIOError {
      return .broken(error)
    } catch is BreakReported {
      return .reported
    }
  }

  private func readSources(_ body: any ByteSource, member: String, into links: inout Links) throws {
    let lines = LineReader(body)
    while let line = try lines.next() {
      let fields = split(line)
      guard fields.count >= 2, let id = Int(fields[0]) else { continue }
      links.sources[id] = (fields[1], fields.count > 2 ? fields[2] : "")
    }
  }

  private func readInvSo(_ body: any ByteSource, member: String, into links: inout Links) throws {
    let lines = LineReader(body)
    while let line = try lines.next() {
      let fields = split(line)
      guard fields.count >= 2, let a = Int(fields[0]), let b = Int(fields[1]) else { continue }
      links.pairs.append((a, b))
    }
  }

  private func split(_ line: UnsafeRawBufferPointer) -> [String] {
    line.split(separator: 0x09, omittingEmptySubsequences: false).map {
      String(decoding: $0, as: UTF8.self)
    }
  }

  private func readSentences(
    _ body: any ByteSource, member: String, archive: String, corpus: String, links: Links, emit: DocumentSink
  ) throws {
    let file = "\(archive):\(member)"
    let grouping = context.options.groupBySource
    // Grouping holds the archive's documents, to emit them in order of their first s_id.
    var groups: [Int: [(sentence: Int, text: String)]] = [:]
    var held: [(firstSentence: Int, document: Document)] = []
    let lines = LineReader(body)
    while true {
      let next: UnsafeRawBufferPointer?
      do {
        next = try lines.next()
      } catch {
        // The archive broke inside this member: keep what was read, count a cut-off sentence.
        try context.streamBroke(error, file: archive, partialRecord: lines.droppedPartialBytes > 0)
        try emitHeld()
        throw BreakReported()
      }
      guard let line = next else { break }
      if line.isEmpty { continue }
      let location = DataIssue.Location.line(lines.lineNumber)
      guard let tab = line.firstIndex(of: 0x09),
        let sentence = Int(String(decoding: UnsafeRawBufferPointer(rebasing: line[..<tab]), as: UTF8.self))
      else {
        try context.log.reject(DataIssue(.malformedRecord, file: file, at: location, "expected 's_id<TAB>sentence'"))
        continue
      }
      guard let text = try context.text(UnsafeRawBufferPointer(rebasing: line[(tab + 1)...]), file: file, at: location)
      else { continue }
      let source = links.sourceOfSentence[sentence]
      if grouping, let source {
        context.log.recordsRead += 1
        groups[source, default: []].append((sentence, text))
        continue
      }
      var metadata = baseMetadata(corpus: corpus, member: member)
      metadata.append("s_id", .number(String(sentence)))
      let link = source.flatMap { links.sources[$0] }
      if let link { metadata.append("url", .string(link.url)) }
      let document = Document(
        id: "\(corpus):\(sentence)", source: context.source, text: text, created: created(link), metadata: metadata)
      if grouping {
        context.log.recordsRead += 1
        held.append((sentence, document))
      } else {
        try context.deliver(document, to: emit)
      }
    }
    try emitHeld()

    /// With grouping: builds the source documents and emits everything held, by first s_id.
    func emitHeld() throws {
      guard grouping else { return }
      for (source, unsorted) in groups {
        let sentences = unsorted.sorted { $0.sentence < $1.sentence }
        var metadata = baseMetadata(corpus: corpus, member: member)
        metadata.append("so_id", .number(String(source)))
        metadata.append("s_ids", .array(sentences.map { .number(String($0.sentence)) }))
        let link = links.sources[source]
        if let link { metadata.append("url", .string(link.url)) }
        let document = Document(
          id: "\(corpus):so\(source)", source: context.source, text: sentences.map(\.text).joined(separator: "\n"),
          created: created(link), metadata: metadata)
        held.append((sentences[0].sentence, document))
      }
      for (_, document) in held.sorted(by: { $0.firstSentence < $1.firstSentence }) { try emit(document) }
      groups = [:]
      held = []
    }
  }

  private func baseMetadata(corpus: String, member: String) -> JSONObject {
    var metadata = JSONObject()
    metadata.append("corpus", .string(corpus))
    metadata.append("file", .string(member))
    return metadata
  }

  private func created(_ link: (url: String, date: String)?) -> String? {
    guard let date = link?.date, !date.isEmpty else { return nil }
    return date
  }
}
