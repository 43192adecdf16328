/// An HTTP response to send: status, headers and the whole body.
///
/// `Content-Length` is computed by libmicrohttpd from `body` and any `Content-Length` header given here is
/// dropped. For a `HEAD` request return the same response as for `GET`: the headers (including the
/// `Content-Length` of that body) are sent and the body is not.
public struct HTTPResponse: Sendable {
    /// The status code, 100–999.
    public var status: Int
    /// Response headers in order; repeats are sent as separate fields.
    public var headers: HTTPHeaders
    /// The response body.
    public var body: [UInt8]

    /// A response with the given status, headers and body.
    public init(status: Int, headers: HTTPHeaders = .init(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
