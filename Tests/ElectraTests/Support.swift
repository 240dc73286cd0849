import Electra
import Foundation
import Shards
import Testing

/// Fixtures made by `scripts/make_electra_fixtures.py` (Debian python3-torch + transformers 4.44.2).
enum Fixture {
  static func path(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let directory = try #require(
      Bundle.module.url(forResource: "Fixtures", withExtension: nil), "Fixtures folder is missing",
      sourceLocation: sourceLocation)
    return directory.appendingPathComponent(name).path
  }

  /// The F32 tensor `name` of safetensors file `file`, as `Float`s.
  static func floats(_ file: SafetensorsFile, _ name: String) throws -> [Float] {
    let info = try #require(file.tensor(named: name), "no tensor \(name)")
    #expect(info.dtype == .f32)
    return try file.withBytes(of: name) { raw in
      (0..<info.elementCount).map { Float(bitPattern: raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self)) }
    }
  }
}

/// Deterministic test data.
struct TestData {
  var random: ElectraRandom
  init(seed: UInt64) { random = ElectraRandom(seed: seed) }
  mutating func doubles(_ n: Int, scale: Double = 1) -> [Double] { (0..<n).map { _ in scale * random.nextNormal() } }
  mutating func floats(_ n: Int, scale: Double = 1) -> [Float] { doubles(n, scale: scale).map(Float.init) }
}

/// `max |a − b| / (atol + rtol · |b|)` ≤ 1 for all elements: the failure message names the worst one.
func expectClose<T: BinaryFloatingPoint>(
  _ actual: [T], _ expected: [T], atol: Double, rtol: Double, _ label: String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    actual.count == expected.count, "\(label): \(actual.count) vs \(expected.count) values",
    sourceLocation: sourceLocation)
  var worst = 0.0
  var worstIndex = 0
  for i in 0..<min(actual.count, expected.count) {
    let a = Double(actual[i])
    let b = Double(expected[i])
    let ratio = abs(a - b) / (atol + rtol * abs(b))
    if !(ratio <= worst) {
      worst = ratio
      worstIndex = i
    }
  }
  #expect(
    worst <= 1,
    "\(label): element \(worstIndex) is \(actual.isEmpty ? 0 : Double(actual[worstIndex])), expected \(expected.isEmpty ? 0 : Double(expected[worstIndex])) (atol \(atol), rtol \(rtol))",
    sourceLocation: sourceLocation)
}
