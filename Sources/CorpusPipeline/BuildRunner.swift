import CorpusIO
import CorpusSources
import CorpusText
import Foundation
import WordPiece

/// `dacorpus build` (DESIGN.md §2): the ingest phase (``IngestPhase``, one task per input unit,
/// on parallel workers), the reduce phase (``ReducePhase``), and the finish phase
/// (``FinishPhase`` per part, then ``PackPhase``). Every count is merged in task order into the
/// ``BuildReport``, so the outputs never depend on the number of workers.
public struct BuildRunner: Sendable {
  /// The effective config.
  public var config: PipelineConfig
  /// Called for every data issue as it is found, with the source name.
  public var onIssue: (@Sendable (String, DataIssue) -> Void)?
  /// Shows progress, when set.
  public var showProgress = false
  /// The config file's name, for errors.
  public var configFile = "pipeline.yaml"
  /// Called when a phase ends, with its name (`ingest`, `reduce`, `finish`, `pack`) and its
  /// wall-clock time. Timings never go into the report, which stays byte-identical across runs.
  public var onPhaseEnd: (@Sendable (String, Duration) -> Void)?

  /// Creates a runner for `config`.
  public init(config: PipelineConfig) {
    self.config = config
  }

  /// One unit of work: a source's input unit, and where its part goes.
  struct Task: Sendable {
    var sourceIndex: Int
    var ordinal: Int
    var unit: InputUnit
  }

  /// The tasks of every source, and the issues found while planning (missing paths, files of
  /// an unknown format), per source.
  func plan() -> (tasks: [Task], issues: [[DataIssue]], bytes: Int64) {
    var tasks: [Task] = []
    var issues: [[DataIssue]] = []
    var bytes: Int64 = 0
    for (index, source) in config.sources.enumerated() {
      let (expanded, unmatched) = PathExpander.expand(source.paths)
      let outputPrefix = config.output.hasSuffix("/") ? config.output : config.output + "/"
      let files = expanded.filter { !$0.hasPrefix(outputPrefix) && !$0.hasPrefix("./" + outputPrefix) }
      var found = unmatched.map {
        DataIssue(.missingFile, file: $0, at: .file, "no file matches this path", rejected: false)
      }
      let (units, planIssues) = SourceDetector.plan(paths: files, type: source.type)
      found += planIssues
      for (ordinal, unit) in units.enumerated() {
        tasks.append(Task(sourceIndex: index, ordinal: ordinal, unit: unit))
        bytes += unit.files.compactMap(FileSource.fileSize).reduce(0, +)
      }
      issues.append(found)
    }
    return (tasks, issues, bytes)
  }

  /// Runs the build: ingest, reduce, finish (DESIGN.md §2), and writes `report.json`. With
  /// `write: false` only the ingest phase runs, reading and counting the inputs and writing
  /// nothing (`dacorpus stats` on raw files).
  ///
  /// - Throws: ``ConfigError`` when `tokenizer.vocab` names a file that cannot be loaded (before
  ///   any work), ``StrictModeError`` in strict mode, or an I/O error when output cannot be
  ///   written. Data problems are otherwise counted in the report, never thrown.
  public func run(write: Bool = true) throws -> BuildReport {
    let loadedVocabulary = write ? try loadVocabulary() : nil
    let (tasks, planIssues, totalBytes) = plan()
    let context = PhaseContext(
      config: config, write: write,
      meter: showProgress ? ProgressMeter(totalBytes: totalBytes, label: write ? "ingest" : "") : nil, onIssue: onIssue)
    let layout = context.layout
    if write { try prepare(layout) }
    var stats = config.sources.map { SourceStats(name: $0.name) }
    var issues: [IssueRecord] = []
    for (index, found) in planIssues.enumerated() {
      let name = config.sources[index].name
      for issue in found {
        if config.strict { throw StrictModeError(issue: issue) }
        onIssue?(name, issue)
        stats[index].issues[issue.kind.rawValue, default: 0] += 1
        issues.append(IssueRecord(source: name, issue))
      }
    }
    let workers = context.workers

    let clock = ContinuousClock()
    var phaseStart = clock.now
    func endPhase(_ name: String) {
      let now = clock.now
      onPhaseEnd?(name, now - phaseStart)
      phaseStart = now
    }

    // Ingest.
    context.meter?.start()
    let ingest = try ParallelExecutor.run(tasks: tasks.count, workers: workers) { index in
      try IngestPhase.run(tasks[index], taskIndex: index, context: context)
    }
    context.meter?.stop()
    endPhase("ingest")
    var auditDocuments = BottomKSample(size: config.audit.sampleSize)
    var auditLines = BottomKSample(size: config.audit.sampleSize)
    var tally = RemovedLineTally()
    var removedFiles: [String] = []
    for (task, result) in zip(tasks, ingest) {
      stats[task.sourceIndex].add(result.stats)
      for issue in result.issues where issues.count < 1000 {
        issues.append(IssueRecord(source: config.sources[task.sourceIndex].name, issue))
      }
      auditDocuments.merge(result.removals.auditDocuments)
      auditLines.merge(result.removals.auditLines)
      tally.merge(result.removals.tally)
      removedFiles += result.removals.auditFile.map { [$0] } ?? []
    }
    guard write else { return BuildReport(config: config, sources: stats, parts: [], issues: issues) }

    // Reduce.
    let reduce = try ReducePhase.run(ingest: ingest, loadedVocabulary: loadedVocabulary, context: context)
    endPhase("reduce")

    // Finish: the ingest counts of documents and characters are replaced by the final ones.
    for index in stats.indices {
      stats[index].documents = 0
      stats[index].characters = 0
    }
    let finishing = zip(tasks.indices, ingest).compactMap { index, result in result.part.map { (index, $0) } }
    let finishMeter =
      showProgress
      ? ProgressMeter(totalBytes: finishing.compactMap { FileSource.fileSize($0.1) }.reduce(0, +), label: "finish")
      : nil
    finishMeter?.start()
    let finish = try ParallelExecutor.run(tasks: finishing.count, workers: workers) { k in
      let (index, part) = finishing[k]
      return try FinishPhase.run(
        tasks[index], taskIndex: index, ingestPart: part, reduce: reduce, context: context, meter: finishMeter)
    }
    finishMeter?.stop()
    var parts: [PartRecord] = []
    var spools: [(path: String, sourceIndex: Int)] = []
    for ((index, _), result) in zip(finishing, finish) {
      let sourceIndex = tasks[index].sourceIndex
      stats[sourceIndex].add(result.stats)
      if let part = result.part { parts.append(part) }
      if let tokens = result.tokens { spools.append((tokens, sourceIndex)) }
      auditDocuments.merge(result.removals.auditDocuments)
      auditLines.merge(result.removals.auditLines)
      tally.merge(result.removals.tally)
      removedFiles += result.removals.auditFile.map { [$0] } ?? []
    }

    var report = BuildReport(config: config, sources: stats, parts: parts, issues: issues)
    report.reduce = reduce.summary
    report.topRemovedLines = tally.top(50)
    if config.audit.removed == .sample {
      removedFiles.append(try Self.writeSample(auditDocuments.sorted + auditLines.sorted, layout: layout))
    }
    report.removedFiles = removedFiles.map { String($0.dropFirst(layout.output.count + 1)) }
    endPhase("finish")
    if config.shards.enabled, reduce.vocabulary != nil {
      let packed = try PackPhase.run(spools: spools, reduce: reduce, context: context)
      endPhase("pack")
      for (index, count) in packed.examplesBySource.enumerated() { report.sources[index].examples = count }
      report.totals = report.sources.reduce(into: SourceStats(name: "total")) { $0.add($1) }
      report.packing = packed.counts
      report.shards = packed.files
    }
    try Self.writeReport(report, to: layout.report)
    try? FileManager.default.removeItem(atPath: layout.work)
    return report
  }

