import FHIR

/// The Questionnaires of `Questionnaires/`, by `url|version`, so that duplicates are found and modules can
/// refer to them.
struct ContentCatalog {
    private(set) var questionnaires: [String: (file: String, resource: JSONObject)] = [:]

    /// The `url|version` of a canonical resource, or `nil` when either is missing.
    static func key(_ resource: JSONObject) -> String? {
        guard let url = ContentJSON.nonEmptyString(resource["url"]),
            let version = ContentJSON.nonEmptyString(resource["version"])
        else { return nil }
        return "\(url)|\(version)"
    }

    /// Adds a questionnaire from `Questionnaires/`; reports it when another file already defines its url|version.
    mutating func register(_ questionnaire: JSONObject, file: String, at root: String, into report: inout ContentReport) {
        guard let key = Self.key(questionnaire) else { return }
        if let first = questionnaires[key] {
            report.add("\(root).url", "url|version '\(key)' is also defined by \(first.file); each version must live in one file")
        } else {
            questionnaires[key] = (file, questionnaire)
        }
    }

    /// Whether a questionnaire with this exact `url|version` exists in `Questionnaires/`.
    func contains(_ key: String) -> Bool { questionnaires[key] != nil }

    /// The questionnaire registered under `key`.
    func questionnaire(_ key: String) -> (file: String, resource: JSONObject)? { questionnaires[key] }
}
