import Dispatch
import Foundation
import Synchronization
import ZorgbrugCore
import ZorgbrugStore

/// Appends audit records for reads with group commit: concurrent requests share one transaction, and each
/// request answers only after its record is durable (NEN 7513: no access to patient data goes unrecorded).
///
/// Records wait in a list; one flush at a time, on a dispatch queue of its own (not Swift's cooperative pool,
/// whose threads must not block on a commit), takes everything waiting, commits it to the store's audit spool in
/// one transaction and resumes the waiting requests. While a commit is under way the next batch gathers. Writes
/// record their audit inside their own transaction instead (`StoreWriter.appendAudit`).
///
/// The spool is a SQLite file of its own (`ResourceStore.spoolAudit`), so that reads do not change the store's
/// file and its readers keep their page caches. Spooled records move into the `auditEvent` table at most
/// ``drainInterval`` after they were committed, and before anyone reads that table (the AuditEvent search drains
/// first).
package final class AuditTrail: Sendable {
    private typealias Waiting = (record: AuditRecord, continuation: CheckedContinuation<Void, any Error>)
    private struct State {
        var waiting: [Waiting] = []
        var flushing = false
        /// Records were spooled since the last drain.
        var undrained = false
    }

    private let store: ResourceStore
    /// The clock records are stamped with (epoch milliseconds).
    package let clock: @Sendable () -> Int64
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "zorgbrug.audit")
    /// The shortest time between two audit commits (see ``init(store:clock:minimumCommitInterval:)``).
    package let minimumCommitInterval: Duration
    /// The longest a spooled record waits before it moves into the `auditEvent` table.
    package let drainInterval: Duration

    /// - Parameters:
    ///   - minimumCommitInterval: commits follow one another at least this far apart. A request waits at most this
    ///     long for its batch to start (never, when the last commit is longer ago), and in exchange concurrent
    ///     reads share commits (fewer fsyncs).
    ///   - drainInterval: spooled records move into `auditEvent` this often under load, and this long after the
    ///     last one when load stops. Each move is a commit to the store's file, which empties the page cache of
    ///     every reader connection (a WAL reader drops its cache whenever the database changed).
    package init(
        store: ResourceStore, clock: @escaping @Sendable () -> Int64, minimumCommitInterval: Duration = .milliseconds(1),
        drainInterval: Duration = .seconds(1)
    ) {
        self.store = store
        self.clock = clock
        self.minimumCommitInterval = minimumCommitInterval
        self.drainInterval = drainInterval
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Records `entry` and returns once it is committed; throws when it could not be stored (the caller must then
    /// not hand out the data).
    package func record(_ entry: AuditEntry) async throws {
        // Successful reads of shared content (questionnaires, plan definitions) are not patient data; refused
        // attempts are always recorded.
        if entry.patientID == nil, entry.outcome == 0, [.read, .vread, .search, .history].contains(entry.interaction) { return }
        try await record(entry.record(at: clock()))
    }

    /// Records a prepared record.
    package func record(_ record: AuditRecord) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let startFlush = state.withLock { state in
                state.waiting.append((record, continuation))
                guard !state.flushing else { return false }
                state.flushing = true
                return true
            }
            if startFlush {
                queue.async { self.flush() }
            }
        }
    }

    /// Commits batches until nothing is waiting; drains the spool every ``drainInterval`` meanwhile, and once more
    /// ``drainInterval`` after the last batch.
    private func flush() {
        var lastCommit = ContinuousClock.now - minimumCommitInterval
        var lastDrain = ContinuousClock.now
        while true {
            // Under load, let the next batch gather for what remains of the interval since the last commit.
            let due = lastCommit + minimumCommitInterval
            if ContinuousClock.now < due { Thread.sleep(forTimeInterval: Self.seconds(due - ContinuousClock.now)) }
            lastCommit = ContinuousClock.now
            let batch = state.withLock { state -> [Waiting] in
                let batch = state.waiting
                state.waiting = []
                if batch.isEmpty { state.flushing = false }
                return batch
            }
            if batch.isEmpty {
                scheduleDrain()
                return
            }
            do {
                try store.spoolAudit(batch.map(\.record))
                state.withLock { $0.undrained = true }
                for waiting in batch { waiting.continuation.resume() }
            } catch {
                for waiting in batch { waiting.continuation.resume(throwing: error) }
            }
            if ContinuousClock.now - lastDrain >= drainInterval {
                drainIfUndrained()
                lastDrain = ContinuousClock.now
            }
        }
    }

    /// Drains the spool ``drainInterval`` from now, when something was spooled and not drained by then.
    private func scheduleDrain() {
        guard state.withLock({ $0.undrained }) else { return }
        queue.asyncAfter(deadline: .now() + Self.seconds(drainInterval)) { [weak self] in self?.drainIfUndrained() }
    }

    /// Moves what was spooled into `auditEvent`. A failure leaves the records in the spool (durable); the next
    /// drain, or the next reader of the audit trail, tries again.
    private func drainIfUndrained() {
        let undrained = state.withLock { state in
            defer { state.undrained = false }
            return state.undrained
        }
        guard undrained else { return }
        do {
            try store.drainAuditSpoolSync()
        } catch {
            state.withLock { $0.undrained = true }
            scheduleDrain()
        }
    }
}
