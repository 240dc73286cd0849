import ArgumentParser
import CorpusIO
import CorpusPipeline
import CorpusText
import Foundation

struct Normalize: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Normalize text from stdin to stdout, line for line: repair, then transliterate.",
    discussion: """
      Each input line is one output line (possibly empty); lines end at LF. Repairs: \
      character references, mojibake, controls and invisible characters, Unicode spaces, runs \
      of spaces, line trimming, NFC. Transliteration: ICU's \
      '::[^KEEP] Any-Latin; ::[^KEEP] Latin-ASCII;', then every character outside printable \
      ASCII, TAB, LF and KEEP is dropped (or replaced). With --no-repair the output equals \
      `uconv -f utf-8 -t utf-8 -x '::[^æøåÆØÅ§] Any-Latin; ::[^æøåÆØÅ§] Latin-ASCII;'` \
      followed by that filter. Exit codes: 0 success, 1 config error, 64 bad usage.
      """)

  @Option(
    help: "A pipeline config whose 'normalize' block to use.",
    completion: .file(extensions: ["yaml", "yml"]))
  var config: String?

  @Flag(help: "Transliterate only: no repairs.")
  var noRepair = false

  @Option(help: "Characters to keep besides printable ASCII, TAB and LF (default: æøåÆØÅ§).")
  var keep: String?

  @Option(help: "Replace each character left over after transliteration with STR instead of dropping it.")
  var replace: String?

  @Flag(help: "Print what was done (JSON) to stderr at the end.")
  var stats = false

  func run() throws {
    var normalize = try loadConfig()
    if noRepair { normalize.repair.enabled = false }
    if let keep { normalize.transliterate.keep = keep }
    if let replace {
      normalize.transliterate.leftovers = .replace
      normalize.transliterate.replacement = replace
    }
    var stream = LineStreamNormalizer(try TextNormalizer(config: normalize))
    let write: (UnsafeBufferPointer<UInt8>) throws -> Void = { bytes in
      guard let base = bytes.baseAddress else { return }
      var offset = 0
      while offset < bytes.count {
        let written = Foundation.write(1, base + offset, bytes.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          writeError("error: cannot write stdout: \(String(cString: strerror(errno)))")
          throw ExitCode.failure
        }
        offset += written
      }
    }
    if let mapped = MappedInput(descriptor: 0) {
      // A file on stdin: no read(2) copies.
      try stream.write(mapped.bytes, to: write)
    } else {
      // A pipe: a thread reads ahead while this one normalizes.
      let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
      defer { buffer.deallocate() }
      do {
        let input = ReadAheadSource(try FileSource(duplicating: 0, name: "stdin"))
        while true {
          let count = try input.read(into: buffer)
          if count == 0 { break }
          try stream.write(UnsafeRawBufferPointer(rebasing: buffer[0..<count]), to: write)
        }
      } catch let error as CorpusIOError {
        writeError("error: \(error)")
        throw ExitCode.failure
      }
    }
    try stream.finish(to: write)
    if stats {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      let json = try encoder.encode(stream.normalizer.stats)
      writeError(String(decoding: json, as: UTF8.self))
    }
  }

  /// The `normalize` block of `--config` (a pipeline config, checked whole), or the defaults.
  private func loadConfig() throws -> NormalizeConfig {
    guard let path = config else { return NormalizeConfig() }
    do {
      return try ConfigLoader.load(path: path).normalize
    } catch {
      writeError("error: \(error)")
      throw ExitCode.failure
    }
  }
}
