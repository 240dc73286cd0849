import Testing

@testable import CorpusIO

/// The linguatools fixtures from shared/reference/formats.md §3.2.
private enum XMLFixtures {
  static let minimal = """
    <wikipedia lang="da">
    <article name="Æbletræ">
    <redirect name="Æbletræer"/>
    <category name="Frugttræer"/>
    <crosslanguage_link language="en" name="Apple tree"/>
    <content>
    <p>Et <link target="Æble">æbletræ</link> er et træ i rosenfamilien.</p>
    <h>Dyrkning</h>
    <p>Æbletræer dyrkes i hele Danmark &amp; Skåne.</p>
    <table><cell>Sort</cell><cell>Høst</cell></table>
    </content>
    </article>
    <article name="Æble (flertydig)">
    <disambiguation/>
    <content>
    <p>Æble kan henvise til flere ting.</p>
    </content>
    </article>
    </wikipedia>

    """

  static let minimalEvents: [XMLEvent] = [
    start("wikipedia", ["lang": "da"]), nl,
    start("article", ["name": "Æbletræ"]), nl,
    start("redirect", ["name": "Æbletræer"], selfClosing: true), nl,
    start("category", ["name": "Frugttræer"], selfClosing: true), nl,
    start("crosslanguage_link", ["language": "en", "name": "Apple tree"], selfClosing: true), nl,
    start("content"), nl,
    start("p"), .text("Et "), start("link", ["target": "Æble"]), .text("æbletræ"), end("link"),
    .text(" er et træ i rosenfamilien."), end("p"), nl,
    start("h"), .text("Dyrkning"), end("h"), nl,
    start("p"), .text("Æbletræer dyrkes i hele Danmark & Skåne."), end("p"), nl,
    start("table"), start("cell"), .text("Sort"), end("cell"), start("cell"), .text("Høst"), end("cell"), end("table"), nl,
    end("content"), nl,
    end("article"), nl,
    start("article", ["name": "Æble (flertydig)"]), nl,
    start("disambiguation", selfClosing: true), nl,
    start("content"), nl,
    start("p"), .text("Æble kan henvise til flere ting."), end("p"), nl,
    end("content"), nl,
    end("article"), nl,
    end("wikipedia"),
  ]

  static let variant = """
    <wikipedia lang="da">
    <article name="Æbletræ">
    <redirects name="Æbletræer|Apaltræ"/>
    <categories name="Frugttræer|Rosenfamilien"/>
    <links_in name="12"/>
    <content>
    <p>Tekst.</p>
    </content>
    </article>
    </wikipedia>
    """

  static let variantEvents: [XMLEvent] = [
    start("wikipedia", ["lang": "da"]), nl,
    start("article", ["name": "Æbletræ"]), nl,
    start("redirects", ["name": "Æbletræer|Apaltræ"], selfClosing: true), nl,
    start("categories", ["name": "Frugttræer|Rosenfamilien"], selfClosing: true), nl,
    start("links_in", ["name": "12"], selfClosing: true), nl,
    start("content"), nl,
    start("p"), .text("Tekst."), end("p"), nl,
    end("content"), nl,
    end("article"), nl,
    end("wikipedia"),
  ]
}

private let nl = XMLEvent.text("\n")

private func start(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], selfClosing: Bool = false)
  -> XMLEvent
{
  .startElement(name: name, attributes: attributes.map { (name: $0.key, value: $0.value) }, selfClosing: selfClosing)
}

private func end(_ name: String) -> XMLEvent { .endElement(name: name) }

private let chunkings = [1, 2, 3, 7, 64, 4096, Int.max]

/// One scanned event with where it starts.
private struct LocatedEvent: Equatable, CustomStringConvertible {
  var event: XMLEvent
  var offset: Int64
  var line: Int64
  var description: String { "\(event)@\(offset):\(line)" }
}

/// Scans everything; errors are recorded in the list (as nil events) and scanning goes on.
private struct XMLScan {
  var located: [LocatedEvent] = []
  var errors: [XMLError] = []
  var unknownEntities = 0
  var events: [XMLEvent] { located.map(\.event) }
}

