import ArgumentParser
import PimsimKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run scenarios and evaluate their assertions; exit 1 when one fails."
    )

    @Argument(help: "One or more scenario files.")
    var files: [String]

    @OptionGroup var seed: SeedOption

    @OptionGroup var limits: LimitOptions

    func run() throws {
        var checks: [FileCheck] = []
        for file in files {
            let check = try limits.bound { try perform { () throws(UseCaseError) in try Checks.check(path: file, seed: seed.seed) } }
            printWarnings(check.warnings)
            for line in check.lines { print(line) }
            checks.append(check)
        }
        print(Checks.summary(checks))
        if checks.contains(where: { $0.failed > 0 }) { throw Exit.assertionFailed }
    }
}
