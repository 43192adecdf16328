/// A JSON value that keeps everything FHIR needs for lossless round trips: the order of object members and
/// the exact text of numbers (`1.50` stays `1.50`, as FHIR requires of decimals).
///
/// Equality is semantic for objects (member order does not matter) and textual for numbers (`1.5` and `1.50`
/// differ, because in FHIR they carry different precision).
public enum JSON: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSON])
    case object(JSONObject)
}

extension JSON {
    /// The string, when this is a JSON string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The boolean, when this is a JSON boolean.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The number, when this is a JSON number.
    public var numberValue: JSONNumber? {
        if case .number(let n) = self { return n }
        return nil
    }

    /// The elements, when this is a JSON array.
    public var arrayValue: [JSON]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The object, when this is a JSON object.
    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// `true` for `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The member `key` when this is an object; `nil` otherwise or when absent.
    public subscript(key: String) -> JSON? {
        objectValue?[key]
    }

    /// A short name of the JSON type, for error messages ("object", "string", …).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    public init(arrayLiteral elements: JSON...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSON)...) {
        self = .object(JSONObject(elements))
    }
    public init(nilLiteral: ()) { self = .null }
}

/// A JSON number kept as its exact text, so that no digit is lost or added on a round trip.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number as it appeared in the document (or as produced by an initializer), e.g. `"1.50"`, `"-3e2"`.
    public let text: String

    /// A number from text; `nil` unless `text` is a valid JSON number literal.
    public init?(text: String) {
        guard JSONNumber.isValidLiteral(Array(text.utf8)) else { return nil }
        self.text = text
    }

    /// Trusted initializer for text already validated by the parser.
    init(validated text: String) {
        self.text = text
    }

    /// An integer number.
    public init(_ value: Int) {
        self.text = String(value)
    }

    /// A number from a `Double`, written in the shortest form that reads back to the same value.
    /// Non-finite values cannot be written as JSON and become `0`.
    public init(_ value: Double) {
        guard value.isFinite else {
            self.text = "0"
            return
        }
        if value == value.rounded(), abs(value) < 1e15 {
            self.text = String(Int64(value))
        } else {
            self.text = "\(value)"
        }
    }

    /// The value as `Double` (always succeeds for valid literals, possibly rounding).
    public var double: Double? { Double(text) }

    /// The value as `Int` when it is an integer literal without fraction or exponent that fits.
    public var int: Int? { Int(text) }

    /// `true` when the literal has no fraction and no exponent.
    public var isIntegerLiteral: Bool {
        !text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") })
    }

    public var description: String { text }

    static func isValidLiteral(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count
        func digit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        if i < n, bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < n else { return false }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
        } else if digit(bytes[i]) {
            while i < n, digit(bytes[i]) { i += 1 }
        } else {
            return false
        }
        if i < n, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < n, digit(bytes[i]) else { return false }
            while i < n, digit(bytes[i]) { i += 1 }
        }
        if i < n, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < n, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < n, digit(bytes[i]) else { return false }
            while i < n, digit(bytes[i]) { i += 1 }
        }
        return i == n
    }
}
