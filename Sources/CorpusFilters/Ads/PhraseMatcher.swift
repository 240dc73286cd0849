/// Multi-phrase matching in one pass (Aho–Corasick automaton compiled to a dense transition
/// table over byte classes), on text folded by ``MatchText``: lower-case, white space runs as
/// one space, punctuation outside ASCII as a space.
///
/// Each phrase has a category (0–7). A match counts only on word boundaries: the bytes before
/// its start and after its end are not word bytes (ASCII letters and digits, and every byte of
/// a non-ASCII letter); a phrase written with a trailing `*` needs no boundary at its end.
///
/// A line can also be matched unfolded (``scanUnfolded(_:)``): its raw byte classes fold case
/// (``unfoldedByte(_:)``), a state entered on a space stays there on white space (the folding
/// collapses white-space runs), and other non-ASCII scalars are stepped over out of line.
///
/// - Complexity: building O(total phrase bytes × classes); matching O(n + matches).
struct PhraseMatcher: Sendable {
  struct Output: Sendable {
    var length: Int32
    var category: UInt8
    var prefix: Bool
    /// The phrase holds a space (unfolded, it may span more bytes than its length).
    var spaced: Bool
  }

  /// Per category: hits, and whether one hit starts or ends the line's words.
  struct Hits {
    var count: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0)
    var atEdge: UInt8 = 0
    var atStart: UInt8 = 0
    var any: UInt8 = 0

    @inline(__always) func count(_ category: UInt8) -> Int {
      withUnsafeBytes(of: count) { Int($0[Int(category)]) }
    }

    @inline(__always) func touchesEdge(_ category: UInt8) -> Bool { atEdge & (1 << category) != 0 }

    @inline(__always) func startsLine(_ category: UInt8) -> Bool { atStart & (1 << category) != 0 }

    /// These hits and `other`'s, as if added one by one.
    @inline(__always) func adding(_ other: Hits) -> Hits {
      var sum = self
      withUnsafeMutableBytes(of: &sum.count) { counts in
        withUnsafeBytes(of: other.count) { more in
          for k in 0..<8 { counts[k] = UInt8(min(Int(counts[k]) + Int(more[k]), 255)) }
        }
      }
      sum.atEdge |= other.atEdge
      sum.atStart |= other.atStart
      sum.any |= other.any
      return sum
    }

