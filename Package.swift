// swift-tools-version:6.0
import PackageDescription

let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
let yams: Target.Dependency = .product(name: "Yams", package: "Yams")
let crypto: Target.Dependency = .product(name: "Crypto", package: "swift-crypto")
/// The C kernels' shared header (`Sources/CKernelSupport/kernel_support.h`: vector types, bit
/// masks, the processor checks that choose a variant), included by their sources only.
let kernelSupport: [CSetting] = [.headerSearchPath("../CKernelSupport")]

let package = Package(
  name: "dacorpus",
  products: [
    .executable(name: "dacorpus", targets: ["dacorpus"]),
    .library(name: "CorpusIO", targets: ["CorpusIO"]),
    .library(name: "CorpusSources", targets: ["CorpusSources"]),
    .library(name: "CorpusPipeline", targets: ["CorpusPipeline"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
  ],
  targets: [
    // System libraries: flags only, wrapped by CorpusIO.
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
    // Debian's libbz2-dev ships no .pc file: the module map links bz2 directly.
    .systemLibrary(name: "CBzip2", providers: [.apt(["libbz2-dev"])]),
    // ISA-L's inflate decodes gzip 2.3x faster than zlib's; zlib still writes gzip, so that the
    // outputs stay byte for byte what they were.
    .systemLibrary(name: "CISAL", pkgConfig: "libisal", providers: [.apt(["libisal-dev"])]),

    // The JSON parser's scan of long strings in C, with vector extensions (SSE2 or AVX2, NEON).
    .target(name: "CJSONKernels", cSettings: kernelSupport),
    .target(name: "CorpusIO", dependencies: ["CZlib", "CZstd", "CBzip2", "CISAL", "CJSONKernels"]),
    // MARK: normalization targets (issue 3)
    // ICU: CICU only carries the flags; no Swift file imports it (reference/aesthetics.md §3.2).
    .systemLibrary(name: "CICU", pkgConfig: "icu-i18n", providers: [.apt(["libicu-dev"])]),
    .target(name: "CICUShim", dependencies: ["CICU"]),
    .systemLibrary(name: "CByteScan"),
    // The feature scan's byte classes in C, with vector extensions (SSE2 or AVX2, NEON).
    .target(name: "CTextKernels", cSettings: kernelSupport),
    .target(name: "CorpusText", dependencies: ["CICUShim", "CorpusIO", "CByteScan", "CTextKernels"]),
    .testTarget(
      name: "CorpusTextTests", dependencies: ["CorpusText", "CorpusIO", "CByteScan", "CTextKernels"],
      resources: [.copy("Fixtures")]),
    .executableTarget(
      name: "normalize-throughput", dependencies: ["BenchmarkSupport", "CorpusText", "CorpusIO"],
      path: "Benchmarks/NormalizeThroughput"),
    // MARK: wordpiece targets (issue 5)
    // A header-only prefetch hint for WordPiece's word-count table.
    .systemLibrary(name: "CPrefetch"),
    .target(name: "WordPiece", dependencies: ["CorpusIO", "CPrefetch", crypto]),
    .testTarget(name: "WordPieceTests", dependencies: ["WordPiece", "CorpusIO"], resources: [.copy("Fixtures")]),
    .executableTarget(
      name: "wordpiece-throughput",
      dependencies: ["BenchmarkSupport", "WordPiece", "CorpusSources", "CorpusIO", crypto],
      path: "Benchmarks/WordPieceThroughput"),
    // MARK: shards targets (issue 6)
    .target(name: "Shards", dependencies: ["CorpusIO", crypto]),
    .testTarget(name: "ShardsTests", dependencies: ["Shards"], resources: [.copy("Fixtures")]),
    .executableTarget(
      name: "shard-throughput", dependencies: ["BenchmarkSupport", "Shards"], path: "Benchmarks/ShardThroughput"),
    // MARK: filters targets (issue 4)
    // MinHash's permutation loop in C, so that it can use AVX2 (chosen at run time) while Swift
    // builds for baseline x86-64.
    .target(name: "CMinHashKernel", cSettings: kernelSupport),
    // The filters' tokenizer kernels in C: the quality filter's plain words (and its token hash)
    // and the ad filter's line tokens, with vector extensions (SSE2 or AVX2, NEON).
    .target(name: "CTokenKernels", cSettings: kernelSupport),
    .target(
      name: "CorpusFilters",
      dependencies: ["CMinHashKernel", "CTokenKernels", "CByteScan", "CPrefetch", "CorpusIO", "CorpusSources"]),
    .testTarget(
      name: "CorpusFiltersTests", dependencies: ["CorpusFilters", "CTokenKernels", "CorpusSources", "CorpusIO"],
      resources: [.copy("Fixtures")]),
    .executableTarget(
      name: "filter-throughput", dependencies: ["BenchmarkSupport", "CorpusFilters", "CorpusIO"],
      path: "Benchmarks/FilterThroughput"),
    .target(name: "CorpusSources", dependencies: ["CorpusIO"]),
    .target(
      name: "CorpusPipeline",
      dependencies: ["CorpusIO", "CorpusSources", "CorpusText", "CorpusFilters", "WordPiece", "Shards", yams]),
    // MARK: electra targets (issue 7)
    // OpenBLAS opened with dlopen on first use (libopenblas.so.0 by name: "blas" may resolve to
    // Debian's 40x slower reference BLAS), so that processes that never train do not start its
    // spinning thread pool.
    .target(name: "COpenBLAS", linkerSettings: [.linkedLibrary("dl")]),
    // Kernels are optimised in debug builds too: unoptimised SIMD code is ~100x slower, which
    // would make `swift test` (training and parity tests) take minutes.
    .target(
      name: "Electra", dependencies: ["COpenBLAS", "Shards"],
      swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
    .testTarget(
      name: "ElectraTests", dependencies: ["Electra", "Shards", "WordPiece"], resources: [.copy("Fixtures")]),
    .executableTarget(
      name: "electra-throughput", dependencies: ["Electra", "Shards"], path: "Benchmarks/ElectraThroughput"),
    .executableTarget(
      name: "dacorpus",
      dependencies: [
        "CorpusPipeline", "CorpusSources", "CorpusIO", "WordPiece", "CorpusText", "Shards", "Electra", argumentParser,
      ]),
    // Benchmarks: built with the package so they never rot; run by hand (see README).
    // The seeded Danish web-like text, its OSCAR writer and the timers every benchmark shares.
    .target(name: "BenchmarkSupport", dependencies: ["CorpusIO"], path: "Benchmarks/BenchmarkSupport"),
    .executableTarget(
      name: "read-throughput", dependencies: ["BenchmarkSupport", "CorpusSources", "CorpusIO"],
      path: "Benchmarks/ReadThroughput"),
    .executableTarget(
      name: "build-throughput", dependencies: ["BenchmarkSupport", "CorpusPipeline"], path: "Benchmarks/BuildThroughput"
    ),

    .testTarget(name: "CorpusIOTests", dependencies: ["CorpusIO", "CJSONKernels"], resources: [.copy("Fixtures")]),
    .testTarget(
      name: "CorpusSourcesTests", dependencies: ["CorpusSources", "CorpusIO"], resources: [.copy("Fixtures")]),
    .testTarget(
      name: "CorpusPipelineTests", dependencies: ["CorpusPipeline", "CorpusIO", "CorpusSources", "Shards", "WordPiece"]),
    .testTarget(
      name: "DacorpusCLITests",
      dependencies: ["dacorpus", "CorpusPipeline", "CorpusSources", "CorpusIO", "Shards", "WordPiece"]),
  ]
)
