import GRDB

extension StoreReader {
    /// The store's tables, for ``rowCount(of:)``.
    static let tables: Set<String> = [
        "resource", "resourceVersion", "searchToken", "searchString", "searchReference", "searchDate", "searchUri",
        "conditionalCreate", "idempotencyKey",
    ]

    /// The number of rows in one of the store's tables (for tests and diagnostics); `nil` for an unknown name.
    func rowCount(of table: String) throws(StoreError) -> Int? {
        guard Self.tables.contains(table) else { return nil }
        return try mappingErrors { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") }
    }

    /// The value of a read-only pragma on this connection, such as `journal_mode` or `synchronous`.
    func pragma(_ name: String) throws(StoreError) -> String? {
        guard ["journal_mode", "synchronous", "foreign_keys", "busy_timeout"].contains(name) else { return nil }
        return try mappingErrors {
            switch try DatabaseValue.fetchOne(db, sql: "PRAGMA \(name)")?.storage {
            case .int64(let value): String(value)
            case .string(let value): value
            default: nil
            }
        }
    }
}
