import Synchronization
import ZorgbrugCore

/// Remembers which caller a bearer token stood for, so that most requests skip the token, client, grant and
/// patient lookups and the WGBO computation.
///
/// An entry is used only while both hold:
/// - the identity epoch read at the start of the request equals the epoch the entry was computed at. The epoch
///   changes, by database trigger in the same transaction, with every revocation, client change, grant status
///   change and Patient change (`IdentitySchema`), also when `zorgbrug admin` makes it from another process; so
///   a revocation still takes effect on the very next request;
/// - the current time is before its `validUntil`: the token's expiry, the hour after which the grant's
///   `lastUsedAt` must be written again, the next Dutch calendar day (the age rules change at midnight), and at
///   most ``maximumAge`` after it was computed.
///
/// Keys are token hashes, never tokens. The cache holds at most ``capacity`` entries; when full, expired entries
/// go first, and if none had expired, all of them.
package final class AuthenticationCache: Sendable {
    private struct Entry {
        var caller: Caller
        var epoch: Int64
        var validUntil: Int64
    }

    /// The longest an entry is used, in milliseconds.
    package static let maximumAge: Int64 = 60_000
    package let capacity: Int
    private let entries = Mutex<[String: Entry]>([:])

    package init(capacity: Int = 50_000) {
        self.capacity = capacity
    }

    /// The remembered caller for `tokenHash`, when it is still valid at `now` and `epoch`.
    package func caller(tokenHash: String, epoch: Int64, now: Int64) -> Caller? {
        entries.withLock { entries in
            guard let entry = entries[tokenHash] else { return nil }
            guard entry.epoch == epoch, now < entry.validUntil else {
                entries[tokenHash] = nil
                return nil
            }
            return entry.caller
        }
    }

    /// Remembers `caller` for `tokenHash`, computed from the state at `epoch`, until `validUntil` (capped at
    /// ``maximumAge`` after `now`, and before the next Dutch calendar day).
    package func remember(_ caller: Caller, tokenHash: String, epoch: Int64, now: Int64, validUntil: Int64) {
        let until = min(validUntil, now + Self.maximumAge, Self.nextDutchDay(after: now))
        guard until > now else { return }
        entries.withLock { entries in
            if entries.count >= capacity, entries[tokenHash] == nil {
                entries = entries.filter { now < $0.value.validUntil }
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[tokenHash] = Entry(caller: caller, epoch: epoch, validUntil: until)
        }
    }

    /// The first millisecond after `now` that falls on another Dutch calendar day than `now`, searched within
    /// ``maximumAge`` (beyond it the answer does not matter: entries never live longer).
    static func nextDutchDay(after now: Int64) -> Int64 {
        let today = CalendarDay(epochMilliseconds: now)
        var high = now + maximumAge
        guard CalendarDay(epochMilliseconds: high) != today else { return high + 1 }
        var low = now  // `low` is on `today`, `high` is not
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if CalendarDay(epochMilliseconds: middle) == today { low = middle } else { high = middle }
        }
        return high
    }
}
