import Foundation
import WhatIf

/// A one-line progress bar on standard error, redrawn in place; for terminals only.
///
/// It keeps no state: runs finish one at a time, so the bar is redrawn whenever the whole percent
/// changes from one count to the next, and erased once every run is done.
struct ProgressBar: ProgressReporter {
    /// The text before the bar, such as `compare quickstart`.
    let label: String
    /// The bar's width in characters.
    static let width = 30

    /// A bar when standard error is a terminal, else nil (pipes and files get nothing).
    static func forStandardError(label: String) -> ProgressBar? {
        isatty(2) == 1 ? ProgressBar(label: label) : nil
    }

    /// Draws `done` of `total` (at most once per percent), and erases the line at the end.
    func progress(done: Int, total: Int) {
        if total > 0 && (done == 0 || done * 100 / total != (done - 1) * 100 / total) {
            let filled = done * Self.width / total
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: Self.width - filled)
            write("\r\(label) [\(bar)] \(done)/\(total) runs")
        }
        if done >= total {
            write("\r" + String(repeating: " ", count: label.count + Self.width + 30) + "\r")
        }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
