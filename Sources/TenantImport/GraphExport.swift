import Foundation
import ScenarioFormat

/// The collections of a Microsoft Graph export, read from folders, files or bundles.
///
/// Pages of one collection are concatenated in the order given (files sorted by name within a
/// folder); an object whose `id` was seen before in the same collection is merged into the first
/// (so `members` and `owners` expanded in two passes end up on one group).
public struct GraphExport: Sendable {
    /// The collections pimsim reads, by the names used for files and bundle members.
    public static let collectionNames: [String] = [
        "users", "groups", "roleDefinitions", "roleEligibilitySchedules", "roleEligibilityScheduleInstances",
        "roleAssignmentSchedules", "roleAssignmentScheduleInstances", "roleManagementPolicies",
        "roleManagementPolicyAssignments", "privilegedAccessGroupEligibilitySchedules",
        "privilegedAccessGroupAssignmentSchedules", "servicePrincipals", "applications", "directoryAudits",
    ]

    /// Objects by collection name, in reading order.
    public private(set) var collections: [String: [GraphObject]] = [:]
    /// Problems met while reading (unreadable files, syntax errors, unknown files).
    public internal(set) var diagnostics: [ImportDiagnostic] = []
    private var indexByID: [String: [String: Int]] = [:]

    /// Creates an empty export.
    public init() {}

    /// Whether the export has the collection at all (even empty).
    public func has(_ name: String) -> Bool { collections[name] != nil }

    /// The collection's objects (empty when absent).
    public subscript(_ name: String) -> [GraphObject] { collections[name] ?? [] }

    /// Reads every path: a folder (its `.json` files), a page file, or a bundle; no file larger
    /// than `maxFileSize` bytes is read.
    public static func read(paths: [String], maxFileSize: Int = InputLimits.current.importFileSize) -> GraphExport {
        var export = GraphExport()
        for path in paths { export.read(path: path, maxFileSize: maxFileSize) }
        return export
    }

