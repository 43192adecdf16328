/// An error that renders itself: throw it from a responder or middleware and `response` is sent as is.
public protocol HTTPResponseError: Error {
    /// The response to send for this error.
    var response: HTTPResponse { get }
}
