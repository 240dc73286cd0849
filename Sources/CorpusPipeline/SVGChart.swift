import Foundation

/// Bar charts as inline SVG elements for ``HTMLReport``: no scripts, no external references,
/// every label escaped, coordinates printed with one decimal so that the same data gives the
/// same bytes.
enum SVGChart {
  /// One bar: its label, its length, and the text shown with it.
  struct Bar: Equatable {
    var label: String
    var value: Double
    var caption: String
  }

  /// Horizontal bars, one per row: the label on the left, the caption after the bar.
  ///
  /// Bar lengths are proportional to the values, the largest spanning the plot width.
  static func horizontalBars(_ bars: [Bar], title: String) -> String {
    let rowHeight = 22.0
    let labelWidth = 190.0
    let plotWidth = 340.0
    let height = Double(bars.count) * rowHeight + 8
    let largest = bars.map(\.value).max() ?? 0
    var svg = open(width: 660, height: height, title: title)
    for (i, bar) in bars.enumerated() {
      let y = 4 + Double(i) * rowHeight
      let length = largest > 0 ? max(0, bar.value) / largest * plotWidth : 0
      svg += "<text x=\"\(number(labelWidth - 8))\" y=\"\(number(y + 15))\" text-anchor=\"end\">"
      svg += "\(ReportTable.shortened(bar.label, to: 30).htmlEscaped)</text>"
      svg += "<rect class=\"bar\" x=\"\(number(labelWidth))\" y=\"\(number(y + 3))\" width=\"\(number(length))\" "
      svg += "height=\"16\"><title>\(bar.label.htmlEscaped): \(bar.caption.htmlEscaped)</title></rect>"
      svg +=
        "<text x=\"\(number(labelWidth + length + 6))\" y=\"\(number(y + 15))\">\(bar.caption.htmlEscaped)</text>\n"
    }
    return svg + "</svg>\n"
  }

  /// Vertical columns side by side, as for a histogram: the caption above each column, the
  /// label under it, and a baseline.
  static func columns(_ bars: [Bar], title: String) -> String {
    let width = 660.0
    let top = 18.0
    let plotHeight = 150.0
    let left = 10.0
    let slot = (width - 2 * left) / Double(max(1, bars.count))
    let largest = bars.map(\.value).max() ?? 0
    var svg = open(width: width, height: top + plotHeight + 24, title: title)
    let baseline = top + plotHeight
    for (i, bar) in bars.enumerated() {
      let x = left + Double(i) * slot
      let center = x + slot / 2
      let length = largest > 0 ? max(0, bar.value) / largest * plotHeight : 0
      svg += "<rect class=\"bar\" x=\"\(number(x + 1))\" y=\"\(number(baseline - length))\" "
      svg += "width=\"\(number(max(1, slot - 2)))\" height=\"\(number(length))\">"
      svg += "<title>\(bar.label.htmlEscaped): \(bar.caption.htmlEscaped)</title></rect>"
      svg += "<text class=\"small\" x=\"\(number(center))\" y=\"\(number(baseline - length - 4))\" "
      svg += "text-anchor=\"middle\">\(bar.caption.htmlEscaped)</text>"
      svg += "<text class=\"small\" x=\"\(number(center))\" y=\"\(number(baseline + 14))\" "
      svg += "text-anchor=\"middle\">\(bar.label.htmlEscaped)</text>\n"
    }
    svg += "<line x1=\"\(number(left))\" y1=\"\(number(baseline))\" x2=\"\(number(width - left))\" "
    svg += "y2=\"\(number(baseline))\" class=\"axis\"/>\n"
    return svg + "</svg>\n"
  }

  /// The opening `<svg>` tag with a title for assistive technology.
  private static func open(width: Double, height: Double, title: String) -> String {
    """
    <svg class="chart" width="\(number(width))" height="\(number(height))" viewBox="0 0 \(number(width)) \
    \(number(height))" role="img" aria-label="\(title.htmlEscaped)"><title>\(title.htmlEscaped)</title>

    """
  }

  /// `value` with one decimal.
  static func number(_ value: Double) -> String { String(format: "%.1f", value) }
}
