import Dispatch
import Foundation
import GRDB

/// Read-only connections to a WAL database file, each read transaction run on the calling thread.
///
/// The store's hot path is many short reads (a token lookup, one resource by id). GRDB's `DatabasePool.read`
/// costs more than such a query: the async variant hops through two dispatch queues and back, and both
/// variants parse `BEGIN`/`COMMIT` afresh and search for an idle reader with a key path that is rebuilt at
/// run time. Here idle connections wait in a stack under a lock, and the transaction statements are cached.
///
/// A read blocks its thread for the length of the transaction: that is CPU work (plus page-cache reads), never a
/// wait on other tasks, so it is safe on Swift's cooperative threads. At most ``maximumCount`` connections are
/// open; a read finding all of them busy waits for one.
final class ReaderPool: @unchecked Sendable {
    // Invariant: `idle` and `openCount` are only touched while holding `lock`; `slots` counts the connections
    // that are idle or can still be opened.
    private let lock = NSLock()
    private var idle: [DatabaseQueue] = []
    private var openCount = 0
    private let slots: DispatchSemaphore
    private let path: String
    private let configuration: Configuration
    let maximumCount: Int

    /// Each reader's page cache limit, in KiB (SQLite's default is 2000). A reader's cache is emptied whenever
    /// another connection has committed since its last transaction, so this pays off between writes.
    static let cacheKiB = 16384

    init(path: String, configuration: Configuration, maximumCount: Int) {
        var configuration = configuration
        configuration.readonly = true
        configuration.label = (configuration.label ?? "zorgbrug.store") + ".reader"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -\(Self.cacheKiB)")
        }
        self.path = path
        self.configuration = configuration
        self.maximumCount = maximumCount
        self.slots = DispatchSemaphore(value: maximumCount)
    }

    /// Runs `body` in one deferred (snapshot) read transaction on an idle connection.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        let connection = try acquire()
        var reusable = true
        defer { release(connection, reusable: reusable) }
        return try connection.inDatabase { db in
            try db.cachedStatement(sql: "BEGIN DEFERRED TRANSACTION").execute()
            do {
                let result = try body(db)
                try db.cachedStatement(sql: "COMMIT TRANSACTION").execute()
                return result
            } catch {
                if db.isInsideTransaction {
                    try? db.cachedStatement(sql: "ROLLBACK TRANSACTION").execute()
                }
                // A connection left inside a transaction would pin an old snapshot: close it instead.
                reusable = !db.isInsideTransaction
                throw error
            }
        }
    }

    /// Closes the idle connections. Call it before the writer closes, so that the writer is the last connection
    /// and SQLite checkpoints the WAL into the database file and removes it (a read-only connection cannot).
    func closeIdle() {
        lock.lock()
        let closing = idle
        openCount -= idle.count
        idle = []
        lock.unlock()
        _ = closing  // released here, outside the lock
    }

    private func acquire() throws -> DatabaseQueue {
        slots.wait()
        lock.lock()
        if let connection = idle.popLast() {
            lock.unlock()
            return connection
        }
        openCount += 1
        lock.unlock()
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            lock.lock()
            openCount -= 1
            lock.unlock()
            slots.signal()
            throw error
        }
    }

    private func release(_ connection: DatabaseQueue, reusable: Bool) {
        lock.lock()
        if reusable {
            idle.append(connection)
        } else {
            openCount -= 1
        }
        lock.unlock()
        slots.signal()
    }
}
