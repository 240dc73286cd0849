/// Packs token-id segments into fixed-length ELECTRA examples, `[CLS] A [SEP] B [SEP]`, the way
/// google-research/electra's `build_pretraining_dataset.py` does (`ExampleBuilder`).
///
/// Input is a stream of segments (one per line of a document, or per sentence when the text was
/// split into sentences) with document boundaries between them. Segments accumulate until
/// their total length reaches the *target length* (``seqLen``, or for 5 % of examples a random
/// length in `5...seqLen`), or until the document ends; then one example is made:
///
/// 1. `r1 = random()`; the first segment's target is 100 000 when `r1 < 0.1` (a one-segment
///    example), else `(target - 3) / 2` (floor).
/// 2. Each pending segment in order joins segment A when A is empty, or when it keeps A below
///    its target, or — only while B is empty and A is below its target — when a coin
///    `random() < 0.5` says so; otherwise it joins B. At most one coin is drawn per example.
/// 3. A is cut to `seqLen - 2` tokens, then B to `max(0, seqLen - len(A) - 3)`.
/// 4. `r3 = random()`; the *next* target is `randint(5, seqLen)` when `r3 < 0.05`, else `seqLen`.
/// 5. The example is `[CLS] A [SEP]` plus `B [SEP]` when B is not empty.
///
/// Modes (``Mode``):
/// - ``Mode/electra`` is exactly the original: the tokens cut off in step 3 are dropped (counted
///   in ``Counts/tokensDropped``). Given the same seed (``PythonRandom``), token ids and lines, it
///   emits the examples the original emits after `random.seed(seed)`, in the same order.
/// - ``Mode/lossless`` (the default) makes the same choices with the same random draws, but the
///   tokens cut off in step 3 stay pending — the rest of a cut segment as a segment of its own,
///   followed by the segments that did not fit, A's before B's — and start the next example.
///   A segment longer than an example is thereby split at a token boundary, and at the end of a
///   document examples are made until nothing is pending. No token is dropped:
///   ``Counts/tokensIn`` equals ``Counts/tokensOut`` once the last document has ended.
///
/// Examples never span a document boundary. Segments with no tokens change nothing (the
/// original adds them as empty sentences, which never move a token and never draw a number).
///
/// To reproduce the original on a text corpus, feed it what its `ExampleWriter` feeds its
/// builder: for every line, `strip()` it; a blank line is ``endDocument(emit:)``, any other line
/// is ``addLine(_:source:emit:)`` with the line's token ids (possibly none); after the last line
/// of every file, ``endDocument(emit:)``.
///
/// ```swift
/// var builder = try ExampleBuilder(seqLen: 256, mode: .lossless, special: .bertOrder, seed: 1234)
/// for document in documents {
///   try builder.addDocument(document.lineTokenIDs, source: document.sourceIndex) { example in
///     try shardWriter.add(example)
///   }
/// }
/// assert(builder.counts.tokensIn == builder.counts.tokensOut)
/// ```
///
/// - Complexity: O(tokens) time overall; memory is O(pending tokens), at most about one
///   example's worth plus the last segment added.
public struct ExampleBuilder: Sendable {
  /// How tokens that do not fit an example are handled.
  public enum Mode: String, Sendable, Codable, CaseIterable {
    /// google-research/electra exactly: tokens beyond the example are dropped.
    case electra
    /// The same segment logic, but nothing is dropped: overflow starts the next example.
    case lossless
  }

  /// What went in and what came out.
  public struct Counts: Sendable, Hashable, Codable {
    /// Documents ended (``endDocument(emit:)`` calls, including those of ``addDocument``).
    public var documents = 0
    /// Segments (lines) added, including those without tokens.
    public var segments = 0
    /// Tokens added.
    public var tokensIn = 0
    /// Content tokens in the examples emitted (not `[CLS]`, `[SEP]` or padding).
    public var tokensOut = 0
    /// Tokens cut off by truncation (``Mode/electra`` only; always 0 in ``Mode/lossless``).
    public var tokensDropped = 0
    /// Examples emitted.
    public var examples = 0
    /// Examples with a segment B.
    public var twoSegmentExamples = 0
    /// Padding positions in the examples emitted.
    public var padding = 0

    /// No counts yet.
    public init() {}

    enum CodingKeys: String, CodingKey {
      case documents, segments, examples, padding
      case tokensIn = "tokens_in"
      case tokensOut = "tokens_out"
      case tokensDropped = "tokens_dropped"
      case twoSegmentExamples = "two_segment_examples"
    }
  }

  /// Length of every example, `[CLS]`, `[SEP]` and padding included.
  public let seqLen: Int
  /// What happens to tokens that do not fit.
  public let mode: Mode
  /// `[CLS]`, `[SEP]` and `[PAD]` ids.
  public let special: SpecialTokens
  /// What went in and what came out so far.
  public private(set) var counts = Counts()

  private var random: PythonRandom
  private var targetLength: Int
  /// Pending tokens, segment after segment.
  private var pending: [Int32] = []
  /// End offset in `pending` of each pending segment; no segment is empty.
  private var segmentEnds: [Int] = []
  private var pendingSource = 0
  // Scratch for one example, kept to avoid allocating per example.
  private var firstSegments: [Int] = []
  private var secondSegments: [Int] = []
  private var carry: [Int32] = []
  private var carryEnds: [Int] = []

