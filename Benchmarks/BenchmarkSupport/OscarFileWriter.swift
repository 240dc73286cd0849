import CorpusIO

/// Writes ``WebPage``s as an OSCAR 22.01 `.jsonl.gz` file (`content`, `warc_headers`,
/// `metadata` with language identification per line), atomically: to a temporary name,
/// renamed by ``finish()``.
public final class OscarFileWriter {
  /// Text bytes (the `content` fields) written.
  public private(set) var textBytes: Int64 = 0
  /// Pages written.
  public private(set) var pages = 0
  private let target: AtomicFile
  private let gzip: GzipWriter
  private var json = JSONWriter(capacity: 1 << 20)

  /// Creates `path`'s temporary file, compressed at gzip `level`.
  public init(path: String, level: Int32 = 6) throws {
    target = AtomicFile(path: path)
    gzip = try GzipWriter(path: target.temporaryPath, level: level)
  }

  /// Uncompressed JSONL bytes written.
  public var jsonlBytes: Int64 { gzip.bytesIn + Int64(json.bytes.count) }
  /// Compressed bytes written so far (what is still buffered is not counted).
  public var compressedBytes: Int64 { gzip.bytesOut }

  /// Appends one record.
  public func append(_ page: WebPage) throws {
    let lines = page.text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    json.object { o in
      o.field("content", page.text)
      o.objectField("warc_headers") { h in
        h.field("warc-record-id", "<urn:uuid:00000000-0000-4000-8000-\(String(page.index, radix: 16))>")
        h.field("warc-date", "2021-12-01T08:15:30Z")
        h.field("warc-target-uri", page.url)
        h.field("content-type", "text/plain")
      }
      o.objectField("metadata") { m in
        m.objectField("identification") { i in
          i.field("label", "da")
          i.field("prob", 0.93)
        }
        m.nullField("annotation")
        m.arrayField("sentence_identifications") { s in
          for _ in 0..<lines {
            s.object { s in
              s.field("label", "da")
              s.field("prob", 0.98)
            }
          }
        }
      }
    }
    json.endLine()
    textBytes += Int64(page.text.utf8.count)
    pages += 1
    if json.bytes.count >= 1 << 20 { try flush() }
  }

  /// Writes what is buffered, ends the gzip stream and renames the file into place.
  public func finish() throws {
    try flush()
    do {
      try gzip.finish()
      try target.commit()
    } catch {
      target.abandon()
      throw error
    }
  }

  private func flush() throws {
    try gzip.write(json.bytes)
    json.reset()
  }
}
