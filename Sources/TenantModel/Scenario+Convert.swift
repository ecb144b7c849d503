extension Scenario {
    /// Turns active assignments of `roles` into eligible ones, except those of the `except` principals.
    ///
    /// This is the `convert: {activeToEligible: ...}` operation of a variant. Assignments made by
    /// `assign` events are converted too. An empty `roles` list means every role.
    public func convertingActiveToEligible(roles: Set<RoleIndex>, except: Set<Principal>) -> Scenario {
        func convert(_ assignment: Assignment) -> Assignment {
            guard assignment.type == .active,
                  roles.isEmpty || roles.contains(assignment.role),
                  !except.contains(assignment.principal) else { return assignment }
            var converted = assignment
            converted.type = .eligible
            return converted
        }
        var result = self
        result.assignments = assignments.map(convert)
        result.events = events.map { event in
            guard case .assign(let assignment) = event.action else { return event }
            var converted = event
            converted.action = .assign(convert(assignment))
            return converted
        }
        return result
    }
}
