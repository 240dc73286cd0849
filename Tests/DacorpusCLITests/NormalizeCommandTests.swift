import Foundation
import Testing

/// `dacorpus normalize`: stdin to stdout, line for line.
@Suite struct NormalizeCommandTests {
  /// Runs `dacorpus normalize arguments…` with `input` on stdin: a file (mapped by the
  /// command), or with `throughPipe` a pipe (read ahead on a thread).
  static func normalize(_ arguments: [String], input: String, throughPipe: Bool = false) throws -> CLIRunner.Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CLIRunner.executable)
    process.arguments = ["normalize"] + arguments
    let stdin = Pipe()
    if throughPipe {
      process.standardInput = stdin
    } else {
      // stdin from a file, not a pipe: a child that exits early must not SIGPIPE the tests.
      let inputPath = try CLIRunner.temporaryDirectory() + "/stdin.txt"
      try Data(input.utf8).write(to: URL(fileURLWithPath: inputPath))
      process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inputPath))
    }
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    let group = DispatchGroup()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
      errData = stderr.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    if throughPipe {
      group.enter()
      DispatchQueue.global().async {
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        group.leave()
      }
    }
    let outData = stdout.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return CLIRunner.Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  @Test("A line in is a line out; repairs and transliteration by default")
  func defaults() throws {
    let result = try Self.normalize([], input: "p&aring;  “Αθήνα”  \n\n  ogsÃ¥ 😀\nlast")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "på \"Athena\"\n\nogså\nlast")
  }

  @Test("--no-repair transliterates only, as uconv plus the kept-set filter")
  func noRepair() throws {
    let result = try Self.normalize(["--no-repair"], input: "p&aring;  Ελλάδα; Œuvre 😀 \n")
    #expect(result.status == 0)
    // Like uconv: the ";" next to Greek (over a space) is Greek punctuation to ICU.
    #expect(result.stdout == "p&aring?  Ellada? OEuvre  \n")
  }

  @Test("--keep and --replace")
  func keepAndReplace() throws {
    let result = try Self.normalize(["--keep", "äöÄÖ", "--replace", "_"], input: "Smörgåsbord på 😀\n")
    #expect(result.status == 0)
    #expect(result.stdout == "Smörgasbord pa _\n")
  }

  @Test("--config reads the normalize block of a pipeline config; its errors name the key")
  func config() throws {
    let directory = try CLIRunner.temporaryDirectory()
    let good = directory + "/good.yaml"
    try """
    version: 1
    sources: []
    normalize:
      repair: {entities: false}
      transliterate: {keep: "æøå", leftovers: replace, replacement: "#"}
    """.write(toFile: good, atomically: true, encoding: .utf8)
    let result = try Self.normalize(["--config", good], input: "&amp; § ø\n")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "&amp; # ø\n")

    let bad = directory + "/bad.yaml"
    try "normalize:\n  transliterate: {leftovers: delete}\n".write(toFile: bad, atomically: true, encoding: .utf8)
    let failure = try Self.normalize(["--config", bad], input: "x\n")
    #expect(failure.status == 1)
    #expect(failure.stderr.contains("normalize.transliterate.leftovers"))
    #expect(failure.stderr.contains("drop, replace"))
  }

  @Test("A file and a pipe on stdin give the same output, lines cut across reads")
  func fileAndPipe() throws {
    // About 300 kB: several pipe buffers (64 KiB), so reads end inside lines.
    let line = "Ærø “Αθήνα” p&aring; —  ok, og så videre med en lang linje på dansk\n"
    let count = 300_000 / line.utf8.count
    let input = String(repeating: line, count: count) + "no LF at the end"
    let fromFile = try Self.normalize([], input: input)
    let fromPipe = try Self.normalize([], input: input, throughPipe: true)
    #expect(fromFile.status == 0, "\(fromFile.stderr)")
    #expect(fromPipe.status == 0, "\(fromPipe.stderr)")
    let expected = String(repeating: "Ærø \"Athena\" på - ok, og så videre med en lang linje på dansk\n", count: count)
    #expect(fromFile.stdout == expected + "no LF at the end")
    #expect(fromPipe.stdout == fromFile.stdout)
  }
}
