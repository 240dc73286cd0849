/// A problem with a vocabulary, a word-count file or the trainer's settings.
public struct WordPieceError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The category of the problem.
  public enum Code: String, Sendable, Codable {
    /// The vocabulary file cannot be read or written.
    case io
    /// The vocabulary is not valid UTF-8, is empty, or lacks the unknown token.
    case badVocabulary = "bad_vocabulary"
    /// A word-count sidecar is truncated, corrupt, or was made with other options.
    case badWordCounts = "bad_word_counts"
    /// A setting is out of range.
    case badSetting = "bad_setting"
  }

  /// What kind of problem this is.
  public var code: Code
  /// What went wrong and how to fix it.
  public var message: String

  /// Creates an error.
  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  /// The message.
  public var description: String { message }
}
