import Foundation
import Testing
import TestSupport

@Suite("pimsim compare, sweep and merge")
struct WhatIfCommandTests {
    func contents(_ folder: URL, _ names: [String]) throws -> [Data] {
        try names.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
    }

    @Test("compare: the table, compare.json and compare.csv; 3 shards merged give the same bytes; jobs do not matter")
    func compareShardsAndMerge() throws {
        let folder = try Pimsim.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let common = ["compare", "Scenarios/ga-design.yaml", "--replications", "3", "--variants", "eligible-1h,eligible-approval"]
        let single = try Pimsim.run(common + ["--output", folder.appendingPathComponent("single").path, "--jobs", "1"])
        #expect(single.status == 0, "\(single.stderr)")
        #expect(single.stdout.contains("ga-design: 3 arms × 3 replications, seed 2026, common random numbers"))
        #expect(single.stdout.contains("privilegedHours.total"))
        #expect(single.stderr.isEmpty)   // not a terminal: no progress bar
        let parallel = try Pimsim.run(common + ["--output", folder.appendingPathComponent("parallel").path, "--jobs", "3"])
        #expect(parallel.status == 0)
        var parts: [String] = []
        for index in 1...3 {
            let shard = try Pimsim.run(common + ["--shard", "\(index)/3", "--output", folder.appendingPathComponent("parts").path])
            #expect(shard.status == 0, "\(shard.stderr)")
            parts.append(folder.appendingPathComponent("parts/compare-part-\(index)-of-3.json").path)
        }
        let merged = try Pimsim.run(["merge"] + parts.reversed() + ["--output", folder.appendingPathComponent("merged").path])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout == single.stdout.replacingOccurrences(of: folder.appendingPathComponent("single").path,
                                                                   with: folder.appendingPathComponent("merged").path))
        let names = ["compare.json", "compare.csv"]
        let expected = try contents(folder.appendingPathComponent("single"), names)
        #expect(try contents(folder.appendingPathComponent("merged"), names) == expected)
        #expect(try contents(folder.appendingPathComponent("parallel"), names) == expected)

        let missing = try Pimsim.run(["merge", parts[0], parts[2], "--output", folder.appendingPathComponent("bad").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("missing shard 2/3 of 3"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("bad").path))
    }

    @Test("compare: an unknown variant is invalid input with a suggestion; bad options are usage errors")
    func compareErrors() throws {
        let unknown = try Pimsim.run(["compare", "Scenarios/jit-migration.yaml", "--variants", "eligible-2h,strict-jt"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown variant 'strict-jt'; did you mean 'strict-jit'?"))
        #expect(unknown.stderr.contains("nothing was run"))
        for arguments in [["--replications", "0"], ["--shard", "4/3"], ["--jobs", "0"], ["--variants", "a,,b"]] {
            let result = try Pimsim.run(["compare", "Scenarios/jit-migration.yaml"] + arguments)
            #expect(result.status == 64, "\(arguments)")
        }
    }

    @Test("sweep: grid errors are usage errors; bad values name the grid entry; 2 shards merged equal one run")
    func sweep() throws {
        let folder = try Pimsim.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let parse = try Pimsim.run(["sweep", "Scenarios/jit-migration.yaml", "--grid", "policies.default"])
        #expect(parse.status == 64)
        #expect(parse.stderr.contains("--grid 'policies.default': expected KEYPATH=v1,v2,..."))
        let value = try Pimsim.run(["sweep", "Scenarios/jit-migration.yaml", "--grid", "policies.default.activation.maxDuration=2h,2d"])
        #expect(value.status == 2)
        #expect(value.stderr.contains("(in --grid 'policies.default.activation.maxDuration=2d')"))
        let axis = try Pimsim.run(["sweep", "Scenarios/jit-migration.yaml", "--grid", "policies.default.activation.maxDuration=2h",
                                   "--exposure", "privilegedHours.totl"])
        #expect(axis.status == 2)
        #expect(axis.stderr.contains("--exposure 'privilegedHours.totl' is not a numeric metric of these runs; did you mean 'privilegedHours.total'?"))

        let common = ["sweep", "Scenarios/jit-migration.yaml", "--variant", "strict-jit", "--replications", "2",
                      "--grid", "policies.roles.Global Administrator.activation.maxDuration=1h,3h",
                      "--grid", "behaviour.approvers.responseTime=5m,1h"]
        let single = try Pimsim.run(common + ["--output", folder.appendingPathComponent("single").path])
        #expect(single.status == 0, "\(single.stderr)")
        #expect(single.stdout.contains("jit-migration (variant strict-jit): 4 grid points × 2 replications"))
        for index in 1...2 {
            let shard = try Pimsim.run(common + ["--shard", "\(index)/2", "--output", folder.appendingPathComponent("parts").path])
            #expect(shard.status == 0, "\(shard.stderr)")
        }
        let merged = try Pimsim.run(["merge",
                                     folder.appendingPathComponent("parts/sweep-part-1-of-2.json").path,
                                     folder.appendingPathComponent("parts/sweep-part-2-of-2.json").path,
                                     "--output", folder.appendingPathComponent("merged").path])
        #expect(merged.status == 0, "\(merged.stderr)")
        let names = ["sweep.json", "sweep.csv", "pareto.svg"]
        #expect(try contents(folder.appendingPathComponent("merged"), names) == contents(folder.appendingPathComponent("single"), names))
        let csv = try String(contentsOf: folder.appendingPathComponent("single/sweep.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("policies.roles.Global Administrator.activation.maxDuration,behaviour.approvers.responseTime,privilegedHours.total.mean,"))
        #expect(csv.split(separator: "\r\n").count == 5)
    }

    /// Needs python3 with PyYAML (to read the Kubernetes manifests); `./scripts/dev test` installs it.
    @Test("scripts/cluster-dryrun: the Kubernetes and Slurm manifests' commands, merged, equal a single run")
    func clusterDryRun() throws {
        let process = Process()
        process.executableURL = repositoryRoot.appendingPathComponent("scripts/cluster-dryrun")
        process.arguments = ["--pimsim", Pimsim.executable.path]
        process.currentDirectoryURL = repositoryRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("kubernetes: sweep.json, sweep.csv, pareto.svg identical to the single run's"))
        #expect(text.contains("slurm: sweep.json, sweep.csv, pareto.svg identical to the single run's"))
    }
}
