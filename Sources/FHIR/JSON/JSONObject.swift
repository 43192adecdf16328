/// A JSON object that remembers the order of its members.
///
/// Setting a member to `nil` removes it; setting a new member appends it at the end. Two objects are equal
/// when they have the same members with equal values, in any order.
public struct JSONObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    private var order: [String] = []
    private var members: [String: JSON] = [:]

    /// An empty object.
    public init() {}

    /// An object with these members, in this order. A repeated key keeps its last value at its first place.
    public init<S: Sequence>(_ pairs: S) where S.Element == (String, JSON) {
        for (key, value) in pairs { self[key] = value }
    }

    public init(dictionaryLiteral elements: (String, JSON)...) {
        self.init(elements)
    }

    /// The member names, in document order.
    public var keys: [String] { order }

    /// The number of members.
    public var count: Int { order.count }

    /// `true` when the object has no members.
    public var isEmpty: Bool { order.isEmpty }

    /// The member named `key`; assigning `nil` removes it.
    public subscript(key: String) -> JSON? {
        get { members[key] }
        set {
            if let newValue {
                if members.updateValue(newValue, forKey: key) == nil { order.append(key) }
            } else if members.removeValue(forKey: key) != nil {
                order.removeAll { $0 == key }
            }
        }
    }

    /// `true` when a member named `key` exists.
    public func contains(_ key: String) -> Bool { members[key] != nil }

    /// Adds a member the caller knows to be new (used by the parser, which rejects duplicates itself).
    mutating func appendNew(_ key: String, _ value: JSON) {
        order.append(key)
        members[key] = value
    }

    public func makeIterator() -> AnyIterator<(key: String, value: JSON)> {
        var index = 0
        let order = self.order
        let members = self.members
        return AnyIterator {
            guard index < order.count else { return nil }
            defer { index += 1 }
            let key = order[index]
            return (key, members[key]!)
        }
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members == rhs.members
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(members)
    }
}
