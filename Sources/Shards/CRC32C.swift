/// CRC-32C (Castagnoli: reflected polynomial 0x82F63B78, initial value and final XOR
/// 0xFFFFFFFF), as used by TFRecord framing, computed with slicing-by-8 tables.
///
/// ```swift
/// CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283
/// CRC32C.masked(crc)  // TFRecord's ((crc >> 15) | (crc << 17)) &+ 0xA282EAD8
/// ```
///
/// - Complexity: O(n), eight bytes per table round.
public enum CRC32C {
  private static let polynomial: UInt32 = 0x82F6_3B78

  /// `table[k * 256 + b]`: the CRC register after byte `b` followed by `k` zero bytes.
  private static let table: [UInt32] = {
    var table = [UInt32](repeating: 0, count: 8 * 256)
    for byte in 0..<256 {
      var crc = UInt32(byte)
      for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ polynomial : crc >> 1 }
      table[byte] = crc
    }
    for k in 1..<8 {
      for byte in 0..<256 {
        let previous = table[(k - 1) * 256 + byte]
        table[k * 256 + byte] = (previous >> 8) ^ table[Int(previous & 0xFF)]
      }
    }
    return table
  }()

  /// Continues a CRC-32C over `bytes`.
  ///
  /// Start with `crc: 0` (the default) for a fresh checksum;
  /// pass a previous result to checksum a message given in pieces.
  public static func checksum(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
    guard let base = bytes.baseAddress else { return crc }
    let count = bytes.count
    return table.withUnsafeBufferPointer { t in
      var c = ~crc
      var i = 0
      while count - i >= 8 {
        let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        let low = UInt32(truncatingIfNeeded: word) ^ c
        let high = UInt32(truncatingIfNeeded: word >> 32)
        c =
          t[7 * 256 + Int(low & 0xFF)] ^ t[6 * 256 + Int((low >> 8) & 0xFF)]
          ^ t[5 * 256 + Int((low >> 16) & 0xFF)] ^ t[4 * 256 + Int(low >> 24)]
          ^ t[3 * 256 + Int(high & 0xFF)] ^ t[2 * 256 + Int((high >> 8) & 0xFF)]
          ^ t[256 + Int((high >> 16) & 0xFF)] ^ t[Int(high >> 24)]
        i += 8
      }
      while i < count {
        c = (c >> 8) ^ t[Int((c ^ UInt32(base.load(fromByteOffset: i, as: UInt8.self))) & 0xFF)]
        i += 1
      }
      return ~c
    }
  }

  /// CRC-32C of `bytes`.
  public static func checksum(_ bytes: [UInt8], continuing crc: UInt32 = 0) -> UInt32 {
    bytes.withUnsafeBytes { checksum($0, continuing: crc) }
  }

  /// TFRecord's masked CRC: `((crc >> 15) | (crc << 17)) &+ 0xA282EAD8`.
  @inline(__always)
  public static func masked(_ crc: UInt32) -> UInt32 {
    ((crc >> 15) | (crc << 17)) &+ 0xA282_EAD8
  }
}
