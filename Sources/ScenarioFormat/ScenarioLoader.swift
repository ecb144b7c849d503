import Foundation
import TenantModel
import Yams

/// The outcome of loading a scenario: the scenario when valid, and every diagnostic found.
public struct LoadResult: Sendable {
    /// The scenario; nil when any error was found.
    public var scenario: Scenario?
    /// Errors and warnings, in position order.
    public var diagnostics: [Diagnostic]
}

/// Reads scenario files: YAML or JSON text in, a validated `Scenario` or diagnostics out.
///
/// Every bound on the input (size, anchors, nodes, depth, counts) comes from an `InputLimits`,
/// by default `InputLimits.current`; a file beyond one gets an error naming the limit and the
/// `--limit` setting that raises it.
public enum ScenarioLoader {
    /// The largest scenario file accepted by default, in bytes.
    public static let maxFileSize = InputLimits.standard.fileSize

    /// Loads the file at `path`; with `variant`, the named variant's patch and conversion applied.
    ///
    /// `patches` are merged after the variant's patch, in order, and the result is validated like
    /// any scenario (a sweep's grid point is such a list).
    public static func load(
        path: String, variant: String? = nil, patches: [ScenarioPatch] = [], catalogue: RoleCatalogue = .builtIn,
        limits: InputLimits = .current
    ) -> LoadResult {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes[.size] as? NSNumber, size.intValue > limits.fileSize {
                return failure(path, tooLarge(size.intValue, limits))
            }
            data = try Data(contentsOf: url)
        } catch {
            return failure(path, "cannot read the file: \((error as NSError).localizedDescription)")
        }
        let defaultName = url.deletingPathExtension().lastPathComponent
        return decode(data: data, file: path, defaultName: defaultName, variant: variant, patches: patches, catalogue: catalogue, limits: limits)
    }

    /// Decodes a file's bytes: refuses more than `limits.fileSize` bytes and text that is not
    /// UTF-8 (at the first bad byte's line and column), then decodes the text.
    ///
    /// `onThisThread` decodes on the calling thread instead of a new one, for a caller whose
    /// thread already has a stack of `stackSize` bytes (the fuzz harness's worker).
    public static func decode(
        data: Data, file: String, defaultName: String = "scenario", variant: String? = nil,
        patches: [ScenarioPatch] = [], catalogue: RoleCatalogue = .builtIn, limits: InputLimits = .current,
        onThisThread: Bool = false
    ) -> LoadResult {
        guard data.count <= limits.fileSize else { return failure(file, tooLarge(data.count, limits)) }
        if let problem = TextChecks.invalidUTF8(data) {
            return LoadResult(scenario: nil, diagnostics: [Diagnostic(
                file: file, line: problem.line, column: problem.column, path: "",
                message: "the file is not valid UTF-8 text: byte 0x\(String(problem.byte, radix: 16, uppercase: true)) at offset \(problem.offset) "
                    + "cannot stand there; save the file as UTF-8")])
        }
        let text = String(decoding: data, as: UTF8.self)
        if onThisThread {
            return decodeOnThisThread(text: text, file: file, defaultName: defaultName, variant: variant, patches: patches, catalogue: catalogue, limits: limits)
        }
        return decode(text: text, file: file, defaultName: defaultName, variant: variant, patches: patches, catalogue: catalogue, limits: limits)
    }

    /// The most YAML anchors a file may define by default: aliases can nest a document far
    /// deeper than its text (each anchor can stand for up to 1000 levels).
    public static let maxAnchors = InputLimits.standard.anchors

    /// The decoding thread's stack, 256 MiB: deep (but bounded) documents are safe on it.
    public static let stackSize = 256 << 20

    /// Decodes scenario text; `file` names it in diagnostics; `patches` as in `load`.
    ///
    /// Runs on a thread with a 256 MiB stack, so that deep (but bounded) documents are safe.
    public static func decode(
        text: String, file: String, defaultName: String = "scenario", variant: String? = nil,
        patches: [ScenarioPatch] = [], catalogue: RoleCatalogue = .builtIn, limits: InputLimits = .current
    ) -> LoadResult {
        let box = ResultBox()
        let thread = Thread {
            box.result = decodeOnThisThread(text: text, file: file, defaultName: defaultName, variant: variant,
                                            patches: patches, catalogue: catalogue, limits: limits)
            box.done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        box.done.wait()
        return box.result ?? failure(file, "the decoder stopped unexpectedly")
    }

    static func decodeOnThisThread(
        text: String, file: String, defaultName: String = "scenario", variant: String? = nil,
        patches: [ScenarioPatch] = [], catalogue: RoleCatalogue = .builtIn, limits: InputLimits = .current
    ) -> LoadResult {
        let context = DecodeContext(file: file, limits: limits)
        if text.utf8.count > limits.fileSize { return failure(file, tooLarge(text.utf8.count, limits)) }
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        if let nul = TextChecks.firstNUL(text) {
            return LoadResult(scenario: nil, diagnostics: [Diagnostic(
                file: file, line: nul.line, column: nul.column, path: "",
                message: "the file holds a NUL byte (U+0000), which scenario text cannot contain; is it a binary file?")])
        }
        if let anchor = TextChecks.anchor(number: limits.anchors + 1, in: text) {
            return LoadResult(scenario: nil, diagnostics: [Diagnostic(
                file: file, line: anchor.line, column: anchor.column, path: "",
                message: "the file defines more than \(limits.anchors) YAML anchors (this is anchor \(limits.anchors + 1)); aliases can "
                    + "expand a document without bound (\(InputLimits.flag("anchors", limits.anchors * 10)) raises the limit)")])
        }
        let root: Node
        do {
            guard let node = try context.duplicateKeys.compose(text) else {
                return failure(file, "the file is empty; a scenario needs at least 'start', 'horizon' and 'tenant'")
            }
            root = node
        } catch let error as YamlError {
            return LoadResult(scenario: nil, diagnostics: [YamlErrors.diagnostic(error, file: file, limits: limits)])
        } catch {
            return failure(file, "cannot parse the file: \(error)")
        }
        if let problem = DocumentShape.check(root, limits: limits) {
            context.report(.error, problem.message, mark: problem.mark, path: problem.path)
            return LoadResult(scenario: nil, diagnostics: context.finalDiagnostics)
        }

        var document = root
        if let variant {
            guard let patched = VariantPatch.apply(variant: variant, to: root, context: context) else {
                return LoadResult(scenario: nil, diagnostics: context.finalDiagnostics)
            }
            document = patched
        }
        for patch in patches {
            guard let patched = PatchMerge.apply(patch, to: document, context: context) else {
                return LoadResult(scenario: nil, diagnostics: context.finalDiagnostics)
            }
            document = patched
        }
        let decoder = ScenarioDecoder(context: context, catalogue: catalogue)
        var scenario = decoder.decode(root: document, defaultName: defaultName)
        if let variant, let conversion = decoder.conversions[variant], !context.hasErrors {
            scenario = scenario?.convertingActiveToEligible(roles: conversion.roles, except: conversion.except)
        }
        if context.hasErrors { scenario = nil }
        return LoadResult(scenario: scenario, diagnostics: context.finalDiagnostics)
    }

    static func failure(_ file: String, _ message: String) -> LoadResult {
        LoadResult(scenario: nil, diagnostics: [Diagnostic(file: file, line: 0, column: 0, path: "", message: message)])
    }

    static func tooLarge(_ size: Int, _ limits: InputLimits) -> String {
        "the file is \(size) bytes; scenarios are limited to \(limits.fileSize) bytes (\(InputLimits.flag("file-size", "\(max(1, (size >> 20) + 1))MiB")) raises the limit)"
    }
}

/// Carries a result out of the decoding thread.
final class ResultBox: @unchecked Sendable {
    var result: LoadResult?
    let done = DispatchSemaphore(value: 0)
}
