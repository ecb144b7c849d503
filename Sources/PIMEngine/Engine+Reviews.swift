import SimKernel
import TenantModel
import Trace

/// One instance of an access review as the engine tracks it.
struct ReviewInstance {
    struct Item {
        let assignment: Int
        let recommendApprove: Bool
        var approved: Bool?
    }
    let review: Int32
    let number: Int
    let start: SimTime
    let end: SimTime
    var items: [Item]
}

extension Engine {
    /// Schedules the first instance of every review.
    func scheduleReviews(_ queue: inout EventQueue<EngineEvent>) {
        for (index, review) in scenario.reviews.enumerated() where review.firstStart < scenario.horizon {
            queue.schedule(.reviewStart(review: Int32(index), number: 0), at: review.firstStart, phase: Phase.requests)
        }
    }

    /// An instance starts: the in-scope assignments are snapshotted, each with a recommendation
    /// from the principal's activity in the look-back window, and reviewers' answers are drawn.
    mutating func startReview(_ index: Int32, number: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        let review = scenario.reviews[Int(index)]
        let end = now + review.duration
        var items: [ReviewInstance.Item] = []
        for id in assignments.indices where assignmentSlots[id].started && !assignmentSlots[id].ended {
            let assignment = assignments[id]
            guard review.roles.contains(assignment.role),
                  assignment.type == .eligible ? review.eligible : review.active else { continue }
            // Break-glass accounts stay out of reviews: a denial (say, for lack of sign-ins) would
            // remove the tenant's emergency access.
            if case .user(let user) = assignment.principal, scenario.tenant[user].breakGlass { continue }
            items.append(ReviewInstance.Item(assignment: id, recommendApprove: recentlyActive(assignment.principal, since: now - review.lookback)))
        }
        let instance = Int32(reviewInstances.count)
        reviewInstances.append(ReviewInstance(review: index, number: Int(number), start: now, end: end, items: items))
        sink.record(.reviewStarted(time: now, review: Int(index), instance: Int(instance), items: items.count))
        for (position, item) in items.enumerated() {
            guard let answer = standingAnswer(review, number: number, item: item, start: now, end: end) else { continue }
            reviewAnswers[Int64(instance) << 32 | Int64(position)] = answer.approve
            queue.schedule(.reviewDecision(instance: instance, item: Int32(position)), at: answer.time, phase: Phase.decisions)
        }
        queue.schedule(.reviewEnd(instance), at: min(end, scenario.horizon), phase: Phase.stateChanges)
        if let period = review.recurrence.period, now + period < scenario.horizon {
            queue.schedule(.reviewStart(review: index, number: number + 1), at: now + period, phase: Phase.requests)
        }
    }

    /// Whether the principal (any enabled member, for a group) was active since `time`.
    func recentlyActive(_ principal: Principal, since time: SimTime) -> Bool {
        switch principal {
        case .user(let user): return (lastActivity[user.rawValue] ?? .min) >= time
        case .group(let group): return members[group.int].contains { enabled[Int($0)] && (lastActivity[$0] ?? .min) >= time }
        }
    }

    /// The reviewers of an item, enabled ones only.
    func reviewers(of review: AccessReview, principal: Principal) -> [Int32] {
        reviewers(review.reviewers, principal: principal)
    }

    /// Who `reviewers` stands for on an item of `principal`, enabled ones only.
    func reviewers(_ reviewers: AccessReview.Reviewers, principal: Principal) -> [Int32] {
        let chosen: [UserIndex]
        switch (reviewers, principal) {
        case (.selected(let users), _): chosen = users
        case (.members, .user(let user)): chosen = [user]
        case (.members, .group): chosen = []
        case (.manager(let fallback), .user(let user)):
            if let manager = managers[user.int], enabled[manager.int] { chosen = [manager] } else { chosen = fallback }
        case (.manager(let fallback), .group): chosen = fallback
        }
        return chosen.map(\.rawValue).filter { enabled[Int($0)] }
    }