  /// A builder drawing its random numbers from `random`.
  ///
  /// - Throws: ``ShardsError/Kind/invalidArgument`` when `seqLen < 5` (the original's
  ///   `randint(5, seqLen)` needs at least 5).
  public init(seqLen: Int = 256, mode: Mode = .lossless, special: SpecialTokens, random: PythonRandom)
    throws(ShardsError)
  {
    guard seqLen >= 5 else {
      throw ShardsError(.invalidArgument, "seq_len is \(seqLen); it must be at least 5")
    }
    self.seqLen = seqLen
    self.mode = mode
    self.special = special
    self.random = random
    targetLength = seqLen
  }

  /// A builder seeded like `random.seed(seed)` in Python.
  public init(seqLen: Int = 256, mode: Mode = .lossless, special: SpecialTokens, seed: Int) throws(ShardsError) {
    try self.init(seqLen: seqLen, mode: mode, special: special, random: PythonRandom(seed: seed))
  }

  /// Tokens added but not yet in an emitted example.
  public var pendingTokenCount: Int { pending.count }

  /// The random generator's current state (it advances as examples are made).
  public var randomState: PythonRandom { random }

  /// Adds a document and ends it.
  ///
  /// Each element of `segments` is one segment's token ids. Calls `emit` for every example
  /// completed, in order.
  public mutating func addDocument<Segments: Sequence>(
    _ segments: Segments, source: Int = 0, emit: (PackedExample) throws -> Void
  ) rethrows where Segments.Element: Collection, Segments.Element.Element == Int32 {
    for segment in segments {
      try addLine(segment, source: source, emit: emit)
    }
    try endDocument(emit: emit)
  }

  /// Adds one segment (a non-blank line of the original's input) with its token ids.
  ///
  /// The ids may be empty. Calls `emit` for every example completed.
  ///
  /// An example's ``PackedExample/source`` is the `source` of the first segment pending when
  /// it was started; call ``endDocument(emit:)`` between documents of different sources.
  public mutating func addLine(
    _ tokens: some Collection<Int32>, source: Int = 0, emit: (PackedExample) throws -> Void
  ) rethrows {
    counts.segments += 1
    guard !tokens.isEmpty else { return }
    if pending.isEmpty { pendingSource = source }
    pending.append(contentsOf: tokens)
    segmentEnds.append(pending.count)
    counts.tokensIn += tokens.count
    while !pending.isEmpty, pending.count >= targetLength {
      try emit(makeExample())
    }
  }

  /// Ends the current document: a blank line of the original's input, or its flush after a file.
  ///
  /// The pending tokens become an example — in ``Mode/lossless`` as many examples as they need.
  /// Calls `emit` for each.
  public mutating func endDocument(emit: (PackedExample) throws -> Void) rethrows {
    counts.documents += 1
    while !pending.isEmpty {
      try emit(makeExample())
    }
  }

  /// Makes one example from the pending segments (steps 1–5 of the type's description).
  private mutating func makeExample() -> PackedExample {
    let firstTarget = random.random() < 0.1 ? 100_000 : (targetLength - 3) / 2
    firstSegments.removeAll(keepingCapacity: true)
    secondSegments.removeAll(keepingCapacity: true)
    var firstLength = 0
    var secondLength = 0
    var start = 0
    for (index, end) in segmentEnds.enumerated() {
      let length = end - start
      start = end
      if firstLength == 0 || firstLength + length < firstTarget
        || (secondLength == 0 && firstLength < firstTarget && random.random() < 0.5)
      {
        firstSegments.append(index)
        firstLength += length
      } else {
        secondSegments.append(index)
        secondLength += length
      }
    }
    let firstKeep = min(firstLength, seqLen - 2)
    let secondKeep = min(secondLength, max(0, seqLen - firstKeep - 3))

    var tokens: [Int32] = []
    tokens.reserveCapacity(firstKeep + secondKeep + 3)
    tokens.append(special.cls)
    carry.removeAll(keepingCapacity: true)
    carryEnds.removeAll(keepingCapacity: true)
    copy(firstSegments, keeping: firstKeep, into: &tokens)
    tokens.append(special.sep)
    let firstEnd = tokens.count
    if secondKeep > 0 {
      copy(secondSegments, keeping: secondKeep, into: &tokens)
      tokens.append(special.sep)
    } else {
      copy(secondSegments, keeping: 0, into: &tokens)
    }

    let leftover = firstLength + secondLength - firstKeep - secondKeep
    switch mode {
    case .electra:
      counts.tokensDropped += leftover
      pending.removeAll(keepingCapacity: true)
      segmentEnds.removeAll(keepingCapacity: true)
    case .lossless:
      swap(&pending, &carry)
      swap(&segmentEnds, &carryEnds)
    }

    targetLength = random.random() < 0.05 ? random.randint(5, seqLen) : seqLen

    counts.examples += 1
    counts.tokensOut += firstKeep + secondKeep
    counts.padding += seqLen - tokens.count
    if secondKeep > 0 { counts.twoSegmentExamples += 1 }
    return PackedExample(tokens: tokens, firstSegmentEnd: firstEnd, source: pendingSource)
  }

  /// Appends the first `keep` tokens of the segments `indices` (in that order) to `tokens`, and
  /// the rest to `carry` as segments of their own.
  private mutating func copy(_ indices: [Int], keeping keep: Int, into tokens: inout [Int32]) {
    var remaining = keep
    for index in indices {
      let start = index == 0 ? 0 : segmentEnds[index - 1]
      let end = segmentEnds[index]
      let taken = min(remaining, end - start)
      if taken > 0 {
        tokens.append(contentsOf: pending[start..<(start + taken)])
        remaining -= taken
      }
      if taken < end - start, mode == .lossless {
        carry.append(contentsOf: pending[(start + taken)..<end])
        carryEnds.append(carry.count)
      }
    }
  }
}
