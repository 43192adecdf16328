/// The final response to an ``HTTPClientRequest`` (after any redirects that were followed).
///
/// Any status is a response, including 4xx and 5xx: only transport failures throw ``HTTPClientError``.
public struct HTTPClientResponse: Sendable {
    /// The HTTP status code, e.g. `200`.
    public var status: Int
    /// The response headers in the order received, with case-insensitive lookup.
    public var headers: HTTPClientHeaders
    /// The body bytes exactly as received (no content decoding is requested).
    public var body: [UInt8]

    /// A response from its parts.
    public init(status: Int, headers: HTTPClientHeaders, body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body decoded as UTF-8; invalid sequences become U+FFFD.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// `true` for a 2xx status.
    public var isSuccess: Bool { (200..<300).contains(status) }
}
