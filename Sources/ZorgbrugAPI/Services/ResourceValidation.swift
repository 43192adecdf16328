import FHIR
import ZorgbrugCore

/// Structural validation of incoming resources, reported as one `resource-invalid` error listing every problem.
package enum ResourceValidation {
    /// Throws `resource-invalid` when `resource` is not a structurally valid R4 `type`.
    package static func validate(_ resource: JSONObject, type: String) throws {
        let problems = FHIRValidator.validate(resource).filter { $0.severity == .error }
        guard let first = problems.first else { return }
        let details = problems.dropFirst().map { issue in
            ZorgbrugError(.resourceInvalid, expression: [issue.expression], arguments: ["problem": issue.message])
        }
        throw ZorgbrugError(
            .resourceInvalid, expression: [first.expression],
            arguments: ["problem": first.message + (problems.count > 1 ? " (and \(problems.count - 1) more)" : "")],
            details: Array(details))
    }
}
