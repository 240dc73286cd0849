import Foundation
import Yams

/// A config problem, found before any work starts: which file, which key, what is wrong,
/// and how to fix it.
public struct ConfigError: Error, Equatable, CustomStringConvertible, LocalizedError {
  /// The config file.
  public var file: String
  /// The key path, e.g. `sources[0].type`; empty for the whole file.
  public var keyPath: String
  /// What is wrong and how to fix it.
  public var message: String

  /// Creates an error.
  public init(file: String, keyPath: String, message: String) {
    self.file = file
    self.keyPath = keyPath
    self.message = message
  }

  public var description: String {
    keyPath.isEmpty ? "\(file): \(message)" : "\(file): \(keyPath): \(message)"
  }

  public var errorDescription: String? { description }
}

/// Reads `pipeline.yaml` into a ``PipelineConfig``.
public enum ConfigLoader {
  /// Loads and validates the config at `path`.
  public static func load(path: String) throws(ConfigError) -> PipelineConfig {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ConfigError(file: path, keyPath: "", message: "cannot read the config file; check the path")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ConfigError(file: path, keyPath: "", message: "the config file is not UTF-8 text")
    }
    return try parse(text, file: path)
  }

  /// Parses config text; `file` names it in errors.
  public static func parse(_ text: String, file: String = "pipeline.yaml") throws(ConfigError) -> PipelineConfig {
    do {
      if try Yams.load(yaml: text) == nil { return PipelineConfig() }
      return try YAMLDecoder().decode(PipelineConfig.self, from: text)
    } catch let error as DecodingError {
      throw ConfigError(decoding: error, file: file)
    } catch let error as YamlError {
      throw ConfigError(file: file, keyPath: "", message: "not valid YAML: \(error)")
    } catch {
      throw ConfigError(file: file, keyPath: "", message: "\(error)")
    }
  }

  /// The config as YAML, every default spelled out (`build --dump-config`).
  public static func dump(_ config: PipelineConfig) throws -> String {
    try YAMLEncoder().encode(config)
  }
}

extension ConfigError {
  /// Translates a decoding error into a key path and a message that says what to write.
  init(decoding error: DecodingError, file: String) {
    func path(_ keys: [any CodingKey]) -> String {
      var result = ""
      for key in keys {
        if let index = key.intValue {
          result += "[\(index)]"
        } else {
          result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
        }
      }
      return result
    }
    switch error {
    case .typeMismatch(let type, let context):
      self.init(
        file: file, keyPath: path(context.codingPath),
        message: "expected \(Self.describe(type)); \(context.debugDescription)")
    case .valueNotFound(let type, let context):
      self.init(
        file: file, keyPath: path(context.codingPath), message: "a value is required here (\(Self.describe(type)))")
    case .keyNotFound(let key, let context):
      self.init(
        file: file, keyPath: path(context.codingPath + [key]), message: "required key '\(key.stringValue)' is missing")
    case .dataCorrupted(let context):
      self.init(file: file, keyPath: path(context.codingPath), message: context.debugDescription)
    @unknown default:
      self.init(file: file, keyPath: "", message: "\(error)")
    }
  }

  private static func describe(_ type: Any.Type) -> String {
    switch type {
    case is Int.Type, is UInt64.Type: "a whole number"
    case is Bool.Type: "true or false"
    case is String.Type: "a string"
    case is [String].Type: "a list of strings"
    default: "\(type)"
    }
  }
}
