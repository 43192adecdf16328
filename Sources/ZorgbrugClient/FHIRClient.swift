import FHIR

/// A typed client for a FHIR R4 REST server such as Zorgbrug's `/fhir`.
///
/// Every request carries `Accept: application/fhir+json`, `Accept-Language`, the bearer token when one is set
/// and ``defaultHeaders``; headers passed to a method replace defaults of the same name. Methods return every
/// HTTP status as a ``FHIRClientResponse`` (a 404 or an OperationOutcome is a response, not an error) and throw
/// ``HTTPClientError`` only when no response arrived.
///
/// A value type: copy it to vary the token or language; copies share the ``transport`` and its connections.
/// See <https://hl7.org/fhir/R4/http.html>.
public struct FHIRClient: Sendable {
    /// The service base URL without a trailing slash, e.g. `http://127.0.0.1:8080/fhir`.
    public let baseURL: String
    /// The OAuth2 access token sent as `Authorization: Bearer …`; `nil` sends no `Authorization`.
    public var bearerToken: String?
    /// The `Accept-Language` sent (`nl` or `en` for Zorgbrug's error texts).
    public var acceptLanguage: String
    /// Headers sent with every request after the standard ones (e.g. `X-Request-Id`).
    public var defaultHeaders: [(String, String)]
    /// Certificates for an `https` base URL.
    public var tls: TLSOptions
    /// The deadline of each request in milliseconds (`0`: none).
    public var timeoutMilliseconds: Int
    /// The transport that performs the requests.
    public let transport: CurlTransport

    /// The FHIR JSON media type, as sent in `Accept` and `Content-Type`.
    public static let fhirJSON = "application/fhir+json"

