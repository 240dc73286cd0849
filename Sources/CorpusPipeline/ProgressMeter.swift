import Foundation
import Synchronization

/// Counts bytes and documents as workers go, and prints progress to stderr: a line rewritten
/// in place when stderr is a terminal, a plain line every `interval` seconds otherwise.
public final class ProgressMeter: Sendable {
  private let totalBytes: Int64
  private let label: String
  private let bytes = Atomic<Int64>(0)
  private let documents = Atomic<Int>(0)
  private let done = Atomic<Bool>(false)
  private let interactive: Bool
  private let interval: Double
  private let startTime = Date()

  /// A meter for `totalBytes` of input, its lines starting with `label` (a phase name) when
  /// given. `interval` defaults to 0.5 s on a terminal, 10 s otherwise.
  public init(
    totalBytes: Int64, label: String = "", interactive: Bool = isatty(STDERR_FILENO) == 1, interval: Double? = nil
  ) {
    self.totalBytes = totalBytes
    self.label = label.isEmpty ? "" : label + ": "
    self.interactive = interactive
    self.interval = interval ?? (interactive ? 0.5 : 10)
  }

  /// Adds consumed input bytes.
  public func add(bytes n: Int64) { bytes.add(n, ordering: .relaxed) }
  /// Adds written documents.
  public func add(documents n: Int) { documents.add(n, ordering: .relaxed) }

  /// Starts printing in the background.
  public func start() {
    let thread = Thread { [self] in
      while !done.load(ordering: .relaxed) {
        Thread.sleep(forTimeInterval: interval)
        if done.load(ordering: .relaxed) { break }
        emit(final: false)
      }
    }
    thread.start()
  }

  /// Stops printing and prints the final line.
  public func stop() {
    done.store(true, ordering: .relaxed)
    emit(final: true)
  }

  /// The current line, e.g. `12.3 MB of 40.0 MB (31 %), 8,120 docs, 2,031 docs/s, ETA 0:14`.
  public func line() -> String {
    let done = bytes.load(ordering: .relaxed)
    let docs = documents.load(ordering: .relaxed)
    let elapsed = max(Date().timeIntervalSince(startTime), 1e-3)
    var text = label + Self.size(done)
    if totalBytes > 0 {
      let share = min(100, Int(Double(done) * 100 / Double(totalBytes)))
      text += " of \(Self.size(totalBytes)) (\(share) %)"
    }
    text += ", \(docs) docs, \(Int(Double(docs) / elapsed)) docs/s"
    if totalBytes > 0, done > 0, done < totalBytes {
      let remaining = Int(elapsed * Double(totalBytes - done) / Double(done))
      text += ", ETA \(remaining / 60):" + (remaining % 60 < 10 ? "0" : "") + "\(remaining % 60)"
    }
    return text
  }

  private func emit(final: Bool) {
    let text = line()
    if interactive {
      FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text + (final ? "\n" : "")).utf8))
    } else if !final {
      FileHandle.standardError.write(Data(("progress: " + text + "\n").utf8))
    }
  }

  static func size(_ bytes: Int64) -> String {
    let mb = Double(bytes) / 1_000_000
    return mb >= 1000 ? String(format: "%.2f GB", mb / 1000) : String(format: "%.1f MB", mb)
  }
}
