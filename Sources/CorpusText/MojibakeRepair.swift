#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Repairs UTF-8 that was decoded as Windows-1252 or Latin-1 (`pÃ¥` → `på`, `â€™` → `’`,
/// `Ã¸` → `ø`, `ï»¿` → BOM, `ï¿½` → U+FFFD), also when it happened twice (run it again).
///
/// A sequence is repaired only when the reinterpretation is plausible, in the spirit of ftfy:
/// its characters, encoded back to Windows-1252/Latin-1 bytes, must be valid UTF-8 (a lead
/// byte `Â`–`ô` and the right number of continuation bytes), and what they decode to must be
/// a character that mojibake typically hides:
/// - alone: Latin-1 and Latin Extended letters and signs (U+00A0–U+024F), Latin/Greek
///   Extended Additional (U+1E00–U+1FFF), general punctuation, currency, letterlike, number
///   and arrow forms, mathematical operators, box drawing, shapes, symbols and dingbats
///   (U+2000–U+27BF), U+FEFF, U+FFFD, emoji (U+1F000–U+1FAFF);
/// - only in a run of at least two repaired sequences: letters of other scripts (Greek,
///   Cyrillic, Hebrew, Arabic, CJK, Hangul, …), so that Danish `på……` or `Ø«` stay as they
///   are; and two-character sequences whose lead is a capital from `Ä` on (not `Ã`/`Â`, the
///   usual mojibake leads) followed by ordinary punctuation (`SÅ…`, `PÅ»`, `NÆ”`).
/// C1 controls, combining marks alone, private-use and unassigned characters are never the
/// result. Text that merely contains `Ã`, `Â` or `Ø` (not followed by the right continuation
/// characters) stays as it is.
enum MojibakeRepair {
  /// Whether `input` might hold mojibake: a lead character U+00C2–U+00F4 (`C3 82`–`C3 B4`)
  /// followed by a character whose UTF-8 starts with C2, C5, C6, CB or E2 (where all the
  /// continuation-byte characters of Windows-1252/Latin-1 live).
  ///
  /// - Complexity: O(n); one comparison per byte in the common case.
  static func mightContain(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let p = input.baseAddress, input.count >= 4 else { return false }
    let n = input.count
    var i = 0
    while i + 2 < n {
      if p[i] == 0xC3 {
        let second = p[i + 1]
        if second >= 0x82 && second <= 0xB4 && isContinuationLead(p[i + 2]) { return true }
        i += 2
      } else {
        i += 1
      }
    }
    return false
  }

  @inline(__always)
  private static func isContinuationLead(_ b: UInt8) -> Bool {
    b == 0xC2 || b == 0xC5 || b == 0xC6 || b == 0xCB || b == 0xE2
  }

  private struct Candidate {
    var start: Int
    var end: Int
    var value: UInt32
    var needsRun: Bool
  }

