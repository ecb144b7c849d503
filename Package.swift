// swift-tools-version: 6.1
// pimsim: an offline simulator and risk analyser of Microsoft Entra ID Privileged Identity Management.
import PackageDescription

let invariantFlags: [SwiftSetting] = [
    // `swift build -Xswiftc -DPIMSIM_INVARIANTS` turns on the kernel's expensive self-checks.
    .define("PIMSIM_INVARIANTS", .when(configuration: .debug)),
]

let package = Package(
    name: "pimsim",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "pimsim", targets: ["pimsim"]),
        .library(name: "PimsimKit", targets: ["PimsimKit"]),
        // The decoder and the importer on their own, for the fuzz package (Fuzz/, `./scripts/dev fuzz`).
        .library(name: "ScenarioFormat", targets: ["ScenarioFormat"]),
        .library(name: "TenantImport", targets: ["TenantImport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // Property-based tests only (Tests/InvariantTests).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // Simulated time, the event queue, the run loop and seeded random streams. Domain-free.
        .target(
            name: "SimKernel",
            swiftSettings: invariantFlags
        ),
        // The validated, immutable tenant and everything a scenario describes.
        .target(
            name: "TenantModel",
            resources: [.embedInCode("Resources/roles.json")]
        ),
        // YAML/JSON decoding with positions, strict validation, lowering to TenantModel.
        .target(
            name: "ScenarioFormat",
            dependencies: ["TenantModel", .product(name: "Yams", package: "Yams")]
        ),
        // Real tenants in: Microsoft Graph v1.0 exports (folders, pages, bundles) to scenario YAML.
        .target(name: "TenantImport", dependencies: ["ScenarioFormat", "TenantModel", "Reports"]),
        // What happened in a run: trace records, their sinks, and statistics of step functions over them.
        .target(
            name: "Trace",
            dependencies: ["SimKernel", "TenantModel"]
        ),
        // PIM semantics as kernel events; emits a trace.
        .target(
            name: "PIMEngine",
            dependencies: ["SimKernel", "TenantModel", "Trace", .product(name: "OrderedCollections", package: "swift-collections")],
            swiftSettings: invariantFlags
        ),
        // Streaming folds from the trace to metrics.
        .target(
            name: "ExposureMetrics",
            dependencies: ["Trace", "SimKernel", "TenantModel", .product(name: "HeapModule", package: "swift-collections")]
        ),
        // The privilege graph: nodes, edges, escalation rules, Tier-0 reachability, DOT.
        .target(
            name: "PrivilegeGraph",
            dependencies: ["Trace", "SimKernel", "TenantModel"]
        ),
        // Deterministic JSON, metrics.json (its Tier-0 section included), tables, the HTML report and
        // Markdown summary, and atomic file writes.
        .target(
            name: "Reports",
            dependencies: [
                "ExposureMetrics", "PrivilegeGraph", "Trace", "TenantModel",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // libgvc and libcgraph from Debian's libgraphviz-dev: a module map and one shim header.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // DOT text in, SVG/PNG/PDF bytes out, through libgvc in-process, serialised behind one lock.
        .target(name: "GraphvizRender", dependencies: ["CGraphviz"]),
        // One run composed: load, validate, simulate, measure, document, render the graph, write.
        .target(
            name: "RunPipeline",
            dependencies: [
                "ScenarioFormat", "TenantModel", "PIMEngine", "Trace", "ExposureMetrics", "Reports", "PrivilegeGraph", "GraphvizRender", "SimKernel",
            ]
        ),
        // What-if: variants and replications on common random numbers, sweeps, shards and merges.
        .target(
            name: "WhatIf",
            dependencies: ["RunPipeline", "Reports", "ScenarioFormat", "TenantModel", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // A simulated state written out: Graph-shaped JSON bundles and BloodHound CE OpenGraph JSON.
        .target(
            name: "TenantExport",
            dependencies: ["PrivilegeGraph", "Trace", "TenantModel", "Reports", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Every use case as a plain function with named inputs and outputs: run-and-write, check,
        // graph pictures, export, compare, sweep and merge. The command line is a thin layer over it.
        .target(
            name: "PimsimKit",
            dependencies: ["RunPipeline", "WhatIf", "ScenarioFormat", "TenantModel", "Reports", "PrivilegeGraph", "GraphvizRender", "TenantImport", "TenantExport"],
            // `pimsim init`'s starter scenarios.
            resources: [
                .embedInCode("Templates/quickstart.yaml"), .embedInCode("Templates/jit.yaml"),
                .embedInCode("Templates/approvals.yaml"), .embedInCode("Templates/governance.yaml"),
            ]
        ),
        // The command line: parses, calls one PimsimKit function, prints.
        .executableTarget(
            name: "pimsim",
            dependencies: [
                "PimsimKit", "WhatIf", "TenantModel", "GraphvizRender", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Developer tool, not shipped: repeats GraphvizRender's success and failure paths for
        // scripts/leakcheck to run under valgrind (kept out of the test suite: too slow there).
        .executableTarget(name: "pimsim-leakcheck", dependencies: ["GraphvizRender"]),
        // Developer tool, not shipped: the kernel benchmark (`./scripts/dev bench`).
        .executableTarget(name: "pimsim-bench", dependencies: ["SimKernel", .product(name: "HeapModule", package: "swift-collections")]),

        .target(
            name: "TestSupport",
            dependencies: ["RunPipeline", "PIMEngine", "Trace", "ScenarioFormat", "TenantModel", "ExposureMetrics"],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "SimKernelTests", dependencies: ["SimKernel"]),
        .testTarget(name: "TraceTests", dependencies: ["Trace"]),
        .testTarget(name: "GraphvizRenderTests", dependencies: ["GraphvizRender"]),
        .testTarget(
            name: "PrivilegeGraphTests",
            dependencies: ["PrivilegeGraph", "PIMEngine", "TenantModel", "ScenarioFormat", "RunPipeline", "TestSupport", "GraphvizRender"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "WhatIfTests",
            dependencies: ["WhatIf", "RunPipeline", "Reports", "ScenarioFormat", "TenantModel", "TestSupport"]
        ),
        .testTarget(name: "TenantModelTests", dependencies: ["TenantModel"]),
        .testTarget(
            name: "TenantExportTests",
            dependencies: ["TenantExport", "PimsimKit", "RunPipeline", "PrivilegeGraph", "Reports", "ScenarioFormat", "TenantModel", "TestSupport"]
        ),
        .testTarget(
            name: "PimsimKitTests",
            dependencies: ["PimsimKit", "RunPipeline", "WhatIf", "Reports", "ScenarioFormat", "TenantModel", "GraphvizRender", "TestSupport"]
        ),
        .testTarget(
            name: "ReportsTests",
            dependencies: [
                "Reports", "RunPipeline", "PIMEngine", "Trace", "ExposureMetrics", "TenantModel", "ScenarioFormat", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(name: "TenantImportTests", dependencies: ["TenantImport", "ScenarioFormat", "TenantModel", "RunPipeline", "TestSupport"],
                    exclude: ["Fixtures", "Golden", "FuzzFindings"]),
        .testTarget(name: "ScenarioFormatTests", dependencies: ["ScenarioFormat", "TenantModel", "TestSupport"], exclude: ["Fixtures", "FuzzFindings"]),
        .testTarget(
            name: "PIMEngineTests",
            dependencies: ["PIMEngine", "Trace", "ScenarioFormat", "TenantModel", "ExposureMetrics", "RunPipeline", "Reports", "TestSupport"]
        ),
        .testTarget(
            name: "ExposureMetricsTests", dependencies: ["ExposureMetrics", "PIMEngine", "TenantModel", "RunPipeline", "TestSupport"]
        ),
        // Invariants of runs on random valid scenarios, with swift-property-based.
        .testTarget(
            name: "InvariantTests",
            dependencies: [
                "RunPipeline", "PIMEngine", "Trace", "Reports", "ScenarioFormat", "TenantModel", "SimKernel", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["pimsim", "RunPipeline", "PimsimKit", "ExposureMetrics", "Reports", "TenantModel", "TestSupport"],
            exclude: ["ContractExamples", "Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Release builds optimise across modules: the engine is generic over its trace sink and the
// kernel over its model, and without this their code runs unspecialised across module
// boundaries (about 30 % of a tenant-year; docs/performance.md).
for target in package.targets where target.type == .regular || target.type == .executable {
    target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]
}
