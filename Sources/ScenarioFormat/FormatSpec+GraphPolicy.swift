/// An access package assignment policy in Microsoft Graph's shape (`accessPackageAssignmentPolicy`):
/// the v1.0 properties, the beta ones, and those of the PowerShell example
/// (`New-MgEntitlementManagementAccessPackageAssignmentPolicy`), so that an exported policy
/// drops in. Keys pimsim does not model but Graph returns are accepted and ignored.
extension FormatSpec {
    /// Graph keys a policy may carry that change nothing in a simulation.
    static let graphIgnoredKeys = [
        "@odata.type", "@odata.context", "accessPackageId", "accessPackage", "catalog", "accessPackageCatalog", "createdBy",
        "createdDateTime", "modifiedBy", "modifiedDateTime", "questions", "customExtensionHandlers", "customExtensionStageSettings",
        "notificationSettings", "description",
    ]

    /// The keys that mark a policy as written in Graph's shape.
    static let graphPolicyMarkers = [
        "displayName", "allowedTargetScope", "specificAllowedTargets", "requestorSettings", "requestApprovalSettings",
        "approvalSettings", "expiration", "durationInDays", "expirationDateTime", "canExtend", "reviewSettings",
        "accessReviewSettings", "automaticRequestSettings",
    ]

    static let graphPolicy = MapSpec(what: "an assignment policy in Microsoft Graph's shape (a map)", keys: [
        .optional("id", "the policy's id (default: its displayName)", .identifier),
        .optional("displayName", "the policy's name", .text),
        .optional("allowedTargetScope", "who may be assigned: allMemberUsers, allDirectoryUsers, specificDirectoryUsers, notSpecified…",
                  .enumeration(graphTargetScopes)),
        .optional("specificAllowedTargets", "subject sets, with allowedTargetScope specificDirectoryUsers", .list(.map(graphSubject))),
        .optional("requestorSettings", "who may request", .map(graphRequestorSettings)),
        .optional("requestApprovalSettings", "approval (Graph v1.0 and beta)", .map(graphApprovalSettings)),
        .optional("approvalSettings", "approval (the PowerShell example's spelling)", .map(graphApprovalSettings)),
        .optional("expiration", "{type: noExpiration | afterDuration | afterDateTime, duration, endDateTime}", .map(graphExpiration)),
        .optional("durationInDays", "beta: days an assignment lasts (0: no expiry)", .integer(0...36_500)),
        .optional("expirationDateTime", "beta: when every assignment ends", .timestamp),
        .optional("canExtend", "beta: assignees may ask to extend", .boolean),
        .optional("reviewSettings", "v1.0 access review settings", .map(graphReviewSettings)),
        .optional("accessReviewSettings", "beta access review settings", .map(graphAccessReviewSettings)),
        .optional("automaticRequestSettings", "auto-assignment policies (not modelled: must be null)", .any),
    ] + graphIgnoredKeys.map { .optional($0, "accepted and ignored", .any) },
    rules: [.atMostOne(["requestApprovalSettings", "approvalSettings"]), .atMostOne(["expiration", "durationInDays"]),
            .atMostOne(["expiration", "expirationDateTime"])])

    static let graphTargetScopes = [
        "notSpecified", "specificDirectoryUsers", "specificConnectedOrganizationUsers", "specificDirectoryServicePrincipals",
        "allMemberUsers", "allDirectoryUsers", "allDirectoryServicePrincipals", "allConfiguredConnectedOrganizationUsers", "allExternalUsers",
    ]

    /// Beta's `scopeType`, plus the PowerShell example's `AllExistingConnectedDirectorySubjects`.
    static let graphScopeTypes = [
        "NoSubjects", "SpecificDirectorySubjects", "SpecificConnectedOrganizationSubjects", "AllConfiguredConnectedOrganizationSubjects",
        "AllExistingConnectedOrganizationSubjects", "AllExistingDirectoryMemberUsers", "AllExistingDirectorySubjects", "AllExternalSubjects",
        "AllExistingConnectedDirectorySubjects",
    ]

