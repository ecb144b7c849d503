import SimKernel
import TenantModel
import Trace

extension Engine {
    /// PIM for Groups: how long after the grant of request `id` its membership takes effect
    /// (`behaviour.groups.provisioningDelay`), drawn from its own stream keyed by the request; zero
    /// for directory roles, ownership, and by default.
    func provisioningDelay(request id: Int32) -> SimTime {
        let slot = requests[Int(id)]
        guard membershipRoles[slot.role] != nil else { return 0 }
        let spec = scenario.behaviour.groups.provisioningDelay
        if case .fixed(let value) = spec { return value }
        var stream = streams.stream("group-provisioning", index: slot.key)
        return spec.distribution.sample(&stream)
    }

    /// Whether `user`'s activation of `role` is granted but its membership not provisioned yet.
    func provisioning(_ user: Int32, _ role: Int32) -> Bool {
        guard enabled[Int(user)], let state = pairs[pairKey(user, role)], state.activation >= 0 else { return false }
        return !activations[Int(state.activation)].provisioned
    }

    /// The membership of a granted activation takes effect: the user joins the group (the group's
    /// roles flow to them) and the tasks waiting for it start.
    mutating func provision(_ id: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        let slot = activations[Int(id)]
        guard slot.live, !slot.provisioned else { return }
        activations[Int(id)].provisioned = true
        sink.record(.membershipProvisioning(time: now, activation: Int(id), provisioned: true))
        updatePair(slot.user, slot.role) { _ in }
        startWaitingTasks(slot.user, slot.role, now: now, queue: &queue)
    }
}
