/// Renders a ``BuildReport`` as the plain-text tables `dacorpus build` and `dacorpus stats` print.
public enum ReportTable {
  /// Per-source counts, a total row, then issues by kind.
  public static func render(_ report: BuildReport) -> String {
    var rows = [["source", "files", "MB read", "records", "documents", "characters", "rejected"]]
    for stats in report.sources + [report.totals] {
      rows.append([
        stats.name, "\(stats.files)", megabytes(stats.bytesRead), "\(stats.records)", "\(stats.documents)",
        "\(stats.characters)", "\(stats.rejected)",
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
    let skips = Set(report.sources.flatMap(\.skipped.keys)).sorted()
    if !skips.isEmpty {
      var skipRows = [["skipped"] + report.sources.map(\.name)]
      for reason in skips { skipRows.append([reason] + report.sources.map { "\($0.skipped[reason] ?? 0)" }) }
      text += "\n" + layout(skipRows, separatorBeforeLast: false)
    }
    return text
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
