import CorpusIO
import CorpusSources
import CorpusText
import Foundation

/// The ingest phase of `dacorpus build` (DESIGN.md §2): every input unit is a task that reads
/// documents and writes one clean-text part; tasks run on parallel workers; their counts are
/// merged, in task order, into the ``BuildReport``.
public struct BuildRunner: Sendable {
  /// The effective config.
  public var config: PipelineConfig
  /// Called for every data issue as it is found, with the source name.
  public var onIssue: (@Sendable (String, DataIssue) -> Void)?
  /// Shows progress, when set.
  public var showProgress = false

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

  /// What one task found and wrote.
  struct TaskResult: Sendable {
    var stats: SourceStats
    var part: PartRecord?
    var issues: [DataIssue]
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

  /// Runs the ingest phase. With `write: false` the inputs are only read and counted
  /// (`dacorpus stats` on raw files); nothing is written.
  ///
  /// - Throws: ``StrictModeError`` in strict mode, or a ``CorpusIOError`` when output cannot be
  ///   written. Data problems are otherwise counted in the report, never thrown.
  public func run(write: Bool = true) throws -> BuildReport {
    let (tasks, planIssues, totalBytes) = plan()
    let textDirectory = config.output + "/text"
    if write { try prepare(textDirectory) }
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

    let meter = showProgress ? ProgressMeter(totalBytes: totalBytes) : nil
    meter?.start()
    defer { meter?.stop() }
    let config = self.config
    let onIssue = self.onIssue
    let results = try ParallelExecutor.run(
      tasks: tasks.count, workers: config.workers ?? ProcessInfo.processInfo.activeProcessorCount
    ) {
      index in
      try Self.execute(
        tasks[index], config: config, textDirectory: write ? textDirectory : nil, meter: meter, onIssue: onIssue)
    }

    var parts: [PartRecord] = []
    for (task, result) in zip(tasks, results) {
      stats[task.sourceIndex].add(result.stats)
      if let part = result.part { parts.append(part) }
      for issue in result.issues where issues.count < 1000 {
        issues.append(IssueRecord(source: config.sources[task.sourceIndex].name, issue))
      }
    }
    let report = BuildReport(config: config, sources: stats, parts: parts, issues: issues)
    if write { try Self.writeReport(report, to: config.output + "/report.json") }
    return report
  }

  /// Creates the text directory and removes parts of an earlier build, so the directory
  /// holds exactly what the new report lists.
  private func prepare(_ directory: String) throws {
    let manager = FileManager.default
    do {
      try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
      for name in try manager.contentsOfDirectory(atPath: directory)
      where name.hasSuffix(".jsonl.gz") || name.contains(".tmp-") {
        try manager.removeItem(atPath: directory + "/" + name)
      }
    } catch {
      throw CorpusIOError(.writeFailed, "cannot prepare output directory '\(directory)': \(error.localizedDescription)")
    }
  }

  private static func execute(
    _ task: Task, config: PipelineConfig, textDirectory: String?, meter: ProgressMeter?,
    onIssue: (@Sendable (String, DataIssue) -> Void)?
  ) throws -> TaskResult {
    let source = config.sources[task.sourceIndex]
    let log = ReadLog(keepIssues: 100, strict: config.strict) { issue in onIssue?(source.name, issue) }
    log.onProgress = { meter?.add(bytes: $0) }
    let context = ReadContext(source: source.name, options: source.options, log: log)
    let name =
      "\(source.name)-\(String(repeating: "0", count: max(0, 5 - String(task.ordinal).count)))\(task.ordinal).jsonl.gz"
    let writer = try textDirectory.map { directory throws(CorpusIOError) in
      try TextPartWriter(path: directory + "/" + name)
    }
    var normalizer = try TextNormalizer(config: config.normalize)
    var documents = 0
    var characters = 0
    var removed: [String: Int] = [:]
    do {
      try SourceReader.read(task.unit, context: context) { read in
        var document = read
        document.text = normalizer.normalize(document.text)
        if document.text.isEmpty && !read.text.isEmpty {
          removed["normalize.empty", default: 0] += 1
          return
        }
        documents += 1
        if let writer { try writer.write(document) } else { characters += document.text.unicodeScalars.count }
        if documents & 255 == 0 { meter?.add(documents: 256) }
      }
    } catch {
      writer?.abandon()
      throw error
    }
    meter?.add(documents: documents & 255)
    var stats = SourceStats(name: source.name)
    stats.files = task.unit.files.count
    stats.bytesRead = log.bytesRead
    stats.records = log.recordsRead
    stats.documents = documents
    stats.rejected = log.recordsRejected
    stats.issues = Dictionary(uniqueKeysWithValues: log.issueCounts.map { ($0.key.rawValue, $0.value) })
    stats.skipped = log.skipCounts
    stats.formats = [task.unit.format.rawValue: 1]
    stats.removed = removed
    stats.normalize = normalizer.takeStats()
    var part: PartRecord?
    if let writer {
      let (bytes, sha256) = try writer.finish()
      stats.characters = writer.characters
      part = PartRecord(
        path: "text/" + name, source: source.name, inputs: task.unit.files, format: task.unit.format.rawValue,
        documents: writer.documents, characters: writer.characters, bytes: bytes, sha256: sha256)
    } else {
      stats.characters = characters
    }
    return TaskResult(stats: stats, part: part, issues: log.issues)
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
