import COpenBLAS

/// OpenBLAS, opened on first use: which build it is and how many threads it uses.
///
/// It is loaded with `dlopen` rather than linked, so that only processes that multiply
/// matrices start its thread pool (whose threads spin for about 0.1 s of CPU before they
/// sleep). The models call ``load()`` when they are created; a kernel called before that loads
/// it too. Benchmarks and `dacorpus train` print ``description`` so that a slow reference BLAS
/// never hides behind the `libblas.so.3` alternative.
public enum BLAS {
  /// Opens OpenBLAS if it is not open yet.
  ///
  /// - Throws: ``ElectraError/Kind/blasUnavailable`` when `libopenblas.so.0` cannot be opened.
  public static func load() throws(ElectraError) {
    guard dac_blas_load() != 0 else { return }
    let reason = dac_blas_load_error().map { String(cString: $0) } ?? "unknown error"
    throw ElectraError(.blasUnavailable, "cannot load OpenBLAS (\(reason)); install it: apt-get install libopenblas0")
  }

  /// The build configuration, `openblas_get_config()`: `OpenBLAS 0.3.21 DYNAMIC_ARCH … Zen …`.
  public static var config: String { String(cString: dac_blas_config()) }
  /// The kernel family chosen at run time, `openblas_get_corename()`, such as `Zen`.
  public static var coreName: String { String(cString: dac_blas_corename()) }
  /// The number of threads OpenBLAS uses for one call.
  public static var threads: Int {
    get { Int(dac_blas_get_num_threads()) }
    set { dac_blas_set_num_threads(Int32(newValue)) }
  }
  /// One line for logs: configuration, core and threads.
  public static var description: String { "\(config) core=\(coreName) threads=\(threads)" }
}
