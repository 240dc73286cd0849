#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Dispatch
import Synchronization

/// Reads another ``ByteSource`` ahead on a background thread, so that decompression runs on
/// one core while the consumer (line splitting, JSON, XML) runs on another.
///
/// Memory is bounded: `buffers` blocks of `bufferSize` bytes circulate between the two threads.
/// Bytes and errors arrive in exactly the order the inner source produced them, so wrapping a
/// source never changes what a reader sees, only when.
public final class ReadAheadSource: ByteSource {
  /// One block of read-ahead bytes, or the end of the stream.
  private struct Block {
    var buffer: UnsafeMutableRawBufferPointer
    var count = 0
    var error: CorpusIOError?
    var atEnd = false
  }

  /// State shared by the consumer and the reading thread.
  ///
  /// `@unchecked Sendable`: the inner source is used only by the reading thread once it has
  /// started; each block belongs to one thread at a time, handed over by the two semaphores
  /// (a block is written only between `free.wait()` and `filled.signal()` by the reader, and
  /// read only between `filled.wait()` and `free.signal()` by the consumer).
  private final class Shared: @unchecked Sendable {
    let source: any ByteSource
    /// Raw storage, not an array: the two threads touch different blocks at the same time.
    let blocks: UnsafeMutablePointer<Block>
    let count: Int
    let free: DispatchSemaphore
    let filled = DispatchSemaphore(value: 0)
    let finished = DispatchSemaphore(value: 0)
    let cancelled = Atomic<Bool>(false)
    let consumed = Atomic<Int64>(0)

    init(source: any ByteSource, bufferSize: Int, buffers: Int) {
      self.source = source
      count = buffers
      blocks = .allocate(capacity: buffers)
      for i in 0..<buffers {
        (blocks + i).initialize(to: Block(buffer: .allocate(byteCount: bufferSize, alignment: 16)))
      }
      // Start at 0 and signal: libdispatch traps when a semaphore is released with a value
      // below the one it was created with, which `free` ends with.
      free = DispatchSemaphore(value: 0)
      for _ in 0..<buffers { free.signal() }
    }

    deinit {
      for i in 0..<count { blocks[i].buffer.deallocate() }
      blocks.deinitialize(count: count)
      blocks.deallocate()
    }

    /// The reading thread: fill blocks in ring order until the stream ends or fails.
    func produce() {
      var index = 0
      defer { finished.signal() }
      while true {
        free.wait()
        if cancelled.load(ordering: .acquiring) { return }
        var block = blocks[index]
        block.count = 0
        block.error = nil
        block.atEnd = false
        do {
          while block.count < block.buffer.count {
            let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: block.buffer[block.count...]))
            if n == 0 {
              block.atEnd = true
              break
            }
            block.count += n
          }
        } catch {
          block.error = error
          block.atEnd = true
        }
        consumed.store(source.consumedBytes, ordering: .relaxed)
        blocks[index] = block
        filled.signal()
        if block.atEnd { return }
        index = (index + 1) % count
      }
    }
  }

  private let shared: Shared
  private var index = 0
  private var position = 0
  private var holding = false
  private var done = false
  /// Set when no thread could be started: `read` then calls the inner source directly.
  private var synchronous = false

  /// Starts reading `source` ahead on a new thread.
  public init(_ source: any ByteSource, bufferSize: Int = 1 << 20, buffers: Int = 4) {
    shared = Shared(source: source, bufferSize: max(1, bufferSize), buffers: max(2, buffers))
    // A thread of its own, not a Dispatch queue: the reader blocks on semaphores.
    let context = Unmanaged.passRetained(shared).toOpaque()
    var thread = pthread_t()
    let started = pthread_create(&thread, nil, { context in
      guard let context else { return nil }
      Unmanaged<Shared>.fromOpaque(context).takeRetainedValue().produce()
      return nil
    }, context)
    if started == 0 {
      pthread_detach(thread)
    } else {
      // No thread: read on the caller's thread instead, block by block, as it asks.
      Unmanaged<Shared>.fromOpaque(context).release()
      synchronous = true
    }
  }

  deinit {
    shared.cancelled.store(true, ordering: .releasing)
    if !done && !synchronous {
      // Wake the reader if it waits for a free block, then wait for it to stop.
      for _ in 0..<shared.count { shared.free.signal() }
      shared.finished.wait()
    }
  }

  public var consumedBytes: Int64 {
    synchronous ? shared.source.consumedBytes : shared.consumed.load(ordering: .relaxed)
  }

  public func read(into buffer: UnsafeMutableRawBufferPointer) throws(CorpusIOError) -> Int {
    if synchronous { return try shared.source.read(into: buffer) }
    while !done {
      if !holding {
        shared.filled.wait()
        holding = true
        position = 0
      }
      let block = shared.blocks[index]
      if position < block.count {
        let n = min(buffer.count, block.count - position)
        buffer.baseAddress!.copyMemory(from: block.buffer.baseAddress! + position, byteCount: n)
        position += n
        return n
      }
      if block.atEnd {
        done = true
        shared.finished.wait()
        if let error = block.error { throw error }
        return 0
      }
      holding = false
      shared.free.signal()
      index = (index + 1) % shared.count
    }
    return 0
  }
}
