import CorpusFilters
import CorpusIO
import CorpusSources
import Foundation
import Shards
import Testing

@testable import CorpusPipeline

/// The scratch formats and mergeable summaries that carry data between the build's phases.
@Suite struct BuildPhaseTests {
  static func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "dacorpus-phase-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  enum Item: Equatable {
    case line([Int32])
    case end
  }

  @Test(arguments: [4, 5, 7, 8, 64, 1 << 20])
  func tokenSpoolRoundTripsAtEveryChunking(chunkSize: Int) throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let items: [Item] = [
      .line([5, 6, 7]), .line([]), .line([Int32.max, 0, -1]), .end, .end, .line(Array(0..<300)), .end, .line([9]),
    ]
    let writer = try TokenSpool.Writer(path: directory + "/a.tokens")
    for item in items {
      switch item {
      case .line(let ids): try writer.addLine(ids)
      case .end: try writer.endDocument()
      }
    }
    try writer.finish()
    var read: [Item] = []
    try TokenSpool.read(
      path: directory + "/a.tokens", chunkSize: chunkSize, line: { read.append(.line($0)) },
      endDocument: { read.append(.end) })
    #expect(read == items)
  }

  @Test func aSpoolCutInsideALineIsAnError() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/cut.tokens"
    let writer = try TokenSpool.Writer(path: path)
    try writer.addLine([1, 2, 3])
    try writer.finish()
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    try bytes.prefix(bytes.count - 4).write(to: URL(fileURLWithPath: path))
    #expect(throws: CorpusIOError.self) { try TokenSpool.read(path: path, line: { _ in }, endDocument: {}) }
  }

  static func documents(_ count: Int) -> [Document] {
    (0..<count).map {
      Document(
        id: "d\($0)", source: "web", text: "Linje \($0)\nmed æøå \"citat\" \\", created: $0 % 2 == 0 ? "2020" : nil,
        metadata: ["url": .string("https://x.dk/\($0)")])
    }
  }

  static func writeScratchPart(_ documents: [Document], to path: String) throws {
    let writer = try ScratchPart.Writer(path: path)
    for document in documents { try writer.write(document) }
    try writer.finish()
  }

  @Test func aScratchPartRoundTripsItsDocuments() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let documents = Self.documents(300)
    try Self.writeScratchPart(documents, to: directory + "/p.docs")
    var read: [Document] = []
    var progress: Int64 = 0
    try ScratchPart.forEach(path: directory + "/p.docs", progress: { progress += $0 }) { index, document in
      #expect(index == read.count)
      read.append(document)
    }
    #expect(read == documents)
    #expect(progress == FileSource.fileSize(directory + "/p.docs"))
  }

  /// A part cut at any byte, or with a record damaged, is an error after the documents before
  /// the damage: never a shorter part read as if whole.
  @Test func aDamagedScratchPartIsAnErrorAfterItsGoodDocuments() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let documents = Self.documents(3)
    let path = directory + "/p.docs"
    try Self.writeScratchPart(documents, to: path)
    let whole = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    func read(_ bytes: [UInt8]) -> (documents: [Document], failed: Bool) {
      try? Data(bytes).write(to: URL(fileURLWithPath: path))
      var seen: [Document] = []
      do {
        try ScratchPart.forEach(path: path) { _, document in seen.append(document) }
        return (seen, false)
      } catch { return (seen, true) }
    }
    for cut in 0..<whole.count {
      let (seen, failed) = read(Array(whole[..<cut]))
      #expect(failed, "cut at \(cut)")
      #expect(Array(documents.prefix(seen.count)) == seen)
    }
    // The second record's text (after its 8-byte lengths and head) made invalid UTF-8, then its
    // head made something other than a document.
    let second = 8 + Int(whole[0]) + Int(whole[4])
    let headLength = Int(whole[second])
    var badText = whole
    badText[second + 8 + headLength] = 0xFF
    #expect(read(badText) == (Array(documents.prefix(1)), true))
    var badHead = whole
    badHead[second + 8] = UInt8(ascii: "[")
    #expect(read(badHead) == (Array(documents.prefix(1)), true))
    #expect(read(whole) == (documents, false))
  }

  static func record(_ i: Int) -> RemovedText {
    RemovedText(
      kind: .line, source: "s", id: "d\(i)", line: i % 3, rule: "r", score: nil, text: "",
      priority: UInt64(i) &* 0x9E37_79B9_7F4A_7C15)
  }

  @Test(arguments: [1, 2, 3, 7])
  func bottomKSamplesMergeToTheSameSampleHoweverSplit(tasks: Int) {
    let records = (0..<500).map(Self.record)
    var whole = BottomKSample(size: 40)
    for r in records { whole.offer(r) { "t\(r.id)" } }
    var merged = BottomKSample(size: 40)
    for task in 0..<tasks {
      var part = BottomKSample(size: 40)
      for (i, r) in records.enumerated() where i % tasks == task { part.offer(r) { "t\(r.id)" } }
      merged.merge(part)
    }
    let expected = records.sorted { $0.priority < $1.priority }.prefix(40).map(\.id)
    #expect(whole.sorted.map(\.id) == expected)
    #expect(merged.sorted.map(\.id) == expected)
    #expect(merged.sorted.allSatisfy { $0.text == "t\($0.id)" })
  }

  /// Per rule, the recorder counts documents, lines and characters, and has no entry where a
  /// rule counted nothing of a kind (an empty document's characters).
  @Test func recorderCountsRemovalsByRule() throws {
    let recorder = RemovalRecorder(
      source: "s", audit: try RemovalAudit(config: .off, seed: 1, path: "/nonexistent/removed.jsonl.gz"))
    try recorder.document(Document(id: "a", source: "s", text: "xyz"), rule: "normalize.empty", countCharacters: false)
    try recorder.document(Document(id: "b", source: "s", text: "åbc"), rule: "quality.q")
    try recorder.lines(
      of: Document(id: "c", source: "s", text: "a\nbb\nccc\ndd"), reasons: [nil, "ads.x", "ads.y", "ads.x"])
    try recorder.lines(of: Document(id: "d", source: "s", text: "ø\nee"), reasons: ["ads.x", nil])
    try recorder.document(Document(id: "d", source: "s", text: "ee"), rule: "ads.x")
    var stats = SourceStats(name: "s")
    recorder.addCounts(to: &stats)
    #expect(stats.removed == ["normalize.empty": 1, "quality.q": 1, "ads.x": 1])
    #expect(stats.removedLines == ["ads.x": 3, "ads.y": 1])
    #expect(stats.removedCharacters == ["quality.q": 3, "ads.x": 7, "ads.y": 3])
  }

  /// A sampled record's priority is the seeded xxHash64 of `kind␟source␟id␟line`, whatever
  /// record came before it.
  @Test func auditPriorityIsTheSeededHashOfTheIdentity() throws {
    let audit = try RemovalAudit(config: AuditConfig(), seed: 42, path: "/nonexistent/removed.jsonl.gz")
    let records: [(RemovedText.Kind, String, Int)] = [
      (.line, "d1", 0), (.line, "d1", 12), (.document, "d1", 0), (.line, "d2", 7), (.line, "d1", 3),
    ]
    for (kind, id, line) in records {
      try audit.add(kind, source: "src", id: id, line: line, rule: "r", text: "t")
    }
    let kept = audit.lines.sorted + audit.documents.sorted
    #expect(kept.count == records.count)
    for record in kept {
      let identity = "\(record.kind.rawValue)\u{1F}src\u{1F}\(record.id)\u{1F}\(record.line)"
      #expect(record.priority == XXHash64.hash(identity, seed: 42), "\(identity)")
    }
  }

  @Test func tallyCountsAndRanksRemovedLines() {
    func add(_ texts: [String], to tally: inout RemovedLineTally) {
      for var text in texts {
        text.withUTF8 { line in tally.add(rule: "ads.price", line: line) { String(decoding: line, as: UTF8.self) } }
      }
    }
    var a = RemovedLineTally(capacity: 3)
    add(["x", "y", "x", "z", "w", "x"], to: &a)
    var b = RemovedLineTally(capacity: 3)
    add(["y", "y", "q"], to: &b)
    a.merge(b)
    #expect(a.top(2).map(\.text) == ["x", "y"])
    #expect(a.top(2).map(\.count) == [3, 3])
    // "w" and "q" came after the capacity was reached and are not counted.
    #expect(!a.counts.values.contains { $0.text == "w" || $0.text == "q" })
    // Lines are cut at 300 characters: two that differ after that are one line.
    var long = RemovedLineTally()
    add([String(repeating: "å", count: 300) + "a", String(repeating: "å", count: 300) + "b"], to: &long)
    #expect(long.top(1).map(\.count) == [2])
    #expect(long.top(1).map(\.text.count) == [300])
  }
}
