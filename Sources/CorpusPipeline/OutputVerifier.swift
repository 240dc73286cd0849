import CorpusIO

/// Checks a build output directory against its report: every part listed exists with the
/// recorded size and SHA-256.
public enum OutputVerifier {
  /// A part that does not match the report.
  public struct Mismatch: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var problem: String
    public var description: String { "\(path): \(problem)" }
  }

  /// The parts of `report` under `directory` that are missing or differ from the report.
  public static func verify(_ report: BuildReport, in directory: String) -> [Mismatch] {
    var mismatches: [Mismatch] = []
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
        let digest = try TextPartWriter.sha256(path: path)
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
