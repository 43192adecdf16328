import Dispatch
import Foundation
import Synchronization
import ZorgbrugCore
import ZorgbrugStore

/// Appends audit records for reads with group commit: concurrent requests share one transaction, and each
/// request answers only after its record is durable (NEN 7513: no access to patient data goes unrecorded).
///
/// Records wait in a list; one flush at a time, on a dispatch queue of its own (not Swift's cooperative pool,
/// whose threads must not block on a commit), takes everything waiting, writes it in one transaction and resumes
/// the waiting requests. While a commit is under way the next batch gathers. Writes record their audit inside
/// their own transaction instead (`StoreWriter.appendAudit`).
package final class AuditTrail: Sendable {
    private typealias Waiting = (record: AuditRecord, continuation: CheckedContinuation<Void, any Error>)
    private struct State {
        var waiting: [Waiting] = []
        var flushing = false
    }

    private let store: ResourceStore
    /// The clock records are stamped with (epoch milliseconds).
    package let clock: @Sendable () -> Int64
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "zorgbrug.audit")
    /// The shortest time between two audit commits (see ``init(store:clock:minimumCommitInterval:)``).
    package let minimumCommitInterval: Duration

    /// - Parameter minimumCommitInterval: commits follow one another at least this far apart. A request waits at
    ///   most this long for its batch to start (never, when the last commit is longer ago), and in exchange
    ///   concurrent reads share commits: fewer fsyncs, and fewer of the commits that empty every reader
    ///   connection's page cache (SQLite's WAL readers drop their cache whenever the database changed).
    package init(store: ResourceStore, clock: @escaping @Sendable () -> Int64, minimumCommitInterval: Duration = .milliseconds(1)) {
        self.store = store
        self.clock = clock
        self.minimumCommitInterval = minimumCommitInterval
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

    /// Commits batches until nothing is waiting.
    private func flush() {
        var lastCommit = ContinuousClock.now - minimumCommitInterval
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
            if batch.isEmpty { return }
            do {
                try store.writeSync { writer in
                    for waiting in batch { try writer.appendAudit(waiting.record) }
                }
                for waiting in batch { waiting.continuation.resume() }
            } catch {
                for waiting in batch { waiting.continuation.resume(throwing: error) }
            }
        }
    }
}
