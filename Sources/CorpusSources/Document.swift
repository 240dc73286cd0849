import CorpusIO

/// One record of a corpus, as every reader emits it (Dolma-style).
///
/// `id` is unique within `source` and stable across runs (the provenance schemes of
/// `reference/formats.md` §6). `text` is the record's text exactly as the dump holds it;
/// paragraph or sentence boundaries inside it are LF.
public struct Document: Sendable, Equatable {
  /// Stable identifier, unique within `source`.
  public var id: String
  /// The source label from the pipeline config (e.g. `oscar`).
  public var source: String
  /// The text, unchanged by reading.
  public var text: String
  /// Creation or capture date (ISO 8601 date or date-time), when the source records one.
  public var created: String?
  /// Source-specific provenance: file, release, url, flags. Key order is preserved.
  public var metadata: JSONObject

  /// Creates a document.
  public init(id: String, source: String, text: String, created: String? = nil, metadata: JSONObject = JSONObject()) {
    self.id = id
    self.source = source
    self.text = text
    self.created = created
    self.metadata = metadata
  }

  /// Writes the document as one compact Dolma-style JSON object,
  /// `{"id","source","text","created"?,"metadata"}`, without the trailing LF.
  public func write(to writer: inout JSONWriter) { write(to: &writer, text: true) }

  /// Writes the document without its text, `{"id","source","created"?,"metadata"}`: the head
  /// of a record that carries the text apart.
  public func writeHead(to writer: inout JSONWriter) { write(to: &writer, text: false) }

  private func write(to writer: inout JSONWriter, text withText: Bool) {
    writer.beginObject()
    writer.field("id", id)
    writer.field("source", source)
    if withText { writer.field("text", text) }
    if let created { writer.field("created", created) }
    writer.field("metadata", .object(metadata))
    writer.endObject()
  }

  /// The document that ``write(to:)`` wrote as `record`, or `nil` when `record` lacks a string
  /// `id`, `source` or `text`.
  public init?(dolma record: JSONObject) {
    guard let text = record["text"]?.stringValue else { return nil }
    self.init(head: record, text: text)
  }

  /// The document whose head ``writeHead(to:)`` wrote as `record`, with `text`, or `nil` when
  /// `record` lacks a string `id` or `source`.
  public init?(head record: JSONObject, text: String) {
    guard let id = record["id"]?.stringValue, let source = record["source"]?.stringValue else { return nil }
    self.init(
      id: id, source: source, text: text, created: record["created"]?.stringValue,
      metadata: record["metadata"]?.objectValue ?? JSONObject())
  }
}