private func scan(_ bytes: [UInt8], chunk: Int = .max, scannerChunk: Int = 1 << 18, maxErrors: Int = 0) -> XMLScan {
  let scanner = XMLScanner(MemorySource(bytes, chunkSize: chunk), chunkSize: scannerChunk)
  var result = XMLScan()
  while true {
    do {
      guard let event = try scanner.next() else { break }
      result.located.append(LocatedEvent(event: event, offset: scanner.eventOffset, line: scanner.eventLine))
    } catch {
      result.errors.append(error)
      if result.errors.count > maxErrors { break }
    }
  }
  result.unknownEntities = scanner.unknownEntities
  return result
}

private func scan(_ text: String, chunk: Int = .max, scannerChunk: Int = 1 << 18, maxErrors: Int = 0) -> XMLScan {
  scan(Array(text.utf8), chunk: chunk, scannerChunk: scannerChunk, maxErrors: maxErrors)
}

/// The first error scanning `text` gives, with the events before it.
private func firstError(_ text: [UInt8], chunk: Int = .max) -> (events: [XMLEvent], error: XMLError?) {
  let result = scan(text, chunk: chunk)
  return (result.events, result.errors.first)
}

/// Fails its read after handing out `bytes`, the way a truncated compressed stream does.
private final class FailingXMLSource: ByteSource {
  private let bytes: [UInt8]
  private var position = 0
  private var failed = false

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var consumedBytes: Int64 { Int64(position) }

  func read(into buffer: UnsafeMutableRawBufferPointer) throws(CorpusIOError) -> Int {
    if position == bytes.count {
      if failed { return 0 }
      failed = true
      throw CorpusIOError(.truncated, "bzip2 stream ends early", offset: 999)
    }
    let n = min(buffer.count, 5, bytes.count - position)
    for k in 0..<n { buffer[k] = bytes[position + k] }
    position += n
    return n
  }
}

@Suite struct XMLScannerTests {
  // MARK: Fixtures at every chunking

  @Test(arguments: chunkings)
  func minimalFixture(chunk: Int) throws {
    let result = scan(XMLFixtures.minimal, chunk: chunk)
    #expect(result.errors.isEmpty, "\(result.errors)")
    #expect(result.events == XMLFixtures.minimalEvents)
    #expect(result.unknownEntities == 0)
  }

  @Test(arguments: chunkings)
  func pluralVariantFixture(chunk: Int) throws {
    let result = scan(XMLFixtures.variant, chunk: chunk)
    #expect(result.errors.isEmpty, "\(result.errors)")
    #expect(result.events == XMLFixtures.variantEvents)
    let categories = result.events.first { $0.elementName == "categories" }
    #expect(categories?.attribute("name")?.split(separator: "|") == ["Frugttræer", "Rosenfamilien"])
  }

  /// Offsets and line numbers do not depend on chunking either, and point at the right bytes.
  @Test(arguments: chunkings)
  func offsetsAndLines(chunk: Int) throws {
    let bytes = Array(XMLFixtures.minimal.utf8)
    let located = scan(bytes, chunk: chunk).located
    let reference = scan(bytes).located
    #expect(located == reference)
    for item in located {
      let at = Int(item.offset)
      let lineOfOffset = Int64(bytes[..<at].count { $0 == 0x0A }) + 1
      #expect(item.line == lineOfOffset, "\(item)")
      switch item.event {
      case .startElement(let name, _, _):
        #expect(bytes[at...].starts(with: Array("<\(name)".utf8)), "\(item)")
      case .endElement(let name):
        #expect(bytes[at...].starts(with: Array("</\(name)>".utf8)), "\(item)")
      case .text(let text):
        #expect(bytes[at...].starts(with: Array(text.utf8.prefix(3))), "\(item)")
      }
    }
    let secondArticle = try #require(located.first { $0.event.attribute("name") == "Æble (flertydig)" })
    #expect(secondArticle.line == 13)
    #expect(located.first?.offset == 0)
    #expect(located[2].offset == 22)  // <article name="Æbletræ">
    #expect(located[2].line == 2)
  }

