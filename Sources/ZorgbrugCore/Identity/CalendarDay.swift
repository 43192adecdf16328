/// A day in the Gregorian calendar, without time or zone: what a FHIR `date` with full precision means.
///
/// Used for the WGBO age rules (birth dates and "today"). ``init(epochMilliseconds:)`` gives the Dutch civil
/// day (Europe/Amsterdam, with EU summer time), because a Dutch birthday begins at midnight in the Netherlands.
package struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    package let year: Int
    package let month: Int
    package let day: Int

    /// A valid day, or `nil` (month 1–12, day within the month, leap years honoured, year 1–9999).
    package init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Self.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses a full-precision FHIR date `YYYY-MM-DD`; `nil` for anything else.
    package init?(fhirDate text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The Dutch civil day (Europe/Amsterdam: UTC+1, UTC+2 from the last Sunday of March 01:00 UTC to the last
    /// Sunday of October 01:00 UTC) at the instant `epochMilliseconds` (UTC).
    package init(epochMilliseconds: Int64) {
        let utcDay = Self.floorDiv(epochMilliseconds, 86_400_000)
        let utcYear = Self.civil(fromDays: utcDay).year
        let offsetHours: Int64 = Self.isDutchSummerTime(epochMilliseconds, year: utcYear) ? 2 : 1
        let local = epochMilliseconds + offsetHours * 3_600_000
        let date = Self.civil(fromDays: Self.floorDiv(local, 86_400_000))
        self.year = date.year
        self.month = date.month
        self.day = date.day
    }

    /// The UTC day of the instant `epochMilliseconds`.
    package init(utcEpochMilliseconds epochMilliseconds: Int64) {
        let date = Self.civil(fromDays: Self.floorDiv(epochMilliseconds, 86_400_000))
        self.init(unchecked: date.year, date.month, date.day)
    }

    /// A FHIR `instant` in UTC with milliseconds, e.g. `2024-06-15T12:34:56.789Z`.
    package static func fhirInstant(epochMilliseconds: Int64) -> String {
        let day = CalendarDay(utcEpochMilliseconds: epochMilliseconds)
        let milliseconds = epochMilliseconds - floorDiv(epochMilliseconds, 86_400_000) * 86_400_000
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let time = "\(pad(milliseconds / 3_600_000, 2)):\(pad(milliseconds / 60_000 % 60, 2)):"
            + "\(pad(milliseconds / 1000 % 60, 2)).\(pad(milliseconds % 1000, 3))"
        return "\(day.description)T\(time)Z"
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`.
    package var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    package static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The same month and day `years` later. A 29 February falls on 28 February in a year without one: a person
    /// born on 29 February reaches a new age on 28 February in common years (see docs/SECURITY.md).
    package func adding(years: Int) -> CalendarDay {
        let target = year + years
        let lastDay = Self.daysIn(month: month, year: target)
        return CalendarDay(unchecked: target, month, min(day, lastDay))
    }

    /// The last day of `month` in `year`.
    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Gregorian leap year.
    package static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days since 1970-01-01 (negative before).
    package var daysSinceEpoch: Int64 { Self.days(year: year, month: month, day: day) }

    // Howard Hinnant's days_from_civil / civil_from_days.
    private static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civil(fromDays value: Int64) -> (year: Int, month: Int, day: Int) {
        let z = value + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// EU summer time: from the last Sunday of March 01:00 UTC until the last Sunday of October 01:00 UTC.
    private static func isDutchSummerTime(_ epochMilliseconds: Int64, year: Int) -> Bool {
        func lastSunday(month: Int) -> Int64 {
            let last = days(year: year, month: month, day: 31)
            let weekday = ((last + 4) % 7 + 7) % 7  // 0 = Sunday; 1970-01-01 was a Thursday
            return last - weekday
        }
        let start = lastSunday(month: 3) * 86_400_000 + 3_600_000
        let end = lastSunday(month: 10) * 86_400_000 + 3_600_000
        return epochMilliseconds >= start && epochMilliseconds < end
    }
}
