import SimKernel
import TenantModel
import Trace

extension Engine {
    /// How often an attacker tries again to activate what it can.
    static var attackerRetry: SimTime { 3600 }

    /// The attacker activates every privileged role, and every PIM for Groups membership or
    /// ownership, the user is eligible for and does not hold, when the strength the settings
    /// require is one the attacker's credentials satisfy; then tries again an hour later.
    mutating func attackerTick(_ index: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        let compromise = compromises[Int(index)]
        guard compromise.live, now < compromise.end, enabled[Int(compromise.user)] else { return }
        guard case .compromise(_, _, let has) = compromise.event.action else { return }
        let user = compromise.user
        for role in rolesOfUser[Int(user)].sorted() where scenario.roles[Int(role)].privileged || scenario.roles[Int(role)].groupAccess != nil {
            guard let state = pairs[pairKey(user, role)], state.eligiblePaths > 0, state.pendingRequest < 0,
                  !holds(user, role) else { continue }
            let settings = policies[RoleIndex(role)].activation
            // The attacker works in its own (stolen) session: its credentials decide, not the user's.
            if let required = scenario.conditionalAccess.requiredStrength(for: settings) {
                let passed = AttackerCredential.satisfy(required, with: has)
                sink.record(.mfaPrompt(time: now, user: UserIndex(user), role: RoleIndex(role), passed: passed))
                guard passed else { continue }
            }
            submit(user: user, role: role, duration: settings.maxDuration, forTask: false, now: now, queue: &queue)
        }
        let next = now + Self.attackerRetry
        if next < min(compromise.end, scenario.horizon) {
            queue.schedule(.attackerTick(index), at: next, phase: Phase.requests)
        }
    }

    mutating func endCompromise(_ index: Int32, now: SimTime) {
        guard compromises[Int(index)].live else { return }
        compromises[Int(index)].live = false
        sink.record(.compromiseEnded(time: now, user: UserIndex(compromises[Int(index)].user)))
    }
}
