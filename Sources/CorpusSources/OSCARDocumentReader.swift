import CorpusIO

/// Reads OSCAR 22.01 (`.jsonl.gz`) and 23.01 (`.jsonl.zst`) document JSONL
/// (`reference/formats.md` §1.4–1.6): `content` is the text, the WARC record id the id,
/// the WARC date `created`; url, language identification and annotations go to metadata.
struct OSCARDocumentReader {
  var context: ReadContext
  /// `22.01` or `23.01`.
  var release: String

  /// Keys the reader never looks at, parsed without building their values: the per-line
  /// language identifications (an object per line of the text).
  static let unusedKeys = ["sentence_identifications"]
  /// `metadata` members copied as they are, after `identification`.
  static let copiedMetadataKeys = ["annotation", "quality_warnings", "categories", "harmful_pp", "tlsh"]

  func read(path: String, emit: DocumentSink) throws {
    let file = fileName(path)
    try context.forEachLine(of: path) { line, lines in
      if isBlank(line) { return }
      let location = DataIssue.Location.line(lines.lineNumber)
      guard
        let record = try context.jsonObject(
          line, file: path, at: location, skippingKeys: Self.unusedKeys)
      else { return }
      guard let content = record["content"]?.stringValue else {
        return try context.log.reject(
          DataIssue(.missingField, file: path, at: location, "record has no string 'content'"))
      }
      let headers = record["warc_headers"]?.objectValue ?? JSONObject()
      let meta = record["metadata"]?.objectValue ?? JSONObject()
      var metadata = JSONObject()
      metadata.members.reserveCapacity(11)  // every member below: no regrowth
      metadata.append("release", .string(release))
      metadata.append("file", .string(file))
      metadata.append("line", .number(String(lines.lineNumber)))
      if let url = headers["warc-target-uri"] { metadata.append("url", url) }
      if let languages = headers["warc-identified-content-language"] {
        metadata.append("warc_languages", languages)
      }
      if let identification = meta["identification"] { metadata.append("identification", identification) }
      for key in Self.copiedMetadataKeys {
        if let value = meta[key] { metadata.append(key, value) }
      }
      let id =
        headers["warc-record-id"]?.stringValue ?? "oscar\(release.filter { $0 != "." })/\(file)#L\(lines.lineNumber)"
      try context.deliver(
        Document(
          id: id, source: context.source, text: content, created: headers["warc-date"]?.stringValue, metadata: metadata),
        to: emit)
    }
  }
}

extension ReadContext {
  /// Parses one JSON line as an object, leaving out the members named in `skippingKeys`, or
  /// rejects the record (malformed JSON, invalid UTF-8, not an object) and returns `nil`.
  func jsonObject(
    _ line: UnsafeRawBufferPointer, file: String, at location: DataIssue.Location, skippingKeys: [String] = []
  ) throws -> JSONObject? {
    let value: JSONValue
    do {
      value = try JSONParser.parse(line, skippingKeys: skippingKeys)
    } catch  where error.kind == .invalidUTF8 && options.invalidUTF8 == .replace {
      // Repair the bytes, then parse again; the record is kept and the repair counted.
      let repaired = Array(String(repairingUTF8Bytes: line).utf8)
      do {
        value = try repaired.withUnsafeBytes { (bytes) throws(JSONError) in
          try JSONParser.parse(bytes, skippingKeys: skippingKeys)
        }
      } catch {
        try log.reject(DataIssue(.malformedJSON, file: file, at: location, "\(error)"))
        return nil
      }
      try log.report(
        DataIssue(.invalidUTF8, file: file, at: location, "invalid UTF-8 replaced by U+FFFD", rejected: false))
    } catch {
      let kind: DataIssue.Kind = error.kind == .invalidUTF8 ? .invalidUTF8 : .malformedJSON
      try log.reject(DataIssue(kind, file: file, at: location, "\(error)"))
      return nil
    }
    guard let object = value.objectValue else {
      try log.reject(DataIssue(.malformedJSON, file: file, at: location, "record is not a JSON object"))
      return nil
    }
    return object
  }
}
