/// Typed member access used by the resource and datatype views. Getters return `nil` (or `[]`) for a member
/// that is absent or of the wrong shape; setters remove the member for `nil` or an empty array, as FHIR JSON
/// allows no empty values. Primitive extensions (`_name`) are never touched.
extension JSONObject {
    func string(_ key: String) -> String? {
        self[key]?.stringValue
    }

    mutating func setString(_ key: String, _ value: String?) {
        self[key] = value.map(JSON.string)
    }

    func bool(_ key: String) -> Bool? {
        self[key]?.boolValue
    }

    mutating func setBool(_ key: String, _ value: Bool?) {
        self[key] = value.map(JSON.bool)
    }

    func int(_ key: String) -> Int? {
        self[key]?.numberValue?.int
    }

    mutating func setInt(_ key: String, _ value: Int?) {
        self[key] = value.map { .number(JSONNumber($0)) }
    }

    func strings(_ key: String) -> [String] {
        self[key]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    mutating func setStrings(_ key: String, _ values: [String]) {
        self[key] = values.isEmpty ? nil : .array(values.map(JSON.string))
    }

    func element<E: FHIRElement>(_ key: String, as type: E.Type = E.self) -> E? {
        guard let value = self[key] else { return nil }
        return try? E(json: value)
    }

    mutating func setElement<E: FHIRElement>(_ key: String, _ value: E?) {
        self[key] = value?.json
    }

    func elements<E: FHIRElement>(_ key: String, as type: E.Type = E.self) -> [E] {
        guard let array = self[key]?.arrayValue else { return [] }
        return array.compactMap { try? E(json: $0) }
    }

    mutating func setElements<E: FHIRElement>(_ key: String, _ values: [E]) {
        self[key] = values.isEmpty ? nil : .array(values.map(\.json))
    }

    func code<C: RawRepresentable<String>>(_ key: String, as type: C.Type = C.self) -> C? {
        string(key).flatMap(C.init(rawValue:))
    }

    mutating func setCode<C: RawRepresentable<String>>(_ key: String, _ value: C?) {
        setString(key, value?.rawValue)
    }

    func objects(_ key: String) -> [JSONObject] {
        self[key]?.arrayValue?.compactMap(\.objectValue) ?? []
    }

    mutating func setObjects(_ key: String, _ values: [JSONObject]) {
        self[key] = values.isEmpty ? nil : .array(values.map(JSON.object))
    }
}
