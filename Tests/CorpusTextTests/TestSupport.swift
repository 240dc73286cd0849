import Foundation

/// SplitMix64: a seeded generator, so random tests are the same on every run.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// The directory of this test target's fixtures.
enum Fixtures {
  static let directory: URL = {
    if let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) { return url }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
  }()

  static func text(_ name: String) throws -> String {
    try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
  }
}

/// Pieces that random test strings are made of: ASCII, Danish letters, many scripts,
/// combining marks, context-sensitive sequences, chunk ends, symbols and emoji.
let randomPieces: [String] = [
  "a", "b", "k", "x", "y", "Z", "t", "s", "h", " ", "  ", ";", "'", "\"", "1", "9", ".", ",", "-", "<", "=", "\t",
  "æ", "ø", "å", "Å", "Æ", "Ø", "§",
  "α", "β", "Σ", "ς", "σ", "ου", "ή", "ί", "Ψ", "·", "Μπ", "μπ", "ντ", "γκ", "Ά", "ΰ", "ῥ", "Ἁ", "ᾳ", ";",
  "Ж", "щ", "ь", "ъ", "Ё", "й", "ы", "Ї", "є", "ч",
  "中", "国", "人", "東", "京", "語", "〇", "。", "、", "「", "」", "藏", "文", "重", "庆",
  "か", "っ", "ゃ", "ー", "キ", "ャ", "ッ", "ン", "ヴ", "ァ", "ヽ", "ゞ", "゛", "ｶ", "ﾞ",
  "한", "국", "어", "ㄱ", "ㅏ", "ᄀ", "ᅡ",
  "ع", "ر", "ب", "ي", "ة", "ّ", "َ", "٣", "،", "٫",
  "ש", "ל", "ו", "ם", "ִ",
  "न", "म", "स", "्", "ते", "ँ", "ं", "।", "३", "क्ष",
  "ก", "า", "ร", "ไ", "่",
  "é", "ü", "ß", "Œ", "œ", "Þ", "þ", "ð", "Ł", "ǅ", "ĳ", "ı", "ʼ", "ˈ", "ǻ",
  "\u{301}", "\u{308}", "\u{338}", "\u{30A}", "\u{20DD}", "\u{200D}", "\u{AD}", "\u{327}",
  "–", "—", "“", "”", "„", "‘", "’", "…", "€", "£", "©", "®", "™", "½", "²", "°", "×", "÷", "№", "℃", "①",
  "Ａ", "ｂ", "１", "！", "　", "\u{202F}", "\u{2028}", "\u{85}", "\r", "\r\n",
  "😀", "👍🏽", "🇩🇰", "𝔸", "𝒳", "\u{2000B}", "\u{1F469}\u{200D}\u{1F4BB}",
  "ա", "Ա", "ს", "ა", "ܐ", "ހ", "ት", "Ꭰ", "ᐁ", "ᚠ", "ꙮ", "ⴰ",
]

/// A random string of 1…`maximum` pieces.
func randomText(_ rng: inout SplitMix64, maximum: Int = 12) -> String {
  var text = ""
  for _ in 0..<Int.random(in: 1...maximum, using: &rng) {
    text += randomPieces[Int.random(in: 0..<randomPieces.count, using: &rng)]
  }
  return text
}
