import HTTPServer
import ZorgbrugCore

/// Weak ETags carrying the version id (`W/"3"`), as FHIR uses them (https://hl7.org/fhir/R4/http.html#concurrency).
package enum ETag {
    /// The version in an ETag value: `W/"3"`, `"3"` or `3`; `nil` when it is not one.
    package static func version(_ value: String) -> Int? {
        var text = Substring(value.trimmingCharacters(in: " \t"))
        if text.hasPrefix("W/") { text = text.dropFirst(2) }
        if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = text.dropFirst().dropLast() }
        guard let version = Int(text), version > 0 else { return nil }
        return version
    }

    /// The version in `If-Match`: 428 when missing, 400 when not a version.
    package static func requireIfMatch(_ request: HTTPRequest) throws -> Int {
        guard let value = request.headers["If-Match"] else {
            throw ZorgbrugError(.ifMatchRequired, arguments: ["version": "1"])
        }
        guard let version = version(value) else {
            throw ZorgbrugError(.ifMatchInvalid, arguments: ["value": value])
        }
        return version
    }
}
