import CorpusIO

/// Receives each document a reader produces. Throwing stops the reader.
public typealias DocumentSink = (Document) throws -> Void

/// What every reader needs besides its input: the source label, the reader options, and the
/// log that counts records and issues.
public struct ReadContext {
  /// The source label (`sources[].name`), written into every document.
  public var source: String
  /// Reader options of this source.
  public var options: ReaderOptions
  /// Where records and issues are counted.
  public let log: ReadLog
  /// Opens a file as a stream of decoded bytes; a compressed file is decoded on a thread of
  /// its own, ahead of the reader. Tests replace it to feed readers their input in chunks of
  /// every size.
  public var openFile: (String) throws(CorpusIOError) -> any ByteSource = { path throws(CorpusIOError) in
    let input = try Compression.openDecoded(path: path)
    return input.compression == .none ? input.source : ReadAheadSource(input.source)
  }

  /// Creates a context.
  public init(source: String, options: ReaderOptions = ReaderOptions(), log: ReadLog) {
    self.source = source
    self.options = options
    self.log = log
  }

  /// Opens `path` and undoes its compression (chosen by magic bytes), or reports the file
  /// as missing and returns `nil`.
  func open(_ path: String) throws -> (any ByteSource)? {
    do {
      return try openFile(path)
    } catch {
      try log.report(DataIssue(error, file: path))
      return nil
    }
  }

  /// Reports a read error that ended a stream early. Everything before it was delivered;
  /// when the cut fell inside a record (`partialRecord`), that record is counted as rejected.
  func streamBroke(_ error: CorpusIOError, file: String, partialRecord: Bool) throws {
    var issue = DataIssue(error, file: file)
    issue.rejected = partialRecord
    if partialRecord { try log.reject(issue) } else { try log.report(issue) }
  }

  /// Decodes a record's bytes as UTF-8 under the configured policy.
  ///
  /// - Returns: the text, or `nil` when the record was rejected (and counted).
  func text(_ bytes: UnsafeRawBufferPointer, file: String, at location: DataIssue.Location) throws -> String? {
    if let text = String(validatingUTF8Bytes: bytes) { return text }
    switch options.invalidUTF8 {
    case .reject:
      try log.reject(DataIssue(.invalidUTF8, file: file, at: location, "record is not valid UTF-8"))
      return nil
    case .replace:
      try log.report(
        DataIssue(.invalidUTF8, file: file, at: location, "invalid UTF-8 replaced by U+FFFD", rejected: false))
      return String(repairingUTF8Bytes: bytes)
    }
  }

  /// Counts a document and hands it to `emit`.
  func deliver(_ document: Document, to emit: DocumentSink) throws {
    log.recordsRead += 1
    try emit(document)
  }

  /// Calls `body` with every line of `path` (LF-split, decoded bytes), then reports a read
  /// error that ended the stream early, if any.
  func forEachLine(
    of path: String, _ body: (UnsafeRawBufferPointer, LineReader) throws -> Void
  ) throws {
    guard let input = try open(path) else { return }
    let lines = LineReader(input)
    defer { log.finishFile(consumed: lines.consumedBytes) }
    do {
      while let line = try lines.next() {
        try body(line, lines)
        if lines.lineNumber & 4095 == 0 { log.advance(to: lines.consumedBytes) }
      }
    } catch let error as CorpusIOError {
      try streamBroke(error, file: path, partialRecord: lines.droppedPartialBytes > 0)
    }
  }
}

/// The last path component of `path`.
func fileName(_ path: String) -> String {
  path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
}

/// Whether a line holds only ASCII whitespace (space, TAB, CR, VT, FF), i.e. is blank.
func isBlank(_ line: UnsafeRawBufferPointer) -> Bool {
  for byte in line where !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) { return false }
  return true
}
