import FHIR

/// Validates Zorgbrug's declarative content: the Questionnaires in `Questionnaires/` and the care modules in
/// `Modules/` (DESIGN.md §7, §8), as run at start-up and by `zorgbrug validate-content`.
///
/// The validator is pure: the caller reads the files and passes their relative paths and bytes. It reports
/// every problem it finds (it never stops at the first), each with its file and JSON path; an empty result
/// means the content is fit to load. The checks are listed in docs/CONTENT.md.
package struct ContentValidator: Sendable {
    /// A validator; it holds no state, so one can be reused.
    package init() {}

    /// Checks every questionnaire and module file, and the references between them.
    ///
    /// - Parameters:
    ///   - questionnaires: the files of `Questionnaires/`, each holding one FHIR R4 Questionnaire.
    ///   - modules: the files of `Modules/`, each holding one Bundle (type `collection`) with one PlanDefinition.
    /// - Returns: all problems, in file order (questionnaires first) and document order within a file; empty
    ///   when everything is valid.
    package func validate(questionnaires: [ContentFile], modules: [ContentFile]) -> [ContentProblem] {
        var problems: [ContentProblem] = []
        var catalog = ContentCatalog()
        for file in questionnaires {
            var report = ContentReport(path: file.path)
            if let resource = Self.parse(file, into: &report) {
                if resource["resourceType"]?.stringValue == "Questionnaire" {
                    ContentQuestionnaireCheck.check(resource, at: "$", into: &report)
                    catalog.register(resource, file: file.path, at: "$", into: &report)
                } else {
                    let found = resource["resourceType"]?.serializedString() ?? "missing"
                    report.add(
                        "$.resourceType",
                        "not a Questionnaire (resourceType is \(found)); Questionnaires/ holds only Questionnaire resources")
                }
            }
            problems += report.problems
        }
        for file in modules {
            var report = ContentReport(path: file.path)
            if let resource = Self.parse(file, into: &report) {
                ContentModuleCheck.check(resource, catalog: catalog, into: &report)
            }
            problems += report.problems
        }
        return problems
    }

    /// The document's top-level object, or `nil` after reporting why there is none.
    static func parse(_ file: ContentFile, into report: inout ContentReport) -> JSONObject? {
        let json: JSON
        do throws(JSONParseError) {
            json = try JSONParser().parse(file.bytes)
        } catch {
            report.add("$", "malformed JSON: \(error.description)")
            return nil
        }
        guard let object = json.objectValue else {
            report.add("$", "expected a JSON object holding a FHIR resource, found \(json.typeName)")
            return nil
        }
        return object
    }
}
