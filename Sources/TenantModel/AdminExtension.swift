/// How far an administrator's `adminExtend` event moves an assignment's end.
public enum AdminExtension: Sendable, Equatable {
    /// To this time (seconds since the scenario's start).
    case until(Seconds)
    /// By this much past the assignment's current end.
    case by(Seconds)

    /// The new end of an assignment now ending at `end`.
    public func newEnd(from end: Seconds) -> Seconds {
        switch self {
        case .until(let time): return time
        case .by(let duration): return end + duration
        }
    }
}
