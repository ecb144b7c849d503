import ArgumentParser
import PimsimKit

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check scenario files (and each of their variants) without running them."
    )

    @Argument(help: "One or more scenario files.")
    var files: [String]

    @OptionGroup var limits: LimitOptions

    func run() throws {
        var failed = false
        for file in files {
            let validation = try limits.bound { Validation.validate(path: file) }
            for problem in validation.problems { printError(problem) }
            if let summary = validation.summary { print(summary) }
            if !validation.valid { failed = true }
        }
        if failed { throw Exit.invalidInput }
    }
}
