import CorpusIO

/// Reads an OSCAR 21.09 text part together with its `_meta` part (`reference/formats.md` §1.3).
///
/// Each meta record gives the 0-based `offset` of its document's first line in the text part and
/// `nb_sentences`, its number of lines. The reader walks both files once, in step: memory holds
/// one document. Text lines that no meta record covers, and meta records that point outside the
/// text, are reported as `offset_mismatch`.
struct OSCAR2109Reader {
  var context: ReadContext

  func read(textPath: String, metaPath: String, emit: DocumentSink) throws {
    let file = fileName(textPath)
    guard let textInput = try context.open(textPath) else {
      // Without the text, every meta record is a lost document: count them.
      try context.forEachLine(of: metaPath) { line, lines in
        if !isBlank(line) {
          try context.log.reject(
            DataIssue(.missingFile, file: textPath, at: .file, "text part missing for meta line \(lines.lineNumber)"))
        }
      }
      return
    }
    let text = LineReader(textInput)
    defer { context.log.finishFile(consumed: text.consumedBytes) }
    var textBroken = false
    /// The next text line, or nil at the end (or after a read error, which is reported).
    func nextTextLine() throws -> UnsafeRawBufferPointer? {
      if textBroken { return nil }
      do {
        return try text.next()
      } catch {
        textBroken = true
        // A cut inside the text part loses the document being assembled: its meta record
        // then reports the missing lines as an offset mismatch.
        try context.streamBroke(error, file: textPath, partialRecord: false)
        return nil
      }
    }
    var nextIndex: Int64 = 0  // 0-based index of the next unread text line
    var uncovered = 0
    var document: [UInt8] = []

    try context.forEachLine(of: metaPath) { line, lines in
      if isBlank(line) { return }
      let location = DataIssue.Location.line(lines.lineNumber)
      guard let record = try context.jsonObject(line, file: metaPath, at: location) else { return }
      guard let offset = record["offset"]?.intValue, let count = record["nb_sentences"]?.intValue, offset >= 0,
        count > 0
      else {
        return try context.log.reject(
          DataIssue(
            .missingField, file: metaPath, at: location, "meta record needs integer 'offset' and 'nb_sentences'"))
      }
      if Int64(offset) < nextIndex {
        return try context.log.reject(
          DataIssue(
            .offsetMismatch, file: metaPath, at: location,
            "offset \(offset) overlaps the previous document (text is at line index \(nextIndex))"))
      }
      while nextIndex < Int64(offset), let skipped = try nextTextLine() {
        if !isBlank(skipped) { uncovered += 1 }
        nextIndex += 1
      }
      document.removeAll(keepingCapacity: true)
      var read = 0
      while read < count, let textLine = try nextTextLine() {
        if read > 0 { document.append(0x0A) }
        document.append(contentsOf: textLine)
        read += 1
        nextIndex += 1
      }
      if read < count {
        return try context.log.reject(
          DataIssue(
            .offsetMismatch, file: metaPath, at: location,
            "document at offset \(offset) needs \(count) lines, the text part has \(read)"))
      }
      let textLocation = DataIssue.Location.line(Int64(offset) + 1)
      guard let string = try document.withUnsafeBytes({ try context.text($0, file: textPath, at: textLocation) })
      else { return }
      let headers = record["headers"]?.objectValue ?? JSONObject()
      var metadata = JSONObject()
      metadata.append("release", .string("21.09"))
      metadata.append("file", .string(file))
      metadata.append("offset", .number(String(offset)))
      if let url = headers["warc-target-uri"] { metadata.append("url", url) }
      if let languages = headers["warc-identified-content-language"] {
        metadata.append("warc_languages", languages)
      }
      let id = headers["warc-record-id"]?.stringValue ?? "oscar2109/\(file)#\(offset)"
      try context.deliver(
        Document(
          id: id, source: context.source, text: string, created: headers["warc-date"]?.stringValue, metadata: metadata),
        to: emit)
    }
    while let rest = try nextTextLine() {
      if !isBlank(rest) { uncovered += 1 }
    }
    if uncovered > 0 {
      try context.log.reject(
        DataIssue(
          .offsetMismatch, file: textPath, at: .file, "\(uncovered) text lines are not covered by any meta record"))
    }
  }
}
