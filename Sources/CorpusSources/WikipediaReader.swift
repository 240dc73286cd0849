import CorpusIO

/// Reads a linguatools Wikipedia monolingual corpus (`reference/formats.md` §3): streaming XML,
/// one `<article name=…>` per document, id `{dump}:{name}`.
///
/// Text comes from `<p>`, `<h>` and (optionally) `<table>`/`<cell>` and `<math>` inside
/// `<content>`, link text kept, one paragraph, heading or table per line; line breaks inside an
/// element become spaces. Both the singular (`<category name>`, `<redirect name>`) and the
/// plural pipe-joined (`<categories name="A|B">`, `<redirects>`) metadata variants are read.
/// A malformed article is rejected with its byte offset and reading resumes at the next
/// `<article`.
struct WikipediaReader {
  var context: ReadContext

  /// The article being read.
  private struct Article {
    var name: String
    var offset: Int64
    var categories: [String] = []
    var redirects: [String] = []
    var disambiguation = false
    var lines: [String] = []
    var line = ""
    var inContent = false
    /// Depth of elements whose text is skipped (`math`/`table` when disabled).
    var skipDepth = 0
    /// A skipped element just ended: the spaces around it must not double.
    var afterSkip = false
    /// Depth of `<table>` elements, to lay cells out on one line.
    var tableDepth = 0

    mutating func endLine() {
      var trimmed = Substring(line)
      while trimmed.first == " " { trimmed.removeFirst() }
      while trimmed.last == " " { trimmed.removeLast() }
      if !trimmed.isEmpty { lines.append(String(trimmed)) }
      line = ""
    }
  }

  func read(path: String, emit: DocumentSink) throws {
    guard let input = try context.open(path) else { return }
    defer { context.log.finishFile(consumed: input.consumedBytes) }
    let file = fileName(path)
    let dump = Self.dumpName(file)
    let created = Self.dumpDate(dump)
    let scanner = XMLScanner(input)
    var article: Article?

    func fail(_ error: XMLError) throws -> Bool {
      if case .io(let ioError) = error.kind {
        if article != nil { context.log.recordsRead += 1 }
        var issue = DataIssue(ioError, file: path)
        issue.rejected = article != nil
        try context.log.report(issue)
        return false
      }
      let kind: DataIssue.Kind = error.kind == .invalidUTF8 ? .invalidUTF8 : .malformedXML
      let at = article.map { " in article '\($0.name)' starting at byte \($0.offset)" } ?? ""
      let issue = DataIssue(
        kind, file: path, at: .byte(error.offset), "\(error.message)\(at)", rejected: article != nil)
      if article != nil { try context.log.reject(issue) } else { try context.log.report(issue) }
      article = nil
      do { return try scanner.resynchronize(toStartTag: "article") } catch { return false }
    }

    while true {
      let event: XMLEvent?
      do {
        event = try scanner.next()
      } catch {
        if try fail(error) { continue } else { break }
      }
      guard let event else { break }
      switch event {
      case .startElement(let name, let attributes, let selfClosing):
        let value = attributes.first { $0.name == "name" }?.value
        if name == "article" {
          article = Article(name: value ?? "", offset: scanner.eventOffset)
          if selfClosing { try finish(&article, dump: dump, file: file, created: created, emit: emit) }
          continue
        }
        guard article != nil else { continue }
        try start(name, value: value, selfClosing: selfClosing, in: &article!)
      case .endElement(let name):
        if name == "article" {
          try finish(&article, dump: dump, file: file, created: created, emit: emit)
          context.log.advance(to: input.consumedBytes)
        } else if article != nil {
          end(name, in: &article!)
        }
      case .text(var text):
        guard article != nil, article!.inContent, article!.skipDepth == 0 else { continue }
        if text.contains("\n") { text = String(text.map { $0 == "\n" ? " " : $0 }) }
        if article!.afterSkip, article!.line.last == " ", text.first == " " { text.removeFirst() }
        article!.afterSkip = false
        article!.line += text
      }
    }
    if let open = article {
      try context.log.reject(
        DataIssue(
          .malformedXML, file: path, at: .byte(open.offset), "article '\(open.name)' is not closed at end of file"))
    }
  }

