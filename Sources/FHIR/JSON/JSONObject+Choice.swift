/// Access to choice elements (`value[x]`): one member whose name is the prefix plus a type name.
extension JSONObject {
    /// The first member named `prefix` + an upper-case type name, as (type name, value): `("Coding", {…})`.
    func choice(_ prefix: String) -> (type: String, json: JSON)? {
        for (key, value) in self where key.hasPrefix(prefix) {
            let type = key.dropFirst(prefix.count)
            if let first = type.unicodeScalars.first, first.properties.isUppercase {
                return (String(type), value)
            }
        }
        return nil
    }

    /// Replaces any `prefix[x]` member by `prefix` + `type`, or removes it for `nil`.
    mutating func setChoice(_ prefix: String, _ value: (type: String, json: JSON)?) {
        while let existing = choice(prefix) {
            self[prefix + existing.type] = nil
        }
        if let value { self[prefix + value.type] = value.json }
    }
}
