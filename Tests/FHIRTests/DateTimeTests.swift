import FHIR
import Testing

@Suite("date, dateTime, instant and time")
struct DateTimeTests {
    private let day: Int64 = 86_400_000

    @Test("valid dates parse with their precision", arguments: ["2026", "2026-11", "2026-11-23", "2024-02-29", "0001"])
    func validDates(text: String) throws {
        let date = try #require(FHIRDate(text))
        #expect(date.text == text)
    }

    @Test(
        "invalid dates are rejected",
        arguments: [
            "2026-02-30", "2026-13-01", "2026-00-10", "2025-02-29", "1900-02-29", "26", "2026-1-01", "2026-11-23T10:00:00Z",
            "0000", "2026-11-", "", " 2026",
        ])
    func invalidDates(text: String) {
        #expect(FHIRDate(text) == nil)
    }

    @Test("a date covers its whole year, month or day in UTC")
    func dateRanges() throws {
        // 2026-01-01T00:00:00Z = 1767225600000
        let year = try #require(FHIRDate("2026")).range
        #expect(year.lowerBound == 1_767_225_600_000)
        #expect(year.upperBound - year.lowerBound == 365 * day)
        let february = try #require(FHIRDate("2024-02")).range
        #expect(february.upperBound - february.lowerBound == 29 * day)
        let december = try #require(FHIRDate("2026-12")).range
        let nextYear = try #require(FHIRDate("2027")).range
        #expect(december.upperBound == nextYear.lowerBound)
        let single = try #require(FHIRDate("2026-11-23")).range
        #expect(single.lowerBound == 1_795_392_000_000)
        #expect(single.upperBound - single.lowerBound == day)
        #expect(try #require(FHIRDate("1969-12-31")).range.lowerBound == -day)
    }

    @Test(
        "valid dateTimes parse",
        arguments: [
            "2026", "2026-11", "2026-11-23", "2026-11-23T10:15:30Z", "2026-11-23T10:15:30.5+01:00",
            "2026-11-23T23:59:60Z", "2026-11-23T10:15:30+14:00", "2026-11-23T10:15:30-13:59",
        ])
    func validDateTimes(text: String) {
        #expect(FHIRDateTime(text) != nil)
    }

    @Test(
        "invalid dateTimes are rejected",
        arguments: [
            "2026-11-23T10:00:00", "2026-11-23T10:00Z", "2026-02-30T10:00:00Z", "2026-13-01", "2026-11-23T24:00:00Z",
            "2026-11-23T10:00:00+14:30", "2026-11-23T10:00:00.Z", "2026-11-23 10:00:00Z", "2026-11-23T10:00:00+0100",
        ])
    func invalidDateTimes(text: String) {
        #expect(FHIRDateTime(text) == nil)
    }

    @Test("a full dateTime covers one second (or one unit of its last fraction digit), zone applied")
    func dateTimeRanges() throws {
        let utc = try #require(FHIRDateTime("2026-11-23T10:15:30Z")).range
        #expect(utc.lowerBound == 1_795_392_000_000 + (10 * 3600 + 15 * 60 + 30) * 1000)
        #expect(utc.count == 1000)
        let amsterdam = try #require(FHIRDateTime("2026-11-23T11:15:30+01:00")).range
        #expect(amsterdam == utc)
        let tenths = try #require(FHIRDateTime("2026-11-23T10:15:30.5Z")).range
        #expect(tenths.lowerBound == utc.lowerBound + 500)
        #expect(tenths.count == 100)
        let partial = try #require(FHIRDateTime("2026-11")).range
        let month = try #require(FHIRDate("2026-11")).range
        #expect(partial == month)
        #expect(try #require(FHIRDateTime("2026-11-23")).hasTime == false)
        let fromMilliseconds = FHIRDateTime(milliseconds: 1_795_428_930_123)
        #expect(fromMilliseconds.text == "2026-11-23T10:15:30.123Z")
        #expect(fromMilliseconds.range.lowerBound == 1_795_428_930_123)
        #expect(fromMilliseconds.offsetMinutes == 0)
    }

    @Test("instants need a full time and a zone")
    func instants() throws {
        #expect(FHIRInstant("2026-11-23T10:15:30Z") != nil)
        #expect(FHIRInstant("2026-11-23T10:15:30.123456-05:00") != nil)
        #expect(FHIRInstant("2026-11-23") == nil)
        #expect(FHIRInstant("2026-11-23T10:15:30") == nil)
        #expect(FHIRInstant("2026-02-30T10:15:30Z") == nil)
        let instant = try #require(FHIRInstant("2026-11-23T11:15:30.1239+01:00"))
        #expect(instant.milliseconds == 1_795_392_000_000 + (10 * 3600 + 15 * 60 + 30) * 1000 + 123)
    }

    @Test(
        "instants format in UTC with exactly three fraction digits",
        arguments: [
            (Int64(0), "1970-01-01T00:00:00.000Z"),
            (1_795_428_930_123, "2026-11-23T10:15:30.123Z"),
            (1_709_164_800_007, "2024-02-29T00:00:00.007Z"),
            (-1, "1969-12-31T23:59:59.999Z"),
            (253_402_300_799_999, "9999-12-31T23:59:59.999Z"),
        ])
    func formatting(milliseconds: Int64, text: String) throws {
        #expect(FHIRInstant.format(milliseconds: milliseconds) == text)
        #expect(try #require(FHIRInstant(text)).milliseconds == milliseconds)
        #expect(FHIRInstant(milliseconds: milliseconds).text == text)
    }

    @Test("times parse hh:mm:ss with optional fraction and nothing else")
    func times() throws {
        #expect(try #require(FHIRTime("08:30:00")).millisecondsSinceMidnight == 30_600_000)
        #expect(try #require(FHIRTime("23:59:59.25")).millisecondsSinceMidnight == 86_399_250)
        for bad in ["24:00:00", "08:30", "08:60:00", "8:30:00", "08:30:00Z", "08:30:00."] {
            #expect(FHIRTime(bad) == nil, "\(bad)")
        }
    }

    @Test("decoding from JSON reports wrong types and bad values with stable codes")
    func decodingErrors() {
        #expect(throws: FHIRDecodingError(code: .valueInvalid, message: "\"2026-02-30\" is not a valid FHIR date."))
        {
            try FHIRDate(json: "2026-02-30")
        }
        do {
            _ = try FHIRDateTime(json: 2026)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .elementTypeInvalid)
        }
    }

    @Test("decimals keep their text and give a Double")
    func decimals() throws {
        let decimal = try FHIRDecimal(json: .number(try #require(JSONNumber(text: "120.50"))))
        #expect(decimal.text == "120.50")
        #expect(decimal.double == 120.5)
        #expect(decimal.fractionDigits == 2)
        #expect(decimal.json.serializedString() == "120.50")
        #expect(FHIRDecimal("1.") == nil)
        #expect(throws: FHIRDecodingError.self) { try FHIRDecimal(json: "1.5") }
    }
}
