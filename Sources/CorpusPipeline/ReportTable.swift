import Foundation
import Shards

/// Renders a ``BuildReport`` as the plain-text tables `dacorpus build` and `dacorpus stats` print.
public enum ReportTable {
  /// Per-source counts, a total row, issues by kind, removals, normalization, the removal
  /// funnel, the most removed lines, the packing summary and the shard files.
  public static func render(_ report: BuildReport) -> String {
    var text = layout(sourceRows(report), separatorBeforeLast: true)
    for breakdown in Breakdown.allCases {
      if let rows = rows(breakdown, report) { text += "\n" + layout(rows, separatorBeforeLast: false) }
    }
    text += "\n" + normalization(report)
    if report.reduce != nil {
      text += "\n" + funnel(report)
      text += topRemovedLines(report, count: 10)
    }
    if report.packing != nil { text += "\n" + packing(report) }
    if !report.shards.isEmpty { text += "\n" + layout(shardFileRows(report), separatorBeforeLast: false) }
    return text
  }

  /// The source table: a header, a row per source and the total row.
  static func sourceRows(_ report: BuildReport) -> [[String]] {
    var rows = [["source", "files", "MB read", "records", "rejected", "removed", "documents", "characters"]]
    for stats in report.sources + [report.totals] {
      rows.append([
        stats.name, "\(stats.files)", megabytes(stats.bytesRead), "\(stats.records)", "\(stats.rejected)",
        "\(stats.removed.values.reduce(0, +))", "\(stats.documents)", "\(stats.characters)",
      ])
    }
    return rows
  }

  /// A table of counts by reason, with a column per source.
  enum Breakdown: CaseIterable {
    /// Data issues by kind.
    case issues
    /// Documents removed by rule.
    case removedDocuments
    /// Lines removed by rule.
    case removedLines
    /// Records a reader option left out, by reason.
    case skipped

    /// The header of the first column.
    var title: String {
      switch self {
      case .issues: "issue"
      case .removedDocuments: "removed documents"
      case .removedLines: "removed lines"
      case .skipped: "skipped"
      }
    }

    /// The counts it shows.
    var counts: KeyPath<SourceStats, [String: Int]> {
      switch self {
      case .issues: \.issues
      case .removedDocuments: \.removed
      case .removedLines: \.removedLines
      case .skipped: \.skipped
      }
    }
  }

  /// The rows of `breakdown`, reasons sorted; `nil` when no source has any.
  static func rows(_ breakdown: Breakdown, _ report: BuildReport) -> [[String]]? {
    let counts = breakdown.counts
    let reasons = Set(report.sources.flatMap { $0[keyPath: counts].keys }).sorted()
    guard !reasons.isEmpty else { return nil }
    return [[breakdown.title] + report.sources.map(\.name)]
      + reasons.map { reason in [reason] + report.sources.map { "\($0[keyPath: counts][reason] ?? 0)" } }
  }

  /// One stage of the removal funnel: what is left after it, and what it removed.
  struct FunnelStep {
    var stage: String
    var documents: Int
    var removedDocuments: Int
    var characters: Int
    var removedCharacters: Int
  }

  /// The removal funnel's steps, from the records read to what the last filter left.
  ///
  /// Stages group the removal rules by prefix: `normalize`, `quality`, `ads`, `dedup`,
  /// `overrepresented`; rejected records come first.
  static func funnelSteps(_ report: BuildReport) -> [FunnelStep] {
    let totals = report.totals
    var documents = totals.records
    var characters = totals.characters + totals.removedCharacters.values.reduce(0, +)
    var steps = [
      FunnelStep(
        stage: "records read", documents: documents, removedDocuments: 0, characters: characters, removedCharacters: 0)
    ]
    documents -= totals.rejected
    steps.append(
      FunnelStep(
        stage: "rejected (bad input)", documents: documents, removedDocuments: totals.rejected, characters: characters,
        removedCharacters: 0))
    for stage in funnelStages {
      let removedDocuments = totals.removed.filter { stageName(of: $0.key) == stage }.values.reduce(0, +)
      let removedCharacters = totals.removedCharacters.filter { stageName(of: $0.key) == stage }.values.reduce(0, +)
      documents -= removedDocuments
      characters -= removedCharacters
      steps.append(
        FunnelStep(
          stage: stage, documents: documents, removedDocuments: removedDocuments, characters: characters,
          removedCharacters: removedCharacters))
    }
    return steps
  }

