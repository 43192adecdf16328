import Testing
import ZorgbrugCore

@Suite("FHIRDateRange (https://hl7.org/fhir/R4/search.html#date)")
struct FHIRDateRangeTests {
    static let day: Int64 = 86_400_000
    /// 2026-11-23T00:00:00Z.
    static let nov23: Int64 = 1_795_392_000_000

    @Test("epochMillis of known dates")
    func epochMillis() {
        #expect(FHIRDateRange.epochMillis(1970, 1, 1) == 0)
        #expect(FHIRDateRange.epochMillis(2026, 11, 23) == Self.nov23)
        #expect(FHIRDateRange.epochMillis(2026, 1, 1) == 1_767_225_600_000)
        #expect(FHIRDateRange.epochMillis(1968, 4, 12) == -54_345_600_000)
        #expect(FHIRDateRange.epochMillis(2000, 3, 1) - FHIRDateRange.epochMillis(2000, 2, 28) == 2 * Self.day)
    }

    @Test("a year covers the whole year", arguments: [(2026, 365), (2024, 366), (2000, 366), (1900, 365)])
    func year(year: Int, days: Int64) throws {
        let range = try #require(FHIRDateRange.parse(String(year)))
        #expect(range.low == FHIRDateRange.epochMillis(year, 1, 1))
        #expect(range.high - range.low == days * Self.day)
    }

    @Test("a month covers the whole month", arguments: [
        ("2026-02", 28), ("2024-02", 29), ("2026-04", 30), ("2026-12", 31), ("2026-01", 31),
    ] as [(String, Int64)])
    func month(text: String, days: Int64) throws {
        let range = try #require(FHIRDateRange.parse(text))
        #expect(range.high - range.low == days * Self.day)
    }

    @Test("December ends at the next new year")
    func december() throws {
        let range = try #require(FHIRDateRange.parse("2026-12"))
        #expect(range.low == FHIRDateRange.epochMillis(2026, 12, 1))
        #expect(range.high == FHIRDateRange.epochMillis(2027, 1, 1))
    }

    @Test("a date covers one UTC day")
    func date() throws {
        let range = try #require(FHIRDateRange.parse("2026-11-23"))
        #expect(range == FHIRDateRange(low: Self.nov23, high: Self.nov23 + Self.day))
    }

    @Test("leap days", arguments: [("2024-02-29", true), ("2000-02-29", true), ("2026-02-29", false), ("1900-02-29", false)])
    func leapDay(text: String, valid: Bool) {
        #expect((FHIRDateRange.parse(text) != nil) == valid, "\(text)")
    }

    @Test("daysIn follows the Gregorian calendar")
    func daysIn() {
        #expect(FHIRDateRange.daysIn(year: 2024, month: 2) == 29)
        #expect(FHIRDateRange.daysIn(year: 2026, month: 2) == 28)
        #expect(FHIRDateRange.daysIn(year: 2100, month: 2) == 28)
        #expect(FHIRDateRange.daysIn(year: 2400, month: 2) == 29)
        #expect(FHIRDateRange.daysIn(year: 2026, month: 9) == 30)
        #expect(FHIRDateRange.daysIn(year: 2026, month: 8) == 31)
    }

    @Test("dateTimes with Z and offsets are one second, converted to UTC", arguments: [
        ("2026-11-23T10:15:00Z", 1_795_428_900_000),
        ("2026-11-23T10:15:00+00:00", 1_795_428_900_000),
        ("2026-11-23T10:15:00-00:00", 1_795_428_900_000),
        ("2026-11-23T10:15:00+01:00", 1_795_425_300_000),
        ("2026-11-23T10:15:00-05:30", 1_795_448_700_000),
        ("2026-11-23T00:30:00+01:00", 1_795_390_200_000),  // the previous UTC day
        ("2026-11-23T23:59:59Z", 1_795_478_399_000),
        ("2026-11-23T10:15:00+14:00", 1_795_378_500_000),
    ] as [(String, Int64)])
    func dateTime(text: String, low: Int64) throws {
        let range = try #require(FHIRDateRange.parse(text), "\(text)")
        #expect(range.low == low)
        #expect(range.high - range.low == 1000)
    }

    @Test("a time without seconds covers one minute")
    func minutePrecision() throws {
        let range = try #require(FHIRDateRange.parse("2026-11-23T10:15Z"))
        #expect(range.low == 1_795_428_900_000)
        #expect(range.high - range.low == 60_000)
    }

    @Test("fractions of 1 to 9+ digits give millisecond precision and never crash", arguments: [
        ("2026-11-23T10:15:00.5Z", 500),
        ("2026-11-23T10:15:00.05Z", 50),
        ("2026-11-23T10:15:00.123Z", 123),
        ("2026-11-23T10:15:00.1234Z", 123),
        ("2026-11-23T10:15:00.123456Z", 123),
        ("2026-11-23T10:15:00.999999999Z", 999),
        ("2026-11-23T10:15:00.000000001Z", 0),
        ("2026-11-23T10:15:00.12345678901234567890123+01:00", 123 - 3_600_000),
    ] as [(String, Int64)])
    func fractions(text: String, millis: Int64) throws {
        let range = try #require(FHIRDateRange.parse(text), "\(text)")
        #expect(range.low == 1_795_428_900_000 + millis)
        #expect(range.high - range.low == 1)
    }

    @Test("invalid values are nil, never a crash", arguments: [
        "", "2", "202", "abcd", "20261", "2026-", "2026-1", "2026-13", "2026-00", "2026-1-05", "2026-11-",
        "2026-11-2", "2026-11-00", "2026-11-31", "2026-04-31", "2026-02-30", "2026-11-23Z", "2026-11-23x",
        "2026-11-23T", "2026-11-23T10", "2026-11-23T10:15", "2026-11-23T10:15:00", "2026-11-23T24:00:00Z",
        "2026-11-23T10:60:00Z", "2026-11-23T10:15:61Z", "2026-11-23T1:15:00Z", "2026-11-23 10:15:00Z",
        "2026-11-23T10:15:00.Z", "2026-11-23T10:15:00.", "2026-11-23T10:15:00+1:00", "2026-11-23T10:15:00+01",
        "2026-11-23T10:15:00+0100", "2026-11-23T10:15:00+15:00", "2026-11-23T10:15:00+01:60",
        "2026-11-23T10:15:00Zx", "2026-11-23T10:15:00+01:00x", "2026-11-23T10:15.5Z", "-2026", "２０２６",
        "2026-11-23T10:15:00z",
    ])
    func invalid(text: String) {
        #expect(FHIRDateRange.parse(text) == nil, "\(text)")
    }

    @Test("ranges nest: a day lies inside its month, its year, and contains its instants")
    func nesting() throws {
        let year = try #require(FHIRDateRange.parse("2026"))
        let month = try #require(FHIRDateRange.parse("2026-11"))
        let day = try #require(FHIRDateRange.parse("2026-11-23"))
        let instant = try #require(FHIRDateRange.parse("2026-11-23T10:15:00.250Z"))
        #expect(year.low <= month.low && month.high <= year.high)
        #expect(month.low <= day.low && day.high <= month.high)
        #expect(day.low <= instant.low && instant.high <= day.high)
    }
}
