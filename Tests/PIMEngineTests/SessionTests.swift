import ExposureMetrics
import PIMEngine
import RunPipeline
import Reports
import TenantModel
import Testing
import TestSupport
import Trace

/// Sessions and sign-ins: MFA once per session, sign-in frequency, MFA at sign-in, scheduled
/// sign-ins feeding the stale-account alert and review recommendations.
@Suite("Sessions and sign-ins")
struct SessionTests {
    /// Times (hours) of the trace's sign-ins, prompts and session-satisfied activations.
    static func authentication(_ scenario: Scenario) -> (signIns: [Double], prompts: [Double], satisfied: [Double]) {
        var result: (signIns: [Double], prompts: [Double], satisfied: [Double]) = ([], [], [])
        for record in trace(scenario) {
            switch record {
            case .signedIn(let time, _, _, _): result.signIns.append(Double(time) / 3600)
            case .mfaPrompt(let time, _, _, _): result.prompts.append(Double(time) / 3600)
            case .mfaSatisfiedBySession(let time, _, _): result.satisfied.append(Double(time) / 3600)
            default: break
            }
        }
        return result
    }

    static let threeRequests = header() + """
    tenant: {users: [{id: ann}]}
    policies: {default: {activation: {maxDuration: 30m}}}
    assignments: [{principal: ann, role: User Administrator, type: eligible}]
    workload:
      - {at: 1h, activate: {user: ann, role: User Administrator, duration: 30m}}
      - {at: 2h, activate: {user: ann, role: User Administrator, duration: 30m}}
      - {at: 10h, activate: {user: ann, role: User Administrator, duration: 30m}}

    """

    @Test("MFA is asked once per session: a request 1 h after the first reuses its claim; the next session prompts again")
    func oncePerSession() throws {
        let scenario = try makeScenario(Self.threeRequests)
        // The session opened at 1h lasts the default 8 h, to 9h: 2h is inside it, 10h is not.
        let seen = Self.authentication(scenario)
        #expect(seen.signIns == [1, 10])
        #expect(seen.prompts == [1, 10])
        #expect(seen.satisfied == [2])
        let outcome = Pipeline.simulate(scenario)
        #expect(outcome.document.value(at: ["friction", "mfa", "promptsPerActivation"])?.doubleValue == 2.0 / 3.0)
        #expect(outcome.document.value(at: ["signIns", "onDemand"])?.doubleValue == 2)
    }

    @Test("a sign-in frequency of 1 h ends the session early; sessionLength sets the default length")
    func frequency() throws {
        let withFrequency = try makeScenario(Self.threeRequests + "conditionalAccess: {signIn: {frequency: 1h}}\n")
        #expect(Self.authentication(withFrequency).prompts == [1, 2, 10])
        #expect(Self.authentication(withFrequency).signIns == [1, 2, 10])
        let longSession = try makeScenario(Self.threeRequests + "behaviour: {sessionLength: 12h}\n")
        #expect(Self.authentication(longSession).prompts == [1])
        #expect(Self.authentication(longSession).satisfied == [2, 10])
    }

    @Test("MFA at sign-in (Conditional Access) satisfies PIM's MFA requirement: no prompt at all")
    func mfaAtSignIn() throws {
        let scenario = try makeScenario(Self.threeRequests + "conditionalAccess: {signIn: {mfa: true}}\n")
        let seen = Self.authentication(scenario)
        #expect(seen.prompts.isEmpty)
        #expect(seen.satisfied == [1, 2, 10])
        #expect(Pipeline.simulate(scenario).document.value(at: ["signIns", "withMFA"])?.doubleValue == 2)
    }

    @Test("scheduled sign-ins: each working day at the calendar's start plus the spread, none at the weekend")
    func scheduled() throws {
        // 2026-03-02 is a Monday; the office calendar is UTC+01:00, 08:00-18:00, so 07:00 UTC.
        let scenario = try makeScenario(header(horizon: "7d") + """
        tenant: {users: [{id: ann}, {id: bo}]}
        behaviour:
          calendars: {office: {utcOffset: "+01:00", days: mon-fri, hours: "08:00-18:00"}}
          signIns: {users: [ann], calendar: office, spread: 0}
        """)
        #expect(Self.authentication(scenario).signIns == [7, 31, 55, 79, 103])
        let outcome = Pipeline.simulate(scenario)
        #expect(outcome.document.value(at: ["signIns", "scheduled"])?.doubleValue == 5)
        #expect(outcome.document.value(at: ["signIns", "users"])?.doubleValue == 1)
    }

    @Test("the spread and the probability are drawn per user and day: sign-ins stay in working hours and vary")
    func spreadAndProbability() throws {
        let scenario = try makeScenario(header(horizon: "28d") + """
        tenant: {users: [{generate: {count: 20, prefix: u}}]}
        behaviour: {signIns: {probability: 0.5, spread: 2h}}
        """)
        let times = Self.authentication(scenario).signIns
        // 20 users × 20 working days at probability 0.5: 200 expected, binomial sd 10.
        #expect(times.count > 160 && times.count < 240)
        for time in times {
            let hourOfDay = time.truncatingRemainder(dividingBy: 24)
            #expect(hourOfDay >= 9 && hourOfDay < 11)
            #expect(Int(time / 24) % 7 < 5)
        }
        #expect(Set(times.map { $0.truncatingRemainder(dividingBy: 24) }).count > 100)
    }

    static let standingAdmin = header(horizon: "20d") + """
    tenant: {users: [{id: ann}, {id: lead}]}
    assignments: [{principal: ann, role: Security Administrator, type: active}]
    alerts: {staleSignIn: {after: 5d}}
    reviews:
      - name: security
        roles: [Security Administrator]
        reviewers: {selected: [lead]}
        start: 12d
        duration: 2d
        reviewer: {respond: 0}
        onNoResponse: takeRecommendations
        lookback: 7d
        apply: auto

    """

    @Test("sign-ins, not activations, keep a standing administrator off the stale alert and in a recommendation-driven review")
    func signInsFeedStaleAndReviews() throws {
        let silent = Pipeline.simulate(try makeScenario(Self.standingAdmin))
        // No sign-in at all: stale from 5d; the review at 12d recommends removal, applied at 14d.
        #expect(silent.alerts.filter { $0.alert == "StaleSignInAlert" }.map { "\($0.subject) \($0.from)" } == ["ann \(h(120))"])
        #expect(silent.document.value(at: ["reviews", "assignmentsRemoved"])?.doubleValue == 1)
        let daily = Pipeline.simulate(try makeScenario(Self.standingAdmin + "behaviour: {signIns: {users: [ann]}}\n"))
        #expect(daily.alerts.filter { $0.alert == "StaleSignInAlert" }.isEmpty)
        #expect(daily.document.value(at: ["reviews", "assignmentsRemoved"])?.doubleValue == 0)
    }

    @Test("a disabled user neither signs in on schedule nor keeps a session")
    func disabledUsers() throws {
        let scenario = try makeScenario(header(horizon: "7d") + """
        tenant: {users: [{id: ann}]}
        behaviour: {signIns: {spread: 0}}
        events: [{at: 2d, leave: ann}]
        """)
        #expect(Self.authentication(scenario).signIns == [9, 33])
    }
}
