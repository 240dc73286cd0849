import CorpusFilters
import CorpusIO
import CorpusSources
import Shards
import WordPiece

/// The finish phase (DESIGN.md §2, map): one task per ingest part drops the duplicates and the
/// over-represented lines the reduce phase found, writes the clean-text part (`text/…`), and
/// tokenizes the text, line by line (sentence by sentence for paragraph sources), into a
/// token spool for the packer: a document boundary after each document, or, for sources whose
/// documents are joined (sentence lists), one at the end of the task.
enum FinishPhase {
  /// What one finish task removed and wrote.
  struct Result: Sendable {
    var stats: SourceStats
    var part: PartRecord?
    /// The token spool, when the tokenizer is on.
    var tokens: String?
    var removals: RemovalRecorder.Summary
  }

  static func run(
    _ task: BuildRunner.Task, taskIndex: Int, ingestPart: String, reduce: ReducePhase.Result, context: PhaseContext,
    meter: ProgressMeter?
  ) throws -> Result {
    let config = context.config
    let layout = context.layout
    let source = config.sources[task.sourceIndex]
    let name = BuildLayout.partName(source: source.name, ordinal: task.ordinal)
    var duplicates: [Int: DuplicateSet.Removed] = [:]
    for removal in reduce.duplicates?.removals(inTask: taskIndex) ?? [] { duplicates[removal.key.documentIndex] = removal }
    let group = context.policy.group(forSource: task.sourceIndex)
    var lineFilter = reduce.overrepresented.map { OverrepresentedLineFilter(lines: $0, policy: context.policy) }
    let writer = try TextPartWriter(path: layout.text + "/" + name, level: 1)
    let removals = RemovalRecorder(
      source: source.name,
      audit: try RemovalAudit(
        config: config.audit, seed: config.seed, path: layout.removedFile(part: name, phase: "finish")))
    var encoder = try reduce.vocabulary.map { vocabulary throws(WordPieceError) in
      try WordPieceEncoder(vocabulary: vocabulary, options: config.tokenizer.options)
    }
    let spool =
      encoder != nil && config.shards.enabled ? try TokenSpool.Writer(path: layout.scratch(task: taskIndex, "tokens")) : nil
    let splitter = config.packing.splitsSentences(of: source) ? SentenceSplitter.danish : nil
    let joinDocuments = config.packing.joinsDocuments(of: source)
    let unknown = reduce.special?.unk
    var stats = SourceStats(name: source.name)
    var ids: [Int32] = []
    var documentsRead = 0

    do {
      try ScratchPart.forEach(path: ingestPart, progress: { meter?.add(bytes: $0) }) { index, read in
        documentsRead = index + 1
        if documentsRead & 255 == 0 { meter?.add(documents: 256) }
        if let duplicate = duplicates[index] {
          let rule = duplicate.reason == .exact ? "dedup.exact" : "dedup.near"
          return try removals.document(read, rule: rule, score: duplicate.similarity)
        }
        var document = read
        if let removal = lineFilter?.removal(text: document.text, group: group, taskIndex: taskIndex, documentIndex: index),
          !removal.isEmpty
        {
          try removals.lines(of: document, reasons: removal.reasons)
          document.text = removal.apply(to: document.text)
          if document.text.isEmpty {
            return try removals.document(read, rule: "overrepresented.all_lines", countCharacters: false)
          }
        }
        try writer.write(document)
        guard let spool else { return }
        let lines = splitter?.splitLines(document.text) ?? TextLines.split(document.text).map(String.init)
        for line in lines where line.utf8.contains(where: { $0 != 0x20 && $0 != 0x09 }) {
          ids.removeAll(keepingCapacity: true)
          encoder?.encode(line, into: &ids)
          stats.tokens += ids.count
          if let unknown { stats.unknownTokens += ids.reduce(0) { $0 + ($1 == unknown ? 1 : 0) } }
          try spool.addLine(ids)
        }
        if !joinDocuments { try spool.endDocument() }
      }
    } catch {
      writer.abandon()
      removals.abandon()
      throw error
    }
    meter?.add(documents: documentsRead & 255)
    if joinDocuments { try spool?.endDocument() }
    try spool?.finish()
    let bytes = try writer.finish()
    let sha256: String
    do { sha256 = try SHA256Hex.ofFile(layout.text + "/" + name) } catch {
      throw CorpusIOError(.readFailed, error.description)
    }
    stats.documents = writer.documents
    removals.addCounts(to: &stats)
    stats.characters = writer.characters
    return Result(
      stats: stats,
      part: PartRecord(
        path: "text/" + name, source: source.name, inputs: task.unit.files, format: task.unit.format.rawValue,
        documents: writer.documents, characters: writer.characters, bytes: bytes, sha256: sha256),
      tokens: spool?.path, removals: try removals.finish())
  }
}