  /// The scanner's own buffer is tiny here, so tokens and text runs outgrow and cross it.
  @Test(arguments: [1, 3, 64, Int.max])
  func smallScannerBuffer(chunk: Int) {
    let result = scan(XMLFixtures.minimal, chunk: chunk, scannerChunk: 64)
    #expect(result.errors.isEmpty)
    #expect(result.events == XMLFixtures.minimalEvents)
  }

  @Test(arguments: [1, 2, 7, 4096, Int.max])
  func longTextRunIsOneEvent(chunk: Int) throws {
    var body = ""
    for k in 0..<400 { body += "Linje \(k): æbler &amp; pærer &#229;&#xE6; <!-- note --> ø\n" }
    let xml = "<doc><p>" + body + "</p><long attr=\"" + String(repeating: "å", count: 300) + "\"/></doc>"
    let result = scan(xml, chunk: chunk, scannerChunk: 64)
    #expect(result.errors.isEmpty, "\(result.errors)")
    var expected = ""
    for k in 0..<400 { expected += "Linje \(k): æbler & pærer åæ  ø\n" }
    #expect(
      result.events == [
        start("doc"), start("p"), .text(expected), end("p"),
        start("long", ["attr": String(repeating: "å", count: 300)], selfClosing: true), end("doc"),
      ])
  }

  @Test(arguments: [1, 3, Int.max])
  func declarationDoctypeCommentsAndPIsAreSkipped(chunk: Int) {
    let xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE wikipedia [\n<!ELEMENT p (#PCDATA)>\n<!ENTITY x \"<y>\">\n]>\n<!-- dump -->\n"
      + XMLFixtures.minimal + "<!-- trailer -->\n<?pi done?>\n"
    let result = scan(xml, chunk: chunk)
    #expect(result.errors.isEmpty, "\(result.errors)")
    #expect(result.events == XMLFixtures.minimalEvents)
  }

  // MARK: Text content

  @Test(arguments: [1, 2, Int.max])
  func predefinedAndNumericEntities(chunk: Int) {
    let result = scan("<p>&lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#229;&#xe6;&#xF8; &#128512; &#x1F1E9;&#x1F1F0;</p>", chunk: chunk)
    #expect(result.events == [start("p"), .text("<b> & \"c\" 'd' åæø 😀 🇩🇰"), end("p")])
    #expect(result.unknownEntities == 0)
  }

  @Test(arguments: [1, 2, Int.max])
  func unknownEntitiesAreKeptAndCounted(chunk: Int) {
    let result = scan(
      "<p>a&nbsp;b AT&T &copy; &#0; &#xD800; &#1114112; &#XE6; &; &amp;nbsp; &#x;</p>", chunk: chunk)
    #expect(result.errors.isEmpty)
    #expect(
      result.events == [
        start("p"), .text("a&nbsp;b AT&T &copy; &#0; &#xD800; &#1114112; &#XE6; &; &nbsp; &#x;"), end("p"),
      ])
    #expect(result.unknownEntities == 9)
  }

  @Test func entitiesAndWhitespaceInAttributes() {
    let result = scan("<a t=\"x &amp; y &#229; &lt;&gt;\" u='say \"hi\"' v=\"tab\there\nnl\" w=\"&nbsp;\"/>")
    #expect(
      result.events == [
        start("a", ["t": "x & y å <>", "u": "say \"hi\"", "v": "tab here nl", "w": "&nbsp;"], selfClosing: true)
      ])
    #expect(result.unknownEntities == 1)
  }

  @Test(arguments: [1, 4, Int.max])
  func cdataIsTextAndJoinsTheRun(chunk: Int) {
    let result = scan("<p>x<![CDATA[<b>&amp;</b> ]] ]>]]>y<![CDATA[]]></p><q><![CDATA[only]]></q>", chunk: chunk)
    #expect(result.events == [start("p"), .text("x<b>&amp;</b> ]] ]>y"), end("p"), start("q"), .text("only"), end("q")])
  }

  @Test(arguments: [1, 4, Int.max])
  func commentsAndPIsDoNotSplitText(chunk: Int) {
    let result = scan("<p>a<!-- c -- > -->b<?pi x?>c</p><q><!-- only a comment --></q>", chunk: chunk)
    #expect(result.events == [start("p"), .text("abc"), end("p"), start("q"), end("q")])
  }

  @Test func whitespaceOutsideTheRootIsDropped() {
    let result = scan("\n  \n<root>\n</root>\n\n")
    #expect(result.events == [start("root"), .text("\n"), end("root")])
  }

  @Test func gtAndQuotesInsideQuotedValues() {
    let result = scan("<a x=\"1>2\" y='\"'>t</a>")
    #expect(result.events == [start("a", ["x": "1>2", "y": "\""]), .text("t"), end("a")])
  }

  @Test func namesWithPunctuationAndWhitespaceInTags() {
    let result = scan("<ns:a-b.c_d  x = \"1\"\n\ty='2' ></ns:a-b.c_d >")
    #expect(result.errors.isEmpty)
    #expect(result.events == [start("ns:a-b.c_d", ["x": "1", "y": "2"]), end("ns:a-b.c_d")])
  }

  @Test func carriageReturnsAreKept() {
    #expect(scan("<p>a\r\nb</p>").events == [start("p"), .text("a\r\nb"), end("p")])
  }

  // MARK: Malformed input

  @Test(arguments: [
    ("<a><b", XMLError.Kind.unexpectedEOF, 3, 1),
    ("<a x=\"1<2\"></a>", .badAttribute, 7, 0),
    ("<a x=1></a>", .badAttribute, 5, 0),
    ("<a x></a>", .badAttribute, 4, 0),
    ("<a x=\"1\"y=\"2\"></a>", .badAttribute, 8, 0),
    ("<a x=\"1\" x=\"2\"></a>", .badAttribute, 9, 0),
    ("<a =\"1\"></a>", .badAttribute, 3, 0),
    ("<a><b></a>", .mismatchedEndTag, 6, 2),
    ("</a>", .mismatchedEndTag, 0, 0),
    ("<a></a></a>", .mismatchedEndTag, 7, 2),
    ("<a><b></b>", .unexpectedEOF, 10, 3),
    ("<a>< b></a>", .malformedTag, 4, 1),
    ("<a><1></a>", .malformedTag, 4, 1),
    ("<a><b <c></a>", .malformedTag, 6, 1),
    ("<a></a x></a>", .malformedTag, 7, 1),
    ("<a/ ></a>", .malformedTag, 2, 0),
    ("<a></></a>", .malformedTag, 5, 1),
    ("<a><!-- never closed", .unexpectedEOF, 3, 1),
    ("<a><![CDATA[ never closed", .unexpectedEOF, 3, 1),
    ("<a><?pi never closed", .unexpectedEOF, 3, 1),
    ("<a><!DOCTYPE x [ ", .unexpectedEOF, 3, 1),
    ("<a><!FOO></a>", .malformedMarkup, 3, 1),
    ("<a>x<", .unexpectedEOF, 4, 1),
  ] as [(String, XMLError.Kind, Int64, Int)])
  func malformedInput(xml: String, kind: XMLError.Kind, offset: Int64, eventsBefore: Int) {
    for chunk in [1, 2, Int.max] {
      let (events, error) = firstError(Array(xml.utf8), chunk: chunk)
      #expect(error?.kind == kind, "\(xml.debugDescription) chunk \(chunk): \(String(describing: error))")
      #expect(error?.offset == offset, "\(xml.debugDescription) chunk \(chunk): \(String(describing: error))")
      #expect(events.count == eventsBefore, "\(xml.debugDescription) chunk \(chunk): \(events)")
    }
  }

  @Test(arguments: [1, 3, Int.max])
  func invalidUTF8InTextThenScanningContinues(chunk: Int) {
    let bytes: [UInt8] = Array("<a>\nx".utf8) + [0xFF] + Array("y</a>".utf8)
    let result = scan(bytes, chunk: chunk, maxErrors: 5)
    #expect(result.errors.count == 1)
    #expect(result.errors.first?.kind == .invalidUTF8)
    #expect(result.errors.first?.offset == 5)
    #expect(result.errors.first?.line == 2)
    #expect(result.events == [start("a"), end("a")])
  }

  @Test(arguments: [1, 3, Int.max])
  func invalidUTF8AfterAnEntity(chunk: Int) {
    let bytes: [UInt8] = Array("<a>&amp;\u{E6}".utf8) + [0xC3, 0x28] + Array("</a>".utf8)
    let error = firstError(bytes, chunk: chunk).error
    #expect(error?.kind == .invalidUTF8)
    #expect(error?.offset == 10)
  }

  @Test func invalidUTF8InNamesAndAttributes() {
    let inName: [UInt8] = [0x3C, 0x61, 0xFF, 0x3E, 0x3C, 0x2F, 0x61, 0xFF, 0x3E]
    #expect(firstError(inName).error?.kind == .invalidUTF8)
    #expect(firstError(inName).error?.offset == 2)
    let inValue: [UInt8] = Array("<a x=\"".utf8) + [0xC3] + Array("\"/>".utf8)
    #expect(firstError(inValue).error?.kind == .invalidUTF8)
    #expect(firstError(inValue).error?.offset == 6)
  }

  @Test func readErrorsSurfaceAsIOErrors() {
    let scanner = XMLScanner(FailingXMLSource(Array("<a><b>text".utf8)))
    var events: [XMLEvent] = []
    var caught: XMLError?
    do {
      while let event = try scanner.next() { events.append(event) }
    } catch {
      caught = error
    }
    #expect(events == [start("a"), start("b")])
    #expect(caught?.kind == .io(CorpusIOError(.truncated, "bzip2 stream ends early", offset: 999)))
    #expect(caught?.kind.name == "io:truncated_stream")
    #expect(caught?.offset == 999)
  }

  @Test func oversizedTokensFail() {
    let comment = "<a><!--" + String(repeating: "x", count: 1000) + "--></a>"
    let scanner = XMLScanner(MemorySource(Array(comment.utf8), chunkSize: 100), chunkSize: 64, maxTokenBytes: 256)
    #expect(throws: XMLError.self) {
      while try scanner.next() != nil {}
    }
    let text = "<a>" + String(repeating: "y", count: 1000) + "</a>"
    let textScanner = XMLScanner(MemorySource(Array(text.utf8), chunkSize: 100), chunkSize: 64, maxTokenBytes: 256)
    var kind: XMLError.Kind?
    do {
      while try textScanner.next() != nil {}
    } catch {
      kind = error.kind
    }
    #expect(kind == .tooLarge)
  }

  @Test func errorDescription() {
    let error = firstError(Array("<a>\n<b></a>".utf8)).error
    #expect(error?.description == "mismatched_end_tag at byte 7 (line 2): end tag </a> does not match <b>")
  }

  // MARK: Resynchronizing

  static let brokenDump = """
    <wikipedia lang="da">
    <article name="Første">
    <content>
    <p>God tekst.</p>
    </content>
    </article>
    <article name="Ødelagt">
    <content>
    <p>Halv <link target="x">tekst</p>
    <p>mere</p>
    </content>
    </article>
    <article name="Tredje">
    <content>
    <p>Også god &amp; hel.</p>
    </content>
    </article>
    <articles name="ikke en artikel"/>
    </wikipedia>

    """

  @Test(arguments: chunkings)
  func resynchronizeAfterABrokenArticle(chunk: Int) throws {
    let scanner = XMLScanner(MemorySource(Array(Self.brokenDump.utf8), chunkSize: chunk))
    var titles: [String] = []
    var paragraphs: [String] = []
    var errors: [XMLError] = []
    var stackAfterResync: [String] = []
    while true {
      do {
        guard let event = try scanner.next() else { break }
        switch event {
        case .startElement("article", _, _): titles.append(event.attribute("name") ?? "?")
        case .text(let text) where scanner.openElements.last == "p": paragraphs.append(text)
        default: break
        }
      } catch {
        errors.append(error)
        #expect(try scanner.resynchronize(toStartTag: "article"))
        stackAfterResync = scanner.openElements
      }
    }
    #expect(errors.map(\.kind) == [.mismatchedEndTag])
    #expect(errors.first?.line == 9)
    #expect(stackAfterResync == ["wikipedia"])
    #expect(titles == ["Første", "Ødelagt", "Tredje"])
    #expect(paragraphs == ["God tekst.", "Halv ", "Også god & hel."])
    #expect(scanner.openElements.isEmpty)
  }

  @Test(arguments: [1, 5, Int.max])
  func resynchronizeAfterABadAttributeLandsOnTheNextArticle(chunk: Int) throws {
    let xml = "<wikipedia>\n<article name=\"a<b\">\n<p>x</p>\n</article>\n<article name=\"ok\">\n<p>y</p>\n</article>\n</wikipedia>"
    let scanner = XMLScanner(MemorySource(Array(xml.utf8), chunkSize: chunk))
    #expect(try scanner.next() == start("wikipedia"))
    #expect(try scanner.next() == .text("\n"))
    #expect(throws: XMLError.self) { try scanner.next() }
    #expect(try scanner.resynchronize(toStartTag: "article"))
    #expect(try scanner.next() == start("article", ["name": "ok"]))
    #expect(scanner.eventLine == 5)
    var rest: [XMLEvent] = []
    while let event = try scanner.next() { rest.append(event) }
    #expect(rest == [nl, start("p"), .text("y"), end("p"), nl, end("article"), nl, end("wikipedia")])
  }

  @Test(arguments: [1, 7, Int.max])
  func resynchronizeReturnsFalseAtEndOfInput(chunk: Int) throws {
    let xml = "<wikipedia><article name=\"x\"><p>broken</q> <articlex/> <article"
    let scanner = XMLScanner(MemorySource(Array(xml.utf8), chunkSize: chunk))
    var caught = false
    do {
      while try scanner.next() != nil {}
    } catch {
      caught = true
    }
    #expect(caught)
    #expect(try scanner.resynchronize(toStartTag: "article") == false)
    #expect(scanner.openElements == ["wikipedia"])
    // The still-open root is reported once, then the scanner is done.
    #expect(throws: XMLError.self) { try scanner.next() }
    #expect(try scanner.next() == nil)
  }

  @Test func resynchronizeFromCleanStateSkipsToTheTag() throws {
    let scanner = XMLScanner(MemorySource(Array("<r>junk <x/> <article/> <article>t</article></r>".utf8), chunkSize: 2))
    #expect(try scanner.next() == start("r"))
    #expect(try scanner.resynchronize(toStartTag: "article"))
    #expect(try scanner.next() == start("article", selfClosing: true))
    #expect(try scanner.resynchronize(toStartTag: "article"))
    #expect(scanner.eventOffset == 13)
    #expect(try scanner.next() == start("article"))
    #expect(scanner.eventOffset == 24)
  }

  // MARK: Larger documents

  @Test func generatedDumpIsChunkingIndependent() {
    var xml = "<?xml version=\"1.0\"?>\n<wikipedia lang=\"da\">\n"
    for k in 0..<150 {
      xml += "<article name=\"Artikel \(k) &amp; co\">\n<category name=\"K\(k % 7)\"/>\n<content>\n"
      for j in 0..<(k % 5 + 1) {
        xml += "<p>Afsnit \(j) om æbler, pærer og blommer <link target=\"Æble\">æble</link> &#229;r \(k).</p>\n"
      }
      xml += "<!-- \(k) -->\n<table><cell>a</cell><cell><![CDATA[<b>]]></cell></table>\n</content>\n</article>\n"
    }
    xml += "</wikipedia>\n"
    let bytes = Array(xml.utf8)
    let reference = scan(bytes)
    #expect(reference.errors.isEmpty)
    #expect(reference.events.count > 3000)
    for chunk in [1, 3, 7, 64, 4096] {
      let result = scan(bytes, chunk: chunk, scannerChunk: chunk == 1 ? 64 : 1 << 18)
      #expect(result.errors.isEmpty)
      #expect(result.located == reference.located, "chunk \(chunk)")
    }
  }
}
