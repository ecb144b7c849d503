import Foundation

/// Reading JSON back through Foundation's `JSONDecoder`, with failures that name the member at
/// fault (`'options.seed' should be a whole number`).
///
/// Numbers come back exactly: a `Double` member reads the very bits that `JSONValue` wrote in
/// shortest round-trip form, an integer member the exact integer. Foundation is lenient where
/// the JSON grammar is strict in two ways only: a trailing comma in a list or object is accepted,
/// and of a key given twice in one object the first occurrence is kept.
public enum JSONReading {
    /// Why a text could not be read.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        /// What is wrong, naming the member when one is at fault.
        public let description: String

        /// Creates a failure with its message.
        public init(_ description: String) {
            self.description = description
        }
    }

    /// Decodes `type` from JSON text. A `Failure` thrown while decoding passes as it is; any other
    /// error becomes a `Failure` that says what is wrong and where.
    public static func decode<T: Decodable>(_ type: T.Type, from text: String) throws(Failure) -> T {
        let data = Data(text.utf8)
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let failure as Failure {
            throw failure
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            // JSONDecoder does not say where the text goes wrong; JSONSerialization does.
            throw Failure("not valid JSON" + (syntaxError(in: data).map { ": " + $0 } ?? ""))
        } catch let error as DecodingError {
            throw Failure(message(error))
        } catch {
            throw Failure("not valid JSON: \(error)")
        }
    }

    /// A coding path as the messages spell it: `units[2].metrics`.
    public static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    /// Foundation's description of a syntax error in `data` (`Invalid value around character 5.`),
    /// or nil when JSONSerialization reads it.
    static func syntaxError(in data: Data) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            return (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
        }
    }

    /// A decoding error in words.
    static func message(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context):
            let underlying = context.underlyingError.map { " (\($0.localizedDescription))" } ?? ""
            return context.codingPath.isEmpty
                ? "not valid JSON\(underlying)"
                : "'\(path(context.codingPath))': \(context.debugDescription)\(underlying)"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let place = context.codingPath.isEmpty ? "the document" : "'\(path(context.codingPath))'"
            return "\(place) should be \(noun(type))"
        case .keyNotFound(let key, let context):
            return "'\(path(context.codingPath + [key]))' is missing"
        @unknown default:
            return "not valid JSON: \(error.localizedDescription)"
        }
    }

    /// `a whole number`, `a string`, ... for the type a member should have had.
    static func noun(_ type: Any.Type) -> String {
        switch type {
        case is Bool.Type: return "true or false"
        case is any BinaryInteger.Type: return "a whole number"
        case is any BinaryFloatingPoint.Type: return "a number"
        case is String.Type: return "a string"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "a \(name)"
        }
    }
}

extension KeyedDecodingContainer {
    /// The member `key` decoded as `type`, or a `JSONReading.Failure` saying that it should be
    /// `what` (such as `a whole number`) when it is missing, null or of another kind.
    public func member<T: Decodable>(_ type: T.Type, _ key: Key, _ what: String) throws -> T {
        do {
            return try decode(type, forKey: key)
        } catch let failure as JSONReading.Failure {
            throw failure
        } catch {
            throw JSONReading.Failure("'\(JSONReading.path(codingPath + [key]))' should be \(what)")
        }
    }

    /// The member `key` as `type`, nil when it is missing or null; else as `member(_:_:_:)`.
    public func optionalMember<T: Decodable>(_ type: T.Type, _ key: Key, _ what: String) throws -> T? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try member(type, key, what)
    }

    /// The member `key` as an object whose members are read with `keys`.
    public func object<Nested: CodingKey>(_ keys: Nested.Type, _ key: Key) throws -> KeyedDecodingContainer<Nested> {
        do {
            return try nestedContainer(keyedBy: keys, forKey: key)
        } catch {
            throw JSONReading.Failure("'\(JSONReading.path(codingPath + [key]))' should be an object")
        }
    }

    /// The member `key` as a list of objects, each read with `keys`.
    public func objects<Nested: CodingKey>(_ keys: Nested.Type, _ key: Key) throws -> [KeyedDecodingContainer<Nested>] {
        let failure = JSONReading.Failure("'\(JSONReading.path(codingPath + [key]))' should be a list of objects")
        var list: any UnkeyedDecodingContainer
        do { list = try nestedUnkeyedContainer(forKey: key) } catch { throw failure }
        var objects: [KeyedDecodingContainer<Nested>] = []
        while !list.isAtEnd {
            do { objects.append(try list.nestedContainer(keyedBy: keys)) } catch { throw failure }
        }
        return objects
    }
}
