import CorpusFilters
import CorpusIO
import CorpusSources
import CorpusText
import Foundation
import WordPiece

/// The ingest phase (DESIGN.md §2, map): one task per input unit reads its documents,
/// normalizes them, applies the document filters (quality, ads), writes the survivors to a
/// scratch part, and writes the sidecars that the reduce phase merges: line counts, dedup
/// signatures, word counts.
enum IngestPhase {
  /// What one ingest task found and wrote.
  struct Result: Sendable {
    var stats: SourceStats
    /// The scratch part (`work/ingest/….docs`), when anything was written.
    var part: String?
    var lineCounts: String?
    var signatures: String?
    var wordCounts: String?
    var issues: [DataIssue]
    var removals: RemovalRecorder.Summary
  }

  /// Runs task `taskIndex`.
  static func run(_ task: BuildRunner.Task, taskIndex: Int, context: PhaseContext) throws -> Result {
    let config = context.config
    let layout = context.layout
    let source = config.sources[task.sourceIndex]
    let log = ReadLog(keepIssues: 100, strict: config.strict) { issue in context.onIssue?(source.name, issue) }
    log.onProgress = { context.meter?.add(bytes: $0) }
    let readContext = ReadContext(source: source.name, options: source.options, log: log)
    let name = BuildLayout.partName(source: source.name, ordinal: task.ordinal)
    let write = context.write

    var normalizer = try TextNormalizer(config: config.normalize)
    var quality = config.filters.quality.rules(forSource: source.name).map(QualityFilter.init(rules:))
    var adFilter = context.adFilter(for: source)
    // The rules' record names, made once (not a string built per removed line).
    let adRuleNames = AdRule.allCases.map { "ads." + $0.rawValue }
    let group = context.policy.group(forSource: task.sourceIndex)
    let counter =
      write && group != nil
      ? LineCountAccumulator(
        taskIndex: taskIndex, policy: context.policy,
        maxEntries: context.lineCounterEntries, spillDirectory: layout.spill)
      : nil
    var signer =
      write && config.filters.dedup.enabled ? DedupSigner(config: config.filters.dedup, pipelineSeed: config.seed) : nil
    let signatures = try signer.map { signer throws(FilterError) in
      try SignatureSidecarWriter(
        path: layout.scratch(task: taskIndex, "signatures"), taskIndex: taskIndex, config: config.filters.dedup.minhash,
        seed: signer.seed)
    }
    var words = context.trainsVocabulary ? WordCounts(options: config.tokenizer.options) : nil
    let writer = write ? try ScratchPart.Writer(path: layout.scratchPart(name)) : nil
    let removals = RemovalRecorder(
      source: source.name,
      audit: try RemovalAudit(
        config: write ? config.audit : .off, seed: config.seed, path: layout.removedFile(part: name, phase: "ingest")))
    var stats = SourceStats(name: source.name)
    var lineKeys: [LineKey] = []
    var documents = 0
    var characters = 0

    do {
      try SourceReader.read(task.unit, context: readContext) { read in
        var document = read
        document.text = normalizer.normalize(document.text)
        if document.text.isEmpty && !read.text.isEmpty {
          return try removals.document(read, rule: "normalize.empty", countCharacters: false)
        }
        if let verdict = quality?.evaluate(document.text) {
          return try removals.document(document, rule: "quality." + verdict.rule.rawValue, score: verdict.score)
        }
        if let verdict = adFilter?.evaluate(document.text) {
          if verdict.dropDocument {
            return try removals.document(document, rule: "ads.document", score: verdict.countedShare)
          }
          if verdict.rules.contains(where: { $0 != nil }) {
            let reasons = verdict.rules.map { $0.map { adRuleNames[$0.index] } }
            try removals.lines(of: document, reasons: reasons)
            document.text = LineRemoval(reasons: reasons).apply(to: document.text)
            if document.text.isEmpty {
              return try removals.document(document, rule: "ads.all_lines", countCharacters: false)
            }
          }
        }
        let documentIndex = documents
        documents += 1
        if let writer { try writer.write(document) } else { characters += UTF8Scalar.count(document.text) }
        // Signing normalizes the lines too: the counter takes their keys from it.
        var keys: [LineKey]?
        if let signatures, let signature = signer?.sign(document.text, lineKeys: &lineKeys) {
          keys = lineKeys
          try signatures.append(
            documentIndex: documentIndex, sourceIndex: task.sourceIndex, id: document.id, signature: signature)
        }
        if let counter, let group {
          try counter.add(
            text: document.text, documentIndex: documentIndex, group: group,
            domain: DomainKey.of(url: document.metadata["url"]?.stringValue), lineKeys: keys)
        }
        words?.add(document.text)
        if documents & 255 == 0 { context.meter?.add(documents: 256) }
      }
    } catch {
      writer?.abandon()
      removals.abandon()
      throw error
    }
    context.meter?.add(documents: documents & 255)

    stats.files = task.unit.files.count
    stats.bytesRead = log.bytesRead
    stats.records = log.recordsRead
    stats.documents = documents
    stats.rejected = log.recordsRejected
    stats.issues = Dictionary(uniqueKeysWithValues: log.issueCounts.map { ($0.key.rawValue, $0.value) })
    stats.skipped = log.skipCounts
    stats.formats = [task.unit.format.rawValue: 1]
    stats.normalize = normalizer.takeStats()
    stats.characters = writer?.characters ?? characters
    removals.addCounts(to: &stats)

    var result = Result(
      stats: stats, issues: log.issues, removals: try removals.finish())
    if let writer {
      try writer.finish()
      result.part = layout.scratchPart(name)
    }
    if let counter {
      let path = layout.scratch(task: taskIndex, "linecounts")
      try counter.write(to: path)
      result.lineCounts = path
    }
    if let signatures {
      try signatures.finish()
      result.signatures = signatures.path
    }
    if let words {
      let path = layout.scratch(task: taskIndex, "words")
      guard FileManager.default.createFile(atPath: path, contents: Data(words.serialized())) else {
        throw CorpusIOError(.writeFailed, "cannot write '\(path)'")
      }
      result.wordCounts = path
    }
    return result
  }
}
