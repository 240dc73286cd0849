#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// CPU time and memory of this process and its children, as the benchmarks report them.
///
/// CPU time is what "per core" figures divide by: on a busy machine other processes stretch
/// wall time but not the CPU time of the measured thread or process.
public enum ResourceUsage {
  /// CPU seconds of the calling thread.
  public static func threadCPUSeconds() -> Double {
    clockSeconds(CLOCK_THREAD_CPUTIME_ID)
  }

  /// Seconds of a monotonic wall clock.
  public static func wallSeconds() -> Double {
    clockSeconds(CLOCK_MONOTONIC)
  }

  /// CPU seconds (user + system) of this process, all threads.
  public static func processCPUSeconds() -> Double {
    usageSeconds(__rusage_who_t(RUSAGE_SELF.rawValue))
  }

  /// CPU seconds (user + system) of the finished, waited-for child processes.
  public static func childrenCPUSeconds() -> Double {
    usageSeconds(__rusage_who_t(RUSAGE_CHILDREN.rawValue))
  }

  /// Peak resident memory in KB of this process image: `VmHWM` from /proc/self/status (unlike
  /// `ru_maxrss`, it is not inherited from the parent across exec, and it can be reset).
  public static func peakRSSKilobytes() -> Int {
    statusField("VmHWM:")
  }

  /// Resident memory in KB now: `VmRSS`.
  public static func currentRSSKilobytes() -> Int {
    statusField("VmRSS:")
  }

  /// Resets the peak (`VmHWM`) to the current resident size, so that the next
  /// ``peakRSSKilobytes()`` is the peak since now (Linux: `5` to /proc/self/clear_refs).
  ///
  /// - Returns: whether the kernel accepted the reset.
  @discardableResult
  public static func resetPeakRSS() -> Bool {
    let fd = open("/proc/self/clear_refs", O_WRONLY)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    return write(fd, "5", 1) == 1
  }

  /// Times `body` with `clock` (``threadCPUSeconds()``, ``wallSeconds()``, …).
  public static func seconds(_ clock: () -> Double, _ body: () throws -> Void) rethrows -> Double {
    let start = clock()
    try body()
    return clock() - start
  }

  private static func clockSeconds(_ clock: clockid_t) -> Double {
    var t = timespec()
    clock_gettime(clock, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  private static func usageSeconds(_ who: __rusage_who_t) -> Double {
    var usage = rusage()
    getrusage(who, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
  }

  /// A `kB` field of /proc/self/status.
  private static func statusField(_ name: String) -> Int {
    guard let file = fopen("/proc/self/status", "r") else { return 0 }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, Int32(line.count), file) != nil {
      let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if text.hasPrefix(name) {
        return Int(text.dropFirst(name.count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "") ?? 0
      }
    }
    return 0
  }
}
