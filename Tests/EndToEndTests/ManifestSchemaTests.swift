import Foundation
import Testing
import TestSupport

/// The Kubernetes manifests in deploy/kubernetes validate against the Kubernetes API's JSON
/// Schema, offline: kubernetes-validate (PyPI) ships the schemas of each Kubernetes release, and
/// `--strict` rejects fields the API does not have. `./scripts/dev test` installs it.
@Suite("deploy/kubernetes: the manifests against the Kubernetes API schema")
struct ManifestSchemaTests {
    /// The oldest Kubernetes release kubernetes-validate ships schemas for, and its newest (the default).
    static let versions: [String?] = ["1.25", nil]

    static let manifests = ["deploy/kubernetes/sweep-job.yaml", "deploy/kubernetes/merge-job.yaml"]

    /// Runs `python3 -m kubernetes_validate --strict` on the files; the exit status and what it printed.
    static func validate(_ paths: [String], version: String?) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "kubernetes_validate", "--strict"] + (version.map { ["-k", $0] } ?? []) + paths
        process.currentDirectoryURL = repositoryRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test("every resource of both manifests passes, on the oldest and the newest schema", arguments: versions)
    func manifestsValidate(version: String?) throws {
        let (status, output) = try Self.validate(Self.manifests, version: version)
        #expect(status == 0, "\(output)")
        for resource in ["persistentvolumeclaim/pimsim-shared", "job/pimsim-sweep", "job/pimsim-merge"] {
            #expect(output.contains("passed for resource \(resource) against version"), "\(resource) not validated:\n\(output)")
        }
        #expect(!output.contains("ERROR"), "\(output)")
    }

    @Test("the check has teeth: a misspelled field, a wrong type and a missing required field are refused")
    func brokenCopiesAreRefused() throws {
        let original = try String(contentsOf: repositoryRoot.appendingPathComponent(Self.manifests[0]), encoding: .utf8)
        let folder = try Pimsim.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let breakages: [(find: String, replace: String, error: String)] = [
            ("  backoffLimit: 4", "  backoffLimt: 4", "Additional properties are not allowed ('backoffLimt' was unexpected)"),
            ("  completions: 4 ", "  completions: \"four\" ", "spec.completions: 'four' is not of type 'integer'"),
            ("        - name: shard\n", "        - name_: shard\n", "'name' is a required property"),
        ]
        for (index, breakage) in breakages.enumerated() {
            #expect(original.contains(breakage.find), "the manifest no longer contains \(breakage.find.debugDescription)")
            let path = folder.appendingPathComponent("broken-\(index).yaml").path
            try original.replacingOccurrences(of: breakage.find, with: breakage.replace).write(toFile: path, atomically: true, encoding: .utf8)
            let (status, output) = try Self.validate([path], version: nil)
            #expect(status == 1, "\(breakage.replace) was accepted:\n\(output)")
            #expect(output.contains("did not validate for resource job/pimsim-sweep"), "\(output)")
            #expect(output.contains(breakage.error), "\(output)")
        }
    }
}
