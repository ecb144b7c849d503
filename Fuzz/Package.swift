// swift-tools-version: 6.1
// pimsim's fuzz targets: libFuzzer with the address sanitizer, built and run by
// `./scripts/dev fuzz [SECONDS]` (docs/robustness.md). A package of its own, so that the
// product's build and its tests never compile them.
import Foundation
import PackageDescription

// The pimsim package is the folder above; SwiftPM names a path dependency after its folder.
let pimsim = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "pimsim-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "..")],
    targets: [
        // The scenario decoder and validator: bytes in, a scenario or positioned diagnostics out.
        .executableTarget(
            name: "FuzzScenario",
            dependencies: ["CLibFuzzer", .product(name: "ScenarioFormat", package: pimsim)]
        ),
        // The importer: one file of a Graph export in, a scenario that must validate out.
        .executableTarget(
            name: "FuzzImport",
            dependencies: ["CLibFuzzer", .product(name: "TenantImport", package: pimsim), .product(name: "ScenarioFormat", package: pimsim)]
        ),
        // The declaration of libFuzzer's driver, which each target's main calls.
        .target(name: "CLibFuzzer"),
    ],
    swiftLanguageModes: [.v6]
)
