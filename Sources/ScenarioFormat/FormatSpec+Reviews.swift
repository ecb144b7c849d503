/// The keys of access reviews.
extension FormatSpec {
    static let review = MapSpec(what: "an access review (a map)", keys: [
        .required("name", "the review's name"),
        .required("roles", "the roles reviewed"),
        .optional("assignments", "eligible, active or both (default both)"),
        .required("reviewers", "{selected: [ids]}, members, or {manager: {fallback: [ids]}}"),
        .optional("recurrence", "once, weekly, monthly, quarterly, semiannually or annually"),
        .optional("start", "the first instance's start, default 0"),
        .optional("duration", "how long an instance stays open, default 30d"),
        .optional("reviewer", "{respond, approve, delay, followRecommendations}"),
        .optional("onNoResponse", "noChange, removeAccess, approveAccess or takeRecommendations"),
        .optional("lookback", "the activity window behind recommendations, default 30d"),
        .optional("apply", "manual (default: nobody applies the results), auto, or a delay after the end"),
        .optional("recommendations", "true (default) or false: reviewers see recommendations"),
        .optional("justificationRequired", "true or false (default): reviewers must justify approvals"),
        .optional("mailNotifications", "true or false (default): reviewers get email"),
        .optional("reminders", "true or false (default): reviewers get reminders"),
    ])
    static let reviewers = MapSpec(what: "reviewers (a map)", keys: [
        .optional("selected", "user ids"), .optional("manager", "{fallback: [ids]}"),
    ])
    static let managerReviewers = MapSpec(what: "manager reviewers (a map)", keys: [.optional("fallback", "user ids")])
    static let reviewerBehaviour = MapSpec(what: "reviewer behaviour (a map)", keys: [
        .optional("respond", "the probability a reviewer answers"),
        .optional("approve", "the probability an answer approves"),
        .optional("delay", "a duration or a distribution"),
        .optional("followRecommendations", "true or false"),
    ])
}
