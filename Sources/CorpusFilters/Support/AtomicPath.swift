import CorpusIO

/// ``CorpusIO/AtomicFile`` with ``FilterError``s: write to `temporaryPath`, then `commit()`.
struct AtomicPath {
  let file: AtomicFile

  init(_ path: String) { file = AtomicFile(path: path) }

  var temporaryPath: String { file.temporaryPath }

  func commit() throws(FilterError) {
    do { try file.commit() } catch { throw FilterError(.io, error.message, path: file.path) }
  }

  func abandon() { file.abandon() }
}
