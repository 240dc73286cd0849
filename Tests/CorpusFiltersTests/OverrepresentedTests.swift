import Foundation
import Testing

@testable import CorpusFilters

@Suite struct OverrepresentedTests {
  static let sources: [(name: String, web: Bool)] = [("web", true), ("books", false), ("legal", true)]

  func policy(_ configure: (inout OverrepresentedConfig) -> Void = { _ in }) -> OverrepresentedPolicy {
    var config = OverrepresentedConfig()
    configure(&config)
    return OverrepresentedPolicy(config: config, sources: Self.sources)
  }

  /// Counts `documents` (text, domain URL) of one source as task `task`, and reduces.
  func reduce(
    _ tasks: [[(String, String?)]], policy: OverrepresentedPolicy, source: Int = 0, budget: Int? = nil,
    maxEntries: Int = 1_000_000, directory: String
  ) throws -> OverrepresentedLines {
    var paths: [String] = []
    for (task, documents) in tasks.enumerated() {
      let counter = LineCountAccumulator(
        taskIndex: task, policy: policy, maxEntries: maxEntries, spillDirectory: directory)
      for (index, (text, url)) in documents.enumerated() {
        guard let group = policy.group(forSource: source) else { continue }
        try counter.add(text: text, documentIndex: index, group: group, domain: DomainKey.of(url: url))
      }
      let path = "\(directory)/task-\(task).linecounts"
      try counter.write(to: path)
      paths.append(path)
    }
    return try OverrepresentedReducer(config: policy.config, memoryBudget: budget, temporaryDirectory: directory)
      .reduce(sidecars: paths.reversed())
  }

  static let banner = "Vi bruger cookies til at forbedre din oplevelse"

  /// A line of its own for document `i` (digits would normalize to 0, so words differ).
  static func unique(_ i: Int) -> String {
    var rng = SplitMix64(seed: UInt64(i) &+ 1000)
    return randomText(words: 12, rng: &rng)
  }

  @Test func thresholdsAtTheirEdges() throws {
    try withTemporaryDirectory { (dir: String) throws in
      // 10 occurrences in 5 documents: over-represented at the defaults.
      let docs = (0..<5).map { i in ("\(Self.banner)\n\(Self.unique(i))\n\(Self.banner)", "https://site\(i).dk/a") }
      let lines = try reduce([docs], policy: policy(), directory: dir)
      var normalizer = LineNormalizer()
      let key = normalizer.key(Self.banner).hash
      #expect(lines.count == 1)
      let entry = try #require(lines.entry(for: key))
      #expect(entry.occurrences == 10)
      #expect(entry.documents == 5)
      #expect(entry.domains == 5)
      #expect(lines.samples[key] == Self.banner)
      // One occurrence fewer: not over-represented.
      var fewer = docs
      fewer[4].0 = "Artikel uden banner, men lang nok til at tælle med."
      fewer[3].0 = "\(Self.banner)\n\(Self.banner)\n\(Self.banner)"
      let none = try reduce([fewer], policy: policy(), directory: dir)
      #expect(!none.contains(key), "10 occurrences in 4 documents")
      // min_domains: 5 documents on 2 domains.
      let twoDomains = docs.enumerated().map { ($0.element.0, "https://site\($0.offset % 2).dk/\($0.offset)") }
      #expect(try reduce([twoDomains], policy: policy { $0.minDomains = 3 }, directory: dir).count == 0)
      #expect(try reduce([twoDomains], policy: policy { $0.minDomains = 2 }, directory: dir).count == 1)
      // Documents without a URL count as their own domains.
      let noURL = docs.map { ($0.0, nil as String?) }
      #expect(try reduce([noURL], policy: policy { $0.minDomains = 5 }, directory: dir).count == 1)
      #expect(try reduce([noURL], policy: policy { $0.minDomains = 6 }, directory: dir).count == 0)
    }
  }

  @Test func minLengthCountsNormalizedScalars() throws {
    try withTemporaryDirectory { (dir: String) throws in
      // "Forside · Nyheder" normalizes to "forsidenyheder": 14 scalars.
      let docs = (0..<12).map { i in ("Forside · Nyheder\n\(Self.unique(i))", "https://a\(i).dk") }
      #expect(try reduce([docs], policy: policy(), directory: dir).count == 0)
      #expect(try reduce([docs], policy: policy { $0.minLength = 14 }, directory: dir).count == 1)
    }
  }

