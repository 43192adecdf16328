import Synchronization

/// A clock tests move by hand (epoch milliseconds), for token expiry, consent lapse and birthdays.
final class TestClock: Sendable {
    private let value: Mutex<Int64>

    /// Starts at 2026-11-23T10:00:00Z unless told otherwise.
    init(_ start: Int64 = 1_795_428_000_000) {
        value = Mutex(start)
    }

    var now: Int64 { value.withLock { $0 } }

    func advance(milliseconds: Int64) {
        value.withLock { $0 += milliseconds }
    }

    func advance(days: Int) {
        advance(milliseconds: Int64(days) * 86_400_000)
    }

    var closure: @Sendable () -> Int64 { { self.now } }
}
