/// One HTTP request for ``CurlTransport``: everything libcurl needs, as plain values.
///
/// Options never carry over from one request to the next: each request is performed on a freshly reset
/// libcurl handle, so a header, a client certificate or a timeout set here applies to this request only.
public struct HTTPClientRequest: Sendable {
    /// The method, e.g. `"GET"`, `"POST"`, `"PATCH"`. Must be an HTTP token (letters, digits, `!#$%&'*+-.^_|~`).
    public var method: String
    /// The absolute `http` or `https` URL, already percent-encoded (see ``PercentEncoding``).
    /// Other schemes are refused with ``HTTPClientError/Code/invalidURL``.
    public var url: String
    /// Request headers, sent in this order. Names and values must not contain CR or LF. A header with an empty
    /// value is sent empty (not dropped). `Content-Length` and `Host` are set by the transport.
    public var headers: [(String, String)]
    /// The request body, sent as is (binary safe). An empty body on POST, PUT or PATCH sends `Content-Length: 0`.
    public var body: [UInt8]
    /// The deadline for the whole transfer in milliseconds; `0` means none.
    public var timeoutMilliseconds: Int
    /// The deadline for establishing the connection (TCP and TLS) in milliseconds; `0` means libcurl's default (300 s).
    public var connectTimeoutMilliseconds: Int
    /// Certificates for `https` URLs.
    public var tls: TLSOptions
    /// How many redirects to follow; `0` (the default) returns the 3xx response itself.
    /// More redirects than this fail with ``HTTPClientError/Code/tooManyRedirects``.
    public var maxRedirects: Int
    /// The largest response body accepted, in bytes; a larger one fails with
    /// ``HTTPClientError/Code/responseTooLarge``, so a misbehaving server cannot exhaust memory.
    public var maxResponseBytes: Int

    /// A request; only `url` is required.
    public init(
        method: String = "GET",
        url: String,
        headers: [(String, String)] = [],
        body: [UInt8] = [],
        timeoutMilliseconds: Int = 30_000,
        connectTimeoutMilliseconds: Int = 10_000,
        tls: TLSOptions = .system,
        maxRedirects: Int = 0,
        maxResponseBytes: Int = 64 << 20
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeoutMilliseconds = timeoutMilliseconds
        self.connectTimeoutMilliseconds = connectTimeoutMilliseconds
        self.tls = tls
        self.maxRedirects = maxRedirects
        self.maxResponseBytes = maxResponseBytes
    }
}
