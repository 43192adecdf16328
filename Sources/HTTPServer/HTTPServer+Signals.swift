import Dispatch
import Glibc
import Synchronization

/// Catches SIGINT and SIGTERM from the moment it is made, so a signal that arrives while a program is still
/// starting up (opening its database, seeding data, starting the server) is kept instead of killing the process
/// with the default action. `next()` returns the first signal caught, at once if one came already.
///
/// While it lives the two signals' default actions are off; `restore()` (or releasing it) puts the previous
/// dispositions back. Make one per process at a time.
public final class ShutdownSignals: Sendable {
    private static let numbers: [Int32] = [SIGINT, SIGTERM]

    private struct Installed {
        var sources: [any DispatchSourceSignal]
        var previous: [sighandler_t?]
    }

    private let installed: Mutex<Installed?>
    private let received: AsyncStream<Int32>
    private let continuation: AsyncStream<Int32>.Continuation

    /// Starts catching SIGINT and SIGTERM.
    public init() {
        let (stream, continuation) = AsyncStream<Int32>.makeStream(bufferingPolicy: .bufferingNewest(1))
        received = stream
        self.continuation = continuation
        let previous = Self.numbers.map { signal($0, SIG_IGN) }
        let queue = DispatchQueue(label: "zorgbrug.http.signals")
        let sources = Self.numbers.map { number -> any DispatchSourceSignal in
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
        installed = Mutex(Installed(sources: sources, previous: previous))
    }

    deinit {
        restore()
    }

    /// Waits for SIGINT or SIGTERM and returns its number; returns at once when one was caught already, and
    /// `nil` after `restore()`.
    public func next() async -> Int32? {
        var iterator = received.makeAsyncIterator()
        return await iterator.next()
    }

    /// Stops catching: the previous dispositions of SIGINT and SIGTERM come back. Safe to call more than once.
    public func restore() {
        guard let taken = installed.withLock({ state -> Installed? in
            defer { state = nil }
            return state
        }) else { return }
        taken.sources.forEach { $0.cancel() }
        for (number, handler) in zip(Self.numbers, taken.previous) {
            signal(number, handler)
        }
        continuation.finish()
    }
}

extension HTTPServer {
    /// Starts the server, waits for SIGINT or SIGTERM, then shuts down gracefully.
    ///
    /// Throws what `start()` throws.
    public func runUntilSignalled() async throws {
        let signals = ShutdownSignals()
        defer { signals.restore() }
        try start()
        await wait(for: signals)
        await shutdown()
    }

    /// Waits until the process receives SIGINT or SIGTERM (for a server already started), then returns; the caller
    /// then calls `shutdown()`. Signals are caught only from this call on: to also keep a signal that arrives
    /// while the program starts up, make a `ShutdownSignals` first and use `wait(for:)`.
    public func waitForShutdownSignal() async {
        let signals = ShutdownSignals()
        defer { signals.restore() }
        await wait(for: signals)
    }

    /// Waits until `signals` has caught SIGINT or SIGTERM (at once if it did already), and logs it; the caller
    /// then calls `shutdown()`.
    public func wait(for signals: ShutdownSignals) async {
        let number = await signals.next()
        core.logger.info("HTTP server received signal", metadata: ["signal": "\(number ?? 0)"])
    }
}
