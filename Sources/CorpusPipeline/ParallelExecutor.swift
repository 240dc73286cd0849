import Dispatch
import Synchronization

/// Runs numbered tasks on a fixed number of worker threads and returns their results in task
/// order, so output never depends on scheduling. Each worker takes the next unstarted task
/// when it finishes one. The first error stops the start of new tasks and is rethrown.
public enum ParallelExecutor {
  /// Runs `body(0)` … `body(count - 1)` on up to `workers` threads; returns the results in task order.
  public static func run<Result: Sendable>(
    tasks count: Int, workers: Int, _ body: @Sendable @escaping (Int) throws -> Result
  ) throws -> [Result] {
    let next = Atomic<Int>(0)
    let state = Mutex<(results: [Result?], error: (any Error)?)>((Array(repeating: nil, count: count), nil))
    let stop = Atomic<Bool>(false)
    DispatchQueue.concurrentPerform(iterations: max(1, min(workers, count))) { _ in
      while !stop.load(ordering: .relaxed) {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard index < count else { return }
        do {
          let result = try body(index)
          state.withLock { $0.results[index] = result }
        } catch {
          stop.store(true, ordering: .relaxed)
          state.withLock { if $0.error == nil { $0.error = error } }
        }
      }
    }
    return try state.withLock { state in
      if let error = state.error { throw error }
      return state.results.compactMap { $0 }
    }
  }
}