  /// The removal funnel: documents and characters left after each stage, for all sources.
  public static func funnel(_ report: BuildReport) -> String {
    layout(funnelRows(report), separatorBeforeLast: false)
  }

  /// ``funnelSteps(_:)`` as a table.
  static func funnelRows(_ report: BuildReport) -> [[String]] {
    let steps = funnelSteps(report)
    return [["funnel", "documents", "removed", "characters", "removed"]]
      + steps.enumerated().map { i, step in
        [
          step.stage, "\(step.documents)", i == 0 ? "" : "\(step.removedDocuments)", "\(step.characters)",
          i == 0 ? "" : "\(step.removedCharacters)",
        ]
      }
  }

  /// The filter stages in the order they run.
  static let funnelStages = ["normalize", "quality", "ads", "dedup", "overrepresented"]

  /// The stage of a removal rule: the part before the first `.`.
  static func stageName(of rule: String) -> String {
    String(rule.split(separator: ".", maxSplits: 1).first ?? "")
  }

  /// The `count` most removed lines with their counts.
  static func topRemovedLines(_ report: BuildReport, count: Int) -> String {
    guard !report.topRemovedLines.isEmpty else { return "" }
    var text = "most removed lines:\n"
    for line in report.topRemovedLines.prefix(count) {
      let count = String(repeating: " ", count: max(0, 6 - String(line.count).count)) + String(line.count)
      text += "  \(count)  \(line.rule)  \(shortened(line.text, to: 70))\n"
    }
    return text
  }

  /// Tokens, `[UNK]`s and examples per source, and the packing totals.
  static func packing(_ report: BuildReport) -> String {
    var text = layout(packingRows(report), separatorBeforeLast: true)
    if let summary = packingSummary(report) { text += summary + "\n" }
    return text
  }

  /// The packing table: tokens, `[UNK]`s, examples and token share per source, and the total.
  static func packingRows(_ report: BuildReport) -> [[String]] {
    var rows = [["packing", "tokens", "unk", "examples", "token share"]]
    for stats in report.sources + [report.totals] {
      rows.append([
        stats.name, "\(stats.tokens)", "\(stats.unknownTokens)", "\(stats.examples)",
        percent(stats.tokens, of: report.totals.tokens),
      ])
    }
    return rows
  }

  /// Examples, padding, two-segment share and tokens in and out, in a sentence; `nil` without
  /// examples.
  static func packingSummary(_ report: BuildReport) -> String? {
    guard let counts = report.packing, counts.examples > 0 else { return nil }
    let seqLen = report.config.packing.seqLen
    return """
      \(counts.examples) examples of \(seqLen): \(percent(counts.padding, of: counts.examples * seqLen)) padding, \
      \(percent(counts.twoSegmentExamples, of: counts.examples)) with two segments; \
      tokens in \(counts.tokensIn), out \(counts.tokensOut), dropped \(counts.tokensDropped)
      """
  }

