#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// xoshiro256** seeded through SplitMix64: the module's only source of randomness (weight
/// initialisation, masking, Gumbel noise, data order), so every run is a function of its seed.
public struct ElectraRandom: RandomNumberGenerator, Sendable {
  private var s0, s1, s2, s3: UInt64

  /// A generator whose whole stream is determined by `seed`.
  public init(seed: UInt64) {
    var x = seed
    func splitMix() -> UInt64 {
      x &+= 0x9E37_79B9_7F4A_7C15
      var z = x
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    s0 = splitMix()
    s1 = splitMix()
    s2 = splitMix()
    s3 = splitMix()
  }

  /// A generator for sub-stream `stream` of `seed`, such as one per training step.
  ///
  /// Its numbers do not depend on how many numbers other streams consumed.
  public init(seed: UInt64, stream: UInt64) {
    var mixer = ElectraRandom(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
    self.init(seed: mixer.next())
  }

  public mutating func next() -> UInt64 {
    let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = s3 << 45 | s3 >> 19
    return result
  }

  /// Uniform in `[0, 1)` with 24 random bits.
  public mutating func nextUniform() -> Float { Float(next() >> 40) * 0x1p-24 }

  /// Standard normal (Box–Muller, one value per call).
  public mutating func nextNormal() -> Double {
    let u1 = Double((next() >> 11) + 1) * 0x1p-53
    let u2 = Double(next() >> 11) * 0x1p-53
    return (-2 * Double.log(u1)).squareRoot() * Double.cos2Pi(u2)
  }
}

extension Double {
  fileprivate static func cos2Pi(_ x: Double) -> Double {
    #if canImport(Glibc)
      Glibc.cos(2 * Double.pi * x)
    #else
      Darwin.cos(2 * Double.pi * x)
    #endif
  }
}
