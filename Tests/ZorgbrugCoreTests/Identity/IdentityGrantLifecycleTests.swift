import Testing

@testable import ZorgbrugCore

@Suite struct IdentityGrantLifecycleTests {
    static let day = TokenLifetimes.day
    static let start: Int64 = 1_718_409_600_000  // 2024-06-15T00:00Z
    static let today = CalendarDay(year: 2024, month: 6, day: 15)!
    static let adult = BirthDate(fhirDate: "1980-01-01")
    static let child = BirthDate(fhirDate: "2010-01-01")

    static func grant(_ status: GrantStatus = .active, party: ActingParty = .patient) -> GrantLifecycle {
        GrantLifecycle(status: status, lastUsedAt: start, party: party)
    }

    @Test func useKeepsAnActiveGrantAliveAndSlidesItsIdleWindow() {
        let used = Self.grant().use(at: Self.start + 179 * Self.day, today: Self.today, birthDate: Self.adult)
        #expect(used.isAllowed)
        #expect(!used.statusChanged)
        #expect(used.lifecycle.lastUsedAt == Self.start + 179 * Self.day)
        let again = used.lifecycle.use(at: Self.start + 300 * Self.day, today: Self.today, birthDate: Self.adult)
        #expect(again.isAllowed)
    }

    @Test func lapsesAfter180DaysWithoutUse() {
        let lapsed = Self.grant().use(at: Self.start + 180 * Self.day, today: Self.today, birthDate: Self.adult)
        #expect(lapsed.refusal == .lapsed)
        #expect(lapsed.statusChanged)
        #expect(lapsed.lifecycle.status == .lapsed)
        #expect(lapsed.lifecycle.lastUsedAt == Self.start)
        #expect(lapsed.refusal?.code == "consent-expired")
        let later = lapsed.lifecycle.use(at: Self.start + 181 * Self.day, today: Self.today, birthDate: Self.adult)
        #expect(later.refusal == .lapsed)
        #expect(!later.statusChanged)
    }

    @Test func aParentsGrantEndsOnTheSixteenthBirthday() {
        let parent = Self.grant(party: .relatedPerson(.parent))
        let before = parent.use(at: Self.start, today: CalendarDay(year: 2025, month: 12, day: 31)!, birthDate: Self.child)
        #expect(before.isAllowed)
        let on = parent.evaluate(at: Self.start, today: CalendarDay(year: 2026, month: 1, day: 1)!, birthDate: Self.child)
        #expect(on.refusal == .ended(.patientOfAge))
        #expect(on.lifecycle.status == .ended(.patientOfAge))
        #expect(on.statusChanged)
        let unknown = parent.evaluate(at: Self.start, today: Self.today, birthDate: nil)
        #expect(unknown.refusal == .ended(.birthDateUnknown))
    }

    @Test func theDayOfNowIsTheDutchCivilDay() throws {
        let child = try #require(BirthDate(fhirDate: "2010-01-01"))
        let parent = Self.grant(party: .relatedPerson(.parent))
        // 2025-12-31T22:59:59.999Z is still 31 December in Amsterdam; 23:00Z is 1 January 2026, the 16th birthday.
        let lastMoment: Int64 = 1_767_221_999_999
        let usable = GrantLifecycle(status: .active, lastUsedAt: lastMoment, party: parent.party)
        #expect(usable.use(at: lastMoment, birthDate: child).isAllowed)
        #expect(usable.evaluate(at: lastMoment + 1, birthDate: child).refusal == .ended(.patientOfAge))
    }

    @Test(arguments: GrantRevoker.allCases)
    func revokeIsFinalAndIdempotent(revoker: GrantRevoker) {
        let revoked = Self.grant().revoke(by: revoker, at: Self.start + 5)
        #expect(revoked.statusChanged)
        #expect(revoked.lifecycle.status == .revoked(by: revoker, at: Self.start + 5))
        #expect(revoked.refusal == .revoked(revoker))
        let again = revoked.lifecycle.revoke(by: .operator, at: Self.start + 10)
        #expect(!again.statusChanged)
        #expect(again.lifecycle.status == .revoked(by: revoker, at: Self.start + 5))
        let use = revoked.lifecycle.use(at: Self.start + 6, today: Self.today, birthDate: Self.adult)
        #expect(use.refusal == .revoked(revoker))
        #expect(use.refusal?.code == "consent-revoked")
    }

    @Test func revokingALapsedOrEndedGrantRecordsTheDecision() {
        for status in [GrantStatus.lapsed, .ended(.patientOfAge)] {
            let revoked = Self.grant(status).revoke(by: .patient, at: Self.start)
            #expect(revoked.statusChanged)
            #expect(revoked.lifecycle.status == .revoked(by: .patient, at: Self.start))
        }
    }

    @Test func storedValues() {
        #expect(GrantStatus.active.storedValue == "active")
        #expect(GrantStatus.revoked(by: .patient, at: 1).storedValue == "revoked")
        #expect(GrantStatus.ended(.patientOfAge).storedValue == "ended")
        #expect(GrantRevoker.reuseDetected.rawValue == "reuse-detected")
    }
}
