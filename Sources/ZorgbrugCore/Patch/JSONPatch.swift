import FHIR

/// A JSON Patch document (RFC 6902): a list of operations applied in order, all or nothing.
///
/// FHIR accepts JSON Patch on PATCH (https://hl7.org/fhir/R4/http.html#patch); Zorgbrug uses it on Task, as MedMij
/// Aanbiedertaken asks of a source system. The patched resource then goes through the same validation as a PUT.
package struct JSONPatch: Sendable, Hashable {
    /// One operation.
    package enum Operation: Sendable, Hashable {
        case add(path: [String], value: JSON)
        case remove(path: [String])
        case replace(path: [String], value: JSON)
        case move(from: [String], path: [String])
        case copy(from: [String], path: [String])
        case test(path: [String], value: JSON)
    }

    package let operations: [Operation]

    /// Reads a patch document; `resource-invalid` naming the operation when it is malformed.
    package init(json: JSON) throws {
        guard case .array(let elements) = json else {
            throw Self.invalid("a JSON Patch document is an array of operations", index: nil)
        }
        var operations: [Operation] = []
        for (index, element) in elements.enumerated() {
            guard case .object(let object) = element, let op = object["op"]?.stringValue,
                let pathText = object["path"]?.stringValue
            else { throw Self.invalid("each operation needs 'op' and 'path'", index: index) }
            let path = try Self.pointer(pathText, index: index)
            func value() throws -> JSON {
                guard let value = object["value"] else { throw Self.invalid("'\(op)' needs a 'value'", index: index) }
                return value
            }
            func from() throws -> [String] {
                guard let text = object["from"]?.stringValue else { throw Self.invalid("'\(op)' needs 'from'", index: index) }
                return try Self.pointer(text, index: index)
            }
            switch op {
            case "add": operations.append(.add(path: path, value: try value()))
            case "remove": operations.append(.remove(path: path))
            case "replace": operations.append(.replace(path: path, value: try value()))
            case "move": operations.append(.move(from: try from(), path: path))
            case "copy": operations.append(.copy(from: try from(), path: path))
            case "test": operations.append(.test(path: path, value: try value()))
            default: throw Self.invalid("unknown op '\(op)'", index: index)
            }
        }
        self.operations = operations
    }

    /// Applies every operation to `document`; throws (and changes nothing) when one fails.
    package func apply(to document: JSON) throws -> JSON {
        var result = document
        for (index, operation) in operations.enumerated() {
            switch operation {
            case .add(let path, let value): result = try Self.add(value, at: path, in: result, index: index)
            case .remove(let path): result = try Self.remove(at: path, in: result, index: index).0
            case .replace(let path, let value):
                result = try Self.replace(value, at: path, in: result, index: index)
            case .move(let from, let path):
                let (without, value) = try Self.remove(at: from, in: result, index: index)
                result = try Self.add(value, at: path, in: without, index: index)
            case .copy(let from, let path):
                result = try Self.add(try Self.get(from, in: result, index: index), at: path, in: result, index: index)
            case .test(let path, let value):
                guard try Self.get(path, in: result, index: index) == value else {
                    throw Self.invalid("test failed at /\(path.joined(separator: "/"))", index: index)
                }
            }
        }
        return result
    }

    static func invalid(_ problem: String, index: Int?) -> ZorgbrugError {
        ZorgbrugError(.resourceInvalid, expression: index.map { ["Patch[\($0)]"] } ?? [], arguments: ["problem": "JSON Patch: " + problem])
    }

    static func pointer(_ text: String, index: Int) throws -> [String] {
        if text.isEmpty { return [] }
        guard text.hasPrefix("/") else { throw invalid("a path is a JSON Pointer starting with '/'", index: index) }
        return text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    static func get(_ path: [String], in document: JSON, index: Int) throws -> JSON {
        var current = document
        for token in path {
            switch current {
            case .object(let object):
                guard let next = object[token] else { throw invalid("no member at /\(path.joined(separator: "/"))", index: index) }
                current = next
            case .array(let array):
                guard let i = arrayIndex(token), array.indices.contains(i) else {
                    throw invalid("no element at /\(path.joined(separator: "/"))", index: index)
                }
                current = array[i]
            default:
                throw invalid("cannot descend into a value at /\(path.joined(separator: "/"))", index: index)
            }
        }
        return current
    }

    /// An RFC 6901 array index: `0` or digits without a leading zero or sign.
    static func arrayIndex(_ token: String) -> Int? {
        guard !token.isEmpty, token.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), token == "0" || !token.hasPrefix("0") else {
            return nil
        }
        return Int(token)
    }

    /// Replaces an existing value in place (an object member keeps its position; `""` replaces the document).
    static func replace(_ value: JSON, at path: [String], in document: JSON, index: Int) throws -> JSON {
        guard let token = path.first else { return value }
        let rest = Array(path.dropFirst())
        switch document {
        case .object(var object):
            guard let child = object[token] else { throw invalid("no member at /\(token)", index: index) }
            object[token] = try replace(value, at: rest, in: child, index: index)
            return .object(object)
        case .array(var array):
            guard let i = arrayIndex(token), array.indices.contains(i) else { throw invalid("index \(token) out of range", index: index) }
            array[i] = try replace(value, at: rest, in: array[i], index: index)
            return .array(array)
        default:
            throw invalid("cannot replace inside a value", index: index)
        }
    }

    static func add(_ value: JSON, at path: [String], in document: JSON, index: Int) throws -> JSON {
        guard let token = path.first else { return value }
        let rest = Array(path.dropFirst())
        switch document {
        case .object(var object):
            if rest.isEmpty {
                object[token] = value
            } else {
                guard let child = object[token] else { throw invalid("no member at /\(token)", index: index) }
                object[token] = try add(value, at: rest, in: child, index: index)
            }
            return .object(object)
        case .array(var array):
            if rest.isEmpty {
                if token == "-" { array.append(value); return .array(array) }
                guard let i = arrayIndex(token), i <= array.count else { throw invalid("index \(token) out of range", index: index) }
                array.insert(value, at: i)
            } else {
                guard let i = arrayIndex(token), array.indices.contains(i) else { throw invalid("index \(token) out of range", index: index) }
                array[i] = try add(value, at: rest, in: array[i], index: index)
            }
            return .array(array)
        default:
            throw invalid("cannot add inside a value", index: index)
        }
    }

    static func remove(at path: [String], in document: JSON, index: Int) throws -> (JSON, JSON) {
        guard let token = path.first else { throw invalid("cannot remove the whole document", index: index) }
        let rest = Array(path.dropFirst())
        switch document {
        case .object(var object):
            guard let child = object[token] else { throw invalid("no member at /\(token)", index: index) }
            if rest.isEmpty {
                object[token] = nil
                return (.object(object), child)
            }
            let (newChild, removed) = try remove(at: rest, in: child, index: index)
            object[token] = newChild
            return (.object(object), removed)
        case .array(var array):
            guard let i = arrayIndex(token), array.indices.contains(i) else { throw invalid("index \(token) out of range", index: index) }
            if rest.isEmpty {
                let removed = array.remove(at: i)
                return (.array(array), removed)
            }
            let (newChild, removed) = try remove(at: rest, in: array[i], index: index)
            array[i] = newChild
            return (.array(array), removed)
        default:
            throw invalid("cannot remove inside a value", index: index)
        }
    }
}
