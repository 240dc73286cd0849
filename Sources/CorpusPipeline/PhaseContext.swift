import CorpusFilters
import CorpusSources

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

  init(
    config: PipelineConfig, write: Bool, meter: ProgressMeter?, onIssue: (@Sendable (String, DataIssue) -> Void)?
  ) {
    self.config = config
    layout = BuildLayout(output: config.output)
    self.write = write
    self.meter = meter
    self.onIssue = onIssue
    policy = OverrepresentedPolicy(
      config: config.filters.overrepresented, sources: config.sources.map { ($0.name, $0.web) })
  }

  /// Whether the ingest phase counts words for a vocabulary trained in the reduce phase.
  var trainsVocabulary: Bool { write && config.tokenizer.enabled && config.tokenizer.vocab == .train }
}
