import FHIR

/// The ActivityDefinitions of one module, by `url` and by `url|version`, so actions can be resolved.
struct ContentActivityIndex {
    private var byURL: [String: String] = [:]
    private var byKey: [String: String] = [:]

    /// Adds a definition; reports a second definition with the same url|version.
    mutating func add(_ definition: JSONObject, at path: String, into report: inout ContentReport) {
        guard let url = ContentJSON.nonEmptyString(definition["url"]) else { return }
        if let key = ContentCatalog.key(definition) {
            if let first = byKey[key] {
                report.add("\(path).url", "ActivityDefinition '\(key)' is defined twice (first at \(first))")
                return
            }
            byKey[key] = path
        }
        if byURL[url] == nil { byURL[url] = path }
    }

    /// Whether `canonical` (`url` or `url|version`) names a definition here.
    func resolves(_ canonical: String) -> Bool {
        canonical.contains("|") ? byKey[canonical] != nil : byURL[canonical] != nil
    }
}
