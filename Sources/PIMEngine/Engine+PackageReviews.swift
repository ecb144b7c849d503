import SimKernel
import TenantModel
import Trace

/// Access reviews of access package assignments: reviewers answer during the instance; the
/// results are applied when it ends ([assumption] as entitlement management's reviews apply
/// them automatically).
extension Engine {
    /// Schedules the first instance of every policy's review.
    mutating func schedulePackageReviews(_ queue: inout EventQueue<EngineEvent>) {
        for (package, definition) in scenario.accessPackages.enumerated() {
            for (policy, settings) in definition.policies.enumerated() {
                guard let review = settings.review, review.firstStart < scenario.horizon else { continue }
                queue.schedule(.packageReviewStart(package: Int32(package), policy: Int32(policy), number: 0), at: review.firstStart, phase: Phase.stateChanges)
            }
        }
    }

    /// An instance starts: every live assignment of the policy is an item; each reviewer's
    /// answer (or silence) is drawn now.
    mutating func startPackageReview(_ package: Int32, policy: Int32, number: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        guard let review = packagePolicy(package, policy).review else { return }
        if let period = review.recurrence.period, review.firstStart + Int64(number + 1) * period < scenario.horizon {
            queue.schedule(.packageReviewStart(package: package, policy: policy, number: number + 1),
                           at: review.firstStart + Int64(number + 1) * period, phase: Phase.stateChanges)
        }
        let items = packageAssignments.indices.filter {
            packageAssignments[$0].live && packageAssignments[$0].package == package && packageAssignments[$0].policy == policy
        }.map(Int32.init)
        let index = Int32(packageReviews.count)
        var instance = PackageReviewInstance(package: package, policy: policy, number: number, items: items, reviewers: [], verdicts: [],
                                             decisions: Array(repeating: nil, count: items.count))
        sink.record(.packageReviewStarted(time: now, package: Int(package), policy: Int(policy), instance: Int(index), items: items.count))
        let end = now + review.duration
        for (position, item) in items.enumerated() {
            let assignee = packageAssignments[Int(item)].user
            let reviewer = packageReviewer(review.reviewers, assignee: assignee)
            let key = stableKey(["package-review", scenario.accessPackages[Int(package)].id, scenario.tenant.users[Int(assignee)].id],
                                [Int64(policy), Int64(number)])
            var respond = streams.stream("package-review-respond", index: key)
            var verdict = streams.stream("package-review-verdict", index: key)
            var timing = streams.stream("package-review-delay", index: key)
            let responds = respond.bernoulli(review.respondRate)
            let approves = verdict.bernoulli(review.approveRate)
            let at = now + max(0, review.delay.distribution.sample(&timing))
            instance.reviewers.append(reviewer)
            instance.verdicts.append(approves)
            if reviewer >= 0, responds, at < end, at < scenario.horizon {
                queue.schedule(.packageReviewDecision(instance: index, item: Int32(position)), at: at, phase: Phase.decisions)
            }
        }
        packageReviews.append(instance)
        if end < scenario.horizon { queue.schedule(.packageReviewEnd(index), at: end, phase: Phase.stateChanges) }
    }

    /// Who reviews an assignee's assignment: the assignee (`members`), their manager (or the
    /// first enabled fallback reviewer), or the first enabled selected reviewer; -1 when nobody.
    func packageReviewer(_ reviewers: AccessReview.Reviewers, assignee: Int32) -> Int32 {
        let candidates = self.reviewers(reviewers, principal: .user(UserIndex(assignee)))
        if case .selected = reviewers { return candidates.first { $0 != assignee } ?? -1 }
        return candidates.first ?? -1
    }

    /// A reviewer answers an item (if the assignment is still live and the reviewer enabled).
    mutating func decidePackageReview(instance index: Int32, item position: Int32, now: SimTime) {
        let instance = packageReviews[Int(index)]
        let item = instance.items[Int(position)]
        let reviewer = instance.reviewers[Int(position)]
        guard packageAssignments[Int(item)].live, instance.decisions[Int(position)] == nil, reviewer >= 0, enabled[Int(reviewer)] else { return }
        let approved = instance.verdicts[Int(position)]
        packageReviews[Int(index)].decisions[Int(position)] = approved
        sink.record(.packageReviewDecided(time: now, package: Int(instance.package), assignment: Int(item), approved: approved, reviewer: UserIndex(reviewer)))
    }

    /// The instance ends: unreviewed items take the default decision, and denied assignments end.
    mutating func endPackageReview(_ index: Int32, now: SimTime) {
        let instance = packageReviews[Int(index)]
        let fallback = packagePolicy(instance.package, instance.policy).review?.onNoResponse ?? .noChange
        for (position, item) in instance.items.enumerated() where packageAssignments[Int(item)].live {
            var decision = instance.decisions[position]
            if decision == nil {
                switch fallback {
                case .removeAccess: decision = false
                case .approveAccess: decision = true
                case .noChange, .takeRecommendations: decision = nil
                }
                if let decision {
                    sink.record(.packageReviewDecided(time: now, package: Int(instance.package), assignment: Int(item), approved: decision, reviewer: nil))
                }
            }
            if decision == false { endPackageAssignment(item, now: now, reason: .reviewDenied, by: nil) }
        }
    }
}
