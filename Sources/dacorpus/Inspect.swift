import ArgumentParser
import CorpusIO
import CorpusPipeline
import CorpusSources
import Foundation

struct Inspect: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the documents a reader makes of input files, as JSON lines.",
    discussion: "Types are detected per file. Documents go to stdout, issues to stderr.")

  @Argument(help: "Input files, folders or globs.")
  var paths: [String]

  @Option(help: "Read every file as this type: \(SourceType.allCases.map(\.rawValue).joined(separator: ", ")).")
  var type: SourceType = .auto

  @Option(help: "Stop after this many documents.")
  var limit: Int?

  func validate() throws {
    if let limit, limit < 0 { throw ValidationError("--limit must not be negative") }
  }

  /// Thrown by the sink to stop reading at `--limit`.
  struct LimitReached: Error {}

  func run() throws {
    let (files, unmatched) = PathExpander.expand(paths)
    for path in unmatched { writeError("warning: \(path): no file matches this path") }
    let (units, issues) = SourceDetector.plan(paths: files, type: type)
    for issue in issues { writeError("warning: \(issue)") }
    var printed = 0
    var json = JSONWriter()
    let stdout = FileHandle.standardOutput
    for unit in units {
      let log = ReadLog(onIssue: { writeError("warning: \($0)") })
      let context = ReadContext(source: unit.format.family.rawValue, log: log)
      do {
        try SourceReader.read(unit, context: context) { document in
          if let limit, printed >= limit { throw LimitReached() }
          json.reset()
          document.write(to: &json)
          json.endLine()
          stdout.write(Data(json.bytes))
          printed += 1
        }
      } catch is LimitReached {
        return
      }
    }
  }
}

extension SourceType: ExpressibleByArgument {}
