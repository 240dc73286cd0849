import COpenBLAS

/// The linked BLAS library: which build it is and how many threads it uses.
///
/// Benchmarks and `dacorpus train` print ``description`` so that a slow reference BLAS never
/// hides behind the `libblas.so.3` alternative.
public enum BLAS {
  /// The build configuration, `openblas_get_config()`: `OpenBLAS 0.3.21 DYNAMIC_ARCH … Zen …`.
  public static var config: String { String(cString: openblas_get_config()) }
  /// The kernel family chosen at run time, `openblas_get_corename()`, such as `Zen`.
  public static var coreName: String { String(cString: openblas_get_corename()) }
  /// The number of threads OpenBLAS uses for one call.
  public static var threads: Int {
    get { Int(openblas_get_num_threads()) }
    set { openblas_set_num_threads(Int32(newValue)) }
  }
  /// One line for logs: configuration, core and threads.
  public static var description: String { "\(config) core=\(coreName) threads=\(threads)" }
}
