/// Why a document is not acceptable JSON, with where it went wrong.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem it is. Stable: callers map these to error codes.
    public enum Reason: String, Sendable, Equatable {
        case unexpectedEnd = "unexpected-end"
        case unexpectedCharacter = "unexpected-character"
        case invalidNumber = "invalid-number"
        case invalidString = "invalid-string"
        case invalidUTF8 = "invalid-utf8"
        case duplicateKey = "duplicate-key"
        case tooDeep = "too-deep"
        case trailingData = "trailing-data"
    }

    public let reason: Reason
    /// 1-based line of the problem.
    public let line: Int
    /// 1-based column (in bytes) of the problem.
    public let column: Int
    /// Extra detail, such as the duplicated key.
    public let detail: String?

    public var description: String {
        var text = "\(reason.rawValue) at line \(line), column \(column)"
        if let detail { text += " (\(detail))" }
        return text
    }
}

/// A strict JSON parser (RFC 8259) that keeps member order and number text, rejects duplicate keys (as FHIR's
/// JSON rules do) and refuses documents nested deeper than `maxDepth`.
public struct JSONParser: Sendable {
    /// The default nesting limit (DESIGN.md §4).
    public static let defaultMaxDepth = 64

    private let maxDepth: Int

    public init(maxDepth: Int = JSONParser.defaultMaxDepth) {
        self.maxDepth = maxDepth
    }

    /// Parses one JSON document.
    /// - Throws: `JSONParseError` naming the reason and the position.
    public func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSON {
        let array = Array(bytes)
        return try array.withUnsafeBufferPointer { buffer throws(JSONParseError) -> JSON in
            var state = State(bytes: buffer, maxDepth: maxDepth)
            state.skipWhitespace()
            let value = try state.parseValue(depth: 1)
            state.skipWhitespace()
            if state.index < buffer.count { throw state.error(.trailingData) }
            return value
        }
    }

    /// Parses a JSON document held in a string.
    public func parse(_ string: String) throws(JSONParseError) -> JSON {
        try parse(Array(string.utf8))
    }

    private struct State {
        let bytes: UnsafeBufferPointer<UInt8>
        let maxDepth: Int
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
            self.bytes = bytes
            self.maxDepth = maxDepth
        }

        func error(_ reason: JSONParseError.Reason, at position: Int? = nil, detail: String? = nil) -> JSONParseError {
            let end = min(position ?? index, bytes.count)
            var line = 1
            var lineStart = 0
            var i = 0
            while i < end {
                if bytes[i] == 0x0A {
                    line += 1
                    lineStart = i + 1
                }
                i += 1
            }
            return JSONParseError(reason: reason, line: line, column: end - lineStart + 1, detail: detail)
        }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        mutating func parseValue(depth: Int) throws(JSONParseError) -> JSON {
            guard index < bytes.count else { throw error(.unexpectedEnd) }
            switch bytes[index] {
            case UInt8(ascii: "{"): return .object(try parseObject(depth: depth))
            case UInt8(ascii: "["): return .array(try parseArray(depth: depth))
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
            case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
            case UInt8(ascii: "n"): try expectLiteral("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
            default: throw error(.unexpectedCharacter)
            }
        }

        mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
            let count = literal.utf8CodeUnitCount
            guard index + count <= bytes.count else { throw error(.unexpectedEnd) }
            let start = literal.utf8Start
            for offset in 0..<count where bytes[index + offset] != start[offset] {
                throw error(.unexpectedCharacter, at: index + offset)
            }
            index += count
        }

        mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONObject {
            guard depth <= maxDepth else { throw error(.tooDeep, detail: "more than \(maxDepth) levels") }
            index += 1
            var object = JSONObject()
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return object
            }
            while true {
                skipWhitespace()
                guard index < bytes.count else { throw error(.unexpectedEnd) }
                guard bytes[index] == UInt8(ascii: "\"") else { throw error(.unexpectedCharacter) }
                let keyPosition = index
                let key = try parseString()
                if object.contains(key) { throw error(.duplicateKey, at: keyPosition, detail: key) }
                skipWhitespace()
                guard index < bytes.count else { throw error(.unexpectedEnd) }
                guard bytes[index] == UInt8(ascii: ":") else { throw error(.unexpectedCharacter) }
                index += 1
                skipWhitespace()
                let value = try parseValue(depth: depth + 1)
                object.appendNew(key, value)
                skipWhitespace()
                guard index < bytes.count else { throw error(.unexpectedEnd) }
                switch bytes[index] {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"): index += 1; return object
                default: throw error(.unexpectedCharacter)
                }
            }
        }

        mutating func parseArray(depth: Int) throws(JSONParseError) -> [JSON] {
            guard depth <= maxDepth else { throw error(.tooDeep, detail: "more than \(maxDepth) levels") }
            index += 1
            var elements: [JSON] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return elements
            }
            while true {
                skipWhitespace()
                elements.append(try parseValue(depth: depth + 1))
                skipWhitespace()
                guard index < bytes.count else { throw error(.unexpectedEnd) }
                switch bytes[index] {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "]"): index += 1; return elements
                default: throw error(.unexpectedCharacter)
                }
            }
        }

        mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
            let start = index
            while index < bytes.count {
                let b = bytes[index]
                let isNumberByte = (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2B || b == 0x2E || b == 0x65 || b == 0x45
                guard isNumberByte else { break }
                index += 1
            }
            let literal = Array(bytes[start..<index])
            guard JSONNumber.isValidLiteral(literal) else { throw error(.invalidNumber, at: start) }
            return JSONNumber(validated: String(decoding: literal, as: UTF8.self))
        }

        mutating func parseString() throws(JSONParseError) -> String {
            index += 1  // opening quote
            let start = index
            // Fast path: no escapes.
            while index < bytes.count {
                let b = bytes[index]
                if b == UInt8(ascii: "\"") {
                    let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    index += 1
                    guard let s = String(validating: slice, as: UTF8.self) else {
                        throw error(.invalidUTF8, at: start)
                    }
                    return s
                }
                if b == UInt8(ascii: "\\") { break }
                if b < 0x20 { throw error(.invalidString, detail: "control character in string") }
                index += 1
            }
            var buffer: [UInt8] = Array(bytes[start..<index])
            while index < bytes.count {
                let b = bytes[index]
                switch b {
                case UInt8(ascii: "\""):
                    index += 1
                    guard let s = String(validating: buffer, as: UTF8.self) else {
                        throw error(.invalidUTF8, at: start)
                    }
                    return s
                case UInt8(ascii: "\\"):
                    index += 1
                    guard index < bytes.count else { throw error(.unexpectedEnd) }
                    let e = bytes[index]
                    index += 1
                    switch e {
                    case UInt8(ascii: "\""): buffer.append(0x22)
                    case UInt8(ascii: "\\"): buffer.append(0x5C)
                    case UInt8(ascii: "/"): buffer.append(0x2F)
                    case UInt8(ascii: "b"): buffer.append(0x08)
                    case UInt8(ascii: "f"): buffer.append(0x0C)
                    case UInt8(ascii: "n"): buffer.append(0x0A)
                    case UInt8(ascii: "r"): buffer.append(0x0D)
                    case UInt8(ascii: "t"): buffer.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try parseHex4()
                        if (0xD800...0xDBFF).contains(scalar) {
                            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                                bytes[index + 1] == UInt8(ascii: "u")
                            else { throw error(.invalidString, detail: "unpaired surrogate") }
                            index += 2
                            let low = try parseHex4()
                            guard (0xDC00...0xDFFF).contains(low) else {
                                throw error(.invalidString, detail: "unpaired surrogate")
                            }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else if (0xDC00...0xDFFF).contains(scalar) {
                            throw error(.invalidString, detail: "unpaired surrogate")
                        }
                        guard let unicode = Unicode.Scalar(scalar) else {
                            throw error(.invalidString, detail: "invalid code point")
                        }
                        buffer.append(contentsOf: Array(String(Character(unicode)).utf8))
                    default:
                        throw error(.invalidString, at: index - 1, detail: "invalid escape")
                    }
                default:
                    if b < 0x20 { throw error(.invalidString, detail: "control character in string") }
                    buffer.append(b)
                    index += 1
                }
            }
            throw error(.unexpectedEnd)
        }

        mutating func parseHex4() throws(JSONParseError) -> UInt32 {
            guard index + 4 <= bytes.count else { throw error(.unexpectedEnd) }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[index]
                let digit: UInt32
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - 0x30)
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - 0x61 + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - 0x41 + 10)
                default: throw error(.invalidString, detail: "invalid \\u escape")
                }
                value = value * 16 + digit
                index += 1
            }
            return value
        }
    }
}
