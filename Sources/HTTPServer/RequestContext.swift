/// Statically typed per-request state that middleware fills in and responders read.
///
/// The server builds a fresh context for every request with `init(request:)`, before any middleware runs.
/// Use typed fields (who is calling, for which patient), never a string-keyed bag.
public protocol RequestContext: Sendable {
    /// The initial context for `request`.
    init(request: HTTPRequest)
}
