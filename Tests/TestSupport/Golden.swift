import Foundation

/// Golden files: checked-in expected outputs, reviewed by a person.
///
/// With `PIMSIM_RECORD_GOLDEN=1` in the environment, a mismatching or missing golden file is
/// rewritten and the check still fails, so that every re-record is looked at before it lands.
public enum Golden {
    /// Compares `actual` with the golden file at `relativePath` (from the repository root).
    public static func check(_ actual: String, against relativePath: String) throws {
        let url = repositoryRoot.appendingPathComponent(relativePath)
        let expected = try? String(contentsOf: url, encoding: .utf8)
        if expected == actual { return }
        if ProcessInfo.processInfo.environment["PIMSIM_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            throw FixtureError("re-recorded \(relativePath); review the diff and run the tests again")
        }
        guard let expected else {
            throw FixtureError("missing golden file \(relativePath); run with PIMSIM_RECORD_GOLDEN=1 to create it, then review it")
        }
        throw FixtureError("\(relativePath) differs from the output:\n\(firstDifference(expected, actual))")
    }

    /// The first differing line of two texts, for the failure message.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? String(left[index]) : "<end>"
            let b = index < right.count ? String(right[index]) : "<end>"
            if a != b { return "line \(index + 1):\n  expected: \(a)\n  actual:   \(b)" }
        }
        return "(no line differs; trailing bytes differ)"
    }
}
