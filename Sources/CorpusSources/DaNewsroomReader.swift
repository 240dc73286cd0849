import CorpusIO

/// Reads DaNewsroom JSONL (`reference/formats.md` §5): ujson-escaped records with `archive`,
/// `url`, `title`, `text`, `summary` and the extractive-fragment bins.
///
/// The document is `title + "\n\n" + text` (the title is optional), id = the archive URL,
/// `created` = the archive capture time. The original URL, site, title and bins go to metadata.
struct DaNewsroomReader {
  var context: ReadContext

  func read(path: String, emit: DocumentSink) throws {
    try context.forEachLine(of: path) { line, lines in
      if isBlank(line) { return }
      let location = DataIssue.Location.line(lines.lineNumber)
      guard let record = try context.jsonObject(line, file: path, at: location) else { return }
      guard let body = record["text"]?.stringValue else {
        return try context.log.reject(
          DataIssue(.missingField, file: path, at: location, "record has no string 'text' (a thin file?)"))
      }
      guard let archive = record["archive"]?.stringValue ?? record["url"]?.stringValue else {
        return try context.log.reject(DataIssue(.missingField, file: path, at: location, "record has no 'archive' URL"))
      }
      let title = record["title"]?.stringValue ?? ""
      let capture = Self.capture(archive)
      var metadata = JSONObject()
      if let original = capture.url {
        metadata.append("url", .string(original))
        if let site = Self.site(original) { metadata.append("site", .string(site)) }
      }
      metadata.append("title", .string(title))
      for key in ["density_bin", "coverage_bin", "compression_bin"] {
        if let value = record[key] { metadata.append(key, value) }
      }
      metadata.append("file", .string(fileName(path)))
      metadata.append("line", .number(String(lines.lineNumber)))
      let text = context.options.includeTitle && !title.isEmpty ? title + "\n\n" + body : body
      try context.deliver(
        Document(id: archive, source: context.source, text: text, created: capture.time, metadata: metadata), to: emit)
    }
  }

  /// The capture time (ISO 8601) and original URL of a `web.archive.org/web/{14 digits}id_/{url}` URL.
  static func capture(_ archive: String) -> (time: String?, url: String?) {
    guard let marker = archive.firstRange(of: "/web/") else { return (nil, nil) }
    let rest = archive[marker.upperBound...]
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    var afterDigits = rest[digits.endIndex...]
    if afterDigits.hasPrefix("id_") { afterDigits = afterDigits.dropFirst(3) }
    let url = afterDigits.hasPrefix("/") ? String(afterDigits.dropFirst()) : nil
    guard digits.count == 14 else { return (nil, url) }
    let d = Array(digits)
    let time =
      "\(String(d[0..<4]))-\(String(d[4..<6]))-\(String(d[6..<8]))T\(String(d[8..<10])):\(String(d[10..<12])):\(String(d[12..<14]))Z"
    return (time, url)
  }

  /// The host of `url` without `www.` and port: `bt.dk` for `http://www.bt.dk:80/…`.
  static func site(_ url: String) -> String? {
    guard let scheme = url.firstRange(of: "://") else { return nil }
    var host = url[scheme.upperBound...].prefix { $0 != "/" && $0 != ":" && $0 != "?" }
    if host.hasPrefix("www.") { host = host.dropFirst(4) }
    return host.isEmpty ? nil : String(host)
  }
}
