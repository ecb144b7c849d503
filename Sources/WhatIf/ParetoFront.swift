/// The Pareto front of points whose every coordinate is to be minimised.
public enum ParetoFront {
    /// Whether `a` dominates `b`: no worse in every coordinate and better in at least one.
    public static func dominates(_ a: [Double], _ b: [Double]) -> Bool {
        var better = false
        for (x, y) in zip(a, b) {
            if x > y { return false }
            if x < y { better = true }
        }
        return better
    }

    /// The indices of the points no other point dominates, in ascending order.
    ///
    /// Equal points do not dominate each other, so duplicates on the front are all kept. A point
    /// with a missing coordinate (nil) is left out: it cannot be compared.
    public static func indices(_ points: [[Double]?]) -> [Int] {
        var front: [Int] = []
        for (i, point) in points.enumerated() {
            guard let point else { continue }
            let dominated = points.enumerated().contains { j, other in
                guard j != i, let other else { return false }
                return dominates(other, point)
            }
            if !dominated { front.append(i) }
        }
        return front
    }
}
