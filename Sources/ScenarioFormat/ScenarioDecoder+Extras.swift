import TenantModel

extension ScenarioDecoder {
    /// The longest instance of a monthly review Entra accepts (reference sheet §5, S-AR-CREATE).
    static let monthlyReviewMaximum: Seconds = 27 * 86_400

    /// `alerts:` thresholds; each missing value keeps its default.
    func decodeAlerts(_ value: Value) -> AlertSettings {
        var settings = AlertSettings()
        guard let map = context.map(value, FormatSpec.alerts) else { return settings }
        if let entry = map["tooManyGlobalAdmins"], let body = context.map(entry, FormatSpec.alertCount) {
            if let count = body["count"].flatMap({ context.integer($0, in: 2...100, what: "count") }) { settings.globalAdminCount = Int(count) }
            if let share = body["percentage"].flatMap({ context.number($0, in: 0...100, what: "percentage") }) { settings.globalAdminPercentage = share }
        }
        if let entry = map["staleSignIn"], let body = context.map(entry, FormatSpec.alertAfter), let value = body["after"],
           let after = alertWindow(value, days: 1...365, alert: "the stale sign-in alert") { settings.staleAfter = after }
        if let entry = map["unusedRoles"], let body = context.map(entry, FormatSpec.alertAfter), let value = body["after"],
           let after = alertWindow(value, days: 0...100, alert: "the unused-role alert") { settings.unusedAfter = after }
        if let entry = map["outsidePIM"], let body = context.map(entry, FormatSpec.alertAfter),
           let window = body["window"].flatMap({ context.duration($0) }) { settings.outsidePIMWindow = window }
        if let entry = map["frequentActivation"], let body = context.map(entry, FormatSpec.alertCount) {
            if let count = body["count"].flatMap({ context.integer($0, in: 2...100, what: "count") }) { settings.frequentActivations = Int(count) }
            if let within = body["within"].flatMap({ context.duration($0) }) { settings.frequentWithin = within }
        }
        if let entry = map["cisa"], let body = context.map(entry, FormatSpec.cisa) {
            settings.cisaExclusions = Set(userList(body["exclusions"], what: "user ids"))
        }
        return settings
    }

    /// An alert's window in whole days within Entra's bounds (reference sheet §7: stale sign-ins
    /// 1-365 days, unused roles 0-100 days); an error quoting the value otherwise.
    func alertWindow(_ value: Value, days range: ClosedRange<Int64>, alert: String) -> Seconds? {
        guard let seconds = context.duration(value) else { return nil }
        guard seconds % 86_400 == 0, range.contains(seconds / 86_400) else {
            let written = value.node.string ?? "\(seconds)s"
            context.error("\(alert) takes whole days from \(range.lowerBound)d to \(range.upperBound)d, as in Entra; got '\(written)'", at: value)
            return nil
        }
        return seconds
    }

    /// `reviews:` access reviews of role assignments.
    func decodeReviews(_ value: Value) -> [AccessReview] {
        guard let items = context.list(value, what: "access reviews") else { return [] }
        var reviews: [AccessReview] = []
        for item in items {
            guard let map = context.map(item, FormatSpec.review) else { continue }
            let name = map["name"].flatMap { context.identifier($0, what: "a review name") }
            var roles: [RoleIndex] = []
            if let entry = map["roles"], let list = context.list(entry, what: "roles", singleAllowed: true) {
                roles = list.compactMap { roleReference($0) }
            }
            var eligible = true, active = true
            if let entry = map["assignments"], let text = context.identifier(entry, what: "eligible, active or both") {
                switch text {
                case "eligible": active = false
                case "active": eligible = false
                case "both": break
                default: context.error("unknown assignment filter '\(text)' (expected eligible, active or both)", at: entry)
                }
            }
            let reviewers = map["reviewers"].flatMap { decodeReviewers($0) }
            let recurrence = map["recurrence"].flatMap { enumValue($0, AccessReview.Recurrence.self, noun: "recurrence", what: "a recurrence") } ?? .once
            let start = map["start"].flatMap { eventTime($0) } ?? 0
            var duration: Seconds = 30 * 86_400
            if let entry = map["duration"], let value = context.duration(entry) {
                if value <= 0 {
                    context.error("a review needs a duration longer than zero", at: entry)
                } else if let period = recurrence.period, value >= period {
                    context.error("an instance must end before the next one starts: the duration must be shorter than the \(recurrence.rawValue) recurrence", at: entry)
                } else if recurrence == .monthly, value > Self.monthlyReviewMaximum {
                    context.error("a monthly review lasts at most 27 days in Entra; got '\(entry.node.string ?? "\(value)s")'", at: entry)
                } else {
                    duration = value
                }
            } else if let period = recurrence.period, duration >= period {
                duration = period - 3 * 86_400
            }
            var review = AccessReview(name: name ?? "", roles: roles, reviewers: reviewers ?? .members, recurrence: recurrence,
                                      firstStart: start, duration: duration, origin: item.path.description)
            review.eligible = eligible
            review.active = active
            if let entry = map["reviewer"], let body = context.map(entry, FormatSpec.reviewerBehaviour) {
                if let rate = body["respond"].flatMap({ context.number($0, in: 0...1, what: "respond") }) { review.respondRate = rate }
                if let rate = body["approve"].flatMap({ context.number($0, in: 0...1, what: "approve") }) { review.approveRate = rate }
                if let delay = body["delay"].flatMap({ decodeDurationSpec($0) }) { review.delay = delay }
                if let flag = body["followRecommendations"].flatMap({ context.bool($0) }) { review.followRecommendations = flag }
            }
            if let parsed = map["onNoResponse"].flatMap({ enumValue($0, AccessReview.NoResponse.self, noun: "onNoResponse", what: "a default decision") }) {
                review.onNoResponse = parsed
            }
            if let lookback = map["lookback"].flatMap({ context.duration($0) }) { review.lookback = lookback }
            if let entry = map["apply"] {
                switch entry.node.string {
                case "auto": review.applyDelay = 0
                case "manual": review.applyDelay = nil
                default: if let delay = context.duration(entry) { review.applyDelay = delay }
                }
            }
            decodeReviewSwitches(map, into: &review)
            if name != nil, reviewers != nil, !roles.isEmpty { reviews.append(review) }
        }
        return reviews
    }

