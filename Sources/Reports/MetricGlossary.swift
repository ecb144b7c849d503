/// One-line definitions of the metrics in metrics.json, taken from docs/metrics.md (and
/// docs/privilege-graph.md for `tier0`): the one place the report and the summary read them from.
public enum MetricGlossary {
    /// A metric key (or a family of keys, with `*` for a role, user or alert name) and its definition.
    public struct Entry: Sendable, Equatable {
        /// The key, such as `privilegedHours.total` or `roles.*.activeHours`.
        public var key: String
        /// The section of the report's metrics table.
        public var group: String
        /// What the metric means, in one line.
        public var definition: String
        /// Whether the summary's headline table shows it.
        public var headline: Bool
    }

    private static func entry(_ key: String, _ group: String, _ definition: String, headline: Bool = false) -> Entry {
        Entry(key: key, group: group, definition: definition, headline: headline)
    }

    /// Every metric with a fixed key, in the order the report lists them.
    public static let entries: [Entry] = [
        entry("privilegedHours.total", "Exposure", "User-hours of privileged roles held by any path (union over paths and scopes).", headline: true),
        entry("privilegedHours.standing", "Exposure", "The part of the total during which a standing path (an active assignment, direct or through a group) holds.", headline: true),
        entry("privilegedHours.jit", "Exposure", "Total minus standing: held only through activations.", headline: true),
        entry("standingAdmins.max", "Exposure", "Largest number of users holding a privileged role through a standing path.", headline: true),
        entry("standingAdmins.min", "Exposure", "Smallest number of users holding a privileged role through a standing path."),
        entry("standingAdmins.end", "Exposure", "Users holding a privileged role through a standing path on the last step.", headline: true),
        entry("standingAdmins.mean", "Exposure", "Time-weighted mean number of standing admins over the horizon.", headline: true),
        entry("globalAdmins.min", "Exposure", "Smallest number of users holding Global Administrator by any path.", headline: true),
        entry("globalAdmins.max", "Exposure", "Largest number of users holding Global Administrator by any path.", headline: true),
        entry("globalAdmins.end", "Exposure", "Users holding Global Administrator on the last step.", headline: true),
        entry("globalAdmins.mean", "Exposure", "Time-weighted mean number of Global Administrators."),
        entry("tier0.effectiveGlobalAdmins.max", "Tier 0", "Largest number of principals (enabled users and service principals) with a potential path to Tier 0.", headline: true),
        entry("tier0.effectiveGlobalAdmins.mean", "Tier 0", "Time-weighted mean number of principals with a potential path to Tier 0."),
        entry("tier0.effectiveGlobalAdmins.end", "Tier 0", "Principals with a potential path to Tier 0 on the last step."),
        entry("tier0.liveGlobalAdmins.max", "Tier 0", "Largest number of principals with a live path to Tier 0."),
        entry("tier0.liveGlobalAdmins.mean", "Tier 0", "Time-weighted mean number of principals with a live path to Tier 0."),
        entry("tier0.reachableHours", "Tier 0", "Sum over principals of the hours they had a potential path to Tier 0.", headline: true),
        entry("tier0.liveReachableHours", "Tier 0", "The same for live paths."),
        entry("activations.requested", "Activations", "Activation requests made before the horizon.", headline: true),
        entry("activations.granted", "Activations", "Requests that became activations.", headline: true),
        entry("activations.denied", "Activations", "Requests an approver denied.", headline: true),
        entry("activations.expired", "Activations", "Requests no approver answered within 24 hours.", headline: true),
        entry("activations.rejected", "Activations", "Requests rejected on arrival (not eligible, disabled, already holding the role...)."),
        entry("activations.cancelled", "Activations", "Requests cancelled while pending or at the decision."),
        entry("activations.pending", "Activations", "Requests still waiting for approval at the horizon."),
        entry("hygiene.orphanedAssignments", "Hygiene", "Assignments at the horizon whose principal is a disabled user.", headline: true),
        entry("hygiene.refusedAssignments", "Hygiene", "Assign events refused because they broke their role's assignment rule."),
        entry("hygiene.refusedRemovals", "Hygiene", "Remove events refused because they would have removed the last active Global Administrator assignment."),
        entry("hygiene.leaverExposureHours", "Hygiene", "Privileged user-hours held by departed users whose accounts were still enabled."),
        entry("hygiene.adminActions.cancelRequest", "Hygiene", "Pending activation requests cancelled by an administrator (cancelRequest events)."),
        entry("hygiene.adminActions.revokeActivation", "Hygiene", "Live activations removed by an administrator (revokeActivation events)."),
        entry("hygiene.adminActions.adminExtend", "Hygiene", "adminExtend events that extended at least one assignment."),
        entry("hygiene.adminActions.refused", "Hygiene", "Administrators' actions refused: the administrator was disabled or held neither Privileged Role Administrator nor Global Administrator."),
        entry("hygiene.adminActions.noEffect", "Hygiene", "Administrators' actions with nothing to act on (no pending request, no live activation, no assignment to extend)."),
        entry("friction.tasks.arrived", "Friction", "Privileged tasks that arrived."),
        entry("friction.tasks.served", "Friction", "Tasks that got access and started."),
        entry("friction.tasks.blocked", "Friction", "Tasks that could not get access (rejected, denied, expired, cancelled, MFA failed).", headline: true),
        entry("friction.tasks.unresolved", "Friction", "Tasks still waiting for access at the horizon."),
        entry("friction.waitMinutes.p50", "Friction", "Median wait for access of served tasks, from arrival until the user holds the role (minutes)."),
        entry("friction.waitMinutes.p90", "Friction", "90th percentile (nearest rank) of the wait for access (minutes).", headline: true),
        entry("friction.waitMinutes.max", "Friction", "Longest wait for access (minutes)."),
        entry("friction.waitMinutes.mean", "Friction", "Mean wait for access (minutes)."),
        entry("friction.waitMinutes.weekday.p90", "Friction", "90th percentile wait of tasks that arrived on a weekday (minutes)."),
        entry("friction.waitMinutes.weekend.p90", "Friction", "90th percentile wait of tasks that arrived on Saturday or Sunday (minutes)."),
        entry("friction.blockedTaskHours", "Friction", "Work of blocked tasks (hours)."),
        entry("friction.uncoveredTaskHours", "Friction", "Time tasks ran without the role because the activation ended first (hours)."),
        entry("friction.taskHoursWithoutAccess", "Friction", "Blocked plus uncovered task hours."),
        entry("friction.idlePrivilegedHours", "Friction", "User-hours of privileged roles held while no task of the user needed the role."),
        entry("friction.activationsPerUserWeek", "Friction", "Granted activations per eligible user and week."),
        entry("friction.mfa.prompts", "Friction", "MFA prompts shown before activation requests."),
        entry("friction.mfa.failures", "Friction", "Failed MFA prompts."),
        entry("friction.extensions.requested", "Friction", "Extension and renewal requests made."),
        entry("friction.deactivationsRefused", "Friction", "Deactivations asked for in an activation's first 5 minutes (refused)."),
        entry("accessPackages.privilegedHours.viaPackages", "Access packages", "User-hours of privileged roles held with an access package assignment on the way (only with accessPackages)."),
        entry("accessPackages.privilegedHours.pimOnly", "Access packages", "User-hours of privileged roles held through PIM assignments and activations alone."),
        entry("accessPackages.requests.submitted", "Access packages", "Requests for a new package assignment."),
        entry("accessPackages.requests.fulfilled", "Access packages", "Requests whose every stage approved (or that needed no approval): an assignment started."),
        entry("accessPackages.requests.denied", "Access packages", "Requests an approver denied at some stage."),
        entry("accessPackages.requests.timedOut", "Access packages", "Requests denied automatically: a stage's time before automatic denial ran out."),
        entry("accessPackages.requests.rejected", "Access packages", "Requests refused on arrival (not a requestor, already assigned, already pending...)."),
        entry("accessPackages.extensions.fulfilled", "Access packages", "Extension requests granted: the assignment's end moved."),
        entry("accessPackages.assignments.started", "Access packages", "Package assignments that started, after requests or made directly."),
        entry("accessPackages.assignments.expired", "Access packages", "Package assignments that reached their expiry."),
        entry("accessPackages.assignments.removed", "Access packages", "Package assignments an administrator removed."),
        entry("accessPackages.assignments.reviewDenied", "Access packages", "Package assignments an access review denied."),
        entry("notifications.sent.total", "Notifications", "Emails PIM sent (assignments, activations, expiry notices), per recipient."),
        entry("notifications.sent.activation.approver", "Notifications", "Requests to approve an activation sent to approvers."),
        entry("notifications.sent.activation.admin", "Notifications", "Role activation alerts sent to administrators and additional recipients."),
        entry("notifications.sent.expiry.total", "Notifications", "Expiry notices (14 days before, 1 day before and at the end of an assignment)."),
        entry("breakGlass.privilegedHours", "Break-glass", "Privileged user-hours of emergency-access accounts (reported apart)."),
        entry("breakGlass.activations", "Break-glass", "Activations by emergency-access accounts."),
        entry("reviews.instances", "Reviews", "Access review instances that ran."),
        entry("reviews.items", "Reviews", "Assignments put up for review."),
        entry("reviews.assignmentsRemoved", "Reviews", "Assignments removed when review results were applied."),
        entry("reviews.privilegedHoursRemoved", "Reviews", "Scheduled privileged time the removals cut from assignments, until their end or the horizon (hours)."),
        entry("attacker.compromises", "Attacker", "Account compromises (an attacker acting as the user)."),
        entry("attacker.privilegedHours", "Attacker", "Privileged role-hours compromised accounts held while compromised, standing and activated."),
        entry("attacker.tier0Reached", "Attacker", "Whether a compromised account reached a Tier-0 role (GA, Privileged Role or Privileged Authentication Administrator)."),
        entry("attacker.timeToTier0Hours", "Attacker", "Hours from the start of the compromise to the first Tier-0 role."),
    ]

