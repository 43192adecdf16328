import Foundation

/// A value guarded by a lock.
///
/// `@unchecked Sendable` is sound because the only way to reach `value` is `withLock`, which holds the
/// `NSLock` for the whole access, and `Value` is itself `Sendable`, so nothing reachable escapes unguarded.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    /// Guards `value`.
    init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value. Never call `withLock` on the same box inside `body`.
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
