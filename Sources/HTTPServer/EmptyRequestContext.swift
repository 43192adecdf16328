/// A context that carries nothing, for servers that need none.
public struct EmptyRequestContext: RequestContext {
    /// The empty context; `request` is ignored.
    public init(request: HTTPRequest) {}
}