    /// Graph's switches of a review (`recommendationsEnabled` and the notifications), with the
    /// combinations that need recommendations checked.
    func decodeReviewSwitches(_ map: MapView, into review: inout AccessReview) {
        if let flag = map["recommendations"].flatMap({ context.bool($0) }) { review.recommendationsEnabled = flag }
        if let flag = map["justificationRequired"].flatMap({ context.bool($0) }) { review.justificationRequired = flag }
        if let flag = map["mailNotifications"].flatMap({ context.bool($0) }) { review.mailNotifications = flag }
        if let flag = map["reminders"].flatMap({ context.bool($0) }) { review.reminders = flag }
        guard !review.recommendationsEnabled, let entry = map["recommendations"] else { return }
        if review.followRecommendations {
            context.error("reviewers cannot follow recommendations when 'recommendations' is false; set one of them differently", at: entry)
        }
        if review.onNoResponse == .takeRecommendations {
            context.error("'onNoResponse: takeRecommendations' needs recommendations, but 'recommendations' is false", at: entry)
        }
    }

    /// `{selected: [ids]}`, `members`, or `{manager: {fallback: [ids]}}`.
    func decodeReviewers(_ value: Value) -> AccessReview.Reviewers? {
        if case .scalar = value.node {
            guard let text = context.identifier(value, what: "members, or a map") else { return nil }
            if text == "members" { return .members }
            context.error("unknown reviewers '\(text)' (expected members, {selected: [ids]} or {manager: {fallback: [ids]}})", at: value)
            return nil
        }
        guard let map = context.map(value, FormatSpec.reviewers) else { return nil }
        if let entry = map["selected"] { return .selected(userList(entry, what: "user ids")) }
        if let entry = map["manager"] {
            if case .scalar = entry.node { return .manager(fallback: []) }
            guard let body = context.map(entry, FormatSpec.managerReviewers) else { return nil }
            return .manager(fallback: userList(body["fallback"], what: "user ids"))
        }
        context.error("reviewers need 'selected' or 'manager' (or write 'members')", at: value)
        return nil
    }

    /// Variant names and descriptions; their patches and conversions are checked when applied.
    func decodeVariants(_ value: Value) -> [VariantInfo] {
        guard let map = context.map(value, FormatSpec.variants) else { return [] }
        var variants: [VariantInfo] = []
        for entry in map.entries {
            let keyValue = Value(node: entry.keyNode, path: entry.value.path)
            guard decodeName(keyValue) != nil else { continue }
            guard let body = context.map(entry.value, FormatSpec.variant) else { continue }
            if let patch = body["patch"] { _ = context.map(patch, FormatSpec.patch) }
            if let convert = body["convert"], let conversion = decodeConversion(convert) {
                conversions[entry.key] = conversion
            }
            variants.append(VariantInfo(name: entry.key, description: body["description"].flatMap { context.string($0) }))
        }
        return variants
    }

    /// `convert: {activeToEligible: {roles, except}}`: roles and principals resolved against this document.
    func decodeConversion(_ value: Value) -> (roles: Set<RoleIndex>, except: Set<Principal>)? {
        guard let map = context.map(value, FormatSpec.convert) else { return nil }
        guard let entry = map["activeToEligible"], let body = context.map(entry, FormatSpec.activeToEligible) else {
            return ([], [])
        }
        var roleSet = Set<RoleIndex>()
        if let list = body["roles"].flatMap({ context.list($0, what: "roles", singleAllowed: true) }) {
            for item in list { if let role = roleReference(item) { roleSet.insert(role) } }
        }
        var except = Set<Principal>()
        if let list = body["except"].flatMap({ context.list($0, what: "user or group ids", singleAllowed: true) }) {
            for item in list { if let principal = principalReference(item, use: .roleAssignment) { except.insert(principal) } }
        }
        return (roleSet, except)
    }
}
