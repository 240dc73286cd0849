import Testing

@testable import CorpusFilters

/// The eight-bytes-at-a-time scanners against byte-at-a-time references, at every start
/// offset of texts that put every kind of byte at every position of an eight-byte word.
@Suite struct ByteScanTests {
  /// Texts mixing letters of both cases, digits, the bytes around each class boundary
  /// (`/` `:` `@` `[` `` ` `` `{`), spaces, TAB, DEL and UTF-8 (`æ`, `ØÅ`, `€`, `»`, NBSP, `İ`).
  static let texts: [[UInt8]] = {
    let pieces = [
      "Køb", "NU", "199,-", "kr.", "abcXYZ09", "@[`{", "/:", " ", "  ", "\t", "\u{7F}", "æøå", "€", "Zz", "a",
      "0123456789", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "q", ".", "ØÅ", "»", "\u{A0}", "İ",
    ]
    var generator = SplitMix64(seed: 7)
    var texts: [[UInt8]] = pieces.map { Array($0.utf8) }
    for _ in 0..<200 {
      var text: [UInt8] = []
      for _ in 0..<Int.random(in: 1...12, using: &generator) {
        text += Array(pieces[Int.random(in: 0..<pieces.count, using: &generator)].utf8)
      }
      texts.append(text)
    }
    return texts
  }()

  /// Runs `body` on `text` at every start offset.
  func forEachStart(_ text: [UInt8], _ body: (UnsafePointer<UInt8>, Int, Int) -> Void) {
    text.withUnsafeBufferPointer { buffer in
      guard let p = buffer.baseAddress else { return }
      for start in 0..<buffer.count { body(p, start, buffer.count) }
    }
  }

  @Test func alphanumericRunEqualsByteLoop() {
    for text in Self.texts {
      forEachStart(text) { p, start, n in
        var end = start
        var letters = 0
        var uppercase = 0
        while end < n, ASCII.isAlphanumeric(p[end]) {
          if ASCII.isLetter(p[end]) { letters += 1 }
          if p[end] >= 0x41 && p[end] <= 0x5A { uppercase += 1 }
          end += 1
        }
        let run = AlphanumericRun.scan(p, from: start, to: n)
        #expect(run.end == end && run.letters == letters && run.uppercase == uppercase, "\(text) from \(start)")
      }
    }
  }

  @Test func keyFoldingEqualsByteLoop() {
    for text in Self.texts {
      forEachStart(text) { p, start, n in
        var expected: [UInt8] = []
        var end = start
        while end < n, ASCII.isAlphanumeric(p[end]) {
          expected.append(ASCII.keyFolded(p[end]))
          end += 1
        }
        var out = [UInt8](repeating: 0, count: n + 8)
        var w = 0
        let scanned = out.withUnsafeMutableBufferPointer { o in
          AlphanumericRun.scanKeyFolding(p, from: start, to: n, into: o.baseAddress!, at: &w)
        }
        #expect(scanned == end && Array(out[0..<w]) == expected, "\(text) from \(start)")
      }
    }
  }

  @Test(arguments: [0x00, 0x2E, 0x7F, 0x80, 0x97, 0xB7, 0xC3, 0xFF] as [UInt8])
  func equalBytesEqualByteLoop(byte: UInt8) {
    var generator = SplitMix64(seed: UInt64(byte))
    let values: [UInt8] = [byte, byte ^ 1, byte ^ 0x80, byte &+ 1, byte &- 1, 0, 0xFF, 0x7F, 0x80]
    for _ in 0..<2000 {
      let bytes = (0..<8).map { _ in values[Int.random(in: 0..<values.count, using: &generator)] }
      let word = bytes.withUnsafeBufferPointer { SWAR.load($0.baseAddress!) }
      var expected: UInt64 = 0
      for (k, b) in bytes.enumerated() where b == byte { expected |= 0x80 << (8 * k) }
      #expect(SWAR.equal(word, byte) == expected, "\(bytes)")
    }
  }

  @Test func scalarCountEqualsUnicodeScalars() {
    for text in Self.texts {
      text.withUnsafeBufferPointer { buffer in
        for start in 0...buffer.count {
          let suffix = UnsafeBufferPointer(rebasing: buffer[start...])
          let expected = suffix.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
          #expect(UTF8Scalar.count(suffix) == expected, "\(text) from \(start)")
        }
      }
    }
  }

  /// Long texts too: the counting kernel adds its byte lanes up every 255 blocks of sixteen.
  @Test(arguments: [0, 15, 16, 24, 4079, 4080, 4096, 10_007])
  func scalarCountOfLongTextsEqualsByteLoop(length: Int) {
    var generator = SplitMix64(seed: UInt64(length))
    let bytes: [UInt8] = (0..<length).map { _ in
      [0x61, 0x20, 0xC3, 0xA6, 0xE2, 0x80, 0x93, 0xBF, 0xC0, 0xFF][Int.random(in: 0..<10, using: &generator)]
    }
    bytes.withUnsafeBufferPointer { buffer in
      for start in [0, 1, 7, 9] where start <= buffer.count {
        let suffix = UnsafeBufferPointer(rebasing: buffer[start...])
        let expected = suffix.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        #expect(UTF8Scalar.count(suffix) == expected, "length \(length) from \(start)")
      }
    }
  }

  /// ``MatchText``'s word-at-a-time path (which folds the printable ASCII bytes before a
  /// non-ASCII one, a control byte or a second space at once) against a scalar-at-a-time fold.
  @Test func matchTextFoldEqualsScalarLoop() {
    var match = MatchText()
    for text in Self.texts {
      forEachStart(text) { p, start, n in
        let suffix = UnsafeBufferPointer(start: p + start, count: n - start)
        var expected: [UInt8] = []
        var space = true
        var i = 0
        while i < suffix.count {
          let (value, length) = UTF8Scalar.decode(suffix, at: i)
          i += length
          let cls = UnicodeClass.classify(value)
          if value < 0x80 && !cls.contains(.whitespace) || cls.contains(.letter) || cls.contains(.digit) {
            expected += Array(String(Unicode.Scalar(value)!.properties.lowercaseMapping).utf8)
            space = false
          } else if !space {
            expected.append(0x20)
            space = true
          }
        }
        let folded = match.withFolded(suffix) { Array($0) }
        #expect(folded == expected, "\(text) from \(start)")
      }
    }
  }
}
