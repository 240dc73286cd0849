import CorpusFilters
import CorpusIO
import CorpusSources

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// The ingest phase's scratch copy of a part (`work/ingest/{source}-{NNNNN}.docs`), read once,
/// in order, by the finish phase: each document's text as raw UTF-8 beside a small JSON head,
/// so neither phase escapes or unescapes the text (JSON lines spent about 2 % of the ingest
/// phase's instructions escaping it, and the finish phase as much again parsing it back).
///
/// Layout, integers little-endian: per document a record
/// `u32 headLength, u32 textLength, head, text`, where `head` is ``Document/writeHead(to:)``'s
/// compact JSON (`{"id","source","created"?,"metadata"}`); then the end marker
/// `u32 0xFFFFFFFF, u64 documents, "DCSCRTCH"`. A part without its end marker (a task killed
/// while writing) or with a record that does not parse is an error, never a shorter part.
enum ScratchPart {
  static let endMarker: UInt32 = 0xFFFF_FFFF
  static let magic = Array("DCSCRTCH".utf8)

  /// Writes a scratch part under a temporary name until ``finish()`` renames it into place.
  final class Writer {
    private let target: AtomicFile
    private let file: FileWriter
    private var buffer: [UInt8] = []
    private var head = JSONWriter(capacity: 1 << 12)
    private(set) var documents = 0
    /// Unicode scalars in the texts written.
    private(set) var characters = 0

    init(path: String) throws(CorpusIOError) {
      target = AtomicFile(path: path)
      file = try FileWriter(path: target.temporaryPath)
      buffer.reserveCapacity(1 << 20)
    }

    /// Appends one document.
    ///
    /// - Complexity: O(n) in the text's bytes, one copy.
    func write(_ document: Document) throws(CorpusIOError) {
      head.reset()
      document.writeHead(to: &head)
      var text = document.text
      guard text.utf8.count < Int(ScratchPart.endMarker) else {
        throw CorpusIOError(.writeFailed, "\(target.path): document '\(document.id)' has 4 GiB of text or more")
      }
      text.withUTF8 { text in
        append(UInt32(head.bytes.count))
        append(UInt32(text.count))
        buffer.append(contentsOf: head.bytes)
        buffer.append(contentsOf: text)
        characters += UTF8Scalar.count(text)
      }
      documents += 1
      if buffer.count >= 1 << 20 { try flush() }
    }

    private func append<T: FixedWidthInteger>(_ value: T) {
      withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
    }

    private func flush() throws(CorpusIOError) {
      try file.write(buffer)
      buffer.removeAll(keepingCapacity: true)
    }

    /// Writes the end marker, completes the file and renames it into place.
    func finish() throws(CorpusIOError) {
      append(ScratchPart.endMarker)
      append(UInt64(documents))
      buffer.append(contentsOf: ScratchPart.magic)
      try flush()
      try file.finish()
      try target.commit()
    }

    /// Removes the unfinished file.
    func abandon() { target.abandon() }
  }

  /// Calls `body` with each document of the scratch part at `path` and its index in the part,
  /// and `progress` with the bytes read since its last call, every 256 documents and at the end.
  ///
  /// - Throws: ``CorpusIOError`` when the file cannot be read, or (`.corrupt`) when a record is
  ///   cut short, its head is not a document head, its text is not UTF-8, or the end marker is
  ///   missing or counts other documents (a part is the build's own output: damage is an error).
  /// - Complexity: O(n): the file is mapped; each text is validated and copied once.
  static func forEach(
    path: String, progress: ((Int64) -> Void)? = nil, _ body: (_ index: Int, _ document: Document) throws -> Void
  ) throws {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw CorpusIOError(.readFailed, "cannot open '\(path)': \(String(cString: strerror(errno)))")
    }
    defer { close(descriptor) }
    guard let input = MappedInput(descriptor: descriptor) else {
      throw CorpusIOError(.readFailed, "cannot map '\(path)'")
    }
    let bytes = input.bytes
    func corrupt(_ index: Int, _ what: String) -> CorpusIOError {
      CorpusIOError(.corrupt, "\(path): document \(index): \(what)")
    }
    func load<T: FixedWidthInteger>(_: T.Type, at offset: Int) -> T {
      T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
    }
    var parser = JSONParser()
    var offset = 0
    var reported = 0
    var index = 0
    while true {
      guard offset + 8 <= bytes.count else { throw corrupt(index, "the part ends without its end marker") }
      let headLength = load(UInt32.self, at: offset)
      if headLength == endMarker {
        guard offset + 4 + 8 + magic.count == bytes.count, load(UInt64.self, at: offset + 4) == UInt64(index),
          magic.elementsEqual(bytes[(offset + 12)...])
        else { throw corrupt(index, "the end marker is damaged or counts other documents") }
        break
      }
      let textLength = Int(load(UInt32.self, at: offset + 4))
      let headStart = offset + 8
      let textStart = headStart + Int(headLength)
      guard textStart + textLength <= bytes.count else { throw corrupt(index, "the record is cut short") }
      let document: Document
      do {
        let head = try parser.parse(UnsafeRawBufferPointer(rebasing: bytes[headStart..<textStart]))
        guard let record = head.objectValue,
          let text = String(
            validatingUTF8Bytes: UnsafeRawBufferPointer(rebasing: bytes[textStart..<(textStart + textLength)])),
          let read = Document(head: record, text: text)
        else { throw corrupt(index, "the record is not a document") }
        document = read
      } catch let error as JSONError {
        throw corrupt(index, "\(error)")
      }
      try body(index, document)
      offset = textStart + textLength
      index += 1
      if index & 255 == 0 {
        progress?(Int64(offset - reported))
        reported = offset
      }
    }
    progress?(Int64(bytes.count - reported))
  }
}
