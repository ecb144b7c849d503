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
public enum ScenarioLoader {
    /// The largest scenario file accepted, in bytes.
    public static let maxFileSize = 64 * 1024 * 1024

    /// Loads the file at `path`; with `variant`, the named variant's patch and conversion applied.
    ///
    /// `patches` are merged after the variant's patch, in order, and the result is validated like
    /// any scenario (a sweep's grid point is such a list).
    public static func load(
        path: String, variant: String? = nil, patches: [ScenarioPatch] = [], catalogue: RoleCatalogue = .builtIn
    ) -> LoadResult {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes[.size] as? NSNumber, size.intValue > maxFileSize {
                return failure(path, "the file is \(size.intValue) bytes; scenarios are limited to \(maxFileSize) bytes")
            }
            data = try Data(contentsOf: url)
        } catch {
            return failure(path, "cannot read the file: \((error as NSError).localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return failure(path, "the file is not valid UTF-8 text")
        }
        let defaultName = url.deletingPathExtension().lastPathComponent
        return decode(text: text, file: path, defaultName: defaultName, variant: variant, patches: patches, catalogue: catalogue)
    }

    /// The most YAML anchors a file may define: aliases can nest a document far deeper than its
    /// text (each anchor can stand for up to 1000 levels), and such trees exhaust the stack.
    public static let maxAnchors = 100

    /// Decodes scenario text; `file` names it in diagnostics; `patches` as in `load`.
    ///
    /// Runs on a thread with a 256 MiB stack, so that deep (but bounded) documents are safe.
    public static func decode(
        text: String, file: String, defaultName: String = "scenario", variant: String? = nil,
        patches: [ScenarioPatch] = [], catalogue: RoleCatalogue = .builtIn
    ) -> LoadResult {
        let box = ResultBox()
        let thread = Thread {
            box.result = decodeOnThisThread(text: text, file: file, defaultName: defaultName, variant: variant,
                                            patches: patches, catalogue: catalogue)
            box.done.signal()
        }
        thread.stackSize = 256 << 20
        thread.start()
        box.done.wait()
        return box.result ?? failure(file, "the decoder stopped unexpectedly")
    }

    static func decodeOnThisThread(
        text: String, file: String, defaultName: String = "scenario", variant: String? = nil,
        patches: [ScenarioPatch] = [], catalogue: RoleCatalogue = .builtIn
    ) -> LoadResult {
        let context = DecodeContext(file: file)
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let anchors = countAnchors(text)
        if anchors > maxAnchors {
            return failure(file, "the file defines \(anchors) YAML anchors; at most \(maxAnchors) are accepted (aliases can expand a document without bound)")
        }
        let root: Node
        do {
            guard let node = try context.duplicateKeys.compose(text) else {
                return failure(file, "the file is empty; a scenario needs at least 'start', 'horizon' and 'tenant'")
            }
            root = node
        } catch let error as YamlError {
            return LoadResult(scenario: nil, diagnostics: [YamlErrors.diagnostic(error, file: file)])
        } catch {
            return failure(file, "cannot parse the file: \(error)")
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
}

extension ScenarioLoader {
    /// Anchors (`&name`) standing where a YAML node may start: after a space, a line start or a
    /// flow indicator. Quoted text can only make the count larger, never smaller.
    static func countAnchors(_ text: String) -> Int {
        var count = 0
        var previous: UInt8 = 0x0A
        for byte in text.utf8 {
            if byte == UInt8(ascii: "&"), [0x0A, 0x20, 0x09, UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "-")].contains(previous) {
                count += 1
            }
            previous = byte
        }
        return count
    }
}

/// Carries a result out of the decoding thread.
final class ResultBox: @unchecked Sendable {
    var result: LoadResult?
    let done = DispatchSemaphore(value: 0)
}
