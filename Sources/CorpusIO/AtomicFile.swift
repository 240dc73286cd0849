#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Writes a file under a temporary name next to its final path and renames it into place only
/// when complete, so a killed run never leaves a half-written file under the final name.
///
/// The temporary name is `.NAME.tmp-PID` in the same directory (so `rename(2)` stays on one
/// file system and is atomic). A rerun that finds the final file knows it is complete; stray
/// `.*.tmp-*` files are leftovers of killed runs and safe to delete.
///
/// ```swift
/// let target = AtomicFile(path: "out/text/part-0003.jsonl.gz")
/// let writer = try GzipWriter(path: target.temporaryPath)
/// do {
///   try writer.write(bytes)
///   try writer.finish()
///   try target.commit()
/// } catch {
///   target.abandon()
///   throw error
/// }
/// ```
public struct AtomicFile: Sendable, Hashable {
  /// The final path.
  public let path: String
  /// Where to write until ``commit()``: `.NAME.tmp-PID` beside ``path``.
  public let temporaryPath: String

  /// Prepares an atomic write of `path`. Nothing is created on disk.
  public init(path: String) {
    self.path = path
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    temporaryPath = "\(directory).\(name).tmp-\(getpid())"
  }

  /// Renames the temporary file to the final path, replacing any file already there.
  ///
  /// - Throws: ``CorpusIOError/Kind/writeFailed`` when the rename fails (for example because
  ///   the temporary file was never written).
  public func commit() throws(CorpusIOError) {
    if rename(temporaryPath, path) != 0 {
      let reason = String(cString: strerror(errno))
      throw CorpusIOError(.writeFailed, "cannot rename '\(temporaryPath)' to '\(path)': \(reason)")
    }
  }

  /// Removes the temporary file, if it exists. The final path is left untouched.
  public func abandon() {
    _ = unlink(temporaryPath)
  }
}