  @Test func countsAcrossTasksAndLineVariants() throws {
    try withTemporaryDirectory { (dir: String) throws in
      // Case, digits and punctuation variants share a key; spread over 3 tasks.
      let variants = [
        "Tilmeld dig vores nyhedsbrev 2024!", "TILMELD DIG VORES NYHEDSBREV 2023",
        "tilmeld dig vores nyhedsbrev (1999)",
      ]
      let tasks = (0..<3).map { t in
        (0..<4).map { i in ("\(Self.unique(10 * t + i))\n\(variants[(t + i) % 3])", "https://s\(t)\(i).dk") }
      }
      let lines = try reduce(tasks, policy: policy(), directory: dir)
      #expect(lines.count == 1)
      #expect(lines.entries.first?.occurrences == 12)
      #expect(lines.entries.first?.firstTask == 0)
      #expect(lines.entries.first?.firstDocument == 0)
      #expect(lines.statistics.sidecars == 3)
    }
  }

  @Test func aLineCountsOncePerDocumentForDocuments() throws {
    try withTemporaryDirectory { (dir: String) throws in
      let text = Array(repeating: Self.banner, count: 20).joined(separator: "\n")
      let lines = try reduce([[(text, "https://a.dk")]], policy: policy { $0.minDocuments = 1 }, directory: dir)
      #expect(lines.entries.first?.occurrences == 20)
      #expect(lines.entries.first?.documents == 1)
      #expect(try reduce([[(text, "https://a.dk")]], policy: policy(), directory: dir).count == 0)
    }
  }

