import Foundation
import TenantModel
import Yams

/// A file of assertions checked against any scenario (`pimsim check --baseline FILE`), or a
/// built-in one such as CISA's.
public struct CheckBaseline: Sendable, Equatable {
    /// The baseline's name, such as `cisa`.
    public var name: String
    /// What it checks, in words.
    public var description: String?
    /// The checks; their variants and principals are resolved against each scenario checked.
    public var assertions: [MetricAssertion]

    /// Creates a baseline.
    public init(name: String, description: String? = nil, assertions: [MetricAssertion]) {
        self.name = name
        self.description = description
        self.assertions = assertions
    }
}

extension ScenarioLoader {
    /// Reads a baseline file: `{baseline?, description?, assertions: [...]}` in YAML or JSON.
    /// The name defaults to the file's name without its extension.
    public static func loadBaseline(path: String) -> (baseline: CheckBaseline?, diagnostics: [Diagnostic]) {
        let url = URL(fileURLWithPath: path)
        guard let data = try? Data(contentsOf: url) else {
            return (nil, failure(path, "cannot read the baseline file").diagnostics)
        }
        guard data.count <= maxFileSize else {
            return (nil, failure(path, "the file is \(data.count) bytes; baselines are limited to \(maxFileSize) bytes").diagnostics)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return (nil, failure(path, "the file is not valid UTF-8 text").diagnostics)
        }
        return decodeBaseline(text: text, file: path, defaultName: url.deletingPathExtension().lastPathComponent)
    }

    /// Decodes baseline text; `file` names it in diagnostics.
    public static func decodeBaseline(text: String, file: String, defaultName: String = "baseline") -> (baseline: CheckBaseline?, diagnostics: [Diagnostic]) {
        let context = DecodeContext(file: file)
        let limits = InputLimits.current
        guard TextChecks.anchor(number: limits.anchors + 1, in: text) == nil else {
            return (nil, failure(file, "the file defines more than \(limits.anchors) YAML anchors (\(InputLimits.flag("anchors", limits.anchors * 10)) raises the limit)").diagnostics)
        }
        let root: Node
        do {
            guard let node = try context.duplicateKeys.compose(text) else {
                return (nil, failure(file, "the file is empty; a baseline needs 'assertions'").diagnostics)
            }
            root = node
        } catch let error as YamlError {
            return (nil, [YamlErrors.diagnostic(error, file: file)])
        } catch {
            return (nil, failure(file, "cannot parse the file: \(error)").diagnostics)
        }
        let decoder = ScenarioDecoder(context: context, catalogue: .builtIn)
        guard let map = context.map(Value(node: root, path: .root), FormatSpec.baselineFile) else {
            return (nil, context.finalDiagnostics)
        }
        let name = map["baseline"].flatMap { context.identifier($0, what: "a baseline name") } ?? defaultName
        let description = map["description"].flatMap { context.string($0) }
        let assertions = map["assertions"].map { decoder.decodeAssertions($0, variants: nil) } ?? []
        guard !context.hasErrors else { return (nil, context.finalDiagnostics) }
        return (CheckBaseline(name: name, description: description, assertions: assertions), context.finalDiagnostics)
    }
}
