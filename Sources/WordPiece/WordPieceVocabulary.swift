import CorpusIO
import Crypto

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// A WordPiece vocabulary: token strings by id, and a byte trie for matching.
///
/// Loads any BERT-style `vocab.txt` (one token per line, id = line index). Tokens are keyed by
/// their UTF-8 bytes, never by `String` equality, so `"é"` (U+00E9) and `"e\u{301}"` are two
/// tokens, as they are in HF `tokenizers`. When a token occurs on two lines, the later line's
/// id wins (both HF and BERT build a dictionary line by line); the earlier id stays unused.
///
/// ```swift
/// let vocab = try WordPieceVocabulary(contentsOf: "vocab.txt")
/// var encoder = try WordPieceEncoder(vocabulary: vocab)
/// ```
public struct WordPieceVocabulary: Sendable {
  /// How lines of a vocabulary file are trimmed.
  public enum Trimming: String, Sendable, Hashable {
    /// Trailing Unicode whitespace removed (HF `WordPiece.read_file`, `trim_end`).
    case trailing
    /// Whitespace removed at both ends (BERT `load_vocab`, Python `strip`).
    case both
  }

  /// The tokens, indexed by id.
  public let tokens: [String]
  /// Every token's bytes, mapped to its id.
  let trie: ByteTrie

  /// Creates a vocabulary of `tokens`; the id of a token is its index.
  public init(tokens: [String]) {
    self.tokens = tokens
    trie = ByteTrie(tokens.enumerated().map { (Array($0.element.utf8), Int32($0.offset)) })
  }

  /// Parses the contents of a `vocab.txt`.
  ///
  /// Lines end at LF; a CR before the LF and other trailing whitespace are trimmed.
  ///
  /// - Throws: ``WordPieceError/Code/badVocabulary`` when the data are not UTF-8 or hold no
  ///   token.
  public init(vocabTxt data: some Collection<UInt8>, trimming: Trimming = .trailing) throws(WordPieceError) {
    var tokens: [String] = []
    var line: [UInt8] = []
    var lineNumber = 0
    func finish() throws(WordPieceError) {
      lineNumber += 1
      guard let text = String(validating: line, as: UTF8.self) else {
        throw WordPieceError(.badVocabulary, "vocabulary line \(lineNumber) is not valid UTF-8")
      }
      tokens.append(WordPieceVocabulary.trim(text, trimming))
      line.removeAll(keepingCapacity: true)
    }
    for byte in data {
      if byte == 0x0A { try finish() } else { line.append(byte) }
    }
    if !line.isEmpty { try finish() }
    if tokens.isEmpty { throw WordPieceError(.badVocabulary, "the vocabulary is empty") }
    self.init(tokens: tokens)
  }

  /// Reads a `vocab.txt` (plain or compressed; the compression is detected by magic bytes).
  ///
  /// - Throws: ``WordPieceError/Code/io`` when the file cannot be read,
  ///   ``WordPieceError/Code/badVocabulary`` when it is not a vocabulary.
  public init(contentsOf path: String, trimming: Trimming = .trailing) throws(WordPieceError) {
    var data: [UInt8] = []
    do {
      let input = try Compression.openDecoded(path: path)
      var chunk = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let n = try chunk.withUnsafeMutableBytes { raw in
          Result { () throws(CorpusIOError) -> Int in try input.source.read(into: raw) }
        }.get()
        if n == 0 { break }
        data.append(contentsOf: chunk[..<n])
      }
    } catch {
      throw WordPieceError(.io, "\(path): \(error.message)")
    }
    do {
      try self.init(vocabTxt: data, trimming: trimming)
    } catch {
      throw WordPieceError(error.code, "\(path): \(error.message)")
    }
  }

  /// Number of ids (lines), duplicates included.
  public var count: Int { tokens.count }

  /// The id of `token`, compared byte for byte; `nil` when it is not in the vocabulary.
  public func id(of token: String) -> Int32? { trie.value(of: token.utf8) }

  /// The token with `id`, or `nil` when `id` is out of range.
  public func token(_ id: Int32) -> String? {
    id >= 0 && Int(id) < tokens.count ? tokens[Int(id)] : nil
  }

  /// The `vocab.txt` bytes: each token followed by LF, in id order.
  public var vocabTxt: [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(tokens.reduce(0) { $0 + $1.utf8.count + 1 })
    for token in tokens {
      out.append(contentsOf: token.utf8)
      out.append(0x0A)
    }
    return out
  }

  /// The SHA-256 of ``vocabTxt``, as 64 lowercase hex digits.
  public var sha256: String {
    SHA256.hash(data: vocabTxt).map { hexDigits[Int($0 >> 4)] + hexDigits[Int($0 & 15)] }.joined()
  }

  /// Writes ``vocabTxt`` to `path` atomically (temporary name, then rename) and returns its
  /// SHA-256 in hex.
  ///
  /// - Throws: ``WordPieceError/Code/io`` when the file cannot be written.
  @discardableResult
  public func write(to path: String) throws(WordPieceError) -> String {
    let bytes = vocabTxt
    let target = AtomicFile(path: path)
    guard let file = fopen(target.temporaryPath, "wb") else {
      throw WordPieceError(.io, "cannot create '\(target.temporaryPath)': \(String(cString: strerror(errno)))")
    }
    let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    let closed = fclose(file)
    guard written == bytes.count, closed == 0 else {
      target.abandon()
      throw WordPieceError(.io, "cannot write '\(path)': \(String(cString: strerror(errno)))")
    }
    do {
      try target.commit()
    } catch {
      target.abandon()
      throw WordPieceError(.io, error.message)
    }
    return sha256
  }

  static func trim(_ text: String, _ trimming: Trimming) -> String {
    let scalars = text.unicodeScalars
    var end = scalars.endIndex
    while end > scalars.startIndex {
      let previous = scalars.index(before: end)
      guard isTrimmed(scalars[previous], trimming) else { break }
      end = previous
    }
    var start = scalars.startIndex
    if trimming == .both {
      while start < end, isTrimmed(scalars[start], trimming) { start = scalars.index(after: start) }
    }
    return String(scalars[start..<end])
  }

  /// Rust's `char::is_whitespace` (White_Space) for HF; Python's `str.isspace` for BERT.
  static func isTrimmed(_ scalar: Unicode.Scalar, _ trimming: Trimming) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
      return true
    case 0x1C...0x1F:
      return trimming == .both
    default:
      return false
    }
  }
}

private let hexDigits = (0..<16).map { String($0, radix: 16) }
