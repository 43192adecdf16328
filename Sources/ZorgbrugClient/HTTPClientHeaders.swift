/// Response headers: every field in the order received, repeated fields kept, names looked up
/// case-insensitively (RFC 9110 §5.1).
public struct HTTPClientHeaders: Sendable, Sequence {
    /// The fields in the order received, names as the server spelled them.
    public private(set) var fields: [(name: String, value: String)]

    /// Headers from `(name, value)` pairs, in this order.
    public init(_ fields: [(String, String)] = []) {
        self.fields = fields.map { (name: $0.0, value: $0.1) }
    }

    /// The first value of the field `name` (any case); `nil` when absent.
    public subscript(name: String) -> String? {
        let key = name.lowercased()
        return fields.first { $0.name.lowercased() == key }?.value
    }

    /// Every value of the field `name` (any case), in order; empty when absent.
    public func values(for name: String) -> [String] {
        let key = name.lowercased()
        return fields.filter { $0.name.lowercased() == key }.map(\.value)
    }

    /// `true` when the field `name` (any case) is present.
    public func contains(_ name: String) -> Bool { self[name] != nil }

    /// The number of fields, repeated ones counted each time.
    public var count: Int { fields.count }

    /// Appends a field at the end.
    public mutating func append(name: String, value: String) {
        fields.append((name: name, value: value))
    }

    /// Adds `text` to the value of the last field (an obsolete folded continuation line).
    mutating func continueLastValue(with text: String) {
        guard let last = fields.indices.last else { return }
        fields[last].value += " " + text
    }

    /// Removes every field (a new response began, e.g. after a redirect).
    mutating func removeAll() { fields.removeAll() }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }
}
