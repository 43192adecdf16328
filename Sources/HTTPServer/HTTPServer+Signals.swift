import Dispatch
import Glibc

extension HTTPServer {
    /// Starts the server, waits for SIGINT or SIGTERM, then shuts down gracefully.
    ///
    /// The signals are caught from before the server starts: their default action (ending the process at
    /// once) is turned off and stays off afterwards, so a second signal during shutdown cannot cut in-flight
    /// requests short; the caller's process is expected to exit once this returns. Throws what `start()` throws.
    public func runUntilSignalled() async throws {
        let signals: [Int32] = [SIGINT, SIGTERM]
        signals.forEach { _ = signal($0, SIG_IGN) }
        let queue = DispatchQueue(label: "zorgbrug.http.signals")
        let received = AsyncStream<Int32>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let sources = signals.map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { received.continuation.yield(number) }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }
        try start()
        var iterator = received.stream.makeAsyncIterator()
        let number = await iterator.next()
        // The sources must outlive the wait: ARC may release locals it sees no further use of, and the
        // signals would then be silently ignored. `withExtendedLifetime` is the guaranteed fence.
        withExtendedLifetime(sources) {}
        core.logger.info("HTTP server received signal", metadata: ["signal": "\(number ?? 0)"])
        await shutdown()
    }
}
