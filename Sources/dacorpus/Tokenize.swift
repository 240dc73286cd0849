import ArgumentParser
import CorpusIO
import Foundation
import WordPiece

struct Tokenize: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the WordPiece ids (or pieces) of each line of stdin.",
    discussion: """
      Lines split at LF. For each input line one output line: the space-separated ids, or the \
      pieces with --tokens; an empty line gives an empty line. The ids equal HF tokenizers' \
      BertWordPieceTokenizer(vocab, lowercase=L, strip_accents=L) with add_special_tokens=False; \
      --profile bert follows the original BERT/ELECTRA tokenization.py instead.
      """)

  @Option(help: "A BERT-style vocab.txt (one token per line; plain or compressed).", completion: .file())
  var vocab: String

  @Flag(help: "Lower-case and strip accents (for uncased vocabularies).")
  var lowercase = false

  @Flag(help: "Print the pieces instead of the ids.")
  var tokens = false

  @Option(help: "Rules to follow: hf (HuggingFace tokenizers) or bert (tokenization.py).")
  var profile: WordPieceOptions.Profile = .huggingFace

  func run() throws {
    let options = WordPieceOptions(profile: profile, lowercase: lowercase)
    let vocabulary = try WordPieceVocabulary(contentsOf: vocab, trimming: profile == .bert ? .both : .trailing)
    var encoder = try WordPieceEncoder(vocabulary: vocabulary, options: options)
    let pieces = vocabulary.tokens.map { Array($0.utf8) }
    let lines = LineReader(try FileSource(path: "/dev/stdin"))
    var ids: [Int32] = []
    var out: [UInt8] = []
    out.reserveCapacity(1 << 20)
    while let line = try lines.next() {
      ids.removeAll(keepingCapacity: true)
      encoder.encode(utf8: line, into: &ids)
      for (k, id) in ids.enumerated() {
        if k > 0 { out.append(0x20) }
        if tokens {
          out += pieces[Int(id)]
        } else {
          appendDecimal(id, to: &out)
        }
      }
      out.append(0x0A)
      if out.count >= 1 << 20 { flush(&out) }
    }
    flush(&out)
  }

  private func flush(_ out: inout [UInt8]) {
    FileHandle.standardOutput.write(Data(out))
    out.removeAll(keepingCapacity: true)
  }
}

/// Appends the decimal digits of a non-negative id.
private func appendDecimal(_ value: Int32, to out: inout [UInt8]) {
  var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  var v = UInt32(bitPattern: value)
  var n = 0
  withUnsafeMutableBytes(of: &digits) { d in
    repeat {
      d[n] = UInt8(ascii: "0") + UInt8(v % 10)
      v /= 10
      n += 1
    } while v > 0
    for k in stride(from: n - 1, through: 0, by: -1) { out.append(d[k]) }
  }
}

extension WordPieceOptions.Profile: ExpressibleByArgument {}