    /// The answer that stands: the last one before the end from reviewers who respond (Learn: with
    /// several reviewers, the last submitted response is recorded). Simultaneous last answers: the
    /// reviewer later in the reviewers' order stands.
    func standingAnswer(_ review: AccessReview, number: Int32, item: ReviewInstance.Item, start: SimTime, end: SimTime) -> (time: SimTime, approve: Bool)? {
        let assignment = assignments[item.assignment]
        let base = stableKey([review.name, scenario.tenant.id(of: assignment.principal), scenario[assignment.role].name], [Int64(number)])
        var best: (time: SimTime, approve: Bool)?
        for reviewer in reviewers(of: review, principal: assignment.principal) {
            let key = base ^ stableKey([scenario.tenant.users[Int(reviewer)].id])
            var respond = streams.stream("review-respond", index: key)
            var timing = streams.stream("review-delay", index: key)
            var verdict = streams.stream("review-verdict", index: key)
            let responds = respond.bernoulli(review.respondRate)
            let time = start + review.delay.distribution.sample(&timing)
            let approve = review.followRecommendations ? item.recommendApprove : verdict.bernoulli(review.approveRate)
            guard responds, time < end, time >= (best?.time ?? .min) else { continue }
            best = (time, approve)
        }
        return best
    }

    mutating func decideReview(instance: Int32, item: Int32, now: SimTime) {
        guard let approve = reviewAnswers.removeValue(forKey: Int64(instance) << 32 | Int64(item)) else { return }
        reviewInstances[Int(instance)].items[Int(item)].approved = approve
        let assignment = assignments[reviewInstances[Int(instance)].items[Int(item)].assignment]
        sink.record(.reviewDecided(time: now, review: Int(reviewInstances[Int(instance)].review), principal: assignment.principal,
                                   role: assignment.role, approved: approve, byReviewer: true))
    }

    /// The instance ends: unreviewed items get the default decision; results are applied now or later.
    mutating func endReview(_ instance: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        let review = scenario.reviews[Int(reviewInstances[Int(instance)].review)]
        for position in reviewInstances[Int(instance)].items.indices where reviewInstances[Int(instance)].items[position].approved == nil {
            let item = reviewInstances[Int(instance)].items[position]
            let decision: Bool?
            switch review.onNoResponse {
            case .noChange: decision = nil
            case .removeAccess: decision = false
            case .approveAccess: decision = true
            case .takeRecommendations: decision = item.recommendApprove
            }
            guard let decision else { continue }
            reviewInstances[Int(instance)].items[position].approved = decision
            let assignment = assignments[item.assignment]
            sink.record(.reviewDecided(time: now, review: Int(reviewInstances[Int(instance)].review), principal: assignment.principal,
                                       role: assignment.role, approved: decision, byReviewer: false))
        }
        // Graph's default (`autoApplyDecisionsEnabled: false`): nobody presses Apply in the run.
        guard let delay = review.applyDelay else { return }
        let applyAt = now + delay
        if delay == 0 {
            applyReview(instance, now: now)
        } else if applyAt < scenario.horizon {
            queue.schedule(.reviewApply(instance), at: applyAt, phase: Phase.stateChanges)
        }
    }

    /// Denied items lose their assignment (a group's assignment for a denied group).
    mutating func applyReview(_ instance: Int32, now: SimTime) {
        var removed: [Int] = []
        for item in reviewInstances[Int(instance)].items where item.approved == false {
            let slot = assignmentSlots[item.assignment]
            guard slot.started, !slot.ended else { continue }
            endAssignment(Int32(item.assignment), now: now, reason: .removed)
            removed.append(item.assignment)
        }
        sink.record(.reviewApplied(time: now, review: Int(reviewInstances[Int(instance)].review), removed: removed))
    }
}
