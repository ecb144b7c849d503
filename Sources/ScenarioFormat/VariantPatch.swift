import Yams

/// Applies a variant's `patch` to the document: maps merge, lists and scalars replace.
enum VariantPatch {
    /// The variant's body, or nil with an error when the variant does not exist.
    static func body(of variant: String, in root: Node, context: DecodeContext) -> Node? {
        let rootValue = Value(node: root, path: .root)
        let variants = root.mapping?.first { $0.key.string == "variants" }?.value
        guard let variants, let entries = variants.mapping else {
            context.error("unknown variant '\(variant)': the scenario has no 'variants'", at: rootValue)
            return nil
        }
        if let body = entries.first(where: { $0.key.string == variant })?.value { return body }
        let names = entries.compactMap { $0.key.string }
        context.error("unknown variant '\(variant)'\(Suggestions.hint(for: variant, in: names)) (variants: \(names.joined(separator: ", ")))",
                      at: Value(node: variants, path: KeyPath.root.appending("variants")))
        return nil
    }

    /// The document with the variant's patch merged in; nil when the variant does not exist.
    static func apply(variant: String, to root: Node, context: DecodeContext) -> Node? {
        guard let body = body(of: variant, in: root, context: context) else { return nil }
        guard let patch = body.mapping?.first(where: { $0.key.string == "patch" })?.value else { return root }
        guard case .mapping = patch else {
            let path = KeyPath.root.appending("variants").appending(variant).appending("patch")
            context.error("a patch must be a map merged over the scenario, got \(Value(node: patch, path: path).kindDescription)",
                          at: Value(node: patch, path: path))
            return nil
        }
        return merge(root, patch)
    }

    /// Deep merge: when both are maps, keys of `patch` merge into `base`; otherwise `patch` wins.
    static func merge(_ base: Node, _ patch: Node) -> Node {
        guard case .mapping(let baseMap) = base, case .mapping(let patchMap) = patch else { return patch }
        var pairs: [(Node, Node)] = baseMap.map { ($0.key, $0.value) }
        for (key, value) in patchMap {
            if let index = pairs.firstIndex(where: { $0.0.string == key.string && key.string != nil }) {
                pairs[index].1 = merge(pairs[index].1, value)
            } else {
                pairs.append((key, value))
            }
        }
        return .mapping(Node.Mapping(pairs, baseMap.tag, baseMap.style, baseMap.mark))
    }
}

/// Turns Yams' parse errors into positioned diagnostics.
enum YamlErrors {
    static func diagnostic(_ error: YamlError, file: String, limits: InputLimits = .standard) -> Diagnostic {
        switch error {
        case .parser(_, let problem, let mark, _) where problem.contains("Maximum nesting level"):
            // libyaml's own bound (1000 levels of text), met before the document's depth is checked.
            return Diagnostic(file: file, line: mark.line, column: mark.column, path: "",
                              message: "maps and lists nest more than 1000 levels deep here, more than YAML text may; "
                                + "at most \(limits.depth) are accepted")
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text): " } ?? ""
            return Diagnostic(file: file, line: mark.line, column: mark.column, path: "",
                              message: "YAML syntax: \(detail)\(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(file: file, line: context.mark.line, column: context.mark.column, path: "",
                              message: "duplicate key \(keys) in one map; each key may appear once")
        default:
            return Diagnostic(file: file, line: 0, column: 0, path: "", message: "cannot parse the file: \(error)")
        }
    }
}
