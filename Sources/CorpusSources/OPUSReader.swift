import CorpusIO

/// Reads OPUS `mono/*.txt.gz` files and single-side Moses files (`reference/formats.md` §4):
/// one sentence per line; empty lines are tolerated and skipped.
///
/// The id is `{Corpus}/{version}/mono/{file}#L{n}` when the path has OPUS's
/// `…/{Corpus}/{version}/mono/{file}` layout, else `opus/{file}#L{n}`. With `group_lines: N`,
/// N consecutive non-empty lines form one document `…#L{first}-L{last}`.
struct OPUSReader {
  var context: ReadContext

  func read(path: String, emit: DocumentSink) throws {
    let (prefix, corpus, version) = Self.provenance(path)
    let group = context.options.groupLines
    var lines: [String] = []
    var first: Int64 = 0
    var last: Int64 = 0
    func flush() throws {
      guard !lines.isEmpty else { return }
      var metadata = JSONObject()
      if let corpus { metadata.append("corpus", .string(corpus)) }
      if let version { metadata.append("version", .string(version)) }
      metadata.append("file", .string(fileName(path)))
      metadata.append("line", .number(String(first)))
      let suffix = first == last ? "L\(first)" : "L\(first)-L\(last)"
      let document = Document(
        id: "\(prefix)#\(suffix)", source: context.source, text: lines.joined(separator: "\n"), metadata: metadata)
      context.log.recordsRead += lines.count - 1  // deliver counts one
      lines.removeAll(keepingCapacity: true)
      try context.deliver(document, to: emit)
    }
    try context.forEachLine(of: path) { line, reader in
      if line.isEmpty { return }
      guard let text = try context.text(line, file: path, at: .line(reader.lineNumber)) else { return }
      if lines.isEmpty { first = reader.lineNumber }
      last = reader.lineNumber
      lines.append(text)
      if lines.count >= group { try flush() }
    }
    try flush()
  }

  /// The id prefix, corpus and version for an OPUS path.
  static func provenance(_ path: String) -> (prefix: String, corpus: String?, version: String?) {
    let parts = path.split(separator: "/").map(String.init)
    if parts.count >= 4, parts[parts.count - 2] == "mono" {
      let corpus = parts[parts.count - 4]
      let version = parts[parts.count - 3]
      return ("\(corpus)/\(version)/mono/\(parts[parts.count - 1])", corpus, version)
    }
    return ("opus/\(fileName(path))", nil, nil)
  }
}
