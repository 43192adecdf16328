import Testing

@testable import ZorgbrugCore

@Suite struct IdentityDelegationRuleTests {
    static func day(_ text: String) -> CalendarDay {
        CalendarDay(fhirDate: text) ?? CalendarDay(year: 1900, month: 1, day: 1)!
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var born: String?
        var today: String
        var party: ActingParty
        var expected: DelegationDecision
        var testDescription: String { "\(party) born \(born ?? "unknown") on \(today)" }
    }

    static let parent = ActingParty.relatedPerson(.parent)
    static let guardian = ActingParty.relatedPerson(.guardian)
    static let caregiver = ActingParty.relatedPerson(.caregiver)

    static let cases: [Case] = [
        // Under 12: only a parent or guardian.
        Case(born: "2013-06-16", today: "2024-06-15", party: .patient, expected: .refused(.patientTooYoung)),
        Case(born: "2013-06-16", today: "2024-06-15", party: parent, expected: .allowed(until: day("2029-06-16"))),
        Case(born: "2013-06-16", today: "2024-06-15", party: guardian, expected: .allowed(until: day("2029-06-16"))),
        Case(born: "2013-06-16", today: "2024-06-15", party: caregiver, expected: .refused(.patientTooYoungToDelegate)),
        // 12 today: the child may act too.
        Case(born: "2012-06-15", today: "2024-06-15", party: .patient, expected: .allowed(until: nil)),
        Case(born: "2012-06-15", today: "2024-06-15", party: parent, expected: .allowed(until: day("2028-06-15"))),
        // 15, 16 tomorrow: both; no caregiver yet.
        Case(born: "2008-06-16", today: "2024-06-15", party: .patient, expected: .allowed(until: nil)),
        Case(born: "2008-06-16", today: "2024-06-15", party: parent, expected: .allowed(until: day("2024-06-16"))),
        Case(born: "2008-06-16", today: "2024-06-15", party: caregiver, expected: .refused(.patientTooYoungToDelegate)),
        // 16 today: the parent's authority has ended; the patient may delegate.
        Case(born: "2008-06-15", today: "2024-06-15", party: parent, expected: .refused(.patientOfAge)),
        Case(born: "2008-06-15", today: "2024-06-15", party: guardian, expected: .refused(.patientOfAge)),
        Case(born: "2008-06-15", today: "2024-06-15", party: .patient, expected: .allowed(until: nil)),
        Case(born: "2008-06-15", today: "2024-06-15", party: caregiver, expected: .allowed(until: nil)),
        Case(born: "1950-01-01", today: "2024-06-15", party: caregiver, expected: .allowed(until: nil)),
        // 29 February: the 16th birthday falls on 28 February in a common year (2100).
        Case(born: "2084-02-29", today: "2100-02-27", party: parent, expected: .allowed(until: day("2100-02-28"))),
        Case(born: "2084-02-29", today: "2100-02-28", party: parent, expected: .refused(.patientOfAge)),
        Case(born: "2084-02-29", today: "2100-02-28", party: caregiver, expected: .allowed(until: nil)),
        Case(born: "2008-02-29", today: "2024-02-28", party: parent, expected: .allowed(until: day("2024-02-29"))),
        Case(born: "2008-02-29", today: "2024-02-29", party: parent, expected: .refused(.patientOfAge)),
        // Unknown birth date: fail closed for representatives, not for the patient.
        Case(born: nil, today: "2024-06-15", party: .patient, expected: .allowed(until: nil)),
        Case(born: nil, today: "2024-06-15", party: parent, expected: .refused(.birthDateUnknown)),
        Case(born: nil, today: "2024-06-15", party: caregiver, expected: .refused(.birthDateUnknown)),
        // Partial dates: read to fail closed.
        Case(born: "2008", today: "2024-01-01", party: parent, expected: .refused(.patientOfAge)),
        Case(born: "2008", today: "2023-12-31", party: parent, expected: .allowed(until: day("2024-01-01"))),
        Case(born: "2008", today: "2024-12-30", party: caregiver, expected: .refused(.patientTooYoungToDelegate)),
        Case(born: "2008", today: "2024-12-31", party: caregiver, expected: .allowed(until: nil)),
        Case(born: "2012-06", today: "2024-06-29", party: .patient, expected: .refused(.patientTooYoung)),
        Case(born: "2012-06", today: "2024-06-30", party: .patient, expected: .allowed(until: nil)),
    ]

    @Test(arguments: cases)
    func decides(_ testCase: Case) {
        let birthDate = testCase.born.flatMap(BirthDate.init(fhirDate:))
        #expect(testCase.born == nil || birthDate != nil)
        let decision = DelegationRule.mayAct(testCase.party, birthDate: birthDate, today: Self.day(testCase.today))
        #expect(decision == testCase.expected)
        #expect(decision.isAllowed == (testCase.expected.isAllowed))
    }

    @Test func refusalsHaveStableCodes() {
        #expect(DelegationRefusal.patientOfAge.code == "consent-patient-of-age")
        #expect(Set(DelegationRefusal.allCases.map(\.code)).count == DelegationRefusal.allCases.count)
    }
}
