import Foundation
import Shards

/// Reading and writing transformers checkpoints: a directory with `config.json` and
/// `model.safetensors` (F32, `__metadata__ {"format": "pt"}`, tied weights not stored).
enum Checkpoint {
  static let configFile = "config.json"
  static let weightsFile = "model.safetensors"

  /// Tensors a transformers checkpoint may carry that this module does not read: the
  /// position-id buffer of older files and the tied LM-head matrix (it is the word table).
  static let ignored: Set<String> = ["electra.embeddings.position_ids", "generator_lm_head.weight"]

  /// Fills `set` from `directory/model.safetensors`: every tensor of the layout must be there
  /// with its shape (F32, F16 or BF16); any tensor not in the layout or ``ignored`` is an error.
  static func load(_ set: ParameterSet, from directory: String) throws(ElectraError) {
    try read(directory + "/" + weightsFile, into: [("", set)], ignoring: ignored)
  }

  /// Writes `config.json` and `model.safetensors` (all of `set`, F32) into `directory`,
  /// creating it if needed.
  static func save(_ set: ParameterSet, config: ElectraConfig, to directory: String) throws(ElectraError) {
    do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
      throw ElectraError(.writeFailed, "cannot create the directory: \(error)", path: directory)
    }
    try config.write(path: directory + "/" + configFile)
    try write(directory + "/" + weightsFile, [("", set)])
  }

  /// Reads the safetensors file at `path` into `sets`.
  ///
  /// Tensor `prefix + name` goes into entry `name` of each set. Every entry must be present with
  /// its shape; other tensors are an error unless in `ignoring`.
  static func read(
    _ path: String, into sets: [(prefix: String, set: ParameterSet)], ignoring: Set<String> = []
  ) throws(ElectraError) {
    let file: SafetensorsFile
    do { file = try SafetensorsFile(path: path) } catch {
      throw ElectraError(.readFailed, "\(error)", path: path)
    }
    var expected = ignoring
    for (prefix, set) in sets { for entry in set.entries { expected.insert(prefix + entry.name) } }
    for tensor in file.tensors where !expected.contains(tensor.name) {
      throw ElectraError(.invalidCheckpoint, "unexpected tensor '\(tensor.name)' for this config", path: path)
    }
    for (prefix, set) in sets {
      for entry in set.entries {
        let name = prefix + entry.name
        guard let tensor = file.tensor(named: name) else {
          throw ElectraError(.invalidCheckpoint, "missing tensor '\(name)'", path: path)
        }
        guard tensor.shape == entry.shape else {
          throw ElectraError(
            .invalidCheckpoint, "'\(name)' has shape \(tensor.shape), config needs \(entry.shape)", path: path)
        }
        let dtype = tensor.dtype
        guard dtype == .f32 || dtype == .f16 || dtype == .bf16 else {
          throw ElectraError(
            .invalidCheckpoint, "'\(name)' is \(dtype.rawValue); F32, F16 or BF16 expected", path: path)
        }
        let out = set.values + entry.offset
        do {
          try file.withBytes(of: name) { raw in
            for i in 0..<entry.count {
              switch dtype {
              case .f32:
                out[i] = Float(
                  bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
              case .bf16:
                let bits = UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
                out[i] = Float(bitPattern: UInt32(bits) << 16)
              default:
                out[i] = Float(
                  Float16(bitPattern: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))))
              }
            }
          }
        } catch {
          throw ElectraError(.readFailed, "\(error)", path: path)
        }
      }
    }
  }

  /// Writes `sets` into one safetensors file (F32, `{"format": "pt"}`), tensor `prefix + name`
  /// for entry `name` of each set.
  static func write(_ path: String, _ sets: [(prefix: String, set: ParameterSet)]) throws(ElectraError) {
    var sources: [String: UnsafeRawBufferPointer] = [:]
    var specs: [SafetensorsWriter.TensorSpec] = []
    for (prefix, set) in sets {
      for entry in set.entries {
        sources[prefix + entry.name] = UnsafeRawBufferPointer(start: set.values + entry.offset, count: entry.count * 4)
        specs.append(.init(name: prefix + entry.name, dtype: .f32, shape: entry.shape))
      }
    }
    do {
      let writer = try SafetensorsWriter(path: path, tensors: specs, metadata: ["format": "pt"])
      do throws(ShardsError) {
        for info in writer.tensors {
          guard let bytes = sources[info.name] else { continue }
          try writer.write(bytes)
        }
        _ = try writer.finish()
      } catch {
        writer.abandon()
        throw error
      }
    } catch {
      throw ElectraError(.writeFailed, "\(error)", path: path)
    }
  }
}
