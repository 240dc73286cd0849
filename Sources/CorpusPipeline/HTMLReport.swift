import Shards

/// Renders ``OutputStatistics`` as one self-contained HTML page: tables and inline SVG charts,
/// styles in the page, no scripts and no external references, so it opens offline and can be
/// mailed or archived as a single file.
///
/// Sections (each a `<section id=…>`): `sources` (the source table and issues), `funnel` (a
/// chart of the documents left after each filter stage), `removals` (removed documents and lines
/// by rule), `normalization`, `tokens` (token share per source and the packing summary),
/// `lengths` (segment A, segment B and example length histograms), `top-tokens`,
/// `removed-lines` and `shards` (the files). Sections without data are left out.
///
/// All text from the data is escaped, and nothing depends on dictionary order, so the same
/// statistics give the same bytes.
public enum HTMLReport {
  /// The page.
  public static func render(_ statistics: OutputStatistics) -> String {
    let report = statistics.report
    var html = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <title>dacorpus report</title>
      <style>\(style)</style>
      </head>
      <body>
      <h1>dacorpus report</h1>
      <p class="meta">\(report.tool.name.htmlEscaped) \(report.tool.version.htmlEscaped) · \
      \(report.sources.count) sources · \(report.totals.records) records · \(report.totals.documents) documents \
      kept · \(report.totals.tokens) tokens</p>

      """
    html += sources(report)
    if report.reduce != nil { html += funnel(report) }
    html += removals(report)
    html += section("normalization", "Normalization", table(ReportTable.normalizationRows(report)))
    if report.packing != nil { html += tokens(report) }
    if let shards = statistics.shardStatistics {
      html += lengths(shards)
      if !shards.topTokens.isEmpty { html += topTokens(shards) }
    }
    if !report.topRemovedLines.isEmpty { html += removedLines(report) }
    if !report.shards.isEmpty {
      html += section("shards", "Shard files", table(ReportTable.shardFileRows(report)))
    }
    return html + "</body>\n</html>\n"
  }

  private static func sources(_ report: BuildReport) -> String {
    var body = table(ReportTable.sourceRows(report), totalRow: true)
    if let issues = ReportTable.rows(.issues, report) { body += table(issues) }
    return section("sources", "Sources", body)
  }

  private static func funnel(_ report: BuildReport) -> String {
    let steps = ReportTable.funnelSteps(report)
    let bars = steps.map { step in
      SVGChart.Bar(label: step.stage, value: Double(step.documents), caption: "\(step.documents)")
    }
    let body =
      "<p>Documents left after each stage, for all sources.</p>\n"
      + SVGChart.horizontalBars(bars, title: "Documents left after each stage")
      + table(ReportTable.funnelRows(report))
    return section("funnel", "Removal funnel", body)
  }

  private static func removals(_ report: BuildReport) -> String {
    let tables = [ReportTable.Breakdown.removedDocuments, .removedLines, .skipped].compactMap {
      ReportTable.rows($0, report)
    }
    guard !tables.isEmpty else { return "" }
    var body = ""
    for breakdown in [ReportTable.Breakdown.removedDocuments, .removedLines] {
      let byRule = report.totals[keyPath: breakdown.counts].sorted {
        $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
      }
      guard !byRule.isEmpty else { continue }
      let title = breakdown.title.prefix(1).uppercased() + breakdown.title.dropFirst() + " by rule"
      body += "<h3>\(title)</h3>\n"
      body += SVGChart.horizontalBars(
        byRule.map { SVGChart.Bar(label: $0.key, value: Double($0.value), caption: "\($0.value)") }, title: title)
    }
    for rows in tables { body += table(rows) }
    return section("removals", "Removals by rule", body)
  }

  private static func tokens(_ report: BuildReport) -> String {
    let bars = report.sources.map { stats in
      SVGChart.Bar(
        label: stats.name, value: Double(stats.tokens),
        caption: "\(ReportTable.percent(stats.tokens, of: report.totals.tokens)) · \(stats.tokens)")
    }
    var body = SVGChart.horizontalBars(bars, title: "Token share per source")
    body += table(ReportTable.packingRows(report), totalRow: true)
    if let summary = ReportTable.packingSummary(report) { body += "<p>\(summary.htmlEscaped)</p>\n" }
    return section("tokens", "Token share per source", body)
  }

  private static func lengths(_ statistics: ShardStatistics) -> String {
    var body = "<p>\(ShardStatisticsTable.summary(statistics).htmlEscaped)</p>\n"
    for (title, histogram) in [
      ("Segment A length (tokens)", statistics.segmentALengths),
      ("Segment B length (tokens, two-segment examples)", statistics.segmentBLengths),
      ("Example length (positions before padding)", statistics.exampleLengths),
    ] {
      let bars = histogram.counts.indices.map { bin in
        let lengths = histogram.lengths(ofBin: bin)
        return SVGChart.Bar(
          label: "\(lengths.upperBound)", value: Double(histogram.counts[bin]), caption: "\(histogram.counts[bin])")
      }
      body += "<h3>\(title.htmlEscaped)</h3>\n" + SVGChart.columns(bars, title: title)
    }
    body += "<p>Columns are labelled with the largest length of their bin.</p>\n"
    body += table(ShardStatisticsTable.histogramRows(statistics))
    return section("lengths", "Segment and example lengths", body)
  }

  private static func topTokens(_ statistics: ShardStatistics) -> String {
    let bars = statistics.topTokens.map { entry in
      SVGChart.Bar(
        label: entry.token ?? "#\(entry.id)", value: Double(entry.count),
        caption: "\(entry.count) · \(ReportTable.percent(entry.count, of: statistics.tokens, digits: 2))")
    }
    let body =
      SVGChart.horizontalBars(bars, title: "Most frequent tokens")
      + table(ShardStatisticsTable.topTokenRows(statistics))
    return section("top-tokens", "Top tokens", body)
  }

  private static func removedLines(_ report: BuildReport) -> String {
    let rows =
      [["count", "rule", "line"]]
      + report.topRemovedLines.map { [String($0.count), $0.rule, $0.text] }
    return section("removed-lines", "Most removed lines", table(rows))
  }

  /// `<section id="id"><h2>title</h2>body</section>`.
  private static func section(_ id: String, _ title: String, _ body: String) -> String {
    "<section id=\"\(id)\">\n<h2>\(title.htmlEscaped)</h2>\n\(body)</section>\n"
  }

  /// A table whose first row is the header; with `totalRow`, the last row is set apart as a
  /// footer.
  static func table(_ rows: [[String]], totalRow: Bool = false) -> String {
    guard let header = rows.first else { return "" }
    func cells(_ row: [String], tag: String) -> String {
      "<tr>" + row.map { "<\(tag)>\($0.htmlEscaped)</\(tag)>" }.joined() + "</tr>\n"
    }
    var html = "<table>\n<thead>\n" + cells(header, tag: "th") + "</thead>\n<tbody>\n"
    let body = rows.dropFirst()
    for row in totalRow ? body.dropLast() : body { html += cells(row, tag: "td") }
    html += "</tbody>\n"
    if totalRow, let last = body.last { html += "<tfoot>\n" + cells(last, tag: "td") + "</tfoot>\n" }
    return html + "</table>\n"
  }

  private static let style = """
    body{font:14px/1.4 system-ui,sans-serif;margin:2em auto;max-width:60em;color:#222;padding:0 1em}\
    h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}h3{font-size:1em}\
    .meta{color:#555}table{border-collapse:collapse;margin:.8em 0}\
    th,td{padding:.15em .7em;border-bottom:1px solid #eee;text-align:right;font-variant-numeric:tabular-nums}\
    th:first-child,td:first-child{text-align:left}tfoot td{font-weight:bold;border-top:1px solid #999}\
    #removed-lines td:last-child{text-align:left;white-space:pre-wrap;word-break:break-word}\
    .chart{display:block;margin:.5em 0;font-size:12px}.chart text{fill:#333}.chart .small{font-size:10px}\
    .bar{fill:#4a78b5}.axis{stroke:#888}
    """
}
