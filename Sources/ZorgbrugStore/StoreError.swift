/// A failure of the resource store: a stable ``code`` to branch on, a ``message`` that says what went wrong and
/// what to do, and the underlying ``cause`` for logs.
///
/// The set of codes is open (a struct over a private enum, so cases can be added without breaking callers).
/// The message never contains raw SQLite text; the SQLite error, when there is one, is kept in ``cause`` and must
/// only be logged, never sent to a client.
package struct StoreError: Error, Sendable, CustomStringConvertible {
    /// A stable, machine-readable error code (its ``rawValue`` is a kebab-case string fit for logs and metrics).
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The stable text of the code, e.g. `version-conflict`.
        package let rawValue: String

        private init(_ rawValue: String) { self.rawValue = rawValue }

        /// The resource does not exist (HTTP 404).
        package static let notFound = Code("not-found")
        /// The resource existed and was deleted (HTTP 410).
        package static let gone = Code("gone")
        /// `If-Match` named another version than the current one (HTTP 412); see ``StoreError/currentVersion``.
        package static let versionConflict = Code("version-conflict")
        /// Something that must be unique already exists, or a conditional create matched several resources
        /// (HTTP 412 for conditional create, 409 otherwise).
        package static let duplicate = Code("duplicate")
        /// A database constraint other than uniqueness was violated: a bug in the caller or the store.
        package static let constraint = Code("constraint")
        /// The database stayed locked longer than the busy timeout (HTTP 503; retrying later may succeed).
        package static let busy = Code("busy")
        /// The database file is damaged or not a database (restore from a backup).
        package static let corrupt = Code("corrupt")
        /// The disk or the file system failed: full disk, permissions, missing directory.
        package static let io = Code("io")
        /// Any other failure.
        package static let other = Code("other")

        package var description: String { rawValue }
    }

    private enum Kind: Sendable {
        case notFound(type: String, id: String)
        case gone(type: String, id: String)
        case versionConflict(current: Int)
        case duplicate(String)
        case constraint
        case busy
        case corrupt(String)
        case io(String)
        case other(String)
    }

    private let kind: Kind

    /// The underlying error (typically a GRDB `DatabaseError`), for logs only: never show it to a client.
    package let cause: (any Error)?

    private init(_ kind: Kind, cause: (any Error)? = nil) {
        self.kind = kind
        self.cause = cause
    }

    /// The stable code of this error.
    package var code: Code {
        switch kind {
        case .notFound: .notFound
        case .gone: .gone
        case .versionConflict: .versionConflict
        case .duplicate: .duplicate
        case .constraint: .constraint
        case .busy: .busy
        case .corrupt: .corrupt
        case .io: .io
        case .other: .other
        }
    }

    /// The current version of the resource when ``code`` is ``Code/versionConflict``; `nil` otherwise.
    package var currentVersion: Int? {
        if case .versionConflict(let current) = kind { return current }
        return nil
    }

    /// An English sentence that says what went wrong and what to do about it. Free of SQLite text.
    package var message: String {
        switch kind {
        case .notFound(let type, let id):
            "\(type)/\(id) does not exist; check the id, or create the resource with POST."
        case .gone(let type, let id):
            "\(type)/\(id) was deleted; deleted resources cannot be changed, create a new one instead."
        case .versionConflict(let current):
            "The resource was changed in the meantime (current version \(current)); read it again and retry with If-Match: W/\"\(current)\"."
        case .duplicate(let what):
            what
        case .constraint:
            "The data violates a storage rule; this is a server bug, report it with the request id."
        case .busy:
            "The database is busy; retry the request in a moment."
        case .corrupt(let what):
            what
        case .io(let what):
            what
        case .other(let what):
            what
        }
    }

    package var description: String { "StoreError(\(code)): \(message)" }

    /// `type/id` does not exist.
    package static func notFound(type: String, id: String) -> StoreError { StoreError(.notFound(type: type, id: id)) }

    /// `type/id` was deleted.
    package static func gone(type: String, id: String) -> StoreError { StoreError(.gone(type: type, id: id)) }

    /// `If-Match` did not name `current`, the current version.
    package static func versionConflict(current: Int) -> StoreError { StoreError(.versionConflict(current: current)) }

    /// Something unique exists already; `message` says what and what to do.
    package static func duplicate(_ message: String, cause: (any Error)? = nil) -> StoreError {
        StoreError(.duplicate(message), cause: cause)
    }

    /// A constraint other than uniqueness failed.
    static func constraint(cause: (any Error)?) -> StoreError { StoreError(.constraint, cause: cause) }

    /// The database was locked for too long.
    static func busy(cause: (any Error)?) -> StoreError { StoreError(.busy, cause: cause) }

    /// Stored data could not be read back; `message` says what and what to do.
    static func corrupt(_ message: String, cause: (any Error)? = nil) -> StoreError {
        StoreError(.corrupt(message), cause: cause)
    }

    /// The file system failed; `message` says what and what to do.
    static func io(_ message: String, cause: (any Error)? = nil) -> StoreError {
        StoreError(.io(message), cause: cause)
    }

    /// Any other failure; `message` says what and what to do.
    static func other(_ message: String, cause: (any Error)? = nil) -> StoreError {
        StoreError(.other(message), cause: cause)
    }
}
