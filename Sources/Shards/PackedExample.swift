/// The ids of the special tokens the packer and the shard metadata need, looked up by name in
/// the vocabulary (`[CLS]`, `[SEP]`, `[PAD]`, and for the metadata `[MASK]`, `[UNK]`).
///
/// A vocabulary trained by dacorpus starts `[PAD] [UNK] [CLS] [SEP] [MASK]`, which is
/// ``bertOrder``. google-research/electra pads with the literal id 0 whatever the vocabulary says;
/// with a BERT vocabulary `[PAD]` is 0, so the two agree.
public struct SpecialTokens: Sendable, Hashable, Codable {
  /// `[CLS]`, first position of every example.
  public var cls: Int32
  /// `[SEP]`, after each segment.
  public var sep: Int32
  /// `[PAD]`, fills every position after the last `[SEP]`.
  public var pad: Int32
  /// `[MASK]`, not used by the packer; recorded in the shard metadata for the trainer.
  public var mask: Int32?
  /// `[UNK]`, not used by the packer; recorded in the shard metadata for statistics.
  public var unk: Int32?

  /// Special-token ids as given.
  public init(cls: Int32, sep: Int32, pad: Int32 = 0, mask: Int32? = nil, unk: Int32? = nil) {
    self.cls = cls
    self.sep = sep
    self.pad = pad
    self.mask = mask
    self.unk = unk
  }

  /// `[PAD]=0 [UNK]=1 [CLS]=2 [SEP]=3 [MASK]=4`: the first five lines of a dacorpus vocabulary.
  public static let bertOrder = SpecialTokens(cls: 2, sep: 3, pad: 0, mask: 4, unk: 1)

  enum CodingKeys: String, CodingKey {
    case cls = "cls_token_id"
    case sep = "sep_token_id"
    case pad = "pad_token_id"
    case mask = "mask_token_id"
    case unk = "unk_token_id"
  }
}

/// One packed training example before padding: `[CLS] A [SEP]` or `[CLS] A [SEP] B [SEP]`.
///
/// The three tensors a shard stores are derived from it for a given `seqLen`:
/// - `input_ids` `[seqLen]`: ``tokens`` followed by `pad` up to `seqLen`;
/// - `token_type_ids` (TFRecord: `segment_ids`) `[seqLen]`: 0 for the first
///   ``firstSegmentEnd`` positions, 1 for the rest of ``tokens``, 0 for padding;
/// - `attention_mask` (TFRecord: `input_mask`) `[seqLen]`: 1 for the positions of ``tokens``,
///   0 for padding.
///
/// The attention mask is derived from the positions, not from the ids: a content token whose id
/// equals `[PAD]` still gets mask 1.
public struct PackedExample: Sendable, Hashable {
  /// `[CLS] A [SEP] (B [SEP])`, unpadded.
  ///
  /// `count <= seqLen` of the builder that made it.
  public var tokens: [Int32]
  /// Positions with token type 0.
  ///
  /// `[CLS]`, segment A and its `[SEP]`, so `A.count + 2`.
  public var firstSegmentEnd: Int
  /// The index of the source the tokens came from (the caller's numbering).
  public var source: Int

  /// An example from its unpadded tokens and the length of its type-0 part.
  public init(tokens: [Int32], firstSegmentEnd: Int, source: Int = 0) {
    self.tokens = tokens
    self.firstSegmentEnd = firstSegmentEnd
    self.source = source
  }

  /// Builds `[CLS] first [SEP]` or, when `second` is not empty, `[CLS] first [SEP] second [SEP]`.
  public init(
    first: some Collection<Int32>, second: some Collection<Int32>, special: SpecialTokens, source: Int = 0
  ) {
    var tokens: [Int32] = []
    tokens.reserveCapacity(first.count + second.count + 3)
    tokens.append(special.cls)
    tokens.append(contentsOf: first)
    tokens.append(special.sep)
    let firstEnd = tokens.count
    if !second.isEmpty {
      tokens.append(contentsOf: second)
      tokens.append(special.sep)
    }
    self.init(tokens: tokens, firstSegmentEnd: firstEnd, source: source)
  }

  /// Whether the example has a segment B.
  public var hasSecondSegment: Bool { tokens.count > firstSegmentEnd }

  /// Content tokens (all but `[CLS]` and the one or two `[SEP]`).
  public var contentTokenCount: Int { max(0, tokens.count - (hasSecondSegment ? 3 : 2)) }

  /// Segment A without `[CLS]` and its `[SEP]`.
  public var firstSegment: ArraySlice<Int32> {
    tokens[min(1, tokens.count)..<max(min(1, tokens.count), firstSegmentEnd - 1)]
  }

  /// Segment B without its `[SEP]` (empty for a one-segment example).
  public var secondSegment: ArraySlice<Int32> {
    hasSecondSegment ? tokens[firstSegmentEnd..<(tokens.count - 1)] : tokens[tokens.count...]
  }

  /// `input_ids` padded with `pad` to `seqLen` (`[seqLen]`).
  ///
  /// Tokens beyond `seqLen` are cut.
  public func inputIDs(seqLen: Int, pad: Int32) -> [Int32] {
    var row = [Int32](repeating: pad, count: seqLen)
    for i in 0..<min(seqLen, tokens.count) { row[i] = tokens[i] }
    return row
  }

  /// `token_type_ids` / `segment_ids` (`[seqLen]`).
  public func tokenTypeIDs(seqLen: Int) -> [Int32] {
    var row = [Int32](repeating: 0, count: seqLen)
    if firstSegmentEnd < min(seqLen, tokens.count) {
      for i in firstSegmentEnd..<min(seqLen, tokens.count) { row[i] = 1 }
    }
    return row
  }

  /// `attention_mask` / `input_mask` (`[seqLen]`).
  public func attentionMask(seqLen: Int) -> [Int32] {
    var row = [Int32](repeating: 0, count: seqLen)
    for i in 0..<min(seqLen, tokens.count) { row[i] = 1 }
    return row
  }
}
