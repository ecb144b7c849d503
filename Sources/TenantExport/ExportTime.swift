import Reports

/// Times and durations as Graph and OpenGraph write them.
public enum ExportTime {
    /// ISO 8601 UTC (`2026-03-02T09:00:00Z`) of `seconds` since a scenario's start.
    public static func timestamp(_ seconds: Int64, startEpoch: Int64) -> String {
        TimeText.timestamp(epoch: startEpoch + seconds)
    }

    /// An ISO 8601 duration as Graph writes role settings: whole days as `P365D`, else `PT2H`,
    /// `PT1H45M`, `P1DT12H`; zero is `PT0S`.
    public static func duration(_ seconds: Int64) -> String {
        guard seconds > 0 else { return "PT0S" }
        let days = seconds / 86_400, hours = seconds % 86_400 / 3600, minutes = seconds % 3600 / 60, rest = seconds % 60
        var text = "P"
        if days > 0 { text += "\(days)D" }
        guard hours > 0 || minutes > 0 || rest > 0 else { return text }
        text += "T"
        if hours > 0 { text += "\(hours)H" }
        if minutes > 0 { text += "\(minutes)M" }
        if rest > 0 { text += "\(rest)S" }
        return text
    }
}
