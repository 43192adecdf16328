import FHIR
import HTTPServer
import ZorgbrugCore

/// Reads a FHIR resource from a request body: checks the content type, parses strictly (depth limit, no
/// duplicate keys), and checks `resourceType`.
package enum RequestBody {
    /// Media types accepted for FHIR JSON bodies (parameters such as `charset` and `fhirVersion` are allowed).
    static let acceptedTypes: Set<String> = ["application/fhir+json", "application/json", "application/json+fhir"]

    /// The resource in the body, which must be a `expectedType` when given.
    package static func resource(from request: HTTPRequest, expectedType: String?, maxDepth: Int) throws -> JSONObject {
        try requireContentType(request, accepted: acceptedTypes, expected: "application/fhir+json")
        guard !request.body.isEmpty else { throw ZorgbrugError(.bodyMissing) }
        let json = try parse(request.body, maxDepth: maxDepth)
        guard case .object(let object) = json else {
            throw ZorgbrugError(.resourceInvalid, arguments: ["problem": "the body must be a JSON object"])
        }
        guard let type = object["resourceType"]?.stringValue else {
            throw ZorgbrugError(
                .resourceInvalid, expression: ["resourceType"],
                arguments: ["problem": "resourceType is missing"])
        }
        if let expectedType, type != expectedType {
            throw ZorgbrugError(.resourceTypeMismatch, expression: ["resourceType"], arguments: ["actual": type, "expected": expectedType])
        }
        return object
    }

    /// Parses JSON, turning parser errors into catalog errors.
    package static func parse(_ bytes: [UInt8], maxDepth: Int) throws -> JSON {
        do {
            return try JSONParser(maxDepth: maxDepth).parse(bytes)
        } catch {
            if error.reason == .tooDeep {
                throw ZorgbrugError(.jsonTooDeep, arguments: ["limit": String(maxDepth)])
            }
            throw ZorgbrugError(
                .jsonInvalid,
                arguments: ["reason": error.reason.rawValue + (error.detail.map { " '\($0)'" } ?? ""),
                            "line": String(error.line), "column": String(error.column)])
        }
    }

    /// Throws `content-type-unsupported` unless the request's media type is one of `accepted`.
    package static func requireContentType(_ request: HTTPRequest, accepted: Set<String>, expected: String) throws {
        let raw = request.headers["Content-Type"] ?? ""
        let mediaType = raw.split(separator: ";").first.map { $0.trimmingCharacters(in: " \t").lowercased() } ?? ""
        guard accepted.contains(mediaType) else {
            throw ZorgbrugError(.contentTypeUnsupported, arguments: ["contentType": raw, "expected": expected])
        }
    }
}
