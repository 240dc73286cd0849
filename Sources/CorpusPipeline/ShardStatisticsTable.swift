import Foundation
import Shards

/// Renders ``ShardStatistics`` as the plain-text sections `dacorpus stats` prints after the
/// report: a summary, the length histograms side by side, and the most frequent tokens.
public enum ShardStatisticsTable {
  /// The summary line, the histogram table and the top tokens.
  public static func render(_ statistics: ShardStatistics) -> String {
    var text = summary(statistics) + "\n\n"
    text += ReportTable.layout(histogramRows(statistics), separatorBeforeLast: false)
    if !statistics.topTokens.isEmpty {
      text += "\n" + ReportTable.layout(topTokenRows(statistics), separatorBeforeLast: false)
    }
    return text
  }

  /// What was read and the shares that matter for training, in two sentences.
  static func summary(_ statistics: ShardStatistics) -> String {
    let padding = ReportTable.percent(statistics.padding, of: statistics.examples * statistics.seqLen)
    let pairs = ReportTable.percent(statistics.twoSegmentExamples, of: statistics.examples)
    let unknown = ReportTable.percent(statistics.unknownTokens, of: statistics.tokens, digits: 3)
    return """
      read \(statistics.files) \(statistics.format.rawValue) file\(statistics.files == 1 ? "" : "s"): \(statistics.examples) examples of \
      \(statistics.seqLen), \(statistics.tokens) content tokens; \(padding) padding, \(pairs) with two segments
      [UNK] \(statistics.unknownTokens) of \(statistics.tokens) tokens (\(unknown)); \
      \(statistics.outOfVocabularyTokens) ids outside the vocabulary
      """
  }

  /// A row per length bin: examples whose segment A, segment B and whole example fall in it.
  static func histogramRows(_ statistics: ShardStatistics) -> [[String]] {
    let a = statistics.segmentALengths
    var rows = [["tokens", "segment A", "segment B", "example"]]
    for bin in a.counts.indices {
      let lengths = a.lengths(ofBin: bin)
      rows.append([
        "\(lengths.lowerBound)–\(lengths.upperBound)", "\(a.counts[bin])",
        "\(statistics.segmentBLengths.counts[bin])", "\(statistics.exampleLengths.counts[bin])",
      ])
    }
    return rows
  }

  /// The most frequent tokens with id, count and share of the content tokens.
  static func topTokenRows(_ statistics: ShardStatistics) -> [[String]] {
    [["top token", "id", "count", "share"]]
      + statistics.topTokens.map { entry in
        [
          entry.token ?? "", "\(entry.id)", "\(entry.count)",
          ReportTable.percent(entry.count, of: statistics.tokens, digits: 2),
        ]
      }
  }
}
