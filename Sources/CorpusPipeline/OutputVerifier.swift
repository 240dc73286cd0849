import CorpusIO
import Shards

/// Checks a build output directory against its report and manifest: every text part, shard
/// and the vocabulary exist with the recorded size and SHA-256.
public enum OutputVerifier {
  /// A part that does not match the report.
  public struct Mismatch: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var problem: String
    public var description: String { "\(path): \(problem)" }
  }

  /// The files of `report` (and, when the build wrote shards, of `manifest.json`) under
  /// `directory` that are missing or differ from what was recorded.
  public static func verify(_ report: BuildReport, in directory: String) -> [Mismatch] {
    var mismatches: [Mismatch] = []
    if !report.shards.isEmpty {
      do {
        let manifest = try Manifest<PipelineConfig>.read(path: directory + "/manifest.json")
        if manifest.files != report.shards {
          mismatches.append(Mismatch(path: "manifest.json", problem: "lists other shards than report.json"))
        }
        mismatches += manifest.verify(in: directory, vocab: true).map { Mismatch(path: $0.path, problem: $0.problem) }
      } catch {
        mismatches.append(Mismatch(path: "manifest.json", problem: "unreadable: \(error)"))
      }
    }
    for part in report.parts {
      let path = directory + "/" + part.path
      guard let size = FileSource.fileSize(path) else {
        mismatches.append(Mismatch(path: part.path, problem: "missing"))
        continue
      }
      if size != part.bytes {
        mismatches.append(Mismatch(path: part.path, problem: "size \(size) bytes, report says \(part.bytes)"))
        continue
      }
      do {
        let digest = try SHA256Hex.ofFile(path)
        if digest != part.sha256 {
          mismatches.append(Mismatch(path: part.path, problem: "sha256 differs from the report"))
        }
      } catch {
        mismatches.append(Mismatch(path: part.path, problem: "unreadable: \(error)"))
      }
    }
    return mismatches
  }
}