    static let graphRequestorSettings = MapSpec(what: "requestor settings (a map)", keys: [
        .optional("scopeType", "beta: who may request (AllExistingDirectoryMemberUsers, SpecificDirectorySubjects…)", .enumeration(graphScopeTypes)),
        .optional("acceptRequests", "beta: requests are accepted (default true)", .boolean),
        .optional("allowedRequestors", "beta: subject sets, with scopeType SpecificDirectorySubjects", .list(.map(graphSubject))),
        .optional("requestorType", "the PowerShell example's requestor type: User", .enumeration(["User"])),
        .optional("enableTargetsToSelfAddAccess", "v1.0: users may request for themselves (default true)", .boolean),
        .optional("enableTargetsToSelfUpdateAccess", "v1.0: users may ask to extend", .boolean),
        .optional("enableTargetsToSelfRemoveAccess", "v1.0: accepted and ignored", .boolean),
        .optional("allowCustomAssignmentSchedule", "v1.0: accepted and ignored", .boolean),
        .optional("enableOnBehalfRequestorsToAddAccess", "v1.0: accepted and ignored", .boolean),
        .optional("enableOnBehalfRequestorsToUpdateAccess", "v1.0: accepted and ignored", .boolean),
        .optional("enableOnBehalfRequestorsToRemoveAccess", "v1.0: accepted and ignored", .boolean),
        .optional("onBehalfRequestors", "v1.0: accepted and ignored", .any),
    ])

    static let graphApprovalSettings = MapSpec(what: "approval settings (a map)", keys: [
        .optional("isApprovalRequired", "beta: requests need approval", .boolean),
        .optional("isApprovalRequiredForAdd", "v1.0: requests need approval", .boolean),
        .optional("isApprovalRequiredForExtension", "beta: extensions need approval", .boolean),
        .optional("isApprovalRequiredForUpdate", "v1.0: extensions need approval", .boolean),
        .optional("isRequestorJustificationRequired", "requestors must justify", .boolean),
        .optional("approvalMode", "beta: NoApproval, SingleStage or Serial", .enumeration(["NoApproval", "SingleStage", "Serial"])),
        .optional("approvalStages", "beta and the PowerShell example: the stages", .list(.map(graphStage))),
        .optional("stages", "v1.0: the stages", .list(.map(graphStage))),
    ], rules: [.atMostOne(["isApprovalRequired", "isApprovalRequiredForAdd"]), .atMostOne(["approvalStages", "stages"]),
               .atMostOne(["isApprovalRequiredForExtension", "isApprovalRequiredForUpdate"])])

    static let graphStage = MapSpec(what: "an approval stage (a map)", keys: [
        .optional("stageNumber", "the stage's number, from 1, in order", .integer(1...3)),
        .optional("durationBeforeAutomaticDenial", "v1.0: ISO 8601, such as P14D", .duration),
        .optional("approvalStageTimeOutInDays", "beta: whole days", .integer(1...14)),
        .optional("isApproverJustificationRequired", "approvers must justify", .boolean),
        .optional("isEscalationEnabled", "escalation approvers are asked when the primary ones are slow", .boolean),
        .optional("durationBeforeEscalation", "v1.0: ISO 8601, such as PT12H", .duration),
        .optional("escalationTimeInMinutes", "beta: whole minutes", .integer(1...20_160)),
        .optional("primaryApprovers", "subject sets", .list(.map(graphSubject))),
        .optional("approvers", "the PowerShell example's subject sets", .list(.map(graphSubject))),
        .optional("fallbackPrimaryApprovers", "subject sets", .list(.map(graphSubject))),
        .optional("escalationApprovers", "subject sets", .list(.map(graphSubject))),
        .optional("fallbackEscalationApprovers", "subject sets", .list(.map(graphSubject))),
        .optional("approverInformationVisibility", "accepted and ignored", .any),
    ], rules: [.atMostOne(["primaryApprovers", "approvers"]), .atMostOne(["durationBeforeAutomaticDenial", "approvalStageTimeOutInDays"]),
               .atMostOne(["durationBeforeEscalation", "escalationTimeInMinutes"])])

    /// `#microsoft.graph.singleUser` and its kin; the PowerShell example's `{principalType, id}`.
    static let graphSubjectTypes = [
        "#microsoft.graph.singleUser", "#microsoft.graph.groupMembers", "#microsoft.graph.requestorManager",
        "#microsoft.graph.internalSponsors", "#microsoft.graph.externalSponsors", "#microsoft.graph.targetUserSponsors",
        "#microsoft.graph.connectedOrganizationMembers", "#microsoft.graph.attributeRuleMembers",
    ]

