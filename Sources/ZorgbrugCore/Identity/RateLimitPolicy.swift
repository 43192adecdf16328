/// Limits on failed connect-code redemptions, per source address and per client, over fixed time windows.
///
/// Pure: the owner reads the counters the policy names, asks ``decide(_:now:)``, and after a failed redemption
/// records one failure in every window of ``windows(clientID:sourceAddress:now:)``. Check BEFORE trying a code:
/// while locked, even a correct code is refused, or guessing would simply go on. The defaults
/// (``connectCodeRedemption``) are 5 failures per 15 minutes per address and 20 per hour per client; the guessing
/// math is in docs/SECURITY.md.
package struct RateLimitPolicy: Sendable, Hashable {
    /// The rules; a request must pass all of them.
    package var rules: [RateLimitRule]

    package init(rules: [RateLimitRule]) {
        self.rules = rules
    }

    /// 5 failures / 15 min per source address; 20 failures / hour per client.
    package static let connectCodeRedemption = RateLimitPolicy(rules: [
        RateLimitRule(scope: .sourceAddress, maxFailures: 5, window: 15 * TokenLifetimes.minute),
        RateLimitRule(scope: .client, maxFailures: 20, window: 60 * TokenLifetimes.minute),
    ])

    /// The current window of every rule for this request: the counter keys to read and, on failure, to bump.
    package func windows(clientID: String, sourceAddress: String, now: Int64) -> [RateLimitWindow] {
        rules.map { rule in
            let subject = rule.scope == .client ? clientID : sourceAddress
            let start = now - ((now % rule.window) + rule.window) % rule.window
            return RateLimitWindow(
                key: "\(rule.scope.rawValue):\(subject)", start: start, end: start + rule.window,
                maxFailures: rule.maxFailures)
        }
    }

    /// Allowed unless some window already holds its maximum of failures; then locked until the latest such
    /// window ends.
    ///
    /// - Parameter counts: each window from ``windows(clientID:sourceAddress:now:)`` with its stored failure count.
    package func decide(_ counts: [(window: RateLimitWindow, failures: Int)], now: Int64) -> RateLimitDecision {
        let lockedUntil = counts
            .filter { $0.failures >= $0.window.maxFailures && now < $0.window.end }
            .map(\.window.end)
            .max()
        return lockedUntil.map { .locked(until: $0) } ?? .allowed
    }
}

/// One limit: at most `maxFailures` failures per `window` milliseconds for one subject.
package struct RateLimitRule: Sendable, Hashable {
    package var scope: RateLimitScope
    package var maxFailures: Int
    /// Window length in milliseconds (must be positive).
    package var window: Int64

    package init(scope: RateLimitScope, maxFailures: Int, window: Int64) {
        self.scope = scope
        self.maxFailures = maxFailures
        self.window = max(1, window)
    }
}

/// What a rule counts failures per.
package enum RateLimitScope: String, Sendable, Hashable {
    /// Per remote IP address.
    case sourceAddress = "addr"
    /// Per OAuth client.
    case client
}

/// A counter bucket: failures for `key` in `[start, end)`.
package struct RateLimitWindow: Sendable, Hashable {
    /// Counter key, e.g. `addr:192.0.2.1` or `client:pgo-1` (the store's `authFailure.key`).
    package var key: String
    /// Window start, UTC epoch ms (the store's `authFailure.windowStart`).
    package var start: Int64
    /// Window end (exclusive).
    package var end: Int64
    package var maxFailures: Int

    package init(key: String, start: Int64, end: Int64, maxFailures: Int) {
        self.key = key
        self.start = start
        self.end = end
        self.maxFailures = maxFailures
    }
}

/// Whether a redemption may be tried.
package enum RateLimitDecision: Sendable, Hashable {
    case allowed
    /// Refuse (HTTP 429, `Retry-After` from `until`, UTC epoch ms) without looking at the code.
    case locked(until: Int64)
}
