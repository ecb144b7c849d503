import Foundation

/// A one-line progress bar on standard error, redrawn in place; for terminals only.
public final class ProgressBar {
    private let label: String
    private let width = 30
    private var total = 0
    private var done = 0
    private var drawn = -1

    /// Creates a bar that prefixes its line with `label`.
    public init(label: String) {
        self.label = label
    }

    /// A bar when standard error is a terminal, else nil (pipes and files get nothing).
    public static func forStandardError(label: String) -> ProgressBar? {
        isatty(2) == 1 ? ProgressBar(label: label) : nil
    }

    /// Starts counting towards `total` units.
    public func start(total: Int) {
        self.total = total
        done = 0
        drawn = -1
        draw()
    }

    /// Counts one more finished unit.
    public func advance() {
        done += 1
        draw()
    }

    /// Erases the line.
    public func finish() {
        write("\r" + String(repeating: " ", count: label.count + width + 30) + "\r")
    }

    /// Redraws when the filled width or the count changed.
    private func draw() {
        guard total > 0 else { return }
        let filled = done * width / total
        guard done != drawn else { return }
        drawn = done
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        write("\r\(label) [\(bar)] \(done)/\(total) runs")
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
