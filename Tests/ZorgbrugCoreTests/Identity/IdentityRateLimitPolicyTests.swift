import Testing

@testable import ZorgbrugCore

@Suite struct IdentityRateLimitPolicyTests {
    static let policy = RateLimitPolicy.connectCodeRedemption
    static let minute = TokenLifetimes.minute
    static let now: Int64 = 1_800_000_000_000 + 7 * 60_000  // 7 minutes into an hour-aligned instant

    @Test func windowsAreAlignedPerScope() {
        let windows = Self.policy.windows(clientID: "pgo-1", sourceAddress: "192.0.2.1", now: Self.now)
        #expect(windows.map(\.key) == ["addr:192.0.2.1", "client:pgo-1"])
        #expect(windows[0].start == 1_800_000_000_000 - (1_800_000_000_000 % (15 * Self.minute)))
        #expect(windows[0].end - windows[0].start == 15 * Self.minute)
        #expect(windows[0].start <= Self.now && Self.now < windows[0].end)
        #expect(windows[1].end - windows[1].start == 60 * Self.minute)
        #expect(windows[1].start % (60 * Self.minute) == 0)
        #expect(windows.map(\.maxFailures) == [5, 20])
    }

    // In `expected`, `.locked(until: n)` names the window (1 = address, 2 = client) whose end the lock lasts to.
    @Test(arguments: [
        (0, 0, RateLimitDecision.allowed),
        (4, 19, .allowed),
        (5, 0, .locked(until: 1)),
        (0, 20, .locked(until: 2)),
        (9, 25, .locked(until: 2)),
    ])
    func locksWhenAWindowIsFull(addressFailures: Int, clientFailures: Int, expected: RateLimitDecision) {
        let windows = Self.policy.windows(clientID: "pgo-1", sourceAddress: "192.0.2.1", now: Self.now)
        let decision = Self.policy.decide([(windows[0], addressFailures), (windows[1], clientFailures)], now: Self.now)
        switch expected {
        case .allowed: #expect(decision == .allowed)
        case .locked(let which): #expect(decision == .locked(until: windows[Int(which) - 1].end))
        }
    }

    @Test func lockLiftsWhenTheWindowPasses() {
        let windows = Self.policy.windows(clientID: "c", sourceAddress: "a", now: Self.now)
        #expect(Self.policy.decide([(windows[0], 5)], now: windows[0].end - 1) == .locked(until: windows[0].end))
        #expect(Self.policy.decide([(windows[0], 5)], now: windows[0].end) == .allowed)
        let next = Self.policy.windows(clientID: "c", sourceAddress: "a", now: windows[0].end)
        #expect(next[0].start == windows[0].end)
    }

    @Test func negativeTimesStillAlign() {
        let windows = RateLimitPolicy(rules: [RateLimitRule(scope: .client, maxFailures: 1, window: 1000)])
            .windows(clientID: "c", sourceAddress: "a", now: -1)
        #expect(windows[0].start == -1000)
        #expect(windows[0].end == 0)
    }
}
