import CorpusIO
import CorpusSources
import Testing

@Suite struct WikipediaReaderTests {
  static let singular = """
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
    <p>Formlen <math>a &lt; b</math> gælder.</p>
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

  @Test func singularVariant() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("dawiki-20181001-corpus.xml", Self.singular)
    let outcome = try readAtEveryChunking(InputUnit(format: .wikipedia, path: path))
    #expect(outcome.ids == ["dawiki-20181001:Æbletræ", "dawiki-20181001:Æble (flertydig)"])
    #expect(
      outcome.texts[0] == """
        Et æbletræ er et træ i rosenfamilien.
        Dyrkning
        Æbletræer dyrkes i hele Danmark & Skåne.
        Sort Høst
        Formlen a < b gælder.
        """)
    let first = outcome.documents[0]
    #expect(first.created == "2018-10-01")
    #expect(first.metadata["categories"] == .array([.string("Frugttræer")]))
    #expect(first.metadata["redirects"] == .array([.string("Æbletræer")]))
    #expect(first.metadata["disambiguation"] == .bool(false))
    #expect(first.metadata["url"] == .string("https://da.wikipedia.org/wiki/%C3%86bletr%C3%A6"))
    #expect(outcome.documents[1].metadata["disambiguation"] == .bool(true))
    #expect(outcome.log.issueTotal == 0)
  }

  @Test func pluralVariantAndOptions() throws {
    let folder = try TemporaryFolder()
    let xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <wikipedia lang="da"><article name="Roskilde"><redirects name="Roskilde By|Roskilde Kommune"/><categories name="Byer|Sjælland"/>
      <content><p>Roskilde ligger ved <link target="Roskilde Fjord">fjorden</link>.</p><table><cell>Indbyggere</cell><cell>51.000</cell></table><p>Se <math>x^2</math>.</p></content></article>
      <article name="Side (flertydig)"><disambiguation/><content><p>Side kan betyde flere ting.</p></content></article></wikipedia>
      """
    let path = try folder.write("dawiki-20140707-corpus.xml", xml)
    var options = ReaderOptions()
    options.includeMath = false
    options.includeTables = false
    options.includeDisambiguation = false
    let outcome = try readAtEveryChunking(InputUnit(format: .wikipedia, path: path), options: options)
    #expect(outcome.ids == ["dawiki-20140707:Roskilde"])
    #expect(outcome.texts == ["Roskilde ligger ved fjorden.\nSe ."])
    #expect(outcome.documents[0].metadata["categories"] == .array([.string("Byer"), .string("Sjælland")]))
    #expect(
      outcome.documents[0].metadata["redirects"] == .array([.string("Roskilde By"), .string("Roskilde Kommune")]))
    #expect(outcome.log.skipCounts == ["disambiguation": 1])
    #expect(outcome.log.recordsRead == 2)
  }

  @Test func malformedArticleIsRejectedAndReadingResumes() throws {
    let folder = try TemporaryFolder()
    let xml = """
      <wikipedia lang="da">
      <article name="God"><content><p>Første.</p></content></article>
      <article name="Broken"><content><p>Ingen slutning</h></content></article>
      <article name="Also good"><content><p>Tredje.</p></content></article>
      </wikipedia>
      """
    let path = try folder.write("dawiki-20181001-corpus.xml", xml)
    let outcome = try readAtEveryChunking(InputUnit(format: .wikipedia, path: path))
    #expect(outcome.ids == ["dawiki-20181001:God", "dawiki-20181001:Also good"])
    #expect(outcome.issues(.malformedXML) == 1)
    #expect(outcome.log.recordsRead == 3)
    #expect(outcome.log.recordsRejected == 1)
    let issue = try #require(outcome.log.issues.first)
    guard case .byte(let offset) = issue.location else { Issue.record("expected a byte offset"); return }
    #expect(offset > 80 && offset < 140)
  }

  @Test func unclosedArticleAtEndOfFileIsRejected() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write(
      "dawiki-20181001-corpus.xml",
      "<wikipedia><article name=\"A\"><content><p>Et.</p></content></article><article name=\"B\"><content><p>To")
    let outcome = try readAtEveryChunking(InputUnit(format: .wikipedia, path: path))
    #expect(outcome.ids == ["dawiki-20181001:A"])
    #expect(outcome.log.recordsRejected == 1)
  }
}
