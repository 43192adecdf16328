import FHIR

/// Small readers over `JSON` used by the content checks (named apart so they cannot clash with helpers
/// elsewhere in ZorgbrugCore).
enum ContentJSON {
    /// The string when `value` is a non-empty string.
    static func nonEmptyString(_ value: JSON?) -> String? {
        guard let text = value?.stringValue, !text.isEmpty else { return nil }
        return text
    }

    /// The members of `object` whose names start with `prefix` and continue with an upper-case letter
    /// (the choice-type members `value[x]`, `answer[x]`).
    static func choiceKeys(_ object: JSONObject, prefix: String) -> [String] {
        object.keys.filter { key in
            guard key.hasPrefix(prefix), key.count > prefix.count else { return false }
            let next = key[key.index(key.startIndex, offsetBy: prefix.count)]
            return next.isUppercase
        }
    }

    /// The elements of `value` when it is an array; a missing member counts as empty.
    static func elements(_ value: JSON?) -> [JSON] {
        value?.arrayValue ?? []
    }

    /// A numeric value of `value` for ordering: a JSON number, or a Quantity's `value`.
    static func number(_ value: JSON) -> Double? {
        if let n = value.numberValue { return n.double }
        if let n = value["value"]?.numberValue { return n.double }
        return nil
    }
}
