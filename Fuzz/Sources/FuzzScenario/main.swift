import CLibFuzzer
import Foundation
import ScenarioFormat

/// Bounds below the defaults, so that each input takes milliseconds; the code paths are the
/// same ones the defaults take (the limits' own checks included).
enum Fuzzing {
    static let limits: InputLimits = {
        var limits = InputLimits()
        limits.nodes = 200_000
        limits.users = 20_000
        limits.tasks = 200_000
        return limits
    }()
}

/// One input: decodes the bytes as a scenario file, then each of its first variants.
func fuzzScenario(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes else { return 0 }
    let data = Data(bytes: bytes, count: count)
    let result = ScenarioLoader.decode(data: data, file: "fuzz.yaml", limits: Fuzzing.limits)
    FuzzOracle.check(result, variant: nil)
    if let scenario = result.scenario {
        for variant in scenario.variants.prefix(3) {
            FuzzOracle.check(ScenarioLoader.decode(data: data, file: "fuzz.yaml", variant: variant.name, limits: Fuzzing.limits), variant: variant.name)
        }
    }
    return 0
}

/// What must hold whatever the input: a crash of the fuzz target when it does not.
enum FuzzOracle {
    static func check(_ result: LoadResult, variant: String?) {
        let errors = result.diagnostics.filter { $0.severity == .error }
        if result.scenario == nil && errors.isEmpty {
            fatalError("no scenario and no error (variant \(variant ?? "-")): \(result.diagnostics)")
        }
        if result.scenario != nil && !errors.isEmpty {
            fatalError("a scenario despite errors (variant \(variant ?? "-")): \(errors)")
        }
        for diagnostic in result.diagnostics {
            if diagnostic.line < 0 || diagnostic.column < 0 || diagnostic.message.isEmpty || diagnostic.file != "fuzz.yaml" {
                fatalError("a malformed diagnostic: \(diagnostic)")
            }
            if (diagnostic.line == 0) != (diagnostic.column == 0) {
                fatalError("a diagnostic with half a position: \(diagnostic)")
            }
        }
        if let scenario = result.scenario, scenario.horizon <= 0 {
            fatalError("a scenario without a horizon: \(scenario.horizon)")
        }
    }
}

// libFuzzer's driver, with this target's function and the command line's options.
var arguments = CommandLine.argc
var values: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &values) { data, size in fuzzScenario(data, size) })
