/// One thing wrong with a shipped content file, found by ``ContentValidator``.
///
/// `description` reads `"Questionnaires/phq-9.json: $.item[3].answerOption[1]: …"`, the form
/// `zorgbrug validate-content` prints. Problems are values: two equal problems describe the same defect.
package struct ContentProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file's path relative to the repository root, as given in ``ContentFile/path``.
    package var path: String
    /// Where in the JSON document the problem is, as a JSONPath such as `$.item[2].enableWhen[0].question`.
    /// `$` is the whole document (used for malformed JSON). A path may name a member that is absent, such as
    /// `$.version` when the version is missing.
    package var jsonPath: String
    /// What is wrong and, where it helps, how to fix it; names the FHIR invariant (`que-4`) when one applies.
    package var message: String

    /// A problem at `jsonPath` in the file at `path`.
    package init(path: String, jsonPath: String, message: String) {
        self.path = path
        self.jsonPath = jsonPath
        self.message = message
    }

    /// The problem as one line: `"<path>: <jsonPath>: <message>"`.
    package var description: String { "\(path): \(jsonPath): \(message)" }
}
