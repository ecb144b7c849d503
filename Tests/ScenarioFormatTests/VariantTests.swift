import Testing
@testable import ScenarioFormat
import TenantModel

/// Variants: `patch` deep-merges (maps merge, lists and scalars replace); `convert` turns active into eligible.
@Suite struct VariantTests {
    static let base = """
        start: 2026-03-02T00:00:00Z
        horizon: 30d
        seed: 3
        tenant:
          users:
            - id: alice
            - id: bob
            - id: carol
            - id: breakglass1
          groups:
            - {id: tier0, roleAssignable: true, members: [bob]}
        policies:
          roles:
            Global Administrator:
              activation: {maxDuration: 2h, requireApproval: true, approvers: [carol]}
        assignments:
          - {principal: alice, role: Global Administrator, type: active}
          - {principal: breakglass1, role: Global Administrator, type: active}
          - {principal: bob, role: Exchange Administrator, type: active}
          - {principal: carol, role: Global Administrator, type: eligible}
          - {principal: tier0, role: Global Administrator, type: active}
        events:
          - at: 5d
            assign: {principal: bob, role: Global Administrator, type: active}
        variants:
          strict-jit:
            description: No standing Global Administrators; activations need approval.
            patch:
              policies: {roles: {Global Administrator: {activation: {maxDuration: 1h}}}}
            convert: {activeToEligible: {roles: [Global Administrator], except: [breakglass1]}}
          replace-lists:
            patch:
              seed: 7
              tenant: {users: [{id: alice}, {id: breakglass1}, {id: bob}, {id: carol}]}
              assignments:
                - {principal: alice, role: Global Administrator, type: eligible}
              events: []
          everything-eligible:
            convert: {activeToEligible: {}}
        """

    static let exchange = builtInRole("Exchange Administrator")

    @Test func baselineIsUntouched() throws {
        let model = try #require(scenario(Self.base))
        #expect(model.policies[globalAdministrator].activation.maxDuration == 7_200)
        #expect(model.assignments.map(\.type) == [.active, .active, .active, .eligible, .active])
        #expect(model.variants.map(\.name) == ["strict-jit", "replace-lists", "everything-eligible"])
        #expect(model.variants[0].description == "No standing Global Administrators; activations need approval.")
    }

    @Test func patchMergesMapsFieldByField() throws {
        let model = try #require(scenario(Self.base, variant: "strict-jit"))
        let activation = model.policies[globalAdministrator].activation
        #expect(activation.maxDuration == 3_600)                 // from the patch
        #expect(activation.requireApproval)                      // kept from the base
        #expect(activation.approvers == [.user(UserIndex(2))])   // kept from the base
        #expect(model.seed == 3)
        #expect(model.tenant.users.count == 4)
    }

    @Test func convertActiveToEligibleExceptBreakGlass() throws {
        let model = try #require(scenario(Self.base, variant: "strict-jit"))
        let summary = model.assignments.map { (model.tenant.id(of: $0.principal), model[$0.role].name, $0.type) }
        #expect(summary.map(\.0) == ["alice", "breakglass1", "bob", "carol", "tier0"])
        #expect(summary.map(\.2) == [.eligible, .active, .active, .eligible, .eligible])
        #expect(model.assignments[2].role == Self.exchange)     // another role: left as it is
        // Assignments made by events are converted too.
        guard case .assign(let assigned) = model.events.first?.action else {
            Issue.record("expected an assign event")
            return
        }
        #expect(assigned.type == .eligible)
        #expect(assigned.start == 5 * 86_400)
    }

    @Test func convertWithoutRolesConvertsEveryRole() throws {
        let model = try #require(scenario(Self.base, variant: "everything-eligible"))
        #expect(model.assignments.allSatisfy { $0.type == .eligible })
        #expect(model.policies[globalAdministrator].activation.maxDuration == 7_200)
    }

