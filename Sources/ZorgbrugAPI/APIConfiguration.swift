import HTTPServer

/// Settings of the FHIR API that are not about the HTTP server itself.
package struct APIConfiguration: Sendable {
    /// The public base URL of the FHIR endpoint (`https://zorgbrug.example.nl/fhir`). When `nil` it is derived from
    /// the request (`Host` header and whether TLS is used).
    package var publicBaseURL: String?
    /// JSON nesting limit for request bodies (DESIGN.md §4: 64).
    package var maxJSONDepth: Int = 64
    /// Maximum entries in a Bundle a client sends (DESIGN.md §4: 10,000).
    package var maxBundleEntries: Int = 10_000
    /// A bearer token that opens `/metrics` from other addresses than loopback; `nil` = loopback only.
    package var metricsTokenHash: String?
    /// Reverse proxies whose `X-Forwarded-For` names the client (``TrustedProxies``); none by default.
    package var trustedProxies: TrustedProxies = .none

    package init(publicBaseURL: String? = nil) {
        self.publicBaseURL = publicBaseURL
    }

    /// The FHIR base URL as seen by the caller of `request`.
    package func fhirBaseURL(for request: HTTPRequest) -> String {
        if let publicBaseURL { return publicBaseURL.hasSuffix("/") ? String(publicBaseURL.dropLast()) : publicBaseURL }
        return serverURL(for: request) + "/fhir"
    }

    /// The server's root URL as seen by the caller (`http://127.0.0.1:8080`).
    package func serverURL(for request: HTTPRequest) -> String {
        if let publicBaseURL, publicBaseURL.hasSuffix("/fhir") { return String(publicBaseURL.dropLast(5)) }
        let host = request.headers["Host"].flatMap { value in
            value.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "/") } ? value : nil
        } ?? "localhost"
        return (request.isSecure ? "https://" : "http://") + host
    }
}
