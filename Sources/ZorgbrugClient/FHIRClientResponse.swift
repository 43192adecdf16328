import FHIR

/// A response from a FHIR server, with its JSON body parsed and the version headers at hand.
public struct FHIRClientResponse: Sendable {
    /// The HTTP status code.
    public let status: Int
    /// The response headers, case-insensitive lookup.
    public let headers: HTTPClientHeaders
    /// The raw body bytes.
    public let body: [UInt8]
    /// The body parsed as JSON (a resource, a Bundle, an OperationOutcome, a token response); `nil` when the body
    /// is empty or not JSON (see ``text`` then).
    public let json: JSON?

    /// A FHIR response from an HTTP response, parsing the body with the FHIR target's strict ``JSONParser``.
    public init(_ response: HTTPClientResponse) {
        status = response.status
        headers = response.headers
        body = response.body
        json = response.body.isEmpty ? nil : try? JSONParser().parse(response.body)
    }

    /// The body as a JSON object, when it is one.
    public var resource: JSONObject? { json?.objectValue }

    /// The `ETag` header as sent, e.g. `W/"3"`.
    public var etag: String? { headers["ETag"] }

    /// The version id inside the ``etag`` (`W/"3"` → `"3"`); `nil` without an ETag.
    public var versionId: String? {
        guard var tag = etag else { return nil }
        if tag.hasPrefix("W/") { tag.removeFirst(2) }
        if tag.count >= 2, tag.hasPrefix("\""), tag.hasSuffix("\"") { tag = String(tag.dropFirst().dropLast()) }
        return tag
    }

    /// The `Location` header (on create: `…/Type/id/_history/version`).
    public var location: String? { headers["Location"] }

    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// `true` for a 2xx status.
    public var isSuccess: Bool { (200..<300).contains(status) }
}