    @inline(__always) mutating func add(_ category: UInt8, start: Bool, end: Bool) {
      withUnsafeMutableBytes(of: &count) { $0[Int(category)] = $0[Int(category)] &+ ($0[Int(category)] < 255 ? 1 : 0) }
      any |= 1 << category
      if start || end { atEdge |= 1 << category }
      if start { atStart |= 1 << category }
    }
  }

  /// The last row, which the escape class leads to from every state and which leads only to
  /// itself.
  private let escapeRow: Int
  private let classCount: Int
  /// The transitions, row by row (one row of `classCount` entries per state), with the columns
  /// of folded text (each byte's class) and of unfolded text (the class of its folded byte,
  /// ``unfoldedByte(_:)``, or the escape class, after all byte classes, for a byte that starts a
  /// scalar stepped over out of line).
  ///
  /// Rows are named by offsets, which save a multiplication per byte in the scan's dependency
  /// chain. A state entered on a space loops on a space (folded text has no two in a row).
  private let table: TransitionTable
  /// States are numbered with those that have outputs last, their rows from this power of two
  /// on: a row is emitting (or an escape) exactly when it has this bit or a higher one, a test
  /// off the dependency chain, and for several rows at once on their OR.
  private let emittingRows: Int
  /// The states without outputs (numbered first).
  private let quietStates: Int
  private let outputStart: [Int32]
  private let outputs: [Output]
  private let scalars = ScalarClassifier()

  /// The most states the automaton holds (phrase bytes beyond are not matched).
  static let maximumStates = 0x8000

  /// Compiles `phrases` (text, category).
  ///
  /// Phrases are folded like the text; empty ones are skipped.
  init(phrases: [(String, UInt8)]) {
    var folded: [([UInt8], UInt8, Bool)] = []
    var text = MatchText()
    for (phrase, category) in phrases {
      var p = phrase
      var prefix = false
      if p.hasSuffix("*") {
        prefix = true
        p.removeLast()
      }
      let bytes = text.fold(p)
      if !bytes.isEmpty { folded.append((bytes, category, prefix)) }
    }
    // Byte classes: each byte used by a phrase gets its own class; all others share class 0.
    var byteClass = [UInt8](repeating: 0, count: 256)
    var classes = 1
    for (bytes, _, _) in folded {
      for b in bytes where byteClass[Int(b)] == 0 && classes < 255 {
        byteClass[Int(b)] = UInt8(classes)
        classes += 1
      }
    }
    // The escape class: the bytes of unfolded text that do not fold on their own.
    let escape = classes
    classes += 1
    // Trie, with the class each state is entered on.
    var children: [[UInt8: Int]] = [[:]]
    var own: [[Output]] = [[]]
    var entry: [UInt8] = [0]
    for (bytes, category, prefix) in folded {
      var state = 0
      for b in bytes {
        let c = byteClass[Int(b)]
        if let next = children[state][c] {
          state = next
        } else {
          children.append([:])
          own.append([])
          entry.append(c)
          children[state][c] = children.count - 1
          state = children.count - 1
        }
      }
      own[state].append(
        Output(length: Int32(bytes.count), category: category, prefix: prefix, spaced: bytes.contains(0x20)))
    }
    let stateCount = min(children.count, Self.maximumStates)
    // Failure links and the dense table, breadth first.
    var delta = [UInt16](repeating: 0, count: stateCount * classes)
    var fail = [Int](repeating: 0, count: stateCount)
    var merged = own
    var queue: [Int] = []
    for (c, next) in children[0] where next < stateCount {
      delta[Int(c)] = UInt16(next)
      queue.append(next)
    }
    var head = 0
    while head < queue.count {
      let state = queue[head]
      head += 1
      if fail[state] != state { merged[state] += merged[fail[state]] }
      for c in 0..<classes {
        if let next = children[state][UInt8(c)], next < stateCount {
          fail[next] = Int(delta[fail[state] * classes + c])
          delta[state * classes + c] = UInt16(next)
          queue.append(next)
        } else {
          delta[state * classes + c] = delta[fail[state] * classes + c]
        }
      }
    }
    // Renumbering: states without outputs first (the root, which has none, stays 0).
    let order = (0..<stateCount).filter { merged[$0].isEmpty } + (0..<stateCount).filter { !merged[$0].isEmpty }
    let quiet = merged.prefix(stateCount).filter(\.isEmpty).count
    let emittingRows = 1 << (Int.bitWidth - (quiet * classes - 1).leadingZeroBitCount)
    let escapeRow = emittingRows + (stateCount - quiet) * classes
    var number = [Int](repeating: 0, count: stateCount)
    for (k, state) in order.enumerated() {
      number[state] = k < quiet ? k * classes : emittingRows + (k - quiet) * classes
    }
    var transitions = [UInt32](repeating: UInt32(escapeRow), count: escapeRow + classes)
    var outputStart: [Int32] = [0]
    var outputs: [Output] = []
    let space = Int(byteClass[0x20])
    for state in order {
      let row = number[state]
      for c in 0..<classes { transitions[row + c] = UInt32(number[Int(delta[state * classes + c])]) }
      if state != 0, space != 0, Int(entry[state]) == space { transitions[row + space] = UInt32(row) }
      transitions[row + escape] = UInt32(escapeRow)
      outputs += merged[state]
      outputStart.append(Int32(outputs.count))
    }
    let rawClass = (0..<256).map { b in Self.unfoldedByte(UInt8(b)).map { byteClass[Int($0)] } ?? UInt8(escape) }
    self.table = TransitionTable(rows: transitions, foldedClass: byteClass, rawClass: rawClass)
    self.escapeRow = escapeRow
    self.classCount = classes
    self.emittingRows = emittingRows
    self.quietStates = quiet
    self.outputStart = outputStart
    self.outputs = outputs
  }

  @inline(__always)
  static func isWordByte(_ b: UInt8) -> Bool {
    b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
  }

  /// ASCII white space, which ``MatchText`` folds to one space per run.
  @inline(__always)
  static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

  /// What ``MatchText`` folds byte `b` of a line to, where the byte folds on its own.
  ///
  /// That is when it is ASCII, the lead byte `C3` of a Latin-1 letter, or a continuation byte
  /// after `C3` (`À`–`ÿ`): white space to a space, `A`–`Z` and the continuation bytes of
  /// `À`–`Þ` lower-cased. `nil` for the other lead bytes and for the continuation bytes of `×`
  /// and `÷` (`97`, `B7`), which fold to a space.
  ///
  /// Such bytes fold one by one but for white-space runs, and each is a word byte exactly when
  /// its folded byte is.
  static func unfoldedByte(_ b: UInt8) -> UInt8? {
    if isSpace(b) { return 0x20 }
    if b >= 0x41 && b <= 0x5A { return b | 0x20 }
    if b == 0x97 || b == 0xB7 || (b >= 0xC0 && b != 0xC3) { return nil }
    return b >= 0x80 && b <= 0x9E ? b | 0x20 : b
  }

  /// The hits in text folded by ``MatchText``.
  ///
  /// A hit starting at or before the first word byte starts
  /// the line; one ending at or after the last word byte ends it.
  ///
  /// - Complexity: O(n + matches): one table step per byte.
  func scan(_ text: UnsafeBufferPointer<UInt8>) -> Hits {
    scan(text, folded: true).unsafelyUnwrapped
  }

  /// The hits in `line` (no LF inside) as they are in its folded text, matched without folding,
  /// or `nil` when the line must be folded first: it holds a letter or digit outside ASCII and
  /// `C3 xx`, or `×` or `÷`.
  ///
  /// - Complexity: O(n + matches): one table step per byte.
  func scanUnfolded(_ line: UnsafeBufferPointer<UInt8>) -> Hits? {
    scan(line, folded: false)
  }

  /// Lines at least this long are scanned as two halves side by side (``scan(_:folded:)``).
  static let splitLength = 160
  /// How far before its start the second half's automaton starts from the root: past the
  /// longest phrases, so that its row where the half starts is almost always the whole line's.
  static let warmUp = 48

  /// The scan of ``scan(_:)`` (`folded`, never `nil`) and ``scanUnfolded(_:)``: in one pass, or
  /// a long line as two halves side by side (``scanHalves(_:base:at:folded:)``).
  @inline(__always)
  private func scan(_ text: UnsafeBufferPointer<UInt8>, folded: Bool) -> Hits? {
    guard let base = text.baseAddress, text.count > 0 else { return Hits() }
    if text.count >= Self.splitLength, let mid = Self.splitPoint(text) {
      return scanHalves(text, base: base, at: mid, folded: folded)
    }
    var whole = Stream(text, base: base, from: 0, to: text.count, row: 0)
    return finish(&whole, folded: folded, emits: true) ? whole.hits : nil
  }

  /// The scan of `text` (at `base`) as two halves at once, split at `mid`: the automaton's table
  /// loads form one chain of dependent loads per byte, the scan's bound, and two chains overlap.
  ///
  /// The second half's automaton starts ``warmUp`` bytes before the half, which its hits do not
  /// count; if its row at the half's start is not the first half's row at its end, the second
  /// half is scanned again from that row. Both halves are exactly the one-pass scan: a state
  /// depends only on the row before and the bytes after.
  @inline(__always)
  private func scanHalves(_ text: UnsafeBufferPointer<UInt8>, base: UnsafePointer<UInt8>, at mid: Int, folded: Bool)
    -> Hits?
  {
    let columns = table.columns(folded: folded)
    let emitting = TransitionTable.offset(ofRowAt: emittingRows)
    @inline(__always) func next(_ row: Int, _ b: UInt8) -> Int { TransitionTable.next(row, columns[Int(b)]) }
    // The second half's automaton, from the root a little before the half, to the half.
    var warmStart = mid - Self.warmUp
    while text[warmStart] & 0xC0 == 0x80 { warmStart -= 1 }
    var warm = Stream(text, base: base, from: warmStart, to: mid, row: 0)
    guard finish(&warm, folded: folded, emits: false) else { return nil }
    var first = Stream(text, base: base, from: 0, to: mid, row: 0)
    var second = Stream(text, base: base, from: mid, to: text.count, row: warm.row)
    while first.p < first.blocksEnd && second.p < second.blocksEnd {
      // Both halves four bytes at a time while neither meets an emitting row, in registers.
      var (x, p, y, q) = (first.row, first.p, second.row, second.p)
      var quiet = (true, true)
      repeat {
        let x0 = next(x, p[0])
        let y0 = next(y, q[0])
        let x1 = next(x0, p[1])
        let y1 = next(y0, q[1])
        let x2 = next(x1, p[2])
        let y2 = next(y1, q[2])
        let x3 = next(x2, p[3])
        let y3 = next(y2, q[3])
        quiet = (x0 | x1 | x2 | x3 < emitting, y0 | y1 | y2 | y3 < emitting)
        guard quiet.0 && quiet.1 else {
          // Each half that was quiet keeps its block; the other is stepped byte by byte.
          if quiet.0 { (x, p) = (x3, p + 4) }
          if quiet.1 { (y, q) = (y3, q + 4) }
          break
        }
        (x, p, y, q) = (x3, p + 4, y3, q + 4)
      } while p < first.blocksEnd && q < second.blocksEnd
      (first.row, first.p, second.row, second.p) = (x, p, y, q)
      if !quiet.0, !stepBlock(&first, folded: folded, emits: true) { return nil }
      if !quiet.1, !stepBlock(&second, folded: folded, emits: true) { return nil }
    }
    guard finish(&first, folded: folded, emits: true) else { return nil }
    if first.row != warm.row { second = Stream(text, base: base, from: mid, to: text.count, row: first.row) }
    guard finish(&second, folded: folded, emits: true) else { return nil }
    return first.hits.adding(second.hits)
  }

  /// Where a long line is split: the first ASCII byte from its middle on (no scalar spans it),
  /// or `nil` when there is none near.
  private static func splitPoint(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
    var mid = text.count / 2
    while text[mid] >= 0x80 {
      mid += 1
      if mid == text.count || mid > text.count / 2 + 16 { return nil }
    }
    return mid
  }

  /// The scan of one range of a line: where it is, the automaton's row, the hits so far.
  private struct Stream {
    /// The whole line (hits and word boundaries are found in it).
    let text: UnsafeBufferPointer<UInt8>
    let start: UnsafePointer<UInt8>
    let end: UnsafePointer<UInt8>
    /// Where the range's last block of four bytes starts (no pointer before it is formed).
    let blocksEnd: UnsafePointer<UInt8>
    var p: UnsafePointer<UInt8>
    var row: Int
    var hits = Hits()
    var edges = LineEdges()

    /// The range `from ..< to` of `text` (not empty, at `base`) from `row`.
    @inline(__always)
    init(_ text: UnsafeBufferPointer<UInt8>, base start: UnsafePointer<UInt8>, from: Int, to: Int, row: Int) {
      self.text = text
      self.start = start
      p = start + from
      end = start + to
      blocksEnd = to - from >= 4 ? end - 3 : p
      self.row = row
    }
  }

  /// Scans the rest of `s`'s range, adding its hits when `emits`; `false` when the line must be
  /// folded first.
  @inline(__always)
  private func finish(_ s: inout Stream, folded: Bool, emits: Bool) -> Bool {
    let columns = table.columns(folded: folded)
    let emitting = TransitionTable.offset(ofRowAt: emittingRows)
    @inline(__always) func next(_ row: Int, _ b: UInt8) -> Int { TransitionTable.next(row, columns[Int(b)]) }
    var row = s.row
    var p = s.p
    while p < s.end {
      // Four bytes at a time, one test on the OR of their rows.
      if p < s.blocksEnd {
        repeat {
          let r0 = next(row, p[0])
          let r1 = next(r0, p[1])
          let r2 = next(r1, p[2])
          let r3 = next(r2, p[3])
          if r0 | r1 | r2 | r3 >= emitting { break }
          row = r3
          p += 4
        } while p < s.blocksEnd
      }
      (s.row, s.p) = (row, p)
      guard stepBlock(&s, folded: folded, emits: emits) else { return false }
      (row, p) = (s.row, s.p)
    }
    return true
  }

  /// Steps `s` byte by byte through its next four bytes (or its last ones), where a row is
  /// emitting or the escape: adds the hits (when `emits`) and steps over the scalars that do
  /// not fold on their own; `false` when the line must be folded first.
  @inline(__always)
  private func stepBlock(_ s: inout Stream, folded: Bool, emits: Bool) -> Bool {
    let columns = table.columns(folded: folded)
    let emitting = TransitionTable.offset(ofRowAt: emittingRows)
    let escape = TransitionTable.offset(ofRowAt: escapeRow)
    let blockEnd = min(s.p + 4, s.end)
    while s.p < blockEnd {
      let from = s.row
      s.row = TransitionTable.next(s.row, columns[Int(s.p[0])])
      s.p += 1
      guard s.row >= emitting else { continue }
      if !folded, s.row == escape {
        guard let step = stepOver(s.text, at: s.start.distance(to: s.p) &- 1, from: from) else { return false }
        s.row = step.row
        s.p = s.start + step.end
        continue
      }
      if emits {
        emit(row: s.row, end: s.start.distance(to: s.p), in: s.text, folded: folded, edges: &s.edges, into: &s.hits)
      }
    }
    return true
  }

  /// Steps the state at `row` over the scalar starting at `text[index]`.
  ///
  /// The byte there has no raw class: a scalar that folds to a space does what a space does.
  /// Returns the next row and where the scalar ends, or `nil` for a letter or digit and for the
  /// continuation of `×` or `÷`.
  @inline(never)
  private func stepOver(_ text: UnsafeBufferPointer<UInt8>, at index: Int, from row: Int) -> (row: Int, end: Int)? {
    guard text[index] >= 0xC0 else { return nil }
    let (value, length) = UTF8Scalar.decode(text, at: index)
    let cls = scalars.classify(value)
    if cls.contains(.letter) || cls.contains(.digit) { return nil }
    return (TransitionTable.next(row, table.columns(folded: false)[0x20]), index + length)
  }

  /// The first and last word byte of a line, found on its first hit.
  private struct LineEdges {
    var first = -1
    var last = -1
  }

  /// Adds the outputs of the state at `row`, reached after `text[end - 1]`, that sit on word
  /// boundaries.
  ///
  /// In an unfolded line (unless `folded`) a byte is a word byte when its folded byte is, and a
  /// folded space is a run of white space and scalars stepped over.
  @inline(never)
  private func emit(
    row: Int, end: Int, in text: UnsafeBufferPointer<UInt8>, folded: Bool, edges: inout LineEdges,
    into hits: inout Hits
  ) {
    // Unfolded, the bytes of 80 and up are those of `C3 xx` letters and of scalars stepped over.
    func isWord(_ j: Int) -> Bool {
      let b = text[j]
      if folded || b < 0x80 || b == 0xC3 { return Self.isWordByte(b) }
      return b < 0xC0 && j > 0 && text[j - 1] == 0xC3
    }
    let n = text.count
    let row = row / MemoryLayout<UInt32>.stride
    let state = row < emittingRows ? row / classCount : quietStates + (row - emittingRows) / classCount
    for k in Int(outputStart[state])..<Int(outputStart[state + 1]) {
      let o = outputs[k]
      var start = end - Int(o.length)
      if !folded && o.spaced {
        // A phrase neither starts nor ends with a space, so each run is whole.
        func isSpace(_ j: Int) -> Bool { Self.isSpace(text[j]) || (text[j] >= 0x80 && !isWord(j)) }
        start = end
        for _ in 0..<o.length {
          start -= 1
          while start > 0, isSpace(start), isSpace(start - 1) { start -= 1 }
        }
      }
      if start > 0 && isWord(start - 1) { continue }
      if !o.prefix && end < n && isWord(end) { continue }
      if edges.first < 0 {
        edges.first = (0..<n).first(where: isWord) ?? n
        edges.last = (0..<n).last(where: isWord) ?? -1
      }
      hits.add(o.category, start: start <= edges.first, end: end - 1 >= edges.last)
    }
  }
}

