import GRDB

extension StoreError {
    /// Maps any error raised inside the store to a ``StoreError``; a `StoreError` passes through unchanged.
    ///
    /// SQLite's text stays in ``cause``; the message is ours.
    init(mapping error: any Error) {
        if let error = error as? StoreError {
            self = error
            return
        }
        guard let db = error as? DatabaseError else {
            self = .other(
                "The database operation failed unexpectedly; retry, and report it with the request id if it persists.",
                cause: error)
            return
        }
        switch db.resultCode {
        case .SQLITE_CONSTRAINT:
            if db.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
                || db.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY
            {
                self = .duplicate(
                    "A record with the same key exists already; read it instead of creating it again.", cause: db)
            } else {
                self = .constraint(cause: db)
            }
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            self = .busy(cause: db)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            self = .corrupt(
                "The database file is damaged or is not a Zorgbrug database; restore it from a backup (see docs/STORAGE.md).",
                cause: db)
        case .SQLITE_IOERR, .SQLITE_FULL, .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM:
            self = .io(
                "The database file could not be read or written; check free disk space and the permissions of its directory.",
                cause: db)
        default:
            self = .other(
                "The database operation failed; retry, and report it with the request id if it persists.", cause: db)
        }
    }

    /// `true` when `error` is a SQLite uniqueness (or primary key) violation.
    static func isUniqueViolation(_ error: any Error) -> Bool {
        guard let db = error as? DatabaseError else { return false }
        return db.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
            || db.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY
    }
}

/// Runs `body`, turning whatever it throws into a ``StoreError``.
@inline(__always)
func mappingErrors<T>(_ body: () throws -> T) throws(StoreError) -> T {
    do {
        return try body()
    } catch {
        throw StoreError(mapping: error)
    }
}
