import TenantModel

/// Access packages in the privilege graph: what a package grants (package → group, role or
/// application), who may request it and who approves it (→ package).
extension PrivilegeState {
    /// Edges from every package that grants `node` (a group, a role or an application).
    func packageGrantEdges(into node: NodeID, result: inout [Edge]) {
        for (index, package) in scenario.accessPackages.enumerated() {
            for resource in package.resources {
                switch resource {
                case .group(let group, let access) where node == .group(group):
                    result.append(Edge(from: .accessPackage(index), to: node, kind: access == .member ? .packageMember : .packageOwner))
                case .role(let role, let type) where node == .role(role):
                    let eligible = type == .eligible
                    result.append(Edge(from: .accessPackage(index), to: node, kind: eligible ? .packageEligible : .packageActive,
                                       gates: eligible ? gates(for: role) : []))
                case .application(let application, _) where node == .application(application):
                    result.append(Edge(from: .accessPackage(index), to: node, kind: .packageAppRole))
                default:
                    continue
                }
            }
        }
        if !packageOwners.isEmpty, case .group = node.kind, let owners = packageOwners[node.index] {
            for owner in owners.sorted() where present[Int(owner)] {
                result.append(Edge(from: .user(UserIndex(owner)), to: node, kind: .owns))
            }
        }
    }

    /// Edges into a package: its requestors (traversable when a policy needs no approval) and its
    /// approvers (traversable for one who appears in every stage of a policy, and so can approve
    /// an accomplice's request alone [assumption]).
    func packageEdges(into index: Int, result: inout [Edge]) {
        let node = NodeID.accessPackage(index)
        for policy in scenario.accessPackages[index].policies {
            let kind: EdgeKind = policy.requiresApproval ? .mayRequestPackage : .requestsPackage
            switch policy.requestors {
            case .none:
                break
            case .allMembers, .allUsers:
                for user in scenario.tenant.users.indices where present[user] {
                    result.append(Edge(from: .user(UserIndex(user)), to: node, kind: kind))
                }
            case .specific(let principals):
                for principal in principals {
                    switch principal {
                    case .user(let user) where present[user.int]: result.append(Edge(from: .user(user), to: node, kind: kind))
                    case .group(let group): result.append(Edge(from: .group(group), to: node, kind: kind))
                    default: continue
                    }
                }
            }
            guard policy.requiresApproval else { continue }
            var everyStage: Set<PackageApprover>?
            var anyStage: [PackageApprover] = []
            for stage in policy.stages {
                let named = Set(stage.primary + stage.fallback + stage.escalation + stage.fallbackEscalation)
                everyStage = everyStage.map { $0.intersection(named) } ?? named
                for approver in stage.primary + stage.fallback + stage.escalation + stage.fallbackEscalation where !anyStage.contains(approver) {
                    anyStage.append(approver)
                }
            }
            for approver in anyStage {
                let alone = everyStage?.contains(approver) ?? false
                switch approver {
                case .user(let user) where present[user.int]:
                    result.append(Edge(from: .user(user), to: node, kind: alone ? .approvesPackage : .approverOf))
                case .groupMembers(let group):
                    result.append(Edge(from: .group(group), to: node, kind: alone ? .approvesPackage : .approverOf))
                default:
                    continue
                }
            }
        }
    }
}
