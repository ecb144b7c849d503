import SimKernel
import TenantModel
import Trace

/// How PIM's authentication check before an activation went.
enum AuthenticationOutcome: Equatable {
    /// The role's settings ask for no second factor.
    case notRequired
    /// The session already carries a claim of the required strength: no prompt.
    case satisfiedBySession
    /// The user was prompted and passed; the session now carries the strength.
    case passed
    /// The user was prompted and failed (may try again).
    case failed
    /// The user has no registered method of the required strength: no attempt can pass.
    case unable
}

extension Engine {
    /// How long a session lasts: the sign-in frequency policy's, else the behaviour's default.
    var sessionLifetime: SimTime { scenario.conditionalAccess.signInFrequency ?? scenario.behaviour.sessionLength }

    /// Opens a session for an enabled user who has none: using PIM needs a signed-in user.
    mutating func ensureSession(_ user: Int32, now: SimTime) {
        guard enabled[Int(user)], sessionEnds[Int(user)] <= now else { return }
        signIn(user, now: now, scheduled: false)
    }

    /// A sign-in: a new session, with the MFA claim when Conditional Access asks for MFA at sign-in.
    mutating func signIn(_ user: Int32, now: SimTime, scheduled: Bool) {
        let mfa = scenario.conditionalAccess.mfaAtSignIn
        sessionEnds[Int(user)] = now + sessionLifetime
        // [assumption] People sign in with their everyday method: the claim is plain MFA.
        sessionStrengths[Int(user)] = mfa ? .mfa : nil
        lastActivity[user] = now
        sink.record(.signedIn(time: now, user: UserIndex(user), scheduled: scheduled, mfa: mfa))
    }

    /// PIM's check before an activation, in the user's session (opened first when there is none):
    /// a prompt only when the session lacks the strength the role's settings require (Microsoft
    /// Learn: a user who already authenticated with MFA in the session is not prompted again).
    /// `alwaysPass` is the core's rule for explicit requests.
    mutating func authenticate(_ user: Int32, role: Int32, now: SimTime, alwaysPass: Bool) -> AuthenticationOutcome {
        ensureSession(user, now: now)
        let settings = policies[RoleIndex(role)].activation
        guard let required = scenario.conditionalAccess.requiredStrength(for: settings) else { return .notRequired }
        if let held = sessionStrengths[Int(user)], held >= required {
            sink.record(.mfaSatisfiedBySession(time: now, user: UserIndex(user), role: RoleIndex(role)))
            return .satisfiedBySession
        }
        guard scenario.tenant.users[Int(user)].authentication >= required else {
            sink.record(.mfaPrompt(time: now, user: UserIndex(user), role: RoleIndex(role), passed: false))
            return .unable
        }
        let passed: Bool
        if alwaysPass {
            passed = true
        } else {
            var stream = mfaStreams[user] ?? streams.stream("mfa", index: stableKey([scenario.tenant.users[Int(user)].id]))
            passed = !stream.bernoulli(scenario.behaviour.mfa.failureRate)
            mfaStreams[user] = stream
        }
        sink.record(.mfaPrompt(time: now, user: UserIndex(user), role: RoleIndex(role), passed: passed))
        guard passed else { return .failed }
        sessionStrengths[Int(user)] = max(sessionStrengths[Int(user)] ?? required, required)
        return .passed
    }

    // MARK: Scheduled sign-ins

    /// The calendar of scheduled sign-ins (Monday to Friday from 09:00 UTC unless given).
    var signInCalendar: WorkCalendar { scenario.behaviour.signIns?.calendar ?? WorkCalendar() }

    /// Schedules every scheduled user's first working-day sign-in.
    mutating func scheduleSignIns(_ queue: inout EventQueue<EngineEvent>) {
        guard let schedule = scenario.behaviour.signIns else { return }
        let users = schedule.users?.map(\.rawValue) ?? scenario.tenant.users.indices.map { Int32($0) }
        let firstDay = localDay(of: 0)
        for user in users { scheduleSignIn(user, fromDay: firstDay, after: -1, &queue) }
    }

    /// The local day number (days since 1970-01-01 in the calendar's offset) of a simulated time.
    func localDay(of time: SimTime) -> Int64 {
        let local = scenario.startEpoch + time + signInCalendar.utcOffset
        return local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    }

    /// Schedules the user's sign-in on the first working day from `day` on, at the day's start plus
    /// a spread drawn per (user, day); a day is skipped with probability 1 - `probability`. Both
    /// draws have their own streams keyed by user and day, so nothing else moves them.
    mutating func scheduleSignIn(_ user: Int32, fromDay day: Int64, after earliest: SimTime, _ queue: inout EventQueue<EngineEvent>) {
        guard let schedule = scenario.behaviour.signIns else { return }
        let calendar = signInCalendar
        guard !calendar.days.isEmpty else { return }
        let id = scenario.tenant.users[Int(user)].id
        var current = day
        while true {
            let midnight = current * 86_400 - calendar.utcOffset - scenario.startEpoch
            guard midnight + calendar.dayStart < scenario.horizon else { return }
            let weekday = Int(((current % 7) + 7 + 3) % 7)
            defer { current += 1 }
            guard calendar.days.contains(weekday) else { continue }
            let key = stableKey([id], [current])
            var presence = streams.stream("sign-in-presence", index: key)
            guard presence.bernoulli(schedule.probability) else { continue }
            var timing = streams.stream("sign-in-time", index: key)
            let offset = schedule.spread > 0 ? SimTime(timing.nextUnit() * Double(schedule.spread)) : 0
            let at = midnight + calendar.dayStart + offset
            guard at > earliest, at >= 0 else { continue }
            guard at < scenario.horizon else { return }
            queue.schedule(.signIn(user: user, day: current), at: at, phase: Phase.stateChanges)
            return
        }
    }

    /// A scheduled sign-in falls due: a new session for an enabled user, then the next day's.
    mutating func scheduledSignIn(_ user: Int32, day: Int64, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        if enabled[Int(user)] { signIn(user, now: now, scheduled: true) }
        scheduleSignIn(user, fromDay: day + 1, after: now, &queue)
    }
}
