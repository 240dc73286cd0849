import Foundation
import Testing

@testable import CorpusFilters

/// A fresh temporary directory, removed when the value is dropped by `withTemporaryDirectory`.
func withTemporaryDirectory<R>(_ body: (String) throws -> R) throws -> R {
  let path = NSTemporaryDirectory() + "dacorpus-filters-test-" + UUID().uuidString
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: path) }
  return try body(path)
}

/// The path of a committed fixture.
func fixturePath(_ name: String) throws -> String {
  let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
  return url.path
}

/// SplitMix64 for seeded test data.
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

/// `count` seeded texts, each of 1…`maxPieces` random `pieces`, each piece followed by a random
/// one of `separators` with probability `separatorChance`.
func randomTexts(
  count: Int, seed: UInt64, pieces: [String], separators: [String], maxPieces: Int, separatorChance: Double
) -> [String] {
  var generator = SplitMix64(seed: seed)
  return (0..<count).map { _ in
    var text = ""
    for _ in 0..<Int.random(in: 1...maxPieces, using: &generator) {
      text += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
      if Double.random(in: 0..<1, using: &generator) < separatorChance {
        text += separators[Int.random(in: 0..<separators.count, using: &generator)]
      }
    }
    return text
  }
}

/// Danish-looking words for generated text.
let danishWords = """
  og i at det er en til på som de med han af for ikke der var jeg sig men et har om vi min havde hun nu over da \
  fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne ind når være dog noget ville \
  jo deres efter ned skulle denne end dette mit også under have dig anden hende mine alt meget sit sine vor mod \
  disse hvis din nogle hos blive mange ad bliver hendes været kommunen byrådet vedtaget budgettet næste år cykler \
  reservedele åbent hverdage fragt købe butikken nyheder vejret sommer vinter københavn aarhus odense aalborg \
  skolerne forvaltningen udgifterne anlæg brug løbet kommende skoleår haven perfekt glad rigtig hele året rundt \
  regeringen ministeren folketinget forslaget borgerne lærerne eleverne sygehuset patienterne lægerne politiet \
  trafikken motorvejen banen toget bussen havnen fiskerne landmændene markerne høsten regnen solen vinden stormen \
  kysten stranden skoven søen byen landsbyen kirken præsten koret koncerten teatret forestillingen publikum \
  anmelderen bogen forfatteren romanen digtet maleren udstillingen museet samlingen historien arkivet forskeren \
  universitetet studerende undersøgelsen resultatet tallene statistikken økonomien virksomheden medarbejderne
  """.split(separator: " ").map(String.init)

/// `count` words of seeded Danish-looking text.
func randomText(words count: Int, rng: inout SplitMix64) -> String {
  (0..<count).map { _ in danishWords[Int(rng.next() % UInt64(danishWords.count))] }.joined(separator: " ")
}
