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

/// One input: decodes the bytes as a scenario file, then each of its first variants, on the
/// worker thread (whose stack is the decoder's own 256 MiB).
func fuzzScenario(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes else { return 0 }
    let data = Data(bytes: bytes, count: count)
    Worker.shared.run {
        let result = ScenarioLoader.decode(data: data, file: "fuzz.yaml", limits: Fuzzing.limits, onThisThread: true)
        FuzzOracle.check(result, variant: nil)
        if let scenario = result.scenario {
            for variant in scenario.variants.prefix(3) {
                let patched = ScenarioLoader.decode(data: data, file: "fuzz.yaml", variant: variant.name, limits: Fuzzing.limits, onThisThread: true)
                FuzzOracle.check(patched, variant: variant.name)
            }
        }
    }
    return 0
}

/// One long-lived thread with the decoder's stack: a thread per input (as `ScenarioLoader.decode`
/// makes) would cost more than most inputs, and its memory, freed after the thread ends, would
/// set off the leak checker on every input.
final class Worker: @unchecked Sendable {
    static let shared = Worker()
    private let ready = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    private var job: (() -> Void)?

    private init() {
        let thread = Thread { [unowned self] in
            while true {
                self.ready.wait()
                self.job?()
                self.job = nil
                self.done.signal()
            }
        }
        thread.stackSize = ScenarioLoader.stackSize
        thread.start()
    }

    func run(_ job: @escaping () -> Void) {
        self.job = job
        ready.signal()
        done.wait()
    }
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
