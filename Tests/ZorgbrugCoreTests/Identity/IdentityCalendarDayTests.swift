import Testing

@testable import ZorgbrugCore

@Suite struct IdentityCalendarDayTests {
    static func day(_ text: String) -> CalendarDay? { CalendarDay(fhirDate: text) }

    @Test(arguments: ["2024-02-29", "2000-02-29", "1999-12-31", "0001-01-01"])
    func parsesValidDates(text: String) throws {
        #expect(try #require(Self.day(text)).description == text)
    }

    @Test(arguments: ["2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-1-01", "24-01-01", "2024-01-01T00:00", "2024", "", "２０２４-01-01"])
    func refusesInvalidDates(text: String) {
        #expect(Self.day(text) == nil)
    }

    @Test(arguments: [
        // Winter (UTC+1): 23:30 UTC is already the next day in Amsterdam.
        (Int64(1_704_065_400_000), "2024-01-01"),  // 2023-12-31T23:30Z
        (1_704_061_800_000, "2023-12-31"),  // 2023-12-31T22:30Z
        // Summer (UTC+2): 22:30 UTC is the next day.
        (1_719_786_600_000, "2024-07-01"),  // 2024-06-30T22:30Z
        (1_719_783_000_000, "2024-06-30"),  // 2024-06-30T21:30Z
        // Summer time starts 2024-03-31T01:00Z; ends 2024-10-27T01:00Z.
        (1_711_839_600_000, "2024-03-31"),  // 2024-03-30T23:00Z (+1) → 00:00 on the 31st
        (1_730_070_000_000, "2024-10-28"),  // 2024-10-27T23:00Z (+1 again) → 00:00 on the 28th
        (1_730_066_400_000, "2024-10-27"),  // 2024-10-27T22:00Z (+1) → 23:00 on the 27th
        (0, "1970-01-01"),
        (-3_600_000, "1970-01-01"),  // 1969-12-31T23:00Z (+1)
        (-3_600_001, "1969-12-31"),
    ])
    func dutchCivilDay(epochMilliseconds: Int64, expected: String) {
        #expect(CalendarDay(epochMilliseconds: epochMilliseconds).description == expected)
    }

    @Test func leapDayAnniversaryFallsOn28FebruaryInCommonYears() throws {
        let born = try #require(Self.day("2008-02-29"))
        #expect(born.adding(years: 16).description == "2024-02-29")
        #expect(born.adding(years: 15).description == "2023-02-28")
        #expect(born.adding(years: 12).description == "2020-02-29")
        #expect(try #require(Self.day("2008-03-01")).adding(years: 1).description == "2009-03-01")
    }

    @Test func ordersByDay() throws {
        #expect(try #require(Self.day("2024-01-31")) < #require(Self.day("2024-02-01")))
        #expect(try #require(Self.day("2023-12-31")) < #require(Self.day("2024-01-01")))
        #expect(try #require(Self.day("2024-01-01")).daysSinceEpoch == 19_723)
    }

    @Test func birthDatePrecision() throws {
        let year = try #require(BirthDate(fhirDate: "2010"))
        #expect(year.earliest.description == "2010-01-01")
        #expect(year.latest.description == "2010-12-31")
        let month = try #require(BirthDate(fhirDate: "2012-02"))
        #expect(month.latest.description == "2012-02-29")
        #expect(BirthDate(fhirDate: "2010-13") == nil)
        #expect(BirthDate(fhirDate: "201") == nil)
        #expect(BirthDate(fhirDate: "2010-05-03-01") == nil)
        #expect(BirthDate(fhirDate: "2010--") == nil)
    }
}