    /// A client for the server at `baseURL` (a trailing `/` is ignored).
    public init(
        baseURL: String,
        bearerToken: String? = nil,
        acceptLanguage: String = "nl",
        defaultHeaders: [(String, String)] = [],
        tls: TLSOptions = .system,
        timeoutMilliseconds: Int = 30_000,
        transport: CurlTransport = CurlTransport()
    ) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.bearerToken = bearerToken
        self.acceptLanguage = acceptLanguage
        self.defaultHeaders = defaultHeaders
        self.tls = tls
        self.timeoutMilliseconds = timeoutMilliseconds
        self.transport = transport
    }

    /// `GET [base]/[type]/[id]`: the current version of a resource.
    public func read(type: String, id: String) async throws(HTTPClientError) -> FHIRClientResponse {
        try await send("GET", url: instanceURL(type, id))
    }

    /// `GET [base]/[type]/[id]/_history/[version]`: one version of a resource.
    public func vread(type: String, id: String, version: String) async throws(HTTPClientError) -> FHIRClientResponse {
        try await send("GET", url: instanceURL(type, id) + "/_history/" + PercentEncoding.encode(version))
    }

    /// `POST [base]/[type]`: creates a resource; the server assigns the id (see ``FHIRClientResponse/location``).
    /// - Parameter headers: extra headers, e.g. `If-None-Exist` or `Idempotency-Key`.
    public func create(
        type: String, resource: JSONObject, headers: [(String, String)] = []
    ) async throws(HTTPClientError) -> FHIRClientResponse {
        try await send(
            "POST", url: typeURL(type), headers: [("Content-Type", Self.fhirJSON + "; charset=utf-8")] + headers,
            body: resource.serialized())
    }

    /// `PUT [base]/[type]/[id]`: replaces a resource.
    /// - Parameter ifMatch: the version it must still have: a version id (`"3"`, sent as `W/"3"`) or an ETag
    ///   as received (`W/"3"`, sent unchanged). `nil` sends no `If-Match` (Zorgbrug then answers 428).
    public func update(
        type: String, id: String, resource: JSONObject, ifMatch: String?
    ) async throws(HTTPClientError) -> FHIRClientResponse {
        try await send(
            "PUT", url: instanceURL(type, id),
            headers: [("Content-Type", Self.fhirJSON + "; charset=utf-8")] + Self.ifMatchHeader(ifMatch),
            body: resource.serialized())
    }

    /// `PATCH [base]/[type]/[id]` with a JSON Patch document (RFC 6902), e.g.
    /// `[{"op": "replace", "path": "/status", "value": "in-progress"}]`.
    /// - Parameter ifMatch: as for ``update(type:id:resource:ifMatch:)``.
    public func patch(
        type: String, id: String, jsonPatch: JSON, ifMatch: String?
    ) async throws(HTTPClientError) -> FHIRClientResponse {
        try await send(
            "PATCH", url: instanceURL(type, id),
            headers: [("Content-Type", "application/json-patch+json")] + Self.ifMatchHeader(ifMatch),
            body: jsonPatch.serialized())
    }

    /// `DELETE [base]/[type]/[id]`.
    public func delete(type: String, id: String) async throws(HTTPClientError) -> FHIRClientResponse {
        try await send("DELETE", url: instanceURL(type, id))
    }

    /// `GET [base]/[type]?…`: a search. Parameters keep their order and may repeat; names and values are
    /// percent-encoded here, so pass them unencoded (`("date", "ge2024-01-01T00:00:00+01:00")`).
    public func search(
        type: String, parameters: [(String, String)] = []
    ) async throws(HTTPClientError) -> FHIRClientResponse {
        let query = PercentEncoding.query(parameters)
        return try await send("GET", url: typeURL(type) + (query.isEmpty ? "" : "?" + query))
    }

    /// `GET` of any path: an absolute URL (e.g. a Bundle's `next` link) as is; `/x` on the base URL's origin
    /// (e.g. `/health`); anything else relative to the base URL (e.g. `metadata`, `Task/1/$render`).
    /// The path is used as given: percent-encode its parts yourself.
    public func get(
        path: String, headers: [(String, String)] = []
    ) async throws(HTTPClientError) -> FHIRClientResponse {
        try await send("GET", url: url(forPath: path), headers: headers)
    }

    /// `POST` of an `application/x-www-form-urlencoded` body, e.g. to `/oauth/token`; the path resolves as for
    /// ``get(path:headers:)``. Accepts `application/json` too (token endpoints answer plain JSON).
    public func post(
        path: String, form: [(String, String)], headers: [(String, String)] = []
    ) async throws(HTTPClientError) -> FHIRClientResponse {
        try await send(
            "POST", url: url(forPath: path),
            headers: [
                ("Content-Type", "application/x-www-form-urlencoded"),
                ("Accept", Self.fhirJSON + ", application/json"),
            ] + headers,
            body: Array(PercentEncoding.query(form).utf8))
    }

    /// `POST` of a FHIR JSON body to any path, e.g. an operation such as `Patient/1/$connect-code` or a
    /// `Parameters` resource to `PlanDefinition/x/$apply`; the path resolves as for ``get(path:headers:)``.
    public func post(
        path: String, json: JSON, headers: [(String, String)] = []
    ) async throws(HTTPClientError) -> FHIRClientResponse {
        try await send(
            "POST", url: url(forPath: path), headers: [("Content-Type", Self.fhirJSON + "; charset=utf-8")] + headers,
            body: json.serialized())
    }

    /// Sends `request` exactly as given: no default headers, no token, no TLS options added.
    public func raw(_ request: HTTPClientRequest) async throws(HTTPClientError) -> FHIRClientResponse {
        FHIRClientResponse(try await transport.send(request))
    }

    /// The absolute URL for `path`, resolved as described at ``get(path:headers:)``.
    public func url(forPath path: String) -> String {
        if path.hasPrefix("http://") || path.hasPrefix("https://") { return path }
        if path.hasPrefix("/") { return HTTPClientError.origin(of: baseURL) + path }
        return baseURL + "/" + path
    }

    /// The standard headers, then the defaults, then `extra`; an `extra` header replaces earlier ones of its name.
    func headers(with extra: [(String, String)]) -> [(String, String)] {
        var standard: [(String, String)] = [("Accept", Self.fhirJSON), ("Accept-Language", acceptLanguage)]
        if let bearerToken { standard.append(("Authorization", "Bearer " + bearerToken)) }
        let overridden = Set(extra.map { $0.0.lowercased() })
        return (standard + defaultHeaders).filter { !overridden.contains($0.0.lowercased()) } + extra
    }

    private func send(
        _ method: String, url: String, headers extra: [(String, String)] = [], body: [UInt8] = []
    ) async throws(HTTPClientError) -> FHIRClientResponse {
        let request = HTTPClientRequest(
            method: method, url: url, headers: headers(with: extra), body: body,
            timeoutMilliseconds: timeoutMilliseconds, tls: tls)
        return FHIRClientResponse(try await transport.send(request))
    }

    private func typeURL(_ type: String) -> String {
        baseURL + "/" + PercentEncoding.encode(type)
    }

    private func instanceURL(_ type: String, _ id: String) -> String {
        typeURL(type) + "/" + PercentEncoding.encode(id)
    }

    private static func ifMatchHeader(_ ifMatch: String?) -> [(String, String)] {
        guard let ifMatch else { return [] }
        let tag = ifMatch.hasPrefix("W/") || ifMatch.hasPrefix("\"") ? ifMatch : "W/\"\(ifMatch)\""
        return [("If-Match", tag)]
    }
}
