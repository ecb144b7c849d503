import SimKernel
import TenantModel
import Trace

/// An alert incident opening (`raised`) or closing, as the audit log reports it.
public struct AlertChange: Sendable, Equatable {
    /// The alert.
    public var alert: AlertKind
    /// The subject's readable name, as in `AlertIncident.subject`.
    public var subject: String
    /// The user or group concerned, when the subject has one.
    public var principal: Principal?
    /// The role concerned, when the subject has one.
    public var role: RoleIndex?
    /// When it happened.
    public var time: SimTime
    /// Raised (an incident opens) or resolved (it closes).
    public var raised: Bool
    /// When the incident opened (equal to `time` when raised): names the incident.
    public var since: SimTime
}

extension AlertFold {
    /// The incidents' openings and closings at instants before `time`, taken out of the journal:
    /// by then no later record can change them. Within one instant only the net change counts (an
    /// incident opened and closed in the same instant never happened, one closed and reopened goes
    /// on), as for `incidents`. Sorted by time, then alert id, then subject name.
    public mutating func settledChanges(before time: SimTime) -> [AlertChange] {
        var split = 0
        while split < journal.count, journal[split].time < time { split += 1 }
        guard split > 0 else { return [] }
        let settled = journal[..<split]
        journal.removeFirst(split)
        // Per (instant, alert, subject): the state before the instant and after it.
        var first: [Key: Bool] = [:]
        var last: [Key: Bool] = [:]
        var order: [Key] = []
        for entry in settled {
            let key = Key(time: entry.time, alert: entry.alert, subject: entry.subject)
            if first[key] == nil {
                first[key] = entry.on
                order.append(key)
            }
            last[key] = entry.on
        }
        var changes: [AlertChange] = []
        for key in order {
            // A transition to `on` means the subject was off before it.
            guard let firstOn = first[key], let after = last[key], after == firstOn else { continue }
            let name = name(of: key.subject, for: key.alert)
            let (principal, role) = parts(of: key.subject, for: key.alert)
            let since = after ? key.time : (openedAt[AlertSubjectKey(alert: key.alert, subject: key.subject)] ?? key.time)
            changes.append(AlertChange(alert: key.alert, subject: name, principal: principal, role: role, time: key.time, raised: after, since: since))
            openedAt[AlertSubjectKey(alert: key.alert, subject: key.subject)] = after ? key.time : nil
        }
        return changes.sorted { ($0.time, $0.alert.rawValue, $0.subject) < ($1.time, $1.alert.rawValue, $1.subject) }
    }

    /// An (instant, alert, subject) triple of the journal.
    struct Key: Hashable {
        let time: SimTime
        let alert: AlertKind
        let subject: UInt64
    }

    /// The user or group, and the role, a subject code stands for.
    func parts(of subject: UInt64, for alert: AlertKind) -> (Principal?, RoleIndex?) {
        let high = Int32(truncatingIfNeeded: (subject >> 32) & 0x7FFF_FFFF)
        let low = Int32(truncatingIfNeeded: subject & 0xFFFF_FFFF)
        switch alert {
        case .tooManyGlobalAdmins, .staleSignIn, .cisaCloudOnly:
            return (.user(UserIndex(Int32(truncatingIfNeeded: subject))), nil)
        case .redundantAssignment, .sequentialActivations:
            return (.user(UserIndex(high)), RoleIndex(low))
        case .noMFAOnActivation, .cisaGlobalAdminApproval, .cisaAssignmentAlerts, .cisaGlobalAdminActivationAlerts, .cisaActivationAlerts:
            return (nil, RoleIndex(Int32(truncatingIfNeeded: subject)))
        case .cisaGlobalAdminCount, .cisaGlobalAdminRatio:
            return (nil, nil)
        case .rolesAssignedOutsidePIM, .cisaPermanentActive, .cisaOutsidePAM:
            return (subject >> 63 == 1 ? .group(GroupIndex(high)) : .user(UserIndex(high)), RoleIndex(low))
        }
    }
}

/// An alert and one of its subjects.
struct AlertSubjectKey: Hashable {
    let alert: AlertKind
    let subject: UInt64
}
