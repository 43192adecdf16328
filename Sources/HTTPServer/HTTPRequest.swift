/// A complete HTTP request: head and the whole body, copied out of libmicrohttpd.
///
/// Everything here is owned Swift memory, safe to keep and to send across tasks.
public struct HTTPRequest: Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// The URL path without the query string, percent-decoded by libmicrohttpd (e.g. `/fhir/Task/1`).
    public var path: String
    /// Every query parameter in order, repeats kept, percent-decoded (`+` becomes a space);
    /// a parameter without `=` has the empty string as its value.
    public var query: [(name: String, value: String)]
    /// Every request header in order, repeats kept.
    public var headers: HTTPHeaders
    /// The request body; empty when there was none. At most `HTTPServerConfiguration.maxBodyBytes` long.
    public var body: [UInt8]
    /// The peer's IP address as text (`"127.0.0.1"`, `"::1"`); empty when libmicrohttpd could not tell.
    public var remoteAddress: String
    /// Whether the request came in over TLS.
    public var isSecure: Bool

    /// A request built from its parts (for tests and in-process callers).
    public init(
        method: HTTPMethod,
        path: String,
        query: [(name: String, value: String)] = [],
        headers: HTTPHeaders = .init(),
        body: [UInt8] = [],
        remoteAddress: String = "",
        isSecure: Bool = false
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.isSecure = isSecure
    }

    /// Every value of the query parameter `name` (exact, case-sensitive match), in order; empty when absent.
    public func queryValues(_ name: String) -> [String] {
        query.filter { $0.name == name }.map(\.value)
    }
}
