import CorpusSources

extension PipelineConfig {
  /// This config with its sources replaced by `paths` (files, folders or globs), grouped into
  /// one source per detected family (`oscar`, `leipzig`, …), so a first build on a user's
  /// dumps needs no YAML. Paths that match nothing or hold no known format are kept in a
  /// source of their own, so the build reports them.
  public func replacingSources(with paths: [String]) -> PipelineConfig {
    let (files, unmatched) = PathExpander.expand(paths)
    let (units, _) = SourceDetector.plan(paths: files, type: .auto)
    var byFamily: [SourceType: [String]] = [:]
    var planned: Set<String> = []
    for unit in units {
      byFamily[unit.format.family, default: []].append(unit.path)
      planned.formUnion(unit.files)
    }
    var config = self
    config.sources = SourceType.allCases.compactMap { family in
      guard let files = byFamily[family] else { return nil }
      return SourceConfig(name: family.rawValue, type: family, paths: files, web: family == .oscar)
    }
    let unknown = unmatched + files.filter { !planned.contains($0) }
    if !unknown.isEmpty {
      config.sources.append(SourceConfig(name: "unrecognized", type: .auto, paths: unknown))
    }
    return config
  }
}
