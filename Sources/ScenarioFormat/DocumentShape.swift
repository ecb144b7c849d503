import Yams

/// The size and depth of a composed document, aliases expanded, checked against the limits
/// before anything walks it: the first node beyond either bound, with its position and key path.
struct DocumentShape {
    /// A node beyond a limit.
    struct Problem {
        let message: String
        let mark: Mark?
        let path: KeyPath
    }

    let limits: InputLimits
    private var nodes = 0

    /// The first problem of `root`, or nil when the document is within the limits.
    static func check(_ root: Node, limits: InputLimits) -> Problem? {
        var shape = DocumentShape(limits: limits)
        guard let failure = shape.walk(root, depth: 1) else { return nil }
        return Problem(message: failure.message, mark: failure.mark, path: KeyPath(components: failure.reversedPath.reversed()))
    }

    private init(limits: InputLimits) { self.limits = limits }

    /// A problem on its way up: components are added by each level it passes.
    private struct Failure {
        let message: String
        let mark: Mark?
        var reversedPath: [KeyPath.Component] = []
    }

    /// Depth-first; recursion is bounded by `limits.depth`, which stops the descent.
    private mutating func walk(_ node: Node, depth: Int) -> Failure? {
        nodes += 1
        if nodes > limits.nodes {
            return Failure(
                message: "the document expands to more than \(limits.nodes) nodes here (YAML aliases repeat what their anchor names); "
                    + "at most \(limits.nodes) are accepted (\(InputLimits.flag("nodes", limits.nodes * 2)) raises the limit)",
                mark: node.mark)
        }
        switch node {
        case .mapping(let mapping):
            if let failure = tooDeep(node, depth) { return failure }
            for (key, value) in mapping {
                if var failure = walk(value, depth: depth + 1) {
                    failure.reversedPath.append(.key(key.string ?? "\(key)"))
                    return failure
                }
            }
        case .sequence(let sequence):
            if let failure = tooDeep(node, depth) { return failure }
            for (index, item) in sequence.enumerated() {
                if var failure = walk(item, depth: depth + 1) {
                    failure.reversedPath.append(.index(index))
                    return failure
                }
            }
        case .scalar, .alias:
            break
        }
        return nil
    }

    private func tooDeep(_ node: Node, _ depth: Int) -> Failure? {
        guard depth > limits.depth else { return nil }
        return Failure(
            message: "maps and lists nest \(depth) levels deep here; at most \(limits.depth) are accepted "
                + "(\(InputLimits.flag("depth", limits.depth * 2)) raises the limit)",
            mark: node.mark)
    }
}
