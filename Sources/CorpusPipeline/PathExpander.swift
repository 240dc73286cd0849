import Foundation

/// Expands the `paths` of a source (files, folders, globs) into a sorted list of files.
///
/// Globs use `fnmatch` per path segment (`*`, `?`, `[…]`) plus `**` for any number of folders.
/// A folder stands for every file below it. Hidden files, `README*`, and checksum lists
/// (`*sha256*`, `*.md5`) are not inputs and are skipped.
public enum PathExpander {
  /// The files matched by `patterns`, sorted and without duplicates, and the patterns that
  /// matched nothing.
  public static func expand(_ patterns: [String]) -> (files: [String], unmatched: [String]) {
    var files: Set<String> = []
    var unmatched: [String] = []
    for pattern in patterns {
      let found = expand(pattern)
      if found.isEmpty { unmatched.append(pattern) }
      files.formUnion(found)
    }
    return (files.sorted(), unmatched)
  }

  static func expand(_ pattern: String) -> [String] {
    let isAbsolute = pattern.hasPrefix("/")
    let segments = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    let firstWild = segments.firstIndex(where: isWildcard) ?? segments.count
    let base = (isAbsolute ? "/" : "") + segments[..<firstWild].joined(separator: "/")
    let root = base.isEmpty ? "." : base
    if firstWild == segments.count {
      return isDirectory(root) ? allFiles(under: root) : (FileManager.default.fileExists(atPath: root) ? [root] : [])
    }
    return match(directory: root, display: base, segments: segments[firstWild...])
  }

  private static func match(directory: String, display: String, segments: ArraySlice<String>) -> [String] {
    guard let segment = segments.first else { return [] }
    let rest = segments.dropFirst()
    func join(_ name: String) -> String {
      display.isEmpty ? name : (display == "/" ? "/" + name : display + "/" + name)
    }
    let entries = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { !isIgnored($0) }
      .sorted()
    var result: [String] = []
    if segment == "**" {
      if rest.isEmpty { return allFiles(under: directory, display: display) }
      result += match(directory: directory, display: display, segments: rest)
      for name in entries where isDirectory(directory + "/" + name) {
        result += match(directory: directory + "/" + name, display: join(name), segments: segments)
      }
      return result
    }
    for name in entries where fnmatch(segment, name, 0) == 0 {
      let full = directory + "/" + name
      if rest.isEmpty {
        result += isDirectory(full) ? allFiles(under: full, display: join(name)) : [join(name)]
      } else if isDirectory(full) {
        result += match(directory: full, display: join(name), segments: rest)
      }
    }
    return result
  }

  private static func allFiles(under directory: String, display: String? = nil) -> [String] {
    let shown = display ?? directory
    var result: [String] = []
    let entries = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { !isIgnored($0) }
      .sorted()
    for name in entries {
      let full = directory + "/" + name
      let path = shown.isEmpty ? name : shown + "/" + name
      if isDirectory(full) { result += allFiles(under: full, display: path) } else { result.append(path) }
    }
    return result
  }

  private static func isWildcard(_ segment: String) -> Bool {
    segment.contains { $0 == "*" || $0 == "?" || $0 == "[" }
  }

  private static func isDirectory(_ path: String) -> Bool {
    var flag: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
  }

  /// Names that are never corpus inputs.
  static func isIgnored(_ name: String) -> Bool {
    name.hasPrefix(".") || name.hasPrefix("README") || name.contains("sha256") || name.hasSuffix(".md5")
      || name.hasSuffix(".md")
  }
}