  /// Loads `tokenizer.vocab` when it names a file, failing fast with the key path.
  private func loadVocabulary() throws -> WordPieceVocabulary? {
    guard config.tokenizer.enabled, case .file(let path) = config.tokenizer.vocab else { return nil }
    do {
      let vocabulary = try WordPieceVocabulary(contentsOf: path)
      _ = try ReducePhase.specialTokens(of: vocabulary)
      return vocabulary
    } catch {
      throw ConfigError(
        file: configFile, keyPath: "tokenizer.vocab",
        message: "cannot use '\(path)' as the vocabulary: \(error); give a BERT vocab.txt, or write 'train'")
    }
  }

  /// Makes the output directory hold exactly what this build writes: earlier text parts,
  /// audit files, shards and scratch files are removed.
  private func prepare(_ layout: BuildLayout) throws {
    let manager = FileManager.default
    do {
      for directory in [layout.text, layout.removed, layout.shards, layout.work] {
        try? manager.removeItem(atPath: directory)
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
      }
      try manager.createDirectory(atPath: layout.ingest, withIntermediateDirectories: true)
      try manager.createDirectory(atPath: layout.spill, withIntermediateDirectories: true)
      for file in [layout.manifest, layout.vocab] { try? manager.removeItem(atPath: file) }
    } catch {
      throw CorpusIOError(
        .writeFailed, "cannot prepare output directory '\(layout.output)': \(error.localizedDescription)")
    }
  }

  /// Writes the merged audit sample to `removed/sample.jsonl.gz`; returns its path.
  ///
  /// At gzip level 1, as the audit's per-task files and the text parts: level 6 made the 100 MB
  /// benchmark's sample (20,000 records) about a fifth smaller for a second of the build.
  private static func writeSample(_ records: [RemovedText], layout: BuildLayout) throws -> String {
    let path = layout.removed + "/sample.jsonl.gz"
    let target = AtomicFile(path: path)
    let gzip = try GzipWriter(path: target.temporaryPath, level: 1)
    var json = JSONWriter()
    for record in records { record.write(to: &json) }
    do {
      try gzip.write(json.bytes)
      try gzip.finish()
      try target.commit()
    } catch {
      target.abandon()
      throw error
    }
    return path
  }

  /// Writes `report` as pretty, key-sorted JSON, atomically.
  static func writeReport(_ report: BuildReport, to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(report)
    data.append(0x0A)
    let target = AtomicFile(path: path)
    do {
      try data.write(to: URL(fileURLWithPath: target.temporaryPath))
      try target.commit()
    } catch {
      target.abandon()
      throw error
    }
  }

  /// Reads a report written by ``run(write:)``.
  public static func readReport(at path: String) throws -> BuildReport {
    try JSONDecoder().decode(BuildReport.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
  }
}
