/// What an import found, in the scenario's terms, before it is written as YAML.
///
/// Every string is a scenario id or name as it will be written; times are absolute epoch seconds.
struct ImportedScenario {
    struct User {
        var id: String
        var name: String?
        var manager: String?
        var enabled: Bool
    }

    struct Group {
        var id: String
        var name: String?
        var roleAssignable: Bool
        var members: [String] = []
        var owners: [String] = []
    }

    struct CustomRole {
        var name: String
        var permissions: [String]
        var note: String?
    }

    struct Application {
        var id: String
        var name: String?
        var owners: [String]
    }

    struct ServicePrincipal {
        var id: String
        var name: String?
        var application: String?
        var owners: [String]
        var roles: [String] = []
        var memberOf: [String] = []
    }

    /// What an assignment grants: a directory role, or PIM for Groups access to a group.
    enum Target: Equatable {
        case role(String)
        case group(String, access: String)
    }

    struct Assignment {
        var principal: String
        var target: Target
        var eligible: Bool
        var scope: String?
        var start: Int64?
        var end: End
        var outsidePIM = false
        var origin: ImportOrigin
    }

    /// How an assignment ends.
    enum End: Equatable {
        case permanent
        case at(Int64)
        /// An ISO 8601 duration as written in the export (from the assignment's start).
        case after(String)
    }

    /// An activation in effect when the export was taken: replayed as a request at the start.
    struct Activation {
        var user: String
        var target: Target
        var duration: Int64
        var scope: String?
    }

    /// A past request replayed from the audit log.
    struct Replayed {
        enum Kind {
            case activate(duration: Int64)
            case deactivate
        }

        var at: Int64
        var user: String
        var role: String
        var kind: Kind
    }

    /// One role's (or group access's) settings that differ from Entra's defaults.
    struct Policy {
        var activation: [(key: String, value: YAMLValue)] = []
        var eligibleAssignment: [(key: String, value: YAMLValue)] = []
        var activeAssignment: [(key: String, value: YAMLValue)] = []
        /// Notification rules that differ from the defaults: (event, recipient type, settings).
        var notifications: [(event: String, recipient: String, entries: [(key: String, value: YAMLValue)])] = []
        var isEmpty: Bool { activation.isEmpty && eligibleAssignment.isEmpty && activeAssignment.isEmpty && notifications.isEmpty }
        /// Approval required, and no approver that pimsim models.
        var requiresApprovalWithoutApprovers: Bool {
            activation.contains { $0.key == "requireApproval" && $0.value == .bool(true) } && !activation.contains { $0.key == "approvers" }
        }
    }

    var users: [User] = []
    var groups: [Group] = []
    var customRoles: [CustomRole] = []
    var applications: [Application] = []
    var servicePrincipals: [ServicePrincipal] = []
    var assignments: [Assignment] = []
    var activations: [Activation] = []
    var replayed: [Replayed] = []
    /// Policies by role name, and by group id then access.
    var rolePolicies: [String: Policy] = [:]
    var groupPolicies: [String: [String: Policy]] = [:]
}

/// A YAML scalar or list as the writer emits it.
enum YAMLValue: Equatable {
    case string(String)
    case bool(Bool)
    case plain(String)
    case list([YAMLValue])
}
