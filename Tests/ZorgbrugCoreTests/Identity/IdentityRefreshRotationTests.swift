import Testing

@testable import ZorgbrugCore

@Suite struct IdentityRefreshRotationTests {
    static let today = CalendarDay(year: 2024, month: 6, day: 15)!
    static let active = GrantLifecycle(status: .active, lastUsedAt: 0, party: .patient)
        .use(at: 1000, today: today, birthDate: nil)
    static let revoked = GrantLifecycle(status: .revoked(by: .patient, at: 5), lastUsedAt: 0, party: .patient)
        .use(at: 1000, today: today, birthDate: nil)
    static let lapsed = GrantLifecycle(status: .active, lastUsedAt: 0, party: .patient)
        .use(at: TokenLifetimes.standard.grantIdle, today: today, birthDate: nil)

    struct Case: Sendable {
        var state: RefreshTokenState?
        var grantClient: String?
        var grant: GrantTransition?
        var expected: RefreshDecision
    }

    static let cases: [Case] = [
        Case(state: .active, grantClient: "pgo", grant: active, expected: .rotate),
        Case(state: .rotated, grantClient: "pgo", grant: active, expected: .reuseDetected),
        Case(state: .rotated, grantClient: "pgo", grant: lapsed, expected: .reuseDetected),
        Case(state: .rotated, grantClient: "pgo", grant: revoked, expected: .refuse(.grantUnusable(.revoked(.patient)))),
        Case(state: .revoked, grantClient: "pgo", grant: active, expected: .refuse(.tokenRevoked)),
        Case(state: .active, grantClient: "pgo", grant: lapsed, expected: .refuse(.grantUnusable(.lapsed))),
        Case(state: .active, grantClient: "pgo", grant: revoked, expected: .refuse(.grantUnusable(.revoked(.patient)))),
        Case(state: .active, grantClient: "other", grant: active, expected: .refuse(.clientMismatch)),
        Case(state: .rotated, grantClient: "other", grant: active, expected: .refuse(.clientMismatch)),
        Case(state: nil, grantClient: nil, grant: nil, expected: .refuse(.unknownToken)),
    ]

    @Test(arguments: cases)
    func decides(_ testCase: Case) {
        let decision = RefreshRotation.decide(
            state: testCase.state, grantClientID: testCase.grantClient, presentingClientID: "pgo", grant: testCase.grant)
        #expect(decision == testCase.expected)
    }
}