  private func start(_ name: String, value: String?, selfClosing: Bool, in article: inout Article) throws {
    switch name {
    case "category": if let value { article.categories.append(value) }
    case "categories": if let value { article.categories += value.split(separator: "|").map(String.init) }
    case "redirect": if let value { article.redirects.append(value) }
    case "redirects": if let value { article.redirects += value.split(separator: "|").map(String.init) }
    case "disambiguation": article.disambiguation = true
    case "content": article.inContent = !selfClosing
    case "p", "h":
      if article.tableDepth == 0 { article.endLine() }
    case "math":
      if !context.options.includeMath && !selfClosing { article.skipDepth += 1 }
    case "table":
      if !context.options.includeTables && !selfClosing { article.skipDepth += 1 }
      if !selfClosing {
        if article.tableDepth == 0 { article.endLine() }
        article.tableDepth += 1
      }
    case "cell":
      if !article.line.isEmpty && article.line.last != " " { article.line += " " }
    default: break
    }
  }

  private func end(_ name: String, in article: inout Article) {
    switch name {
    case "content":
      article.endLine()
      article.inContent = false
    case "p", "h":
      if article.tableDepth == 0 { article.endLine() }
    case "math":
      if !context.options.includeMath {
        article.skipDepth = max(0, article.skipDepth - 1)
        article.afterSkip = true
      }
    case "table":
      if !context.options.includeTables {
        article.skipDepth = max(0, article.skipDepth - 1)
        article.afterSkip = true
      }
      article.tableDepth = max(0, article.tableDepth - 1)
      if article.tableDepth == 0 { article.endLine() }
    case "cell":
      if article.line.last != " " { article.line += " " }
    default: break
    }
  }

  private func finish(_ article: inout Article?, dump: String, file: String, created: String?, emit: DocumentSink)
    throws
  {
    guard var done = article else { return }
    article = nil
    done.endLine()
    if done.disambiguation && !context.options.includeDisambiguation {
      context.log.recordsRead += 1
      context.log.skipped("disambiguation")
      return
    }
    var metadata = JSONObject()
    metadata.append("title", .string(done.name))
    metadata.append("url", .string(Self.url(title: done.name)))
    metadata.append("file", .string(file))
    metadata.append("disambiguation", .bool(done.disambiguation))
    metadata.append("categories", .array(done.categories.map { .string($0) }))
    metadata.append("redirects", .array(done.redirects.map { .string($0) }))
    let text = done.lines.joined(separator: "\n")
    try context.deliver(
      Document(id: "\(dump):\(done.name)", source: context.source, text: text, created: created, metadata: metadata),
      to: emit)
  }

  /// `dawiki-20181001` from `dawiki-20181001-corpus.xml.bz2`.
  static func dumpName(_ file: String) -> String {
    let base = file.prefix { $0 != "." }
    return String(base.hasSuffix("-corpus") ? base.dropLast("-corpus".count) : base)
  }

  /// `2018-10-01` from `dawiki-20181001`, when the name carries a date.
  static func dumpDate(_ dump: String) -> String? {
    guard let dash = dump.lastIndex(of: "-") else { return nil }
    let digits = dump[dump.index(after: dash)...]
    guard digits.count == 8, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
    let d = Array(digits)
    return "\(String(d[0..<4]))-\(String(d[4..<6]))-\(String(d[6..<8]))"
  }

  /// `https://da.wikipedia.org/wiki/` + the title, spaces as `_`, percent-encoded.
  static func url(title: String, language: String = "da") -> String {
    var encoded = ""
    for byte in title.utf8 {
      switch byte {
      case 0x20: encoded += "_"
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: ":"):
        encoded.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = Array("0123456789ABCDEF".utf8)
        encoded += "%"
        encoded.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
        encoded.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 15)]))
      }
    }
    return "https://\(language).wikipedia.org/wiki/\(encoded)"
  }
}
