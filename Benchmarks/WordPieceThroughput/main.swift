import Foundation
import WordPiece

struct Golden: Decodable {
  struct Case: Decodable { var vocab: String; var mode: String; var skip: [Int]?; var ids: [[Int32]] }
  var inputs: [String]
  var cases: [Case]
}
let dir = "Tests/WordPieceTests/Fixtures/"
let golden = try JSONDecoder().decode(Golden.self, from: Data(contentsOf: URL(fileURLWithPath: dir + "wordpiece-golden.json")))
for c in golden.cases {
  let options: WordPieceOptions
  switch c.mode {
  case "hf-cased": options = WordPieceOptions()
  case "hf-lower": options = WordPieceOptions(lowercase: true)
  case "bert-cased": options = WordPieceOptions(profile: .bert)
  default: options = WordPieceOptions(profile: .bert, lowercase: true)
  }
  let vocab = try WordPieceVocabulary(contentsOf: dir + c.vocab, trimming: options.profile == .bert ? .both : .trailing)
  var enc = try WordPieceEncoder(vocabulary: vocab, options: options)
  var diffs = 0
  for (i, input) in golden.inputs.enumerated() where !(c.skip ?? []).contains(i) {
    let ids = enc.encode(input)
    if ids != c.ids[i] {
      diffs += 1
      if diffs <= 4 { print(c.vocab, c.mode, i, input.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "), "\n got", ids, "\n want", c.ids[i], "\n got", ids.map { vocab.token($0) ?? "?" }, "\n want", c.ids[i].map { vocab.token($0) ?? "?" }) }
    }
  }
  print(c.vocab, c.mode, "differences:", diffs)
}
