import CorpusIO

/// Reads Dolma-style JSONL, a user's own data: `text` (required), `id` (default
/// `{file}#L{line}`), `created`, `metadata` (an object); other keys join the metadata.
struct DolmaJSONLReader {
  var context: ReadContext

  func read(path: String, emit: DocumentSink) throws {
    let file = fileName(path)
    try context.forEachLine(of: path) { line, lines in
      if isBlank(line) { return }
      let location = DataIssue.Location.line(lines.lineNumber)
      guard let record = try context.jsonObject(line, file: path, at: location) else { return }
      guard let text = record["text"]?.stringValue else {
        return try context.log.reject(DataIssue(.missingField, file: path, at: location, "record has no string 'text'"))
      }
      var metadata = record["metadata"]?.objectValue ?? JSONObject()
      for (key, value) in record.members where !["id", "text", "created", "metadata", "source"].contains(key) {
        metadata.append(key, value)
      }
      if let source = record["source"]?.stringValue { metadata.append("original_source", .string(source)) }
      let id: String
      switch record["id"] {
      case .string(let string)?: id = string
      case .number(let number)?: id = number
      default: id = "\(file)#L\(lines.lineNumber)"
      }
      try context.deliver(
        Document(
          id: id, source: context.source, text: text, created: record["created"]?.stringValue, metadata: metadata),
        to: emit)
    }
  }
}
