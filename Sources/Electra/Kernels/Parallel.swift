import Dispatch
import Foundation

/// The module's one level of parallelism for non-BLAS work: a range split into one contiguous
/// chunk per core, run with `DispatchQueue.concurrentPerform` from the calling thread.
///
/// BLAS calls are never made inside a chunk (OpenBLAS runs its own threads); chunks only run
/// elementwise or row-wise kernels, so the two pools alternate rather than compete. Start
/// processes with `OPENBLAS_THREAD_TIMEOUT=4` so that idle BLAS workers stop spinning quickly.
enum Parallel {
  /// Worker count: the active cores.
  static let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)

  /// Calls `body` on disjoint subranges covering `0..<count`, concurrently when `count · cost`
  /// (roughly the work in element operations) is large enough to pay for the hand-off.
  @inline(__always)
  static func chunks(_ count: Int, cost: Int = 1, _ body: (Range<Int>) -> Void) {
    chunks(count, cost: cost) { _, range in body(range) }
  }

  /// As ``chunks(_:cost:_:)``, also passing the chunk's index in `0..<workers` (for per-chunk
  /// partial results).
  static func chunks(_ count: Int, cost: Int = 1, _ body: (_ part: Int, _ range: Range<Int>) -> Void) {
    let parts = count * cost >= 1 << 15 ? min(workers, count) : 1
    if parts <= 1 {
      body(0, 0..<count)
      return
    }
    withoutActuallyEscaping(body) { body in
      let box = UncheckedSendable(body)
      DispatchQueue.concurrentPerform(iterations: parts) { part in
        box.value(part, (count * part / parts)..<(count * (part + 1) / parts))
      }
    }
  }
}

/// A value handed to `concurrentPerform`'s workers.
///
/// The invariant that makes it safe: each worker touches a disjoint range of the memory the value
/// points to.
struct UncheckedSendable<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
