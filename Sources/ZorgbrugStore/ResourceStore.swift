import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

/// The FHIR resource store: current and historical versions, search indexes, conditional-create keys and
/// idempotency records, in one SQLite database.
///
/// Open a file with ``init(path:durability:clock:)`` (a WAL-mode connection pool: one writer, concurrent
/// readers that never block it) or a private in-memory database with ``inMemory(clock:)`` (same schema and
/// code, for tests). All access goes through ``read(_:)`` and ``write(_:)``: each call is one transaction
/// with a consistent snapshot; batch related reads into one call.
package final class ResourceStore: Sendable {
    private let writer: any DatabaseWriter
    /// The file store's read connections (`nil` in memory, where the one connection serves reads too).
    private let readers: ReaderPool?
    /// Batches concurrent ``write(_:)`` calls into shared commits.
    private let commits: GroupCommit
    private let clock: @Sendable () -> Int64

    /// Opens (creating if needed) the database file at `path`, creating its parent directory, and brings the
    /// schema up to date.
    ///
    /// - Parameters:
    ///   - durability: what a commit guarantees (see ``Durability``).
    ///   - clock: the current time in UTC epoch milliseconds; it stamps `meta.lastUpdated` and idempotency
    ///     records.
    /// - Throws: ``StoreError`` with code `io` (directory or file cannot be created or opened), `corrupt`
    ///   (not a database) or `busy`.
    package convenience init(
        path: String, durability: Durability = .full, clock: @escaping @Sendable () -> Int64
    ) throws(StoreError) {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw .io("Cannot create the database directory \(directory); check its permissions.", cause: error)
            }
        }
        var writerConfiguration = Self.configuration()
        writerConfiguration.prepareDatabase { db in
            // The writer's cache survives between its own transactions (WAL readers reset theirs after every
            // commit): keep the search index pages that inserts land in.
            try db.execute(sql: "PRAGMA cache_size = -\(Self.writerCacheKiB)")
        }
        let pool = try mappingErrors { try DatabasePool(path: path, configuration: writerConfiguration) }
        try mappingErrors {
            // GRDB sets synchronous=NORMAL on the writer when it enables WAL; the setting is per connection
            // and this is the only connection that writes.
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = \(durability.pragmaValue)")
            }
        }
        _ = Self.tuneAllocator
        let readers = ReaderPool(
            path: path, configuration: Self.configuration(),
            maximumCount: max(4, 2 * ProcessInfo.processInfo.activeProcessorCount))
        try self.init(writer: pool, readers: readers, clock: clock)
    }

    /// A private in-memory store with the same schema and code paths as a file store; gone when released.
    ///
    /// - Throws: ``StoreError`` (practically only when memory runs out).
    package static func inMemory(clock: @escaping @Sendable () -> Int64) throws(StoreError) -> ResourceStore {
        let queue = try mappingErrors { try DatabaseQueue(configuration: configuration()) }
        return try ResourceStore(writer: queue, readers: nil, clock: clock)
    }

    private init(
        writer: any DatabaseWriter, readers: ReaderPool?, clock: @escaping @Sendable () -> Int64
    ) throws(StoreError) {
        self.writer = writer
        self.readers = readers
        self.commits = GroupCommit(writer: writer)
        self.clock = clock
        try mappingErrors { try StoreSchema.migrator.migrate(writer) }
    }

    /// The writer connection's page cache limit, in KiB (SQLite's default is 2000).
    static let writerCacheKiB = 65536

    private static func configuration() -> Configuration {
        var config = Configuration()
        config.label = "zorgbrug.store"
        config.busyMode = .timeout(10)
        config.foreignKeysEnabled = true
        return config
    }

    /// Runs `body` in one read-only transaction (a consistent snapshot) and returns its result.
    ///
    /// The transaction runs on the calling thread (no hop to another queue and back): a read is short CPU work
    /// that never waits on other tasks. The ``StoreReader`` is valid only inside `body`. Errors thrown by `body`
    /// are rethrown unchanged; database failures surface as ``StoreError``.
    package func read<T: Sendable>(_ body: @Sendable (StoreReader) throws -> T) async throws -> T {
        try readSync(body)
    }

    /// Runs `body` in one write transaction and returns its result; when `body` throws, everything it wrote
    /// is rolled back and the error rethrown unchanged (database failures surface as ``StoreError``).
    ///
    /// Writes are serialised: at most one write runs at a time, and it does not block readers. Writes that wait
    /// for the writer together are committed together (``GroupCommit``: each in its own savepoint, one fsync for
    /// all); each returns only once its writes are committed. The ``StoreWriter`` is valid only inside `body`.
    package func write<T: Sendable>(_ body: @Sendable (StoreWriter) throws -> T) async throws -> T {
        let clock = self.clock
        do {
            return try await commits.perform { db in try body(StoreWriter(db: db, clock: clock)) }
        } catch let error as DatabaseError {
            throw StoreError(mapping: error)
        }
    }

    /// ``read(_:)`` blocking the calling thread, for the CLI, tests and synchronous server callbacks.
    /// Never call it from inside another ``read``/``write`` body.
    package func readSync<T>(_ body: (StoreReader) throws -> T) throws -> T {
        do {
            if let readers {
                return try readers.read { db in try body(StoreReader(db: db)) }
            }
            return try writer.read { db in try body(StoreReader(db: db)) }
        } catch let error as DatabaseError {
            throw StoreError(mapping: error)
        }
    }

    /// ``write(_:)`` blocking the calling thread, for the CLI, tests and synchronous server callbacks.
    /// Never call it from inside another ``read``/``write`` body.
    package func writeSync<T>(_ body: (StoreWriter) throws -> T) throws -> T {
        do {
            return try writer.write { db in try body(StoreWriter(db: db, clock: clock)) }
        } catch let error as DatabaseError {
            throw StoreError(mapping: error)
        }
    }

    deinit {
        // Readers first: the writer must close last to checkpoint and remove the WAL (see ReaderPool.closeIdle).
        readers?.closeIdle()
    }

    /// Keeps glibc from handing freed heap memory back to the kernel after every statement.
    ///
    /// SQLite builds a temporary b-tree for each `IN (…)` list and `IN (SELECT …)` it evaluates (the audit
    /// table's CHECK constraints, the search driver) and frees it at the end of the statement: about 100 KiB.
    /// With glibc's default trim threshold (128 KiB) that memory went back to the kernel each time and came back
    /// as page faults on the next statement: a third of the audit writer's time under load (docs/BENCHMARKS.md).
    /// Process-wide and idempotent; a no-op off glibc.
    private static let tuneAllocator: Void = {
        #if canImport(Glibc)
            // `mallopt` is declared in <malloc.h>, which the Glibc module does not import.
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            let trimThreshold: Int32 = -1  // M_TRIM_THRESHOLD
            if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {  // RTLD_DEFAULT
                _ = unsafeBitCast(symbol, to: Mallopt.self)(trimThreshold, 8 << 20)
            }
        #endif
    }()

    /// Copies the whole database, consistently, to a new file at `path` while the store keeps running
    /// (`VACUUM INTO`). Writes wait while it copies; reads continue. The target must not exist.
    ///
    /// - Throws: ``StoreError`` with code `io` when the file cannot be written, `other` when it exists.
    package func backup(to path: String) async throws(StoreError) {
        do {
            try await writer.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: [path])
            }
        } catch {
            throw StoreError(mapping: error)
        }
    }
}