    /// Reads one path into the export.
    public mutating func read(path: String, maxFileSize: Int = InputLimits.current.importFileSize) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            diagnostics.append(ImportDiagnostic(.error, "no such file or folder '\(path)'"))
            return
        }
        if isFolder.boolValue {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
                .filter { $0.hasSuffix(".json") }.sorted { Self.pageOrder($0) < Self.pageOrder($1) }
            if names.isEmpty { diagnostics.append(ImportDiagnostic(.warning, "the folder '\(path)' holds no .json file")) }
            for name in names { readFile((path as NSString).appendingPathComponent(name), maxFileSize: maxFileSize) }
        } else {
            readFile(path, maxFileSize: maxFileSize)
        }
    }

    /// Reads a file's JSON and files it under its collection(s).
    mutating func readFile(_ path: String, maxFileSize: Int) {
        let origin = ImportOrigin(file: path, pointer: "")
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber, size.intValue > maxFileSize {
            let flag = InputLimits.flag("import-file-size", "\(max(1, (size.intValue >> 20) + 1))MiB")
            diagnostics.append(ImportDiagnostic(.error, "the file is \(size.intValue) bytes; files of an export are limited to \(maxFileSize) bytes (\(flag) raises the limit)", at: origin))
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(ImportDiagnostic(.error, "cannot read the file", at: origin))
            return
        }
        read(data: data, file: path)
    }

    /// Reads one file's bytes, named `file` (whose name can tell the collection), into the export.
    public mutating func read(data: Data, file path: String) {
        let origin = ImportOrigin(file: path, pointer: "")
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            diagnostics.append(ImportDiagnostic(.error, "not valid JSON: \((error as NSError).localizedDescription)", at: origin))
            return
        }
        let stem = Self.collectionName(fromFile: path)
        if let object = json as? [String: Any] {
            if Self.isAzureHound(object) {
                readAzureHound(object, origin: origin)
            } else if object["value"] != nil || object["@odata.context"] != nil {
                let name = Self.collectionName(fromContext: object["@odata.context"] as? String) ?? stem
                guard let name else { return unknown(origin) }
                addPage(object, to: name, origin: origin)
            } else if !object.keys.isEmpty, object.keys.allSatisfy({ Self.collectionNames.contains($0) }) {
                // A bundle: collection name → one response or an array of pages.
                for name in object.keys.sorted() {
                    let member = origin.appending(name)
                    if let pages = object[name] as? [Any], pages.allSatisfy({ $0 is [String: Any] }),
                       pages.contains(where: { ($0 as? [String: Any])?["value"] != nil }) {
                        for (index, page) in pages.enumerated() {
                            if let page = page as? [String: Any] { addPage(page, to: name, origin: member.appending(index)) }
                        }
                    } else {
                        addPage(object[name] as Any, to: name, origin: member)
                    }
                }
            } else if let name = stem {
                addPage(object, to: name, origin: origin)
            } else {
                let unknownKeys = object.keys.sorted().filter { !Self.collectionNames.contains($0) }.prefix(3)
                diagnostics.append(ImportDiagnostic(.warning, "skipped: neither a Graph response ('value') nor a bundle of known collections (unknown members: \(unknownKeys.joined(separator: ", ")))", at: origin))
            }
        } else if let stem {
            addPage(json, to: stem, origin: origin)
        } else {
            unknown(origin)
        }
    }

    private mutating func unknown(_ origin: ImportOrigin) {
        diagnostics.append(ImportDiagnostic(.warning, "skipped: the file name names no known collection (expected one of \(Self.collectionNames.joined(separator: ", ")), or an @odata.context)", at: origin))
    }

    /// Adds a response (`{"value": [...]}`) or a bare array to a collection.
    mutating func addPage(_ page: Any, to name: String, origin: ImportOrigin) {
        let items: [Any]
        let itemsOrigin: ImportOrigin
        if let response = page as? [String: Any] {
            guard let value = response["value"] as? [Any] else {
                diagnostics.append(ImportDiagnostic(.error, "a Graph response needs a 'value' array", at: origin))
                return
            }
            items = value
            itemsOrigin = origin.appending("value")
        } else if let array = page as? [Any] {
            items = array
            itemsOrigin = origin
        } else {
            diagnostics.append(ImportDiagnostic(.error, "expected a Graph response or an array of objects", at: origin))
            return
        }
        var objects = collections[name] ?? []
        var index = indexByID[name] ?? [:]
        for (position, item) in items.enumerated() {
            guard let fields = item as? [String: Any] else {
                diagnostics.append(ImportDiagnostic(.error, "expected an object in '\(name)'", at: itemsOrigin.appending(position)))
                continue
            }
            let object = GraphObject(fields: fields, origin: itemsOrigin.appending(position))
            if let id = object.id, let existing = index[id] {
                objects[existing] = objects[existing].merged(with: object)
            } else {
                if let id = object.id { index[id] = objects.count }
                objects.append(object)
            }
        }
        collections[name] = objects
        indexByID[name] = index
    }

    /// A file name's sort key: without `.json`, numbers padded, so `users` < `users-2` < `users-10`.
    static func pageOrder(_ name: String) -> String {
        let base = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
        var key = ""
        var digits = ""
        for character in base + " " {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            if !digits.isEmpty {
                key += String(repeating: "0", count: max(0, 12 - digits.count)) + digits
                digits = ""
            }
            key.append(character)
        }
        return key
    }

    /// The collection a file name stands for: the name up to the first `-` or `.`.
    static func collectionName(fromFile path: String) -> String? {
        let base = (path as NSString).lastPathComponent
        let stem = base.split(whereSeparator: { $0 == "-" || $0 == "." }).first.map(String.init) ?? base
        return collectionNames.first { $0.caseInsensitiveCompare(stem) == .orderedSame }
    }

    /// The collection an `@odata.context` such as `...$metadata#roleManagement/directory/roleEligibilitySchedules` names.
    static func collectionName(fromContext context: String?) -> String? {
        guard let context, let hash = context.lastIndex(of: "#") else { return nil }
        var path = String(context[context.index(after: hash)...])
        if let paren = path.firstIndex(of: "(") { path = String(path[..<paren]) }
        let last = path.split(separator: "/").last.map(String.init) ?? path
        let aliases = ["eligibilitySchedules": "privilegedAccessGroupEligibilitySchedules",
                       "assignmentSchedules": "privilegedAccessGroupAssignmentSchedules"]
        if path.contains("privilegedAccess/group"), let alias = aliases[last] { return alias }
        return collectionNames.first { $0 == last }
    }
}
