import CorpusIO

/// Reads OSCAR 2019 plain-text files (`reference/formats.md` §1.2).
///
/// - Shuffled (`da_dedup.txt.gz`): every non-blank line is a document,
///   id `oscar2019/shuffled/{file}#L{line}`.
/// - Unshuffled (Hugging Face parts `da_part_N.txt.gz`): a maximal run of non-blank lines is a
///   document, its lines joined by LF, id `oscar2019/unshuffled/{file}#{block}` with the
///   0-based block index the Hugging Face loader uses.
struct OSCAR2019Reader {
  var context: ReadContext

  func read(path: String, shuffled: Bool, emit: DocumentSink) throws {
    let file = fileName(path)
    let variant = shuffled ? "shuffled" : "unshuffled"
    func document(_ text: String, suffix: String) -> Document {
      var metadata = JSONObject()
      metadata.append("release", .string("2019"))
      metadata.append("variant", .string(variant))
      metadata.append("file", .string(file))
      return Document(
        id: "oscar2019/\(variant)/\(file)#\(suffix)", source: context.source, text: text, metadata: metadata)
    }

    if shuffled {
      try context.forEachLine(of: path) { line, lines in
        if isBlank(line) { return }
        guard let text = try context.text(line, file: path, at: .line(lines.lineNumber)) else { return }
        try context.deliver(document(text, suffix: "L\(lines.lineNumber)"), to: emit)
      }
      return
    }

    var block: [UInt8] = []
    var blockIndex = 0
    var blockLine: Int64 = 0
    func flush() throws {
      guard !block.isEmpty else { return }
      defer {
        block.removeAll(keepingCapacity: true)
        blockIndex += 1
      }
      let text = try block.withUnsafeBytes { try context.text($0, file: path, at: .line(blockLine)) }
      if let text { try context.deliver(document(text, suffix: String(blockIndex)), to: emit) }
    }
    try context.forEachLine(of: path) { line, lines in
      if isBlank(line) { return try flush() }
      if block.isEmpty { blockLine = lines.lineNumber } else { block.append(0x0A) }
      block.append(contentsOf: line)
    }
    try flush()
  }
}
