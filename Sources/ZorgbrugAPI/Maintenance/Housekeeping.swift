import Logging
import ZorgbrugStore

/// Periodic clean-up: expired `Idempotency-Key` records (kept 24 hours), expired tokens, used and expired connect
/// codes, old rate-limit windows and assertion ids. Nothing here is needed for correctness — every check also
/// looks at expiry times — it only keeps the tables small.
package struct Housekeeping: Sendable {
    let store: ResourceStore
    let clock: @Sendable () -> Int64
    let logger: Logger

    package init(store: ResourceStore, clock: @escaping @Sendable () -> Int64, logger: Logger) {
        self.store = store
        self.clock = clock
        self.logger = logger
    }

    /// Runs one clean-up; returns how many rows were removed.
    @discardableResult
    package func runOnce() async throws -> Int {
        let now = clock()
        return try await store.write { writer in
            let idempotency = try writer.purgeIdempotency(olderThan: now - IdempotencyRequest.retention)
            let identity = try writer.identity.purgeExpired(now: now, failureWindowsBefore: now - 2 * 3_600_000)
            return idempotency + identity
        }
    }

    /// Runs `runOnce` every `interval` until the task is cancelled; failures are logged and retried next time.
    package func run(every interval: Duration = .seconds(3600)) async {
        while !Task.isCancelled {
            do {
                let removed = try await runOnce()
                logger.debug("housekeeping.done", metadata: ["rows.removed": "\(removed)"])
            } catch {
                logger.warning("housekeeping.failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: interval)
        }
    }
}
