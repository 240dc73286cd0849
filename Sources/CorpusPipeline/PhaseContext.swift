import CorpusFilters
import CorpusSources
import Foundation

/// What every task of every phase shares: the config, the layout, the policies derived from the
/// config, and the callbacks.
struct PhaseContext: Sendable {
  let config: PipelineConfig
  let layout: BuildLayout
  /// `false` for `dacorpus stats` on raw inputs: read and count, write nothing.
  let write: Bool
  let meter: ProgressMeter?
  let onIssue: (@Sendable (String, DataIssue) -> Void)?
  /// The over-represented-line policy, shared by counting (ingest) and removal (finish).
  let policy: OverrepresentedPolicy
  /// Tasks run at once.
  let workers: Int
  /// The ad filter, compiled once (its phrase automaton costs about 28 M instructions, as much
  /// as filtering a few hundred documents) and copied by each ingest task it applies to; `nil`
  /// when it applies to no source.
  private let adFilter: AdLineFilter?

  init(
    config: PipelineConfig, write: Bool, meter: ProgressMeter?, onIssue: (@Sendable (String, DataIssue) -> Void)?
  ) {
    self.config = config
    layout = BuildLayout(output: config.output)
    self.write = write
    self.meter = meter
    self.onIssue = onIssue
    workers = config.workers ?? ProcessInfo.processInfo.activeProcessorCount
    policy = OverrepresentedPolicy(
      config: config.filters.overrepresented, sources: config.sources.map { ($0.name, $0.web) })
    let ads = config.filters.ads
    adFilter = config.sources.contains { ads.applies(toWebSource: $0.web) } ? AdLineFilter(config: ads) : nil
  }

  /// The ad filter for `source`'s documents, or `nil` when ads are off or out of its scope.
  func adFilter(for source: SourceConfig) -> AdLineFilter? {
    config.filters.ads.applies(toWebSource: source.web) ? adFilter : nil
  }

  /// Distinct (line, domain) pairs an ingest task's line counter holds before it spills a sorted
  /// run: its share of `filters.overrepresented.memory_budget_mb`, at about 64 bytes a pair.
  var lineCounterEntries: Int {
    max(1 << 16, (config.filters.overrepresented.memoryBudgetMB << 20) / 64 / workers)
  }

  /// Whether the ingest phase counts words for a vocabulary trained in the reduce phase.
  var trainsVocabulary: Bool { write && config.tokenizer.enabled && config.tokenizer.vocab == .train }
}
