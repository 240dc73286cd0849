import Foundation

/// Renders a ``BuildReport`` as the plain-text tables `dacorpus build` and `dacorpus stats` print.
public enum ReportTable {
  /// Per-source counts, a total row, issues by kind, removals, normalization, the removal
  /// funnel, the most removed lines and the packing summary.
  public static func render(_ report: BuildReport) -> String {
    var rows = [["source", "files", "MB read", "records", "rejected", "removed", "documents", "characters"]]
    for stats in report.sources + [report.totals] {
      rows.append([
        stats.name, "\(stats.files)", megabytes(stats.bytesRead), "\(stats.records)", "\(stats.rejected)",
        "\(stats.removed.values.reduce(0, +))", "\(stats.documents)", "\(stats.characters)",
      ])
    }
    var text = layout(rows, separatorBeforeLast: true)
    let kinds = Set(report.sources.flatMap(\.issues.keys)).sorted()
    if !kinds.isEmpty {
      var issueRows = [["issue"] + report.sources.map(\.name)]
      for kind in kinds {
        issueRows.append([kind] + report.sources.map { "\($0.issues[kind] ?? 0)" })
      }
      text += "\n" + layout(issueRows, separatorBeforeLast: false)
    }
    for (title, keyPath) in [
      ("removed documents", \SourceStats.removed), ("removed lines", \SourceStats.removedLines),
      ("skipped", \SourceStats.skipped),
    ] {
      let reasons = Set(report.sources.flatMap { $0[keyPath: keyPath].keys }).sorted()
      guard !reasons.isEmpty else { continue }
      var reasonRows = [[title] + report.sources.map(\.name)]
      for reason in reasons { reasonRows.append([reason] + report.sources.map { "\($0[keyPath: keyPath][reason] ?? 0)" }) }
      text += "\n" + layout(reasonRows, separatorBeforeLast: false)
    }
    text += "\n" + normalization(report)
    if report.reduce != nil {
      text += "\n" + funnel(report)
      text += topRemovedLines(report, count: 10)
    }
    if report.packing != nil { text += "\n" + packing(report) }
    return text
  }

  /// The removal funnel: documents and characters left after each stage, for all sources.
  ///
  /// Stages group the removal rules by prefix: `normalize`, `quality`, `ads`, `dedup`,
  /// `overrepresented`; rejected records come first.
  public static func funnel(_ report: BuildReport) -> String {
    let totals = report.totals
    var documents = totals.records
    var characters = totals.characters + totals.removedCharacters.values.reduce(0, +)
    var rows = [["funnel", "documents", "removed", "characters", "removed"]]
    rows.append(["records read", "\(documents)", "", "\(characters)", ""])
    documents -= totals.rejected
    rows.append(["rejected (bad input)", "\(documents)", "\(totals.rejected)", "\(characters)", "0"])
    for stage in funnelStages {
      let removedDocuments = totals.removed.filter { stageName(of: $0.key) == stage }.values.reduce(0, +)
      let removedCharacters = totals.removedCharacters.filter { stageName(of: $0.key) == stage }.values.reduce(0, +)
      documents -= removedDocuments
      characters -= removedCharacters
      rows.append([stage, "\(documents)", "\(removedDocuments)", "\(characters)", "\(removedCharacters)"])
    }
    return layout(rows, separatorBeforeLast: false)
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
      let shown = line.text.count > 70 ? line.text.prefix(69) + "…" : Substring(line.text)
      text += "  \(String(repeating: " ", count: max(0, 6 - String(line.count).count)))\(line.count)  \(line.rule)  \(shown)\n"
    }
    return text
  }

  /// Tokens, `[UNK]`s and examples per source, and the packing totals.
  static func packing(_ report: BuildReport) -> String {
    var rows = [["packing", "tokens", "unk", "examples", "token share"]]
    let total = max(1, report.totals.tokens)
    for stats in report.sources + [report.totals] {
      let share = Double(stats.tokens) / Double(total) * 100
      rows.append([
        stats.name, "\(stats.tokens)", "\(stats.unknownTokens)", "\(stats.examples)",
        String(format: "%.1f %%", share),
      ])
    }
    var text = layout(rows, separatorBeforeLast: true)
    if let counts = report.packing, counts.examples > 0 {
      let seqLen = report.config.packing.seqLen
      let padding = Double(counts.padding) / Double(counts.examples * seqLen) * 100
      let pairs = Double(counts.twoSegmentExamples) / Double(counts.examples) * 100
      text += String(
        format: "%d examples of %d: %.1f %% padding, %.1f %% with two segments; tokens in %d, out %d, dropped %d\n",
        counts.examples, seqLen, padding, pairs, counts.tokensIn, counts.tokensOut, counts.tokensDropped)
    }
    return text
  }

  /// Documents changed, repairs by kind, and transliterated and dropped characters per source.
  static func normalization(_ report: BuildReport) -> String {
    let sources = report.sources + [report.totals]
    func row(_ name: String, _ value: (SourceStats) -> Int) -> [String] { [name] + sources.map { "\(value($0))" } }
    let rows: [[String]] = [
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
    var text = layout(rows, separatorBeforeLast: false)
    let totals = report.totals.normalize
    for (title, counts) in [("transliterated", totals.transliterated), ("dropped", totals.dropped)] where counts.total > 0 {
      let top = counts.top(10).map { "\(Self.show($0.value)) \($0.count)" }.joined(separator: ", ")
      text += "top \(title): \(top)\n"
    }
    return text
  }

  /// `U+201C “` for a code point.
  static func show(_ value: UInt32) -> String {
    let hex = String(value, radix: 16, uppercase: true)
    let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .control else { return code }
    return code + " " + String(Character(scalar))
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