  /// Appends `input` with plausible mojibake repaired to `output`.
  ///
  /// Returns how many sequences were repaired; when none were, appends nothing. One pass repairs
  /// one layer; the caller repeats it for double mojibake.
  ///
  /// - Complexity: O(n).
  static func repair(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Int {
    guard let p = input.baseAddress else { return 0 }
    let n = input.count
    var candidates: [Candidate] = []
    var i = 0
    while i + 2 < n {
      // The next `C3` that can start a sequence (`memchr`: in Danish text, one every few dozen
      // bytes, mostly `æ` and `å` followed by ASCII).
      guard let lead = memchr(p + i, 0xC3, n - 2 - i) else { break }
      i = p.distance(to: lead.assumingMemoryBound(to: UInt8.self))
      guard p[i + 1] >= 0x82, p[i + 1] <= 0xB4 else {
        i += 1
        continue
      }
      if let candidate = candidate(p, i, n) {
        candidates.append(candidate)
        i = candidate.end
      } else {
        i += 2
      }
    }
    var repaired = 0
    var emitted = 0
    for (k, candidate) in candidates.enumerated() {
      if candidate.needsRun {
        let joinedBefore = k > 0 && candidates[k - 1].end == candidate.start
        let joinedAfter = k + 1 < candidates.count && candidates[k + 1].start == candidate.end
        guard joinedBefore || joinedAfter else { continue }
      }
      output.append(contentsOf: UnsafeBufferPointer(start: p + emitted, count: candidate.start - emitted))
      UTF8Scalars.append(candidate.value, to: &output)
      emitted = candidate.end
      repaired += 1
    }
    if repaired > 0 { output.append(contentsOf: UnsafeBufferPointer(start: p + emitted, count: n - emitted)) }
    return repaired
  }

  /// The sequence whose lead character (U+00C2–U+00F4) is at `p[i]`, if its bytes are valid
  /// UTF-8 for a plausible character.
  private static func candidate(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Candidate? {
    let lead = UInt32(p[i + 1]) + 0x40  // C3 82 → U+00C2 → byte 0xC2
    let continuations = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3
    var value = lead < 0xE0 ? lead & 0x1F : lead < 0xF0 ? lead & 0x0F : lead & 0x07
    var j = i + 2
    var first: UInt32 = 0
    for k in 0..<continuations {
      guard j < n else { return nil }
      let (scalar, length) = UTF8Scalars.decode(p, j, n)
      if k == 0 { first = scalar }
      guard let byte = Windows1252.encode(scalar), byte >= 0x80, byte < 0xC0 else { return nil }
      if k == 0 {
        // The second byte's range rules out overlong forms, surrogates and values > U+10FFFF.
        switch lead {
        case 0xE0: guard byte >= 0xA0 else { return nil }
        case 0xED: guard byte < 0xA0 else { return nil }
        case 0xF0: guard byte >= 0x90 else { return nil }
        case 0xF4: guard byte < 0x90 else { return nil }
        default: break
        }
      }
      value = value << 6 | UInt32(byte & 0x3F)
      j += length
    }
    guard var plausibility = plausibility(value) else { return nil }
    // `SÅ…`, `PÅ»`, `NÆ”`: a capital letter of Danish, German, French … before ordinary
    // punctuation is more likely real than `Ã`/`Â` mojibake.
    if continuations == 1 && lead >= 0xC4 && isPunctuationAfterLetter(first) { plausibility = .inRun }
    return Candidate(start: i, end: j, value: value, needsRun: plausibility == .inRun)
  }

  /// Punctuation that often follows a letter in real text: closing quotes and guillemets,
  /// ellipsis, dashes, bullets, the acute used as an apostrophe, °, ®, ©, ™.
  @inline(__always)
  private static func isPunctuationAfterLetter(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 0x2019, 0x201D, 0x201C, 0x2026, 0x2013, 0x2014, 0x00BB, 0x00AB, 0x203A, 0x2039, 0x00B4, 0x00B7, 0x2022,
      0x00B0, 0x00AE, 0x00A9, 0x2122:
      return true
    default:
      return false
    }
  }

  private enum Plausibility { case alone, inRun }

  /// Whether `value` is what mojibake typically hides (see the type's documentation).
  private static func plausibility(_ value: UInt32) -> Plausibility? {
    switch value {
    case 0x00A0...0x024F, 0x1E00...0x1FFF, 0x2000...0x27BF, 0xFEFF, 0xFFFD, 0x1F000...0x1FAFF:
      return .alone
    case 0x0080...0x009F, 0xE000...0xF8FF, 0xF0000...:
      return nil
    default:
      guard let scalar = Unicode.Scalar(value) else { return nil }
      switch scalar.properties.generalCategory {
      case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .modifierLetter,
        .decimalNumber, .otherPunctuation, .otherSymbol, .spacingMark:
        return .inRun
      default:
        return nil
      }
    }
  }
}
