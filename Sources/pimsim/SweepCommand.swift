import ArgumentParser
import Foundation
import PimsimKit
import WhatIf

struct Sweep: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every combination of grid values as a variant and find the Pareto front.",
        discussion: """
        Each --grid KEYPATH=v1,v2,... sets a key of the scenario document (map keys separated by \
        dots, such as policies.default.activation.maxDuration) to each value in turn, merged like a \
        variant's patch; every combination of the grids' values is one point, run --replications \
        times on common random numbers. Writes sweep.csv, sweep.json and pareto.svg (exposure \
        against friction, minimising both) into Output/<scenario>/sweep/ (or --output DIR). \
        See docs/what-if.md.
        """
    )

    @Argument(help: "The scenario file (YAML or JSON).")
    var file: String

    @OptionGroup var study: StudyOptions

    @Option(name: .long, help: "KEYPATH=v1,v2,...: a key path of the scenario and its values (repeat for more axes).")
    var grid: [String] = []

    @Option(name: .long, help: "Apply the grid on top of this variant of the scenario.")
    var variant: String?

    @Option(name: .long, help: "An exposure metric of the Pareto front (repeatable; default: privilegedHours.total, and tier0.reachableHours when present).")
    var exposure: [String] = []

    @Option(name: .long, help: "A friction metric of the Pareto front (repeatable; default: friction.waitMinutes.p90 and friction.tasks.blocked).")
    var friction: [String] = []

    func validate() throws {
        _ = try parsedGrid()
    }

    func parsedGrid() throws -> SweepGrid {
        do {
            return try SweepGrid(axes: grid.map(GridAxis.init(parsing:)))
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func run() async throws {
        let grid = try parsedGrid()
        let request = try study.request(path: file)
        let result = try await study.limits.bound {
            try await perform { () async throws(UseCaseError) in
                try await Studies.sweep(request, grid: grid, variant: variant, exposure: exposure, friction: friction, progress: ProgressBar.forStandardError(label:))
            }
        }
        StudyOptions.print(result)
    }
}
