/// Turns ids back into readable text with a vocabulary, joining pieces as HF's WordPiece decoder
/// does (without its optional clean-up of spaces around punctuation).
///
/// A piece that starts with the continuation prefix (`##`) is glued to the piece before it, without
/// the prefix; every other piece is separated from the one before it by one space. A continuation
/// piece with nothing before it keeps its prefix (it shows that a word was cut), as in HF's
/// `" ".join(tokens).replace(" ##", "")`.
///
/// ```swift
/// let decoder = WordPieceDecoder(vocabulary: vocab)
/// decoder.decode(ids)   // "Vejret bliver koldt i morgen ."
/// ```
///
/// The text is for reading, not the original: spaces around punctuation are not restored, and
/// `[UNK]` stands for whatever it replaced. An id outside the vocabulary (a shard made with
/// another vocabulary) is shown as `[#id]`.
public struct WordPieceDecoder: Sendable {
  /// The vocabulary the ids refer to.
  public let vocabulary: WordPieceVocabulary
  /// Each token's bytes, the continuation prefix removed where ``glued`` is set.
  private let pieces: [[UInt8]]
  /// Whether each token starts with the continuation prefix.
  private let glued: [Bool]

  /// A decoder for `vocabulary` whose continuation pieces start with `continuationPrefix`.
  public init(vocabulary: WordPieceVocabulary, continuationPrefix: String = "##") {
    self.vocabulary = vocabulary
    let prefix = Array(continuationPrefix.utf8)
    var pieces: [[UInt8]] = []
    var glued: [Bool] = []
    pieces.reserveCapacity(vocabulary.count)
    glued.reserveCapacity(vocabulary.count)
    for token in vocabulary.tokens {
      let bytes = Array(token.utf8)
      let continues = !prefix.isEmpty && bytes.count > prefix.count && bytes.starts(with: prefix)
      pieces.append(continues ? Array(bytes[prefix.count...]) : bytes)
      glued.append(continues)
    }
    self.pieces = pieces
    self.glued = glued
  }

  /// The text of `ids`.
  ///
  /// - Complexity: O(length of the text).
  public func decode(_ ids: some Sequence<Int32>) -> String {
    var text: [UInt8] = []
    var first = true
    for id in ids {
      let index = Int(id)
      if index >= 0 && index < pieces.count {
        if glued[index] {
          // Glued to the piece before; a segment that starts inside a word keeps the prefix.
          text.append(contentsOf: first ? Array(vocabulary.tokens[index].utf8) : pieces[index])
        } else {
          if !first { text.append(0x20) }
          text.append(contentsOf: pieces[index])
        }
      } else {
        if !first { text.append(0x20) }
        text.append(contentsOf: "[#\(id)]".utf8)
      }
      first = false
    }
    return String(decoding: text, as: UTF8.self)
  }
}
