import Foundation
import GRDB

/// Commits the writes of concurrent ``ResourceStore/write(_:)`` calls together: the calls waiting when the writer
/// becomes free run one after another in one SQLite transaction, each inside its own savepoint, and one commit
/// (one fsync with durability `.full`) makes them all durable.
///
/// Each call keeps the semantics of its own transaction: when its body throws, its savepoint is rolled back and
/// only that call fails; the others commit. A call answers only after the shared commit. Should the commit itself
/// fail, or SQLite abort the transaction (disk full, I/O error), every call of the batch that had not failed on
/// its own fails with that error: none of them is durable. Batches follow one another on GRDB's writer queue,
/// so other writer work (a backup, ``ResourceStore/writeSync(_:)``) still gets its turn between two batches.
final class GroupCommit: @unchecked Sendable {
    /// One waiting write: runs its body in a savepoint, then learns whether the batch committed.
    final class Job: @unchecked Sendable {
        // Invariant: `run` is set on creation and cleared on the writer queue once used (the body it captures
        // must not outlive the caller's `withoutActuallyEscaping`); `finish` is called exactly once, after that.
        var run: ((Database) -> Void)?
        let finish: (_ batchError: (any Error)?) -> Void

        init(run: @escaping (Database) -> Void, finish: @escaping ((any Error)?) -> Void) {
            self.run = run
            self.finish = finish
        }
    }

    private let writer: any DatabaseWriter
    // Invariant: `pending` and `scheduled` are only touched while holding `lock`. `scheduled` is true from the
    // moment a batch is queued on the writer until a batch finds nothing more to do.
    private let lock = NSLock()
    private var pending: [Job] = []
    private var scheduled = false

    init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// Runs `body` inside a savepoint of the next batch and returns its result once the batch has committed.
    ///
    /// When `body` throws, its savepoint is rolled back and its error rethrown; when the batch fails, its error.
    func perform<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        try await withoutActuallyEscaping(body) { body in
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                let outcome = Outcome<T>()
                submit(
                    Job(
                        run: { db in outcome.result = Self.inSavepoint(db) { try body(db) } },
                        finish: { batchError in
                            switch (outcome.result, batchError) {
                            case (.failure(let error)?, _): continuation.resume(throwing: error)
                            case (.success(let value)?, nil): continuation.resume(returning: value)
                            case (_, let batchError?): continuation.resume(throwing: batchError)
                            case (nil, nil): continuation.resume(throwing: CancellationError())  // not reached
                            }
                        }))
            }
        }
    }

    /// Runs `body` in a savepoint: released when it returns, rolled back when it throws.
    private static func inSavepoint<T>(_ db: Database, _ body: () throws -> T) -> Result<T, any Error> {
        do {
            try db.cachedStatement(sql: "SAVEPOINT zorgbrug_write").execute()
        } catch {
            return .failure(error)
        }
        do {
            let value = try body()
            try db.cachedStatement(sql: "RELEASE SAVEPOINT zorgbrug_write").execute()
            return .success(value)
        } catch {
            if db.isInsideTransaction {
                try? db.cachedStatement(sql: "ROLLBACK TRANSACTION TO SAVEPOINT zorgbrug_write").execute()
                try? db.cachedStatement(sql: "RELEASE SAVEPOINT zorgbrug_write").execute()
            }
            return .failure(error)
        }
    }

    private func submit(_ job: Job) {
        lock.lock()
        pending.append(job)
        let start = !scheduled
        scheduled = true
        lock.unlock()
        if start { scheduleBatch() }
    }

    private func scheduleBatch() {
        writer.asyncWriteWithoutTransaction { db in self.runBatch(db) }
    }

    private func runBatch(_ db: Database) {
        lock.lock()
        let jobs = pending
        pending = []
        lock.unlock()

        var batchError: (any Error)?
        do {
            try db.cachedStatement(sql: "BEGIN IMMEDIATE TRANSACTION").execute()
            for job in jobs {
                job.run?(db)
                job.run = nil
                if !db.isInsideTransaction {
                    // SQLite rolled the whole transaction back (disk full, I/O error): nothing of this batch stays.
                    batchError = StoreError.other(
                        "The database rolled back the transaction; retry the request.", cause: nil)
                    break
                }
            }
            if batchError == nil {
                try db.cachedStatement(sql: "COMMIT TRANSACTION").execute()
            }
        } catch {
            batchError = error
        }
        if db.isInsideTransaction {
            try? db.cachedStatement(sql: "ROLLBACK TRANSACTION").execute()
        }
        for job in jobs {
            job.run = nil
            job.finish(batchError)
        }

        lock.lock()
        let more = !pending.isEmpty
        if !more { scheduled = false }
        lock.unlock()
        if more { scheduleBatch() }
    }
}

/// The result of one write in a batch.
private final class Outcome<T>: @unchecked Sendable {
    // Invariant: set by the job's `run` and read by its `finish`, both on the writer queue, one after the other.
    var result: Result<T, any Error>?
}
