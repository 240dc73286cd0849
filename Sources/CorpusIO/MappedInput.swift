#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// The rest of a regular file open on a descriptor (from its offset to its end), mapped
/// read-only into memory, for a filter that reads its whole standard input.
///
/// Mapping saves the copy `read(2)` makes of every byte (about a tenth of the time of
/// `dacorpus normalize` on a file). Only a regular file can be mapped; for a pipe or a
/// terminal, ``init(descriptor:)`` returns `nil` and the caller reads as usual. The descriptor is
/// left at the end of the file, as reading it to its end would leave it.
///
/// ```swift
/// if let input = MappedInput(descriptor: 0) { process(input.bytes) } else { /* read(2) */ }
/// ```
///
/// A file that another process truncates while it is mapped makes the kernel signal SIGBUS on
/// the lost pages, as for any memory-mapped reader (`grep`, `git`).
public final class MappedInput {
  /// The bytes from the descriptor's offset to the end of the file.
  public let bytes: UnsafeRawBufferPointer
  private let mapping: UnsafeMutableRawPointer?
  private let mappingLength: Int

  /// Maps what is left of the regular file open on `descriptor`, or returns `nil` when it is not
  /// a regular file or cannot be mapped (nothing is consumed then).
  public init?(descriptor: Int32) {
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    let offset = Int(lseek(descriptor, 0, SEEK_CUR))
    let size = Int(info.st_size)
    guard offset >= 0 else { return nil }
    guard size > offset else {
      bytes = UnsafeRawBufferPointer(start: nil, count: 0)
      mapping = nil
      mappingLength = 0
      return
    }
    // mmap wants a page-aligned file offset.
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let start = offset / page * page
    let length = size - start
    guard let mapped = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, off_t(start)), mapped != MAP_FAILED
    else { return nil }
    _ = madvise(mapped, length, MADV_SEQUENTIAL)  // a hint only
    mapping = mapped
    mappingLength = length
    bytes = UnsafeRawBufferPointer(start: mapped + (offset - start), count: size - offset)
    _ = lseek(descriptor, off_t(size), SEEK_SET)
  }

  deinit {
    if let mapping { munmap(mapping, mappingLength) }
  }
}
