/// An entitlement-management access package: resources granted together, through assignment
/// policies that say who may request them, who approves, and how long access lasts.
public struct AccessPackage: Sendable, Equatable {
    /// The scenario's id for the package (unique among packages).
    public var id: String
    /// The display name, when given.
    public var name: String?
    /// What an assignment of the package grants, in file order.
    public var resources: [PackageResource]
    /// The assignment policies, in file order (at least one).
    public var policies: [PackagePolicy]
    /// Where it was written, such as `accessPackages[0]`.
    public var origin: String

    /// Creates a package.
    public init(id: String, name: String? = nil, resources: [PackageResource], policies: [PackagePolicy], origin: String = "") {
        self.id = id
        self.name = name
        self.resources = resources
        self.policies = policies
        self.origin = origin
    }

    /// The display name, or the id when there is none.
    public var displayName: String { name ?? id }
}

/// One resource of an access package.
public enum PackageResource: Sendable, Equatable {
    /// Membership (`member`) or ownership (`owner`) of a group. A role-assignable group carries
    /// its role assignments to its members, exactly as for a member added by hand.
    case group(GroupIndex, access: GroupAccessKind)
    /// A Microsoft Entra role at directory scope, as an eligible or an active assignment (Entra's
    /// preview of directory roles in access packages).
    case role(RoleIndex, type: AssignmentType)
    /// An application role of an application (index into `Tenant.applications`); `appRole` names
    /// the role (nil: the default access). Recorded, but it grants no directory privilege.
    case application(Int, appRole: String?)
}

/// An access package assignment policy.
public struct PackagePolicy: Sendable, Equatable {
    /// The policy's id (unique within its package).
    public var id: String
    /// Who may request the package through this policy.
    public var requestors: PackageRequestors
    /// Requestors must give a justification.
    public var justificationRequired: Bool
    /// The approval stages, in order (empty: no approval).
    public var stages: [PackageApprovalStage]
    /// How long an assignment lasts.
    public var expiry: PackageExpiry
    /// Whether an assignee may ask for more time, and whether that needs approval.
    public var extensionRule: PackageExtension
    /// Recurring reviews of the policy's assignments, when configured.
    public var review: PackageReview?
    /// How it was written: `pimsim` keys or Microsoft Graph's camelCase shape.
    public var spelling: PackagePolicySpelling

    /// Creates a policy.
    public init(
        id: String, requestors: PackageRequestors, justificationRequired: Bool = false, stages: [PackageApprovalStage] = [],
        expiry: PackageExpiry = .never, extensionRule: PackageExtension = PackageExtension(), review: PackageReview? = nil,
        spelling: PackagePolicySpelling = .pimsim
    ) {
        self.id = id
        self.requestors = requestors
        self.justificationRequired = justificationRequired
        self.stages = stages
        self.expiry = expiry
        self.extensionRule = extensionRule
        self.review = review
        self.spelling = spelling
    }

    /// Whether a request through the policy needs anyone's approval.
    public var requiresApproval: Bool { !stages.isEmpty }

    /// Whether a request goes through the approval stages: a new assignment when there are any,
    /// an extension only when the extension settings ask for approval too.
    public func needsApproval(extending: Bool) -> Bool {
        requiresApproval && (!extending || extensionRule.requiresApproval)
    }
}

/// How a policy was written in the scenario.
public enum PackagePolicySpelling: String, Sendable, Equatable {
    /// pimsim's own keys.
    case pimsim
    /// Microsoft Graph's `accessPackageAssignmentPolicy` shape (v1.0, beta, or the PowerShell example's).
    case graph
}

/// Who may request an access package through a policy.
public enum PackageRequestors: Sendable, Equatable {
    /// Nobody: only administrators assign the package (Graph `NoSubjects`, `notSpecified`).
    case none
    /// The named users and the members of the named groups (evaluated when a request arrives).
    case specific([Principal])
    /// Every member user of the directory (Graph `allMemberUsers`, `AllExistingDirectoryMemberUsers`).
    case allMembers
    /// Every user of the directory and of connected organisations (Graph `allDirectoryUsers`,
    /// `AllExistingConnectedOrganizationSubjects`, …); a scenario's users are all members, so
    /// this admits everyone, like `allMembers`.
    case allUsers
}

