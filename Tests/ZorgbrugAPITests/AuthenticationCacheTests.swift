import Testing
import ZorgbrugCore

@testable import ZorgbrugAPI

@Suite("AuthenticationCache: reused only at the same epoch, before validUntil, and never across a Dutch midnight")
struct AuthenticationCacheTests {
    let provider = Caller(clientID: "ehr", kind: .provider(organizationID: "org-1"))

    @Test func reusedAtTheSameEpochOnly() {
        let cache = AuthenticationCache()
        cache.remember(provider, tokenHash: "h1", epoch: 7, now: 1_000, validUntil: 50_000)
        #expect(cache.caller(tokenHash: "h1", epoch: 7, now: 2_000) == provider)
        #expect(cache.caller(tokenHash: "h2", epoch: 7, now: 2_000) == nil)
        #expect(cache.caller(tokenHash: "h1", epoch: 8, now: 2_000) == nil)
        // A miss on another epoch drops the entry: going back to the old epoch does not revive it.
        #expect(cache.caller(tokenHash: "h1", epoch: 7, now: 2_000) == nil)
    }

    @Test func neverAtOrAfterValidUntilNorLongerThanTheMaximumAge() {
        let cache = AuthenticationCache()
        cache.remember(provider, tokenHash: "h1", epoch: 1, now: 1_000, validUntil: 5_000)
        #expect(cache.caller(tokenHash: "h1", epoch: 1, now: 4_999) == provider)
        #expect(cache.caller(tokenHash: "h1", epoch: 1, now: 5_000) == nil)
        cache.remember(provider, tokenHash: "h2", epoch: 1, now: 1_000, validUntil: 10_000_000)
        #expect(cache.caller(tokenHash: "h2", epoch: 1, now: 1_000 + AuthenticationCache.maximumAge - 1) == provider)
        #expect(cache.caller(tokenHash: "h2", epoch: 1, now: 1_000 + AuthenticationCache.maximumAge) == nil)
        // Nothing is remembered that is not valid now.
        cache.remember(provider, tokenHash: "h3", epoch: 1, now: 1_000, validUntil: 1_000)
        #expect(cache.caller(tokenHash: "h3", epoch: 1, now: 1_000) == nil)
    }

    /// 2026-11-23 23:00:00 UTC is 2026-11-24 00:00 in Amsterdam (UTC+1 in winter); 2026-06-14 22:00:00 UTC is
    /// 2026-06-15 00:00 there (UTC+2 in summer).
    @Test("ends at the Dutch midnight", arguments: [Int64(1_795_474_800_000), 1_781_474_400_000])
    func endsAtDutchMidnight(midnight: Int64) {
        #expect(CalendarDay(epochMilliseconds: midnight - 1) != CalendarDay(epochMilliseconds: midnight))
        #expect(AuthenticationCache.nextDutchDay(after: midnight - 30_000) == midnight)
        #expect(AuthenticationCache.nextDutchDay(after: midnight - 1) == midnight)
        let cache = AuthenticationCache()
        cache.remember(provider, tokenHash: "h", epoch: 1, now: midnight - 10_000, validUntil: midnight + 3_600_000)
        #expect(cache.caller(tokenHash: "h", epoch: 1, now: midnight - 1) == provider)
        #expect(cache.caller(tokenHash: "h", epoch: 1, now: midnight) == nil)
    }

    @Test func fullCacheDropsExpiredEntriesFirst() {
        let cache = AuthenticationCache(capacity: 3)
        cache.remember(provider, tokenHash: "old", epoch: 1, now: 0, validUntil: 100)
        cache.remember(provider, tokenHash: "a", epoch: 1, now: 0, validUntil: 10_000)
        cache.remember(provider, tokenHash: "b", epoch: 1, now: 0, validUntil: 10_000)
        cache.remember(provider, tokenHash: "c", epoch: 1, now: 200, validUntil: 10_000)
        #expect(cache.caller(tokenHash: "a", epoch: 1, now: 300) == provider)
        #expect(cache.caller(tokenHash: "c", epoch: 1, now: 300) == provider)
        cache.remember(provider, tokenHash: "d", epoch: 1, now: 300, validUntil: 10_000)
        // Full with nothing expired: everything goes, the newest stays.
        #expect(cache.caller(tokenHash: "a", epoch: 1, now: 400) == nil)
        #expect(cache.caller(tokenHash: "d", epoch: 1, now: 400) == provider)
    }
}
