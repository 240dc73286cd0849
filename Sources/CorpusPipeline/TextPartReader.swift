import CorpusIO
import CorpusSources

/// Reads back a part written by ``TextPartWriter``: one document per JSON line, in order.
enum TextPartReader {
  /// Calls `body` with each document of the part at `path` and its index in the part, and
  /// `progress` with the compressed bytes read since its last call, every 256 documents and at
  /// the end.
  ///
  /// - Throws: ``CorpusIOError`` when the file cannot be read or a line is not a document that
  ///   ``TextPartWriter`` wrote (a part is the build's own output, so damage is an error).
  static func forEach(
    path: String, progress: ((Int64) -> Void)? = nil, _ body: (_ index: Int, _ document: Document) throws -> Void
  ) throws {
    let lines = LineReader(try Compression.openDecoded(path: path).source)
    var reported: Int64 = 0
    func report() {
      progress?(lines.consumedBytes - reported)
      reported = lines.consumedBytes
    }
    defer { report() }
    var parser = JSONParser()
    var index = 0
    while let line = try lines.next() {
      let value: JSONValue
      do { value = try parser.parse(line) } catch {
        throw CorpusIOError(.corrupt, "\(path): document \(index): \(error)")
      }
      guard let record = value.objectValue, let document = Document(dolma: record) else {
        throw CorpusIOError(.corrupt, "\(path): document \(index) is not a document record")
      }
      try body(index, document)
      index += 1
      if index & 255 == 0 { report() }
    }
  }
}