/// Who approves at one stage of a package's approval.
public enum PackageApprover: Sendable, Equatable, Hashable {
    /// A user.
    case user(UserIndex)
    /// The group's members at the time the stage starts.
    case groupMembers(GroupIndex)
    /// The requestor's manager at the time the stage starts (Graph `requestorManager`).
    case manager
}

/// One approval stage of a package policy.
public struct PackageApprovalStage: Sendable, Equatable {
    /// Who is asked first.
    public var primary: [PackageApprover]
    /// Asked instead when no primary approver can be found (none named, none enabled, no manager).
    public var fallback: [PackageApprover]
    /// How long the stage waits for a decision before denying the request.
    public var timeout: Seconds
    /// When escalation is enabled: how long the primary approvers have before the escalation
    /// approvers are asked too.
    public var escalateAfter: Seconds?
    /// The escalation approvers (asked `escalateAfter` into the stage).
    public var escalation: [PackageApprover]
    /// Asked instead of the escalation approvers when none of those can be found.
    public var fallbackEscalation: [PackageApprover]
    /// The approver must justify the decision.
    public var approverJustificationRequired: Bool

    /// The default time before automatic denial: 14 days ([assumption] Entra's portal default).
    public static let defaultTimeout: Seconds = 14 * 86_400

    /// Creates a stage.
    public init(
        primary: [PackageApprover], fallback: [PackageApprover] = [], timeout: Seconds = PackageApprovalStage.defaultTimeout,
        escalateAfter: Seconds? = nil, escalation: [PackageApprover] = [], fallbackEscalation: [PackageApprover] = [],
        approverJustificationRequired: Bool = true
    ) {
        self.primary = primary
        self.fallback = fallback
        self.timeout = timeout
        self.escalateAfter = escalateAfter
        self.escalation = escalation
        self.fallbackEscalation = fallbackEscalation
        self.approverJustificationRequired = approverJustificationRequired
    }
}

/// When an access package assignment ends.
public enum PackageExpiry: Sendable, Equatable {
    /// Never: it lasts until removed.
    case never
    /// This long after it starts.
    case after(Seconds)
    /// At a fixed simulated time.
    case on(Seconds)

    /// The end of an assignment that starts at `start`; nil when it never ends.
    public func end(startingAt start: Seconds) -> Seconds? {
        switch self {
        case .never: return nil
        case .after(let duration): return start + duration
        case .on(let time): return time
        }
    }
}

/// Whether an assignee may ask to extend an assignment.
public struct PackageExtension: Sendable, Equatable {
    /// Extension requests are accepted (within `window` of the end).
    public var allowed: Bool
    /// An extension request goes through the policy's approval stages.
    public var requiresApproval: Bool

    /// How close to its end an assignment must be for its extension to be requested
    /// ([assumption] 14 days, as for PIM role assignments).
    public static let window: Seconds = 14 * 86_400

    /// Creates extension settings.
    public init(allowed: Bool = false, requiresApproval: Bool = true) {
        self.allowed = allowed
        self.requiresApproval = requiresApproval
    }
}

/// Recurring reviews of a policy's assignments (entitlement management's access reviews).
public struct PackageReview: Sendable, Equatable {
    /// Who reviews each assignment (`members`: the assignees review themselves).
    public var reviewers: AccessReview.Reviewers
    /// How often.
    public var recurrence: AccessReview.Recurrence
    /// The first instance's start.
    public var firstStart: Seconds
    /// How long each instance stays open.
    public var duration: Seconds
    /// The probability a reviewer answers an item.
    public var respondRate: Double
    /// The probability an answer approves.
    public var approveRate: Double
    /// How long after the start a reviewer answers.
    public var delay: DurationSpec
    /// What happens to assignments nobody reviewed (`noChange`, `removeAccess` or `approveAccess`).
    public var onNoResponse: AccessReview.NoResponse

    /// Creates review settings.
    public init(
        reviewers: AccessReview.Reviewers, recurrence: AccessReview.Recurrence = .quarterly, firstStart: Seconds = 0,
        duration: Seconds = 14 * 86_400, respondRate: Double = 1, approveRate: Double = 1, delay: DurationSpec = .fixed(86_400),
        onNoResponse: AccessReview.NoResponse = .noChange
    ) {
        self.reviewers = reviewers
        self.recurrence = recurrence
        self.firstStart = firstStart
        self.duration = duration
        self.respondRate = respondRate
        self.approveRate = approveRate
        self.delay = delay
        self.onNoResponse = onNoResponse
    }
}
