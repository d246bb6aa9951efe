// swift-tools-version: 6.1
// gilrec / gilstat — a recorder and offline analyser for the Python GIL.
// Targets follow ../shared/DESIGN.md §1; data flows one way:
//   PythonSyntax ─┐
//   GILTrace ─► GILCore ─► GILRuntime ─┐
//   GILTrace ─► TraceStore ─► GILAnalysis ─► GILRecorder ─► GILRecCLI ─► gilrec
//                                  │                  └───► GILBenchCLI ─► gilbench
//                                  └─► GILStatCLI ─► gilstat
import PackageDescription

let package = Package(
    name: "gilrec",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "gilrec", targets: ["gilrec"]),
        .executable(name: "gilstat", targets: ["gilstat"]),
        .executable(name: "gilbench", targets: ["gilbench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.0"),
    ],
    targets: [
        // System SQLite through pkg-config; a shim for what Swift cannot call directly.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // The event vocabulary shared by the recorder and the analyser. No dependencies.
        .target(name: "GILTrace"),
        // Python source → tokens → AST. Knows nothing about execution.
        .target(name: "PythonSyntax"),
        // The CPU's cycle counter (rdtsc) for event timestamps: Swift cannot emit the instruction itself.
        // DWARF 4: valgrind 3.19 (callgrind, the instruction counts issue #6 relies on) cannot read clang's DWARF 5.
        .target(name: "CClock", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
        // The GIL and its policies, OS threads, blocking-call brackets, sync primitives, loopback HTTP.
        // Knows nothing about Python objects.
        .target(name: "GILCore", dependencies: ["GILTrace", "CClock"]),
        // Compiler, register VM, object model, builtins and modules.
        .target(
            name: "GILRuntime",
            dependencies: ["PythonSyntax", "GILCore", "GILTrace", "CSQLite", .product(name: "BigInt", package: "BigInt")],
            // The dispatch loop owns its state; runtime exclusivity checks cost ~10 % of attribute-heavy code.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        // SQLite wrapper, schema, batched writer (an EventSink), readers.
        .target(name: "TraceStore", dependencies: ["CSQLite", "GILTrace"]),
        // Contention, convoy, speedup, summaries and renderers over stored runs.
        .target(name: "GILAnalysis", dependencies: ["TraceStore", "GILTrace"]),
        // Records one program with either engine (our runtime, or the real CPython observed from inside its
        // process), sweeps, and the demo's lesson. Everything the commands do, callable from tests.
        .target(
            name: "GILRecorder",
            dependencies: ["GILRuntime", "GILCore", "TraceStore", "GILAnalysis", "GILTrace", "CGILRecShared"],
            resources: [.copy("Examples")],
            plugins: ["EmbedFiles"]
        ),
        // The file format the preloaded library (Sources/GILRecPreload, C, built by the EmbedFiles plugin into
        // libgilrec.so) and gilrec's CPython engine share: declared once, in a header both include.
        .target(name: "CGILRecShared"),
        // Builds libgilrec.so and embeds it with the start-up Python code into GILRecorder.
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["gilrec-embed"]),
        .executableTarget(name: "gilrec-embed"),
        // `gilrec`'s commands: argument parsing over GILRecorder.
        .target(
            name: "GILRecCLI",
            dependencies: [
                "GILRecorder", "GILRuntime", "GILCore", "TraceStore", "GILAnalysis", "GILTrace",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `gilbench`: timing claims as ratios measured side by side in one run, and the fidelity comparison.
        .target(
            name: "GILBenchCLI",
            dependencies: [
                "GILRecorder", "GILRuntime", "GILCore", "TraceStore", "GILAnalysis", "GILTrace",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "GILStatCLI",
            dependencies: [
                "GILAnalysis", "TraceStore", "GILTrace",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Queries/*.sql embedded, so `gilstat query NAME` works from a copied binary.
            plugins: ["EmbedFiles"]
        ),
        .executableTarget(name: "gilrec", dependencies: ["GILRecCLI"]),
        .executableTarget(name: "gilstat", dependencies: ["GILStatCLI"]),
        .executableTarget(name: "gilbench", dependencies: ["GILBenchCLI"]),

        .testTarget(name: "GILTraceTests", dependencies: ["GILTrace"]),
        .testTarget(name: "PythonSyntaxTests", dependencies: ["PythonSyntax"]),
        .testTarget(name: "GILCoreTests", dependencies: ["GILCore", "GILTrace"]),
        .testTarget(name: "GILRuntimeTests", dependencies: ["GILRuntime", "GILCore", "GILTrace", "TraceStore"], resources: [.copy("Scripts")]),
        .testTarget(name: "TraceStoreTests", dependencies: ["TraceStore", "GILTrace"]),
        .testTarget(
            name: "GILAnalysisTests", dependencies: ["GILAnalysis", "TraceStore", "GILTrace"], exclude: ["Fixtures"]),
        .testTarget(name: "GILRecCLITests", dependencies: ["GILRecCLI", "GILRecorder", "GILRuntime", "TraceStore", "GILAnalysis", "GILTrace", "CGILRecShared"]),
        .testTarget(name: "GILBenchCLITests", dependencies: ["GILBenchCLI", "GILRecorder", "GILRuntime", "TraceStore", "GILAnalysis"]),
        .testTarget(name: "GILStatCLITests", dependencies: ["GILStatCLI", "GILAnalysis", "TraceStore", "GILRecorder", "GILRuntime"]),
    ]
)
