import Testing
@testable import ScenarioFormat
import TenantModel

/// JSON is YAML too: the same scenario written as JSON decodes to the same model.
@Suite struct JSONInputTests {
    static let full = """
        {
          "scenario": "full-example",
          "description": "Everything the core offers.",
          "start": "2026-03-02T00:00:00Z",
          "horizon": "30d",
          "seed": 42,
          "tenant": {
            "users": [
              {"id": "alice", "name": "Alice Smith", "manager": "carol"},
              {"id": "bob"},
              {"id": "carol"},
              {"id": "breakglass1", "breakGlass": true},
              {"generate": {"count": 12, "prefix": "staff"}}
            ],
            "groups": [
              {"id": "tier0-admins", "roleAssignable": true, "members": ["bob", "staff03"], "owners": ["carol"]},
              {"id": "readers"}
            ],
            "roles": [
              {"name": "Custom Password Resetter", "permissions": ["microsoft.directory/users/password/update"]},
              {"name": "Custom Profile Editor", "permissions": ["microsoft.directory/users/basic/update"]}
            ]
          },
          "policies": {
            "default": {"activation": {"maxDuration": "4h", "requireTicket": true}},
            "roles": {
              "Global Administrator": {"activation": {"requireApproval": true, "approvers": ["carol", "tier0-admins"]}},
              "Exchange Administrator": {"eligibleAssignment": {"allowPermanent": false, "maxDuration": "90d"}}
            }
          },
          "assignments": [
            {"principal": "alice", "role": "Global Administrator", "type": "active"},
            {"principal": "breakglass1", "role": "62e90394-69f5-4237-9190-012177145e10", "type": "active",
             "start": "2026-02-01T00:00:00Z"},
            {"principal": "tier0-admins", "role": "Privileged Authentication Administrator", "type": "eligible",
             "scope": "/administrativeUnits/emea", "start": "1d", "duration": "14d"},
            {"principal": "bob", "role": "Custom Password Resetter", "type": "eligible", "end": "permanent"},
            {"principal": "staff12", "role": "Custom Profile Editor", "type": "eligible", "start": "2d",
             "end": "2026-03-10T00:00:00Z"}
          ],
          "workload": [
            {"at": "1d9h", "activate": {"user": "bob", "role": "Custom Password Resetter", "duration": "1h"}},
            {"at": "2026-03-05T12:00:00+02:00",
             "activate": {"user": "staff03", "role": "Privileged Authentication Administrator", "duration": "PT30M"}}
          ],
          "behaviour": {"approvers": {"responseTime": "45m", "approveRate": 0.75}, "deactivateEarly": 0.25},
          "events": [
            {"at": "20d", "leave": "alice"},
            {"at": "12d", "membership": {"group": "tier0-admins", "add": ["staff01"], "remove": ["bob"]}},
            {"at": "10d", "assign": {"principal": "carol", "role": "Exchange Administrator", "type": "active"}},
            {"at": "15d", "remove": {"principal": "carol", "role": "Exchange Administrator", "type": "active"}},
            {"at": "16d", "assign": {"principal": "bob", "role": "Exchange Administrator", "type": "eligible",
                                     "start": "17d", "duration": "1w"}}
          ],
          "variants": {
            "strict-jit": {
              "description": "No standing GA.",
              "patch": {"policies": {"default": {"activation": {"maxDuration": "1h"}}}},
              "convert": {"activeToEligible": {"roles": ["Global Administrator"], "except": ["breakglass1"]}}
            }
          },
          "assertions": [
            {"metric": "standingAdmins.max", "max": 2},
            {"variant": "strict-jit", "metric": "globalAdmins.max", "between": [1, 3]}
          ]
        }
        """

    @Test func jsonDecodesToTheSameModelAsYAML() throws {
        let fromJSON = try #require(scenario(Self.full))
        let fromYAML = try #require(scenario(DecodingTests.full))
        expectSameModel(fromJSON, fromYAML)
        #expect(fromJSON.assignments.count == 5 && fromJSON.events.count == 5 && fromJSON.tenant.users.count == 16)
    }

    @Test func jsonVariantMatchesYAMLVariant() throws {
        let fromJSON = try #require(scenario(Self.full, variant: "strict-jit"))
        let fromYAML = try #require(scenario(DecodingTests.full, variant: "strict-jit"))
        expectSameModel(fromJSON, fromYAML)
        #expect(fromJSON.policies.fallback.activation.maxDuration == 3_600)
    }

    /// Positions in JSON are those of the first character of the node: the opening quote of a key.
    @Test func jsonErrorPositions() {
        let text = """
            {"start": "2026-03-02T00:00:00Z", "horizon": "30d",
             "tenant": {"users": [{"id": "alice", "manger": "alice"}]},
             "seed": "one"}
            """
        // Line 2: ` "tenant": {"users": [{"id": "alice", "manger": "alice"}]},`
        //          1234567890123456789012345678901234567890
        // '"manger"' starts at column 39; line 3: ` "seed": "one"}` has '"one"' at column 10.
        let found = errors(in: text)
        #expect(found.count == 2, "\(found.map(\.description))")
        guard found.count == 2 else { return }
        expect(found[0], line: 2, column: 39, path: "tenant.users[0].manger", "unknown key 'manger'; did you mean 'manager'?")
        expect(found[1], line: 3, column: 10, path: "seed", "expected seed (a whole number), got the string 'one'")
    }
}
