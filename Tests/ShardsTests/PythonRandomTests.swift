import Foundation
import Shards
import Testing

@Suite("PythonRandom matches CPython's random.Random")
struct PythonRandomTests {
  static func cases() -> [[String: Any]] {
    (try? Fixture.json("python_random.json"))?["cases"] as? [[String: Any]] ?? []
  }

  static var seeds: [String] { cases().compactMap { $0["seed"] as? String } }

  @Test("fixture holds the seeds it promises")
  func fixtureIsThere() {
    #expect(Self.cases().count == 13)
  }

  @Test("every operation, in order, for seeds of 1 to 626 words", arguments: seeds)
  func replay(seed: String) throws {
    let testCase = try #require(Self.cases().first { $0["seed"] as? String == seed })
    let words = try #require(testCase["words"] as? [String]).compactMap { UInt32($0) }
    var random = PythonRandom(seedWords: words)
    if words.count <= 2, let value = UInt64(seed) {
      // The integer initializers agree with the word form.
      var other = PythonRandom(seed: value)
      var copy = random
      #expect((0..<5).map { _ in other.nextUInt32() } == (0..<5).map { _ in copy.nextUInt32() })
    }
    for op in try #require(testCase["ops"] as? [[String: Any]]) {
      let name = try #require(op["op"] as? String)
      switch name {
      case "getrandbits32":
        let expected = try #require(op["results"] as? [String]).compactMap { UInt32($0) }
        let got = (0..<expected.count).map { _ in random.nextUInt32() }
        #expect(got == expected, "seed \(seed): 32-bit draws")
      case "random":
        let expected = try #require(op["results"] as? [String]).compactMap { Double($0) }
        let got = (0..<expected.count).map { _ in random.random() }
        #expect(got == expected, "seed \(seed): random()")
      case "randint":
        let a = try #require(op["a"] as? Int)
        let b = try #require(op["b"] as? Int)
        let expected = try #require(op["results"] as? [Int])
        let got = (0..<expected.count).map { _ in random.randint(a, b) }
        #expect(got == expected, "seed \(seed): randint(\(a), \(b))")
      case "getrandbits":
        let k = try #require(op["k"] as? Int)
        let expected = try #require(op["results"] as? [String]).compactMap { UInt64($0) }
        let got = (0..<expected.count).map { _ in random.getrandbits(k) }
        #expect(got == expected, "seed \(seed): getrandbits(\(k))")
      case "randrange":
        let text = try #require(op["n"] as? String)
        let n = try #require(Int(text))
        let expected = try #require(op["results"] as? [String]).compactMap { Int($0) }
        let got = (0..<expected.count).map { _ in random.randrange(0, n) }
        #expect(got == expected, "seed \(seed): randrange(\(n))")
      case "shuffle":
        let count = try #require(op["count"] as? Int)
        var items = Array(0..<count)
        random.shuffle(&items)
        #expect(items == (try #require(op["result"] as? [Int])), "seed \(seed): shuffle")
      default:
        Issue.record("unknown op \(name)")
      }
    }
  }

  @Test("negative seeds use the absolute value, as Python does")
  func negativeSeed() {
    var a = PythonRandom(seed: -1234)
    var b = PythonRandom(seed: 1234)
    #expect(a.random() == b.random())
  }

  @Test("high zero words are ignored; an empty key is 0")
  func zeroWords() {
    var a = PythonRandom(seedWords: [7, 0, 0])
    var b = PythonRandom(seed: 7)
    var c = PythonRandom(seedWords: [])
    var d = PythonRandom(seed: 0)
    #expect(a.nextUInt32() == b.nextUInt32())
    #expect(c.nextUInt32() == d.nextUInt32())
  }

  @Test("empty ranges draw nothing and return the lower end")
  func emptyRanges() {
    var a = PythonRandom(seed: 5)
    var b = PythonRandom(seed: 5)
    #expect(a.randint(10, 9) == 10)
    #expect(a.randrange(3, 3) == 3)
    #expect(a.randbelow(0) == 0)
    #expect(a.nextUInt32() == b.nextUInt32())
  }
}
