/// An access review of PIM role assignments, recurring or once.
public struct AccessReview: Sendable, Equatable {
    /// Who reviews each item.
    public enum Reviewers: Sendable, Equatable {
        /// Named users.
        case selected([UserIndex])
        /// Each reviewed user reviews themselves (role-assignable groups are left unreviewed).
        case members
        /// The reviewed user's manager; `fallback` reviews users without one, and groups.
        case manager(fallback: [UserIndex])
    }

    /// What happens to items nobody reviewed.
    public enum NoResponse: String, Sendable, Equatable, CaseIterable {
        /// Access stays.
        case noChange
        /// Access is removed.
        case removeAccess
        /// Access is approved.
        case approveAccess
        /// The recommendation is applied.
        case takeRecommendations
    }

    /// How often the review repeats.
    public enum Recurrence: String, Sendable, Equatable, CaseIterable {
        case once, weekly, monthly, quarterly, semiannually, annually

        /// The period in seconds ([assumption] fixed lengths: 7, 30, 91, 182, 365 days).
        public var period: Seconds? {
            switch self {
            case .once: return nil
            case .weekly: return 7 * 86_400
            case .monthly: return 30 * 86_400
            case .quarterly: return 91 * 86_400
            case .semiannually: return 182 * 86_400
            case .annually: return 365 * 86_400
            }
        }
    }

    /// The review's name.
    public var name: String
    /// The roles reviewed (one set of items per role).
    public var roles: [RoleIndex]
    /// Review eligible assignments.
    public var eligible: Bool
    /// Review active assignments.
    public var active: Bool
    /// Who reviews.
    public var reviewers: Reviewers
    /// How often.
    public var recurrence: Recurrence
    /// The first instance's start.
    public var firstStart: Seconds
    /// How long each instance stays open.
    public var duration: Seconds
    /// The probability a reviewer answers an item.
    public var respondRate: Double
    /// The probability an answer approves (when not following recommendations).
    public var approveRate: Double
    /// How long after the start a reviewer answers.
    public var delay: DurationSpec
    /// Reviewers take the recommendation instead of deciding on their own.
    public var followRecommendations: Bool
    /// What happens to unreviewed items.
    public var onNoResponse: NoResponse
    /// The window of activity behind recommendations (default 30 days).
    public var lookback: Seconds
    /// Results are applied this long after the instance ends (0: auto-apply at the end); nil
    /// (Graph's default, `autoApplyDecisionsEnabled: false`): nobody applies them in the run.
    public var applyDelay: Seconds?
    /// Reviewers are shown recommendations (Graph `recommendationsEnabled`).
    public var recommendationsEnabled: Bool
    /// Reviewers must justify an approval (Graph `justificationRequiredOnApproval`, default false).
    public var justificationRequired: Bool
    /// Reviewers get email when an instance starts (Graph `mailNotificationsEnabled`, default false).
    public var mailNotifications: Bool
    /// Reviewers get reminder email (Graph `reminderNotificationsEnabled`, default false).
    public var reminders: Bool
    /// Where it was written.
    public var origin: String

    /// Creates a review.
    public init(
        name: String, roles: [RoleIndex], eligible: Bool = true, active: Bool = true, reviewers: Reviewers,
        recurrence: Recurrence = .once, firstStart: Seconds = 0, duration: Seconds = 30 * 86_400,
        respondRate: Double = 1, approveRate: Double = 1, delay: DurationSpec = .fixed(86_400),
        followRecommendations: Bool = false, onNoResponse: NoResponse = .noChange, lookback: Seconds = 30 * 86_400,
        applyDelay: Seconds? = nil, origin: String = ""
    ) {
        self.name = name
        self.roles = roles
        self.eligible = eligible
        self.active = active
        self.reviewers = reviewers
        self.recurrence = recurrence
        self.firstStart = firstStart
        self.duration = duration
        self.respondRate = respondRate
        self.approveRate = approveRate
        self.delay = delay
        self.followRecommendations = followRecommendations
        self.onNoResponse = onNoResponse
        self.lookback = lookback
        self.applyDelay = applyDelay
        self.recommendationsEnabled = true
        self.justificationRequired = false
        self.mailNotifications = false
        self.reminders = false
        self.origin = origin
    }
}
