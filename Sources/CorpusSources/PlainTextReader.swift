import CorpusIO

/// Reads a user's own plain text: a blank line separates documents, the lines of a document are
/// joined by LF. The id is `{file}#{block}` with a 0-based block index.
struct PlainTextReader {
  var context: ReadContext

  func read(path: String, emit: DocumentSink) throws {
    let file = fileName(path)
    var block: [UInt8] = []
    var blockIndex = 0
    var blockLine: Int64 = 0
    func flush() throws {
      guard !block.isEmpty else { return }
      defer {
        block.removeAll(keepingCapacity: true)
        blockIndex += 1
      }
      guard let text = try block.withUnsafeBytes({ try context.text($0, file: path, at: .line(blockLine)) }) else {
        return
      }
      var metadata = JSONObject()
      metadata.append("file", .string(file))
      metadata.append("line", .number(String(blockLine)))
      try context.deliver(
        Document(id: "\(file)#\(blockIndex)", source: context.source, text: text, metadata: metadata), to: emit)
    }
    try context.forEachLine(of: path) { line, lines in
      if isBlank(line) { return try flush() }
      if block.isEmpty { blockLine = lines.lineNumber } else { block.append(0x0A) }
      block.append(contentsOf: line)
    }
    try flush()
  }
}
