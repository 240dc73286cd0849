import CorpusPipeline
import Foundation
import Testing

@Suite struct PathExpanderTests {
  /// A temporary tree: a/x.txt a/b/y.txt.gz a/b/c/z.txt a/.hidden a/README.md a/da_sha256.txt
  static func makeTree() throws -> String {
    let root = FileManager.default.temporaryDirectory.path + "/dacorpus-glob-\(UUID().uuidString)"
    for file in ["a/x.txt", "a/b/y.txt.gz", "a/b/c/z.txt", "a/.hidden", "a/README.md", "a/da_sha256.txt"] {
      let path = root + "/" + file
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      FileManager.default.createFile(atPath: path, contents: Data("x".utf8))
    }
    return root
  }

  @Test(arguments: [
    ("a", ["a/b/c/z.txt", "a/b/y.txt.gz", "a/x.txt"]),
    ("a/**", ["a/b/c/z.txt", "a/b/y.txt.gz", "a/x.txt"]),
    ("a/*.txt", ["a/x.txt"]),
    ("a/**/*.txt", ["a/b/c/z.txt", "a/x.txt"]),
    ("a/*/y.txt.[g]z", ["a/b/y.txt.gz"]),
    ("a/b", ["a/b/c/z.txt", "a/b/y.txt.gz"]),
    ("a/x.txt", ["a/x.txt"]),
    ("a/?.txt", ["a/x.txt"]),
  ])
  func globs(pattern: String, expected: [String]) throws {
    let root = try Self.makeTree()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let (files, unmatched) = PathExpander.expand([root + "/" + pattern])
    #expect(files == expected.map { root + "/" + $0 })
    #expect(unmatched.isEmpty)
  }

  @Test func unmatchedPatternsAreReported() throws {
    let root = try Self.makeTree()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let (files, unmatched) = PathExpander.expand([root + "/nope/*.gz", root + "/a/x.txt", root + "/missing.txt"])
    #expect(files == [root + "/a/x.txt"])
    #expect(unmatched == [root + "/nope/*.gz", root + "/missing.txt"])
  }
}