    @Test func patchReplacesListsAndScalars() throws {
        let model = try #require(scenario(Self.base, variant: "replace-lists"))
        #expect(model.seed == 7)
        #expect(model.tenant.users.map(\.id) == ["alice", "breakglass1", "bob", "carol"])
        // The groups were not in the patch: kept, with 'bob' resolved against the new user list.
        #expect(model.tenant.groups.map(\.id) == ["tier0"])
        #expect(model.tenant.groups[0].members == [UserIndex(2)])
        #expect(model.assignments == [
            Assignment(principal: .user(UserIndex(0)), role: globalAdministrator, type: .eligible, origin: "assignments[0]"),
        ])
        #expect(model.events.isEmpty)
        // The policy is not in this patch.
        #expect(model.policies[globalAdministrator].activation.maxDuration == 7_200)
    }

    @Test func unknownVariantWithDidYouMean() {
        let error = onlyError(Self.base, variant: "strict-jti")
        expect(error, line: 26, column: 3, path: "variants",
               "unknown variant 'strict-jti'; did you mean 'strict-jit'?",
               "(variants: strict-jit, replace-lists, everything-eligible)")
    }

    @Test func variantOfAScenarioWithoutVariants() {
        let error = onlyError("""
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant: {}
            """, variant: "strict-jit")
        expect(error, line: 1, column: 1, path: "", "unknown variant 'strict-jit': the scenario has no 'variants'")
    }

    /// A patch's own errors are reported at the patch's position, with the merged document's path.
    @Test func errorsInAPatchPointIntoThePatch() {
        let text = """
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant: {users: [{id: alice}]}
            variants:
              too-long:
                patch:
                  policies: {default: {activation: {maxDuration: 48h}}}
            """
        #expect(load(text).diagnostics.isEmpty)
        // '      policies: {default: {activation: {maxDuration: 48h}}}': '48h' is at column 54.
        let error = onlyError(text, variant: "too-long")
        expect(error, line: 7, column: 54, path: "policies.default.activation.maxDuration",
               "activation maxDuration must be between 30m and 24h, got '48h'")
    }

    /// Errors in a variant's `convert` are found with or without the variant, and reported once.
    @Test func conversionErrorsAreReportedOnce() {
        let text = """
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant: {users: [{id: alice}]}
            variants:
              typo:
                convert: {activeToEligible: {roles: [Global Adminstrator], except: [alcie]}}
            """
        let baseline = errors(in: text)
        #expect(baseline.count == 2, "\(baseline.map(\.description))")
        guard baseline.count == 2 else { return }
        expect(baseline[0], line: 6, column: 42, path: "variants.typo.convert.activeToEligible.roles[0]",
               "unknown role 'Global Adminstrator'; did you mean 'Global Administrator'?")
        expect(baseline[1], line: 6, column: 73, path: "variants.typo.convert.activeToEligible.except[0]",
               "unknown user or group 'alcie'; did you mean 'alice'?")

        let withVariant = errors(in: text, variant: "typo")
        #expect(withVariant == baseline, "\(withVariant.map(\.description))")
    }
}

@Suite("Variant patch shape and text input")
struct PatchShapeTests {
    @Test("a patch that is not a map is an error at the patch, with its path")
    func scalarPatch() {
        let text = """
            start: 2026-03-02T00:00:00Z
            horizon: 1d
            tenant: {users: [{id: alice}]}
            variants:
              five: {patch: 5}
            """
        let found = errors(in: text, variant: "five")
        #expect(found.count == 1, "\(found.map(\.description))")
        guard let first = found.first else { return }
        expect(first, line: 5, column: 17, path: "variants.five.patch", "a patch must be a map merged over the scenario, got the number 5")
    }

    @Test("a byte order mark at the start of decoded text is ignored")
    func byteOrderMark() {
        let result = ScenarioLoader.decode(text: "\u{FEFF}start: 2026-03-02T00:00:00Z\nhorizon: 1d\ntenant: {}\n", file: "bom.yaml")
        #expect(result.scenario != nil, "\(result.diagnostics.map(\.description))")
    }
}
