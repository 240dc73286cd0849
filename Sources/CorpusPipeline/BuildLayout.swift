import Foundation

/// Where `dacorpus build` puts things under the output directory.
///
/// ```
/// out/report.json  out/manifest.json  out/vocab.txt
/// out/text/{source}-{NNNNN}.jsonl.gz       clean text, one part per input unit
/// out/removed/*.jsonl.gz                   removed documents and lines (audit)
/// out/shards/shard-{NNNNN}.safetensors     tensor shards (and .tfrecord)
/// out/work/…                               the phases' scratch files; removed at the end
/// ```
struct BuildLayout: Sendable {
  let output: String

  init(output: String) {
    self.output = output.hasSuffix("/") && output.count > 1 ? String(output.dropLast()) : output
  }

  var text: String { output + "/text" }
  var removed: String { output + "/removed" }
  var shards: String { output + "/shards" }
  var work: String { output + "/work" }
  var ingest: String { work + "/ingest" }
  var spill: String { work + "/spill" }
  var report: String { output + "/report.json" }
  var manifest: String { output + "/manifest.json" }
  var vocab: String { output + "/vocab.txt" }

  /// The part name of a task: `{source}-{NNNNN}.jsonl.gz`.
  static func partName(source: String, ordinal: Int) -> String {
    let digits = String(ordinal)
    return "\(source)-\(String(repeating: "0", count: max(0, 5 - digits.count)))\(digits).jsonl.gz"
  }

  /// The ingest phase's scratch copy of part `name`: `work/ingest/{source}-{NNNNN}.docs`
  /// (a ``ScratchPart``, read once by the finish phase).
  func scratchPart(_ name: String) -> String {
    ingest + "/" + name.replacingOccurrences(of: ".jsonl.gz", with: ".docs")
  }

  /// The audit file of a part's removals in one phase: `removed/{source}-{NNNNN}.{phase}.jsonl.gz`.
  func removedFile(part: String, phase: String) -> String {
    removed + "/" + part.replacingOccurrences(of: ".jsonl.gz", with: ".\(phase).jsonl.gz")
  }

  /// A task's scratch file of one kind: `work/task-{NNNNN}.{kind}`.
  func scratch(task: Int, _ kind: String) -> String {
    let digits = String(task)
    return "\(work)/task-\(String(repeating: "0", count: max(0, 5 - digits.count)))\(digits).\(kind)"
  }
}
