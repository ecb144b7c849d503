#!/usr/bin/env python3
"""Writes a synthetic Microsoft Graph export of a tenant, for timing `pimsim import` at scale.

    python3 scripts/generate-graph-export.py USERS DIR

USERS users (pages of 999, as Graph pages them), 2 % of them in 20 role-assignable groups that
are eligible for ten privileged roles, five standing Global Administrators, policies for the ten
roles. Deterministic: the same USERS give the same files.
"""
import json
import os
import sys
import uuid

ROLES = [
    "62e90394-69f5-4237-9190-012177145e10", "e8611ab8-c189-46e8-94e1-60213ab1f814",
    "194ae4cb-b126-40b2-bd5b-6091b380977d", "29232cdf-9323-42fd-ade2-1d097af3e4de",
    "729827e3-9c14-49f7-bb1b-9608f156bbb8", "fe930be7-5e62-47db-91af-98c3a49a38b1",
    "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", "158c047a-c907-4556-b7ef-446551a6b5f7",
    "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9", "7be44c8a-adaf-4e2a-84d6-ab2649e08a13",
]


def oid(kind, number):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"pimsim-scale:{kind}:{number}"))


def write_pages(folder, name, items, size=999):
    for page, first in enumerate(range(0, max(len(items), 1), size), start=1):
        body = {"@odata.context": f"https://graph.microsoft.com/v1.0/$metadata#{name}", "value": items[first:first + size]}
        if first + size < len(items):
            body["@odata.nextLink"] = f"https://graph.microsoft.com/v1.0/{name}?$skiptoken={page}"
        suffix = "" if page == 1 else f"-{page}"
        with open(os.path.join(folder, f"{name}{suffix}.json"), "w") as out:
            json.dump(body, out)


def main():
    users_count, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    users = [{"id": oid("user", n), "displayName": f"User {n:06d}", "userPrincipalName": f"user{n:06d}@contoso.com",
              "accountEnabled": n % 500 != 7} for n in range(users_count)]
    write_pages(folder, "users", users)
    admins = [u["id"] for u in users[: max(20, users_count // 50)]]
    groups = []
    for g in range(20):
        groups.append({"id": oid("group", g), "displayName": f"PIM group {g:02d}", "isAssignableToRole": True,
                       "members": [{"@odata.type": "#microsoft.graph.user", "id": a} for a in admins[g::20]]})
    write_pages(folder, "groups", groups)
    eligibility = [{"id": f"e{g}", "principalId": oid("group", g), "roleDefinitionId": ROLES[g % 10], "directoryScopeId": "/",
                    "memberType": "Direct", "scheduleInfo": {"startDateTime": "2026-01-01T00:00:00Z",
                                                             "expiration": {"type": "noExpiration"}}} for g in range(20)]
    write_pages(folder, "roleEligibilitySchedules", eligibility)
    standing = [{"id": f"a{n}", "principalId": users[-1 - n]["id"], "roleDefinitionId": ROLES[0], "directoryScopeId": "/",
                 "assignmentType": "Assigned", "memberType": "Direct",
                 "scheduleInfo": {"startDateTime": "2025-06-01T00:00:00Z", "expiration": {"type": "noExpiration"}}}
                for n in range(5)]
    write_pages(folder, "roleAssignmentSchedules", standing)
    policies, links = [], []
    for index, role in enumerate(ROLES):
        approval = index == 0
        policies.append({"id": f"pol-{index}", "scopeId": "/", "scopeType": "DirectoryRole", "rules": [
            {"id": "Expiration_EndUser_Assignment", "isExpirationRequired": True, "maximumDuration": "PT1H" if approval else "PT4H"},
            {"id": "Approval_EndUser_Assignment", "setting": {"isApprovalRequired": approval, "approvalStages": [
                {"primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": users[-1]["id"]}]}]}}]})
        links.append({"id": f"link-{index}", "policyId": f"pol-{index}", "scopeId": "/", "scopeType": "DirectoryRole",
                      "roleDefinitionId": role})
    write_pages(folder, "roleManagementPolicies", policies)
    write_pages(folder, "roleManagementPolicyAssignments", links)


if __name__ == "__main__":
    main()
