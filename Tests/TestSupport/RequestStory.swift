import ExposureMetrics
import RunPipeline
import ScenarioFormat
import TenantModel
import Trace

/// What became of one activation request, read back from a trace.
public struct RequestStory: Equatable, CustomStringConvertible {
    /// The request's user id.
    public var user: String
    /// When it was made, in seconds.
    public var submitted: Int64
    /// `granted`, `rejected:<reason>`, `denied`, `expired`, `cancelled:<reason>` or `pending`.
    public var outcome: String
    /// When the outcome happened (nil while pending).
    public var decided: Int64?
    /// The activation's start and actual end (nil end: still active at the horizon).
    public var active: (from: Int64, until: Int64?)?
    /// Why the activation ended.
    public var endReason: String?

    /// Compares everything, the activation window included.
    public static func == (lhs: RequestStory, rhs: RequestStory) -> Bool {
        lhs.user == rhs.user && lhs.submitted == rhs.submitted && lhs.outcome == rhs.outcome
            && lhs.decided == rhs.decided && lhs.active?.from == rhs.active?.from
            && lhs.active?.until == rhs.active?.until && lhs.endReason == rhs.endReason
    }

    /// One line, with times in hours.
    public var description: String {
        func hours(_ seconds: Int64?) -> String { seconds.map { "\(Double($0) / 3600)h" } ?? "-" }
        let window = active.map { " active \(hours($0.from))-\(hours($0.until))" } ?? ""
        return "\(user)@\(hours(submitted)) \(outcome)@\(hours(decided))\(window)\(endReason.map { " (\($0))" } ?? "")"
    }

    /// Creates a story (for expectations).
    public init(_ user: String, at submitted: Double, _ outcome: String, decided: Double?,
                active: (Double, Double?)? = nil, endReason: String? = nil) {
        self.user = user
        self.submitted = h(submitted)
        self.outcome = outcome
        self.decided = decided.map(h)
        self.active = active.map { (h($0.0), $0.1.map(h)) }
        self.endReason = endReason
    }

    /// Reads every request's story from a trace, in request order.
    public static func read(_ records: [TraceRecord], scenario: Scenario) -> [RequestStory] {
        var stories: [Int: RequestStory] = [:]
        var activationToRequest: [Int: Int] = [:]
        for record in records {
            switch record {
            case .requestSubmitted(let time, let id, let user, _, _):
                var story = RequestStory(scenario.tenant[user].id, at: 0, "pending", decided: nil)
                story.submitted = time
                stories[id] = story
            case .requestRejected(let time, let id, let reason):
                stories[id]?.outcome = "rejected:\(reason.rawValue)"
                stories[id]?.decided = time
            case .requestDenied(let time, let id, _):
                stories[id]?.outcome = "denied"
                stories[id]?.decided = time
            case .requestExpired(let time, let id):
                stories[id]?.outcome = "expired"
                stories[id]?.decided = time
            case .requestCancelled(let time, let id, let reason):
                stories[id]?.outcome = "cancelled:\(reason.rawValue)"
                stories[id]?.decided = time
            case .activationStarted(let time, let activation, let request, _, _, _, _):
                stories[request]?.outcome = "granted"
                stories[request]?.decided = time
                stories[request]?.active = (time, nil)
                activationToRequest[activation] = request
            case .activationEnded(let time, let activation, _, _, let reason):
                if let request = activationToRequest[activation], let from = stories[request]?.active?.from {
                    stories[request]?.active = (from, time)
                    stories[request]?.endReason = reason.rawValue
                }
            default:
                break
            }
        }
        return stories.keys.sorted().compactMap { stories[$0] }
    }
}