  /// Shard files per format: how many, their size, examples per file and bytes per example.
  static func shardFileRows(_ report: BuildReport) -> [[String]] {
    var rows = [["shard files", "files", "MB", "examples", "examples/file", "bytes/example"]]
    for format in ShardFormat.allCases {
      let files = report.shards.filter { $0.format == format }
      guard !files.isEmpty else { continue }
      let bytes = files.reduce(Int64(0)) { $0 + $1.bytes }
      let examples = files.reduce(0) { $0 + $1.examples }
      let perFile = files.map(\.examples)
      rows.append([
        format.rawValue, "\(files.count)", megabytes(bytes), "\(examples)",
        "\(perFile.min() ?? 0)–\(perFile.max() ?? 0)", examples == 0 ? "" : "\(bytes / Int64(examples))",
      ])
    }
    return rows
  }

  /// Documents changed, repairs by kind, and transliterated and dropped characters per source.
  static func normalization(_ report: BuildReport) -> String {
    var text = layout(normalizationRows(report), separatorBeforeLast: false)
    let totals = report.totals.normalize
    for (title, counts) in [("transliterated", totals.transliterated), ("dropped", totals.dropped)]
    where counts.total > 0 {
      let top = counts.top(10).map { "\(Self.show($0.value)) \($0.count)" }.joined(separator: ", ")
      text += "top \(title): \(top)\n"
    }
    return text
  }

  /// The normalization table: a row per repair kind, a column per source and the total.
  static func normalizationRows(_ report: BuildReport) -> [[String]] {
    let sources = report.sources + [report.totals]
    func row(_ name: String, _ value: (SourceStats) -> Int) -> [String] { [name] + sources.map { "\(value($0))" } }
    return [
      ["normalize"] + sources.map(\.name),
      row("changed documents") { $0.normalize.changedDocuments },
      row("entities") { $0.normalize.repairs.entities },
      row("mojibake") { $0.normalize.repairs.mojibake },
      row("replacement chars") { $0.normalize.repairs.replacementCharacters },
      row("controls") { $0.normalize.repairs.controls },
      row("invisible") { $0.normalize.repairs.invisible },
      row("unicode spaces") { $0.normalize.repairs.unicodeSpaces },
      row("whitespace") { $0.normalize.repairs.whitespace },
      row("nfc") { $0.normalize.repairs.nfc },
      row("transliterated") { $0.normalize.transliterated.total },
      row("dropped") { $0.normalize.dropped.total },
    ]
  }

  /// `U+201C “` for a code point.
  static func show(_ value: UInt32) -> String {
    let hex = String(value, radix: 16, uppercase: true)
    let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .control else { return code }
    return code + " " + String(Character(scalar))
  }

  /// `part` as a percentage of `whole` with `digits` decimals.
  ///
  /// For example `12.5 %`; `0.0 %` when `whole` is 0.
  static func percent(_ part: Int, of whole: Int, digits: Int = 1) -> String {
    String(format: "%.\(digits)f %%", whole == 0 ? 0 : Double(part) / Double(whole) * 100)
  }

  /// `text`, cut to `limit` characters with an ellipsis when longer.
  static func shortened(_ text: String, to limit: Int) -> String {
    text.count > limit ? text.prefix(limit - 1) + "…" : text
  }

  static func megabytes(_ bytes: Int64) -> String {
    let tenths = (bytes + 50_000) / 100_000
    return "\(tenths / 10).\(tenths % 10)"
  }

  /// Left-aligns the first column, right-aligns the others.
  static func layout(_ rows: [[String]], separatorBeforeLast: Bool) -> String {
    let columns = rows.map(\.count).max() ?? 0
    var widths = Array(repeating: 0, count: columns)
    for row in rows {
      for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
    }
    func line(_ row: [String]) -> String {
      row.enumerated().map { i, cell in
        let pad = String(repeating: " ", count: widths[i] - cell.count)
        return i == 0 ? cell + pad : pad + cell
      }.joined(separator: "  ")
    }
    let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
    var out = [line(rows[0]), rule]
    for (i, row) in rows.enumerated().dropFirst() {
      if separatorBeforeLast && i == rows.count - 1 { out.append(rule) }
      out.append(line(row))
    }
    return out.joined(separator: "\n") + "\n"
  }
}
