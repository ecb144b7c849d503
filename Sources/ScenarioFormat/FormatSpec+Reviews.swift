import TenantModel

/// The keys of access reviews.
extension FormatSpec {
    static let review = MapSpec(what: "an access review (a map)", keys: [
        .required("name", "the review's name", .identifier),
        .required("roles", "the roles reviewed", .ids),
        .optional("assignments", "eligible, active or both (default both)", .enumeration(["eligible", "active", "both"]), default: .string("both")),
        .required("reviewers", "{selected: [ids]}, members, or {manager: {fallback: [ids]}}", .either([.enumeration(["members"]), .map(reviewers)])),
        .optional("recurrence", "once, weekly, monthly, quarterly, semiannually or annually",
                  .enumeration(AccessReview.Recurrence.allCases.map(\.rawValue)), default: .string("once")),
        .optional("start", "the first instance's start, default 0", .time, default: .integer(0)),
        .optional("duration", "how long an instance stays open, default 30d", .duration, default: .string("30d")),
        .optional("reviewer", "{respond, approve, delay, followRecommendations}", .map(reviewerBehaviour)),
        .optional("onNoResponse", "noChange, removeAccess, approveAccess or takeRecommendations",
                  .enumeration(AccessReview.NoResponse.allCases.map(\.rawValue)), default: .string("noChange")),
        .optional("lookback", "the activity window behind recommendations, default 30d", .duration, default: .string("30d")),
        .optional("apply", "manual (default: nobody applies the results), auto, or a delay after the end",
                  .either([.enumeration(["manual", "auto"]), .duration]), default: .string("manual")),
        .optional("recommendations", "true (default) or false: reviewers see recommendations", .boolean, default: .boolean(true)),
        .optional("justificationRequired", "true or false (default): reviewers must justify approvals", .boolean, default: .boolean(false)),
        .optional("mailNotifications", "true or false (default): reviewers get email", .boolean, default: .boolean(false)),
        .optional("reminders", "true or false (default): reviewers get reminders", .boolean, default: .boolean(false)),
    ])
    static let reviewers = MapSpec(what: "reviewers (a map)", keys: [
        .optional("selected", "user ids", .ids),
        .optional("manager", "{fallback: [ids]}", .either([.scalar, .map(managerReviewers)])),
    ], rules: [.atLeastOne(["selected", "manager"])])
    static let managerReviewers = MapSpec(what: "manager reviewers (a map)", keys: [.optional("fallback", "user ids", .ids)])
    static let reviewerBehaviour = MapSpec(what: "reviewer behaviour (a map)", keys: [
        .optional("respond", "the probability a reviewer answers", .number(0...1)),
        .optional("approve", "the probability an answer approves", .number(0...1)),
        .optional("delay", "a duration or a distribution", durationSpec),
        .optional("followRecommendations", "true or false", .boolean),
    ])
}
