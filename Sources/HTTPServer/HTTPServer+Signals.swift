import Dispatch
import Glibc

extension HTTPServer {
    /// Starts the server, waits for SIGINT or SIGTERM, then shuts down gracefully.
    ///
    /// Throws what `start()` throws.
    public func runUntilSignalled() async throws {
        try await withShutdownSignals {
            try start()
        }
        await shutdown()
    }

    /// Waits until the process receives SIGINT or SIGTERM (for a server already started), then returns; the caller
    /// then calls `shutdown()`. Use this when something must happen between `start()` and the wait, such as
    /// printing the bound port.
    public func waitForShutdownSignal() async {
        try? await withShutdownSignals {}
    }

    /// Catches SIGINT/SIGTERM (turning off their default action) while `body` runs and until one arrives; the
    /// previous dispositions are restored afterwards.
    private func withShutdownSignals(_ body: () throws -> Void) async throws {
        let signals: [Int32] = [SIGINT, SIGTERM]
        let previous = signals.map { signal($0, SIG_IGN) }
        let queue = DispatchQueue(label: "zorgbrug.http.signals")
        let received = AsyncStream<Int32>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let sources = signals.map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { received.continuation.yield(number) }
            source.resume()
            return source
        }
        defer {
            sources.forEach { $0.cancel() }
            for (number, handler) in zip(signals, previous) {
                signal(number, handler)
            }
        }
        try body()
        var iterator = received.stream.makeAsyncIterator()
        let number = await iterator.next()
        // The sources must outlive the wait: ARC may release locals it sees no further use of, and the
        // signals would then be silently ignored. `withExtendedLifetime` is the guaranteed fence.
        withExtendedLifetime(sources) {}
        core.logger.info("HTTP server received signal", metadata: ["signal": "\(number ?? 0)"])
    }
}