    static let graphSubject = MapSpec(what: "a subject set (a map)", keys: [
        .optional("@odata.type", "#microsoft.graph.singleUser, groupMembers or requestorManager", .enumeration(graphSubjectTypes)),
        .optional("principalType", "the PowerShell example's type: User or Group", .enumeration(["User", "Group"])),
        .optional("userId", "a user id (a scenario id, or the user's object id)", .identifier),
        .optional("groupId", "a group id", .identifier),
        .optional("id", "with principalType: the user's or group's id", .identifier),
        .optional("description", "accepted and ignored", .any),
        .optional("isBackup", "beta: a fallback approver", .boolean),
        .optional("managerLevel", "requestorManager: 1 (the manager)", .integer(1...1)),
    ], rules: [.atLeastOne(["@odata.type", "principalType"])])

    static let graphExpiration = MapSpec(what: "an expiration pattern (a map)", keys: [
        .required("type", "notSpecified, noExpiration, afterDateTime or afterDuration",
                  .enumeration(["notSpecified", "noExpiration", "afterDateTime", "afterDuration"])),
        .optional("duration", "with afterDuration: ISO 8601, such as P30D", .duration),
        .optional("endDateTime", "with afterDateTime", .timestamp),
    ], rules: [.when(key: "type", equals: "afterDuration", allowed: ["duration"], required: ["duration"]),
               .when(key: "type", equals: "afterDateTime", allowed: ["endDateTime"], required: ["endDateTime"])])

    static let graphReviewSettings = MapSpec(what: "review settings (a map)", keys: [
        .optional("isEnabled", "reviews happen", .boolean),
        .optional("isSelfReview", "assignees review themselves", .boolean),
        .optional("expirationBehavior", "keepAccess, removeAccess or acceptAccessRecommendation", .enumeration(["keepAccess", "removeAccess", "acceptAccessRecommendation"])),
        .optional("primaryReviewers", "subject sets (singleUser, requestorManager)", .list(.map(graphSubject))),
        .optional("fallbackReviewers", "subject sets", .list(.map(graphSubject))),
        .optional("schedule", "{startDateTime, expiration: {duration}, recurrence: {pattern: {type, interval}}}", .map(graphSchedule)),
        .optional("isRecommendationEnabled", "accepted and ignored", .boolean),
        .optional("isReviewerJustificationRequired", "accepted and ignored", .boolean),
    ])

    static let graphSchedule = MapSpec(what: "a review schedule (a map)", keys: [
        .optional("startDateTime", "the first instance's start", .timestamp),
        .optional("expiration", "{type: afterDuration, duration}: how long an instance stays open", .map(graphExpiration)),
        .optional("recurrence", "{pattern: {type: weekly | absoluteMonthly, interval}}", .map(graphRecurrence)),
    ])

    static let graphRecurrence = MapSpec(what: "a recurrence (a map)", keys: [
        .required("pattern", "{type, interval}", .map(graphPattern)),
        .optional("range", "accepted and ignored", .any),
    ])

    static let graphPattern = MapSpec(what: "a recurrence pattern (a map)", keys: [
        .required("type", "weekly, absoluteMonthly or absoluteYearly", .enumeration(["weekly", "absoluteMonthly", "absoluteYearly"])),
        .optional("interval", "1 (default); with absoluteMonthly 1, 3, 6 or 12", .integer(1...12)),
    ], acceptsAnyKey: true)

    static let graphAccessReviewSettings = MapSpec(what: "beta access review settings (a map)", keys: [
        .optional("isEnabled", "reviews happen", .boolean),
        .optional("recurrenceType", "weekly, monthly, quarterly, halfyearly or annual", .enumeration(["weekly", "monthly", "quarterly", "halfyearly", "annual"])),
        .optional("reviewerType", "Self, Reviewers or Manager", .enumeration(["Self", "Reviewers", "Manager"])),
        .optional("startDateTime", "the first instance's start", .timestamp),
        .optional("durationInDays", "how long an instance stays open", .integer(1...180)),
        .optional("reviewers", "subject sets, with reviewerType Reviewers", .list(.map(graphSubject))),
        .optional("isAccessRecommendationEnabled", "accepted and ignored", .boolean),
        .optional("isApprovalJustificationRequired", "accepted and ignored", .boolean),
        .optional("accessReviewTimeoutBehavior", "keepAccess, removeAccess or acceptAccessRecommendation",
                  .enumeration(["keepAccess", "removeAccess", "acceptAccessRecommendation"])),
    ])
}
