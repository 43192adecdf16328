/// `JSON` works with Swift's coders (`JSONEncoder`, `JSONDecoder`, property lists, …).
///
/// This is a convenience for code that already uses `Codable`. It is **not lossless**: Foundation's
/// `JSONDecoder` reads numbers as `Double` (so `1.50` becomes `1.5` and long decimals lose digits) and does not
/// keep member order. The lossless path is ``JSONParser`` to read and ``JSON/serialized(pretty:)`` to write.
extension JSON: Codable {
    private struct MemberKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { return nil }
    }

    /// Decodes any JSON value; numbers become their shortest decimal text.
    public init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: MemberKey.self) {
            var object = JSONObject()
            for key in keyed.allKeys {
                object[key.stringValue] = try keyed.decode(JSON.self, forKey: key)
            }
            self = .object(object)
            return
        }
        if var unkeyed = try? decoder.unkeyedContainer() {
            var elements: [JSON] = []
            while !unkeyed.isAtEnd {
                elements.append(try unkeyed.decode(JSON.self))
            }
            self = .array(elements)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let bool = try? single.decode(Bool.self) {
            self = .bool(bool)
        } else if let int = try? single.decode(Int.self) {
            self = .number(JSONNumber(int))
        } else if let double = try? single.decode(Double.self) {
            self = .number(JSONNumber(double))
        } else {
            self = .string(try single.decode(String.self))
        }
    }

    /// Encodes the value; numbers are written as `Int` when they are integer literals, otherwise as `Double`.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .bool(let bool):
            var single = encoder.singleValueContainer()
            try single.encode(bool)
        case .number(let number):
            var single = encoder.singleValueContainer()
            if number.isIntegerLiteral, let int = number.int {
                try single.encode(int)
            } else {
                try single.encode(number.double ?? 0)
            }
        case .string(let string):
            var single = encoder.singleValueContainer()
            try single.encode(string)
        case .array(let elements):
            var unkeyed = encoder.unkeyedContainer()
            for element in elements { try unkeyed.encode(element) }
        case .object(let object):
            var keyed = encoder.container(keyedBy: MemberKey.self)
            for (key, value) in object {
                try keyed.encode(value, forKey: MemberKey(stringValue: key))
            }
        }
    }
}
