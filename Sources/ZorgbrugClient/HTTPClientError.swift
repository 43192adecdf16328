/// Why an HTTP request produced no response: the connection, TLS, the URL or the request itself failed.
///
/// An HTTP error status (4xx, 5xx) is not an `HTTPClientError`: it arrives as a response. Match on ``code``
/// (stable, safe to branch on); ``message`` says what happened and what to try, for people; ``detail`` holds
/// libcurl's own text, for logs.
public struct HTTPClientError: Error, Sendable, CustomStringConvertible {
    /// A stable kind of failure. Open set: new codes may be added, so match with `==` and keep a default.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: Sendable, Hashable {
            case couldNotConnect, connectionLost, timedOut, tls, invalidURL, invalidRequest, tooManyRedirects
            case responseTooLarge, cancelled
            case other(Int)
        }

        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// Nothing accepted the connection: host unknown, port closed, network unreachable.
        public static let couldNotConnect = Code(.couldNotConnect)
        /// The connection broke or the server closed it without a complete response.
        public static let connectionLost = Code(.connectionLost)
        /// The connect or total deadline of the request passed.
        public static let timedOut = Code(.timedOut)
        /// The TLS handshake failed: untrusted or mismatched server certificate, client certificate refused or
        /// unreadable, CA file unreadable.
        public static let tls = Code(.tls)
        /// The URL is malformed or not `http`/`https`.
        public static let invalidURL = Code(.invalidURL)
        /// The request cannot be sent as given (bad method or header, a body on HEAD).
        public static let invalidRequest = Code(.invalidRequest)
        /// More redirects than ``HTTPClientRequest/maxRedirects`` allows.
        public static let tooManyRedirects = Code(.tooManyRedirects)
        /// The response body exceeded ``HTTPClientRequest/maxResponseBytes``.
        public static let responseTooLarge = Code(.responseTooLarge)
        /// The calling task was cancelled while the request ran (``CurlTransport/send(_:)``).
        public static let cancelled = Code(.cancelled)
        /// Any other libcurl failure, with its `CURLcode` number.
        public static func other(_ curlCode: Int) -> Code { Code(.other(curlCode)) }

        /// A stable kebab-case name, e.g. `"timed-out"`, `"curl-16"` for ``other(_:)``.
        public var name: String {
            switch kind {
            case .couldNotConnect: "could-not-connect"
            case .connectionLost: "connection-lost"
            case .timedOut: "timed-out"
            case .tls: "tls"
            case .invalidURL: "invalid-url"
            case .invalidRequest: "invalid-request"
            case .tooManyRedirects: "too-many-redirects"
            case .responseTooLarge: "response-too-large"
            case .cancelled: "cancelled"
            case .other(let number): "curl-\(number)"
            }
        }

        public var description: String { name }
    }

    /// What kind of failure this is.
    public let code: Code
    /// What happened and what to try, in a sentence or two. Never libcurl's text alone.
    public let message: String
    /// The URL of the request that failed.
    public let url: String
    /// libcurl's `CURLcode` number, when libcurl reported the failure.
    public let curlCode: Int?
    /// libcurl's own description (its error buffer), when it gave one. For logs; may name hosts and files.
    public let detail: String?

    /// An error from its parts.
    public init(code: Code, message: String, url: String, curlCode: Int? = nil, detail: String? = nil) {
        self.code = code
        self.message = message
        self.url = url
        self.curlCode = curlCode
        self.detail = detail
    }

    public var description: String {
        var text = "\(code.name): \(message)"
        if let detail, !detail.isEmpty { text += " (libcurl: \(detail))" }
        return text
    }
}