    /// Per-role columns of the report's role table (`roles.<name>.<column>`), with their definitions.
    public static let roleColumns: [Entry] = [
        entry("roles.*.privileged", "Roles", "Whether the role is privileged (catalogue label, or a custom role with a privileged permission)."),
        entry("roles.*.activeHours", "Roles", "User-hours the role was held, by any path."),
        entry("roles.*.standingHours", "Roles", "The part of the active hours held through a standing path."),
        entry("roles.*.eligibleHours", "Roles", "User-hours users were eligible for the role (directly or through a group)."),
        entry("roles.*.activations", "Roles", "Granted activations of the role."),
        entry("roles.*.idleHours", "Roles", "User-hours held while no task of the user needed the role."),
    ]

    /// Per-user columns of the report's user table (`users.<id>.<column>`), with their definitions.
    public static let userColumns: [Entry] = [
        entry("users.*.privilegedHours", "Users", "Role-hours of privileged roles the user held."),
        entry("users.*.standingHours", "Users", "The part held through a standing path."),
        entry("users.*.jitHours", "Users", "The part held only through activations."),
        entry("users.*.activations", "Users", "Granted activations of the user."),
        entry("users.*.blockedTasks", "Users", "The user's tasks that could not get access."),
    ]

    /// Alert and check titles by their id in metrics.json (docs/alerts.md).
    public static let alertTitles: [String: String] = [
        "TooManyGlobalAdminsAssignedToTenantAlert": "There are too many global administrators",
        "RolesAssignedOutsidePimAlert": "Roles are being assigned outside of PIM",
        "NoMfaOnRoleActivationAlert": "Roles don't require MFA for activation",
        "StaleSignInAlert": "Potential stale accounts in a privileged role",
        "RedundantAssignmentAlert": "Administrators aren't using their privileged roles",
        "SequentialActivationRenewalsAlert": "Roles are being activated too frequently",
        "CISA.MS.AAD.7.1v1": "CISA: 2 to 8 users hold Global Administrator",
        "CISA.MS.AAD.7.2v1": "CISA: no more Global Administrators than users of the other highly privileged roles",
        "CISA.MS.AAD.7.3v1": "CISA: users of highly privileged roles are cloud-only accounts",
        "CISA.MS.AAD.7.4v1": "CISA: no permanent active assignment of a highly privileged role",
        "CISA.MS.AAD.7.5v1": "CISA: highly privileged roles are assigned through PIM only",
        "CISA.MS.AAD.7.6v1": "CISA: Global Administrator activation requires approval",
        "CISA.MS.AAD.7.7v1": "CISA: eligible and active assignments of highly privileged roles alert",
        "CISA.MS.AAD.7.8v1": "CISA: Global Administrator activations alert",
        "CISA.MS.AAD.7.9v1": "CISA: activations of other highly privileged roles alert (should)",
    ]

    /// The definition of a key: an exact entry, or a family entry whose `*` matches one name.
    public static func definition(of key: String) -> String? {
        if let exact = entries.first(where: { $0.key == key }) { return exact.definition }
        for family in roleColumns + userColumns {
            let parts = family.key.split(separator: "*", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if key.hasPrefix(parts[0]) && key.hasSuffix(parts[1]) && key.count > parts[0].count + parts[1].count {
                return family.definition
            }
        }
        return nil
    }

    /// The keys the summary's headline table shows, in order.
    public static var headlineKeys: [String] { entries.filter(\.headline).map(\.key) }
}
