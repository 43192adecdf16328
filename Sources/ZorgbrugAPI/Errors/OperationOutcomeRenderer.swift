import FHIR
import HTTPServer
import ZorgbrugCore

/// The single place where a `ZorgbrugError` becomes an HTTP response with an OperationOutcome body
/// (https://hl7.org/fhir/R4/operationoutcome.html).
///
/// `issue.code` is the catalog's IssueType, `issue.details.coding` the catalog code, `issue.details.text` the
/// message in the caller's language, `issue.expression` the offending elements. Further `details` become further
/// issues. A 500 carries only the request id.
package enum OperationOutcomeRenderer {
    /// The response for `error`.
    package static func response(for error: ZorgbrugError, language: Language, requestID: String) -> HTTPResponse {
        var error = error
        if error.code == .internalError {
            error = ZorgbrugError(.internalError, arguments: ["requestId": requestID])
        }
        let status = StatusMapping.status(for: error.code)
        let outcome = outcome(for: error, language: language)
        var headers = HTTPHeaders()
        headers.set(name: "Content-Type", value: FHIRMediaType.json)
        if error.code == .tooManyRequests, let retry = error.arguments["retryAfter"] {
            headers.set(name: "Retry-After", value: retry)
        }
        if error.code == .authenticationRequired || error.code == .tokenInvalid || error.code == .tokenExpired {
            headers.set(name: "WWW-Authenticate", value: "Bearer realm=\"zorgbrug\", error=\"invalid_token\"")
        }
        return HTTPResponse(status: status, headers: headers, body: JSON.object(outcome).serialized())
    }

    /// The OperationOutcome resource for `error`.
    package static func outcome(for error: ZorgbrugError, language: Language) -> JSONObject {
        OperationOutcome(issues: ([error] + error.details).map { issue(for: $0, language: language) }).json
    }

    /// The FHIR IssueType of a catalog code; `exception` should the catalog ever hold a code outside the value set
    /// (a test checks that none does).
    package static func issueType(for code: ErrorCode) -> OperationOutcome.IssueType {
        OperationOutcome.IssueType(rawValue: ErrorCatalog.entry(for: code).issueType) ?? .exception
    }

    private static func issue(for error: ZorgbrugError, language: Language) -> OperationOutcome.Issue {
        OperationOutcome.Issue(
            code: issueType(for: error.code), catalogCode: error.code.rawValue,
            display: ErrorCatalog.entry(for: error.code).display,
            text: ErrorCatalog.message(for: error, language: language), expression: error.expression)
    }
}

/// FHIR media types.
package enum FHIRMediaType {
    /// The FHIR JSON content type Zorgbrug answers with.
    package static let json = "application/fhir+json; charset=utf-8"
}
