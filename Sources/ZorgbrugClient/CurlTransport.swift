import Dispatch

/// Performs HTTP requests with libcurl: timeouts, private CAs, mutual TLS and keep-alive connection reuse.
///
/// Share one transport per process (or per remote system): its pool of easy handles keeps connections open
/// between requests. Thread-safe; every handle serves one request at a time and is reset before each one, so no
/// option of one request (a header, a client certificate) reaches another.
///
/// ```swift
/// let transport = CurlTransport()
/// let response = try await transport.send(HTTPClientRequest(url: "https://example.org/fhir/metadata"))
/// ```
public final class CurlTransport: Sendable {
    private let pool: CurlHandlePool

    /// A transport that keeps up to `maxIdleHandles` handles (each with its open connections) between requests.
    /// More requests may run at once; the extra handles are closed after use.
    public init(maxIdleHandles: Int = 8) {
        pool = CurlHandlePool(maxIdle: maxIdleHandles)
    }

    /// Performs `request`, blocking the calling thread until the response is complete.
    ///
    /// Never call this from Swift concurrency's cooperative threads (an `async` context); use ``send(_:)``.
    /// - Returns: the response, whatever its status (4xx and 5xx included).
    /// - Throws: ``HTTPClientError`` when no response could be had (connection, TLS, timeout, bad URL or request).
    public func perform(_ request: HTTPClientRequest) throws(HTTPClientError) -> HTTPClientResponse {
        try perform(request, cancellation: nil)
    }

    private func perform(
        _ request: HTTPClientRequest, cancellation: CurlCancellation?
    ) throws(HTTPClientError) -> HTTPClientResponse {
        guard let handle = pool.checkOut() else {
            throw HTTPClientError(
                code: .other(2),
                message: "libcurl could not be initialised (out of memory, or its TLS library failed to load). Check the libcurl installation.",
                url: request.url,
                curlCode: 2
            )
        }
        defer { pool.checkIn(handle) }
        return try handle.perform(request, cancellation: cancellation)
    }

    /// Performs `request` on a dedicated dispatch queue, so the blocking transfer never occupies a thread of
    /// Swift concurrency's cooperative pool.
    ///
    /// Cancelling the calling task stops the transfer within about a second and throws
    /// ``HTTPClientError/Code/cancelled``; the server may already have acted on the request.
    /// - Returns: the response, whatever its status.
    /// - Throws: ``HTTPClientError`` as ``perform(_:)`` does, or `cancelled`.
    public func send(_ request: HTTPClientRequest) async throws(HTTPClientError) -> HTTPClientResponse {
        let cancellation = CurlCancellation()
        let result: Result<HTTPClientResponse, HTTPClientError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // A serial queue of its own targets libdispatch's overcommit pool, which gives every blocked
                // transfer a thread; a shared concurrent queue ran only about as many transfers as cores at once.
                DispatchQueue(label: "zorgbrug.client.curl").async {
                    continuation.resume(
                        returning: Result { () throws(HTTPClientError) in
                            try self.perform(request, cancellation: cancellation)
                        })
                }
            }
        } onCancel: {
            cancellation.cancel()
        }
        return try result.get()
    }
}