/// Text folded for phrase matching: ASCII and Latin-1 letters lower-cased (other letters via
/// Unicode), every run of white space and every non-ASCII punctuation or symbol as one space,
/// leading space dropped; ASCII punctuation and digits kept.
struct MatchText: Sendable {
  private(set) var buffer: [UInt8] = Array(repeating: 0, count: 1024)
  private let classes = ScalarClassifier()

  /// Folds `bytes` into the buffer and calls `body` with the result.
  @inline(__always)
  mutating func withFolded<R>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    let needed = bytes.count * 3 + 16
    if buffer.count < needed { buffer = Array(repeating: 0, count: needed) }
    let classes = self.classes
    return buffer.withUnsafeMutableBufferPointer { out in
      guard let o = out.baseAddress else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
      var w = 0
      var space = true  // drops leading space
      var i = 0
      let n = bytes.count
      while i < n {
        if i + 8 <= n {
          let (folded, length) = Self.foldedWord(bytes.baseAddress.unsafelyUnwrapped + i, afterSpace: space)
          if length > 0 {
            UnsafeMutableRawPointer(o + w).storeBytes(of: folded.littleEndian, as: UInt64.self)
            w += length
            i += length
            space = folded >> UInt64((length - 1) << 3) & 0xFF == 0x20
            continue
          }
        }
        let b = bytes[i]
        if b < 0x80 {
          i += 1
          if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
            if !space {
              o[w] = 0x20
              w += 1
              space = true
            }
            continue
          }
          o[w] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
          w += 1
          space = false
          continue
        }
        let (value, length) = UTF8Scalar.decode(bytes, at: i)
        i += length
        let cls = classes.classify(value)
        if cls.contains(.letter) || cls.contains(.digit) {
          if cls.contains(.changesWhenLowercased) {
            _ = UnicodeClass.appendLowercased(value, to: o, at: &w)
          } else {
            UnicodeClass.encode(value, to: o, at: &w)
          }
          space = false
        } else if !space {
          o[w] = 0x20
          w += 1
          space = true
        }
      }
      return body(UnsafeBufferPointer(start: o, count: w))
    }
  }

  /// Eight bytes at `p` folded at once (letters lower-cased), and how many of them are final:
  /// those before the first that needs the byte loop (a byte outside printable ASCII, the
  /// second of two spaces, a space after one).
  @inline(__always)
  private static func foldedWord(_ p: UnsafePointer<UInt8>, afterSpace: Bool) -> (word: UInt64, length: Int) {
    let ones = SWAR.ones
    let word = SWAR.load(p)
    // High bit of each byte below 0x20 or above 0x7E (bytes ≥ 0x80 have it already).
    let outside = (~(word &+ 0x60 &* ones) | (word & SWAR.low7 &+ ones) | word) & SWAR.highBits
    // Spaces (exact before the first outside byte: carries only come from outside bytes and
    // run towards later bytes).
    let spaces = ~((word ^ 0x20 &* ones) &+ SWAR.low7) & SWAR.highBits
    let stop = outside | spaces & (spaces << 8 | (afterSpace ? 0x80 : 0))
    let length = stop == 0 ? 8 : stop.trailingZeroBitCount >> 3
    return (word | SWAR.inRange(word & SWAR.low7, 0x41, 0x5A) >> 2, length)  // A–Z lower-cased
  }

  /// The folded bytes of `text`, trailing space removed.
  mutating func fold(_ text: String) -> [UInt8] {
    var copy = text
    var result = copy.withUTF8 { bytes in withFolded(bytes) { Array($0) } }
    while result.last == 0x20 { result.removeLast() }
    return result
  }
}