  @Test func keepFirstKeepsOneCopyInTheFirstDocument() throws {
    try withTemporaryDirectory { (dir: String) throws in
      let p = policy { $0.keep = .first }
      let tasks = (0..<2).map { t in
        (0..<6).map { i in ("\(Self.banner)\n\(Self.unique(10 * t + i))\n\(Self.banner)", "https://x\(t)\(i).dk") }
      }
      let lines = try reduce(tasks, policy: p, directory: dir)
      var filter = OverrepresentedLineFilter(lines: lines, policy: p)
      let first = filter.removal(text: tasks[0][0].0, group: 0, taskIndex: 0, documentIndex: 0)
      #expect(first.reasons == [nil, nil, "overrepresented"])
      let other = filter.removal(text: tasks[1][0].0, group: 0, taskIndex: 1, documentIndex: 0)
      #expect(other.reasons == ["overrepresented", nil, "overrepresented"])
      var none = OverrepresentedLineFilter(lines: lines, policy: policy())
      #expect(
        none.removal(text: tasks[0][0].0, group: 0, taskIndex: 0, documentIndex: 0).reasons == [
          "overrepresented", nil, "overrepresented",
        ])
    }
  }

  @Test func allowlistAndExemptAndScope() throws {
    try withTemporaryDirectory { (dir: String) throws in
      let docs = (0..<6).map { i in ("\(Self.banner)\n\(Self.banner)\n\(Self.unique(i))", "https://y\(i).dk") }
      let allowed = policy { $0.allowlist = ["VI BRUGER COOKIES TIL AT FORBEDRE DIN OPLEVELSE!"] }
      #expect(try reduce([docs], policy: allowed, directory: dir).count == 0)
      let lines = try reduce([docs], policy: policy(), directory: dir)
      var filter = OverrepresentedLineFilter(lines: lines, policy: allowed)
      #expect(filter.removal(text: docs[0].0, group: 0, taskIndex: 0, documentIndex: 0).isEmpty)
      // Exempt and out-of-scope sources have no group: nothing counted, nothing removed.
      let exempt = policy { $0.exempt = ["legal"] }
      #expect(exempt.group(forSource: 0) == 0)
      #expect(exempt.group(forSource: 1) == nil, "books is not web")
      #expect(exempt.group(forSource: 2) == nil, "legal is exempt")
      #expect(policy { $0.scope = .all }.group(forSource: 1) == 0)
      #expect(policy { $0.scope = .source }.group(forSource: 2) == 2)
      #expect(policy { $0.enabled = false }.group(forSource: 0) == nil)
      var none = OverrepresentedLineFilter(lines: lines, policy: policy())
      #expect(none.removal(text: docs[0].0, group: nil, taskIndex: 0, documentIndex: 0).isEmpty)
      // scope: source keys differ per source.
      let perSource = try reduce([docs], policy: policy { $0.scope = .source }, source: 2, directory: dir)
      var normalizer = LineNormalizer()
      let plain = normalizer.key(Self.banner).hash
      #expect(!perSource.contains(plain))
      #expect(perSource.contains(OverrepresentedPolicy.countingKey(plain, group: 2)))
    }
  }

  /// The reduce under a tiny memory budget (spilling to partitions and sorted runs, and the
  /// accumulators spilling too) equals the reduce with everything in memory.
  @Test func tinyBudgetGivesTheSameResult() throws {
    try withTemporaryDirectory { (dir: String) throws in
      var rng = SplitMix64(seed: 7)
      let templates = (0..<40).map { i in "Skabelonlinje nummer \(i) på et website: \(randomText(words: 6, rng: &rng))"
      }
      var tasks: [[(String, String?)]] = []
      for t in 0..<6 {
        var docs: [(String, String?)] = []
        for d in 0..<150 {
          var lines: [String] = []
          for _ in 0..<8 {
            if rng.next() % 3 == 0 {
              lines.append(templates[Int(rng.next() % 40)])
            } else {
              lines.append(randomText(words: 9, rng: &rng))
            }
          }
          let host = rng.next() % 5 == 0 ? nil : "https://site\(rng.next() % 30).dk/\(t)/\(d)"
          docs.append((lines.joined(separator: "\n"), host))
        }
        tasks.append(docs)
      }
      let p = policy { $0.minDomains = 3 }
      let unbounded = try reduce(tasks, policy: p, budget: 1 << 30, directory: dir)
      let tiny = try reduce(tasks, policy: p, budget: 2048, maxEntries: 100, directory: dir)
      #expect(unbounded.count >= 30)
      #expect(tiny == unbounded)
      #expect(unbounded.statistics.partitions == 0)
      #expect(tiny.statistics.partitions > 1)
      #expect(tiny.statistics.runs > 0, "partitions over the budget were sorted as runs")
      #expect(tiny.statistics.records > unbounded.statistics.records, "accumulators spilled runs")
      #expect(tiny.top(3).map(\.entry) == unbounded.top(3).map(\.entry))
      #expect(tiny.top(1).first?.sample?.hasPrefix("Skabelonlinje nummer") == true)
    }
  }

  @Test func sidecarChecksumDetectsDamage() throws {
    try withTemporaryDirectory { (dir: String) throws in
      let counter = LineCountAccumulator(taskIndex: 3, policy: policy())
      try counter.add(text: "\(Self.banner)\n\(Self.banner)", documentIndex: 0, group: 0, domain: 0)
      let path = "\(dir)/t.linecounts"
      try counter.write(to: path)
      var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
      #expect(bytes.prefix(4) == Data("DCLC".utf8))
      #expect(bytes.count == 32 + 32 + (8 + 4 + Self.banner.utf8.count) + 40)
      bytes[40] ^= 0xFF
      try bytes.write(to: URL(fileURLWithPath: path))
      #expect(throws: FilterError.self) {
        try OverrepresentedReducer(config: OverrepresentedConfig()).reduce(sidecars: [path])
      }
      try Data("nonsense".utf8).write(to: URL(fileURLWithPath: path))
      #expect(throws: FilterError.self) {
        try OverrepresentedReducer(config: OverrepresentedConfig()).reduce(sidecars: [path])
      }
    }
  }

  @Test func setRoundTripsThroughItsFile() throws {
    try withTemporaryDirectory { (dir: String) throws in
      let docs = (0..<6).map { i in ("\(Self.banner)\n\(Self.banner)\n\(Self.unique(i))", "https://z\(i).dk") }
      let lines = try reduce([docs], policy: policy(), directory: dir)
      try lines.write(to: "\(dir)/set.bin")
      let read = try OverrepresentedLines(contentsOf: "\(dir)/set.bin")
      #expect(read == lines)
      #expect(read.count == 1)
    }
  }
}
