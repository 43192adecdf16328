/// The instant range a FHIR date, dateTime or instant covers, for date search
/// (https://hl7.org/fhir/R4/search.html#date): `2026` covers the whole year, `2026-11-23T10:15:00Z` one second.
///
/// Dates without a time zone are taken as UTC. `low` is inclusive, `high` exclusive, both epoch milliseconds.
package struct FHIRDateRange: Sendable, Hashable {
    package let low: Int64
    package let high: Int64

    package init(low: Int64, high: Int64) {
        self.low = low
        self.high = high
    }

    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, and `YYYY-MM-DDThh:mm[:ss[.fff]](Z|±hh:mm)`; `nil` when invalid
    /// (including impossible dates such as `2026-02-30`).
    package static func parse(_ text: String) -> FHIRDateRange? {
        let b = Array(text.utf8)
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var value = 0
            for i in from..<(from + count) {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                value = value * 10 + Int(b[i] - 0x30)
            }
            return value
        }
        guard let year = digits(0, 4) else { return nil }
        if b.count == 4 {
            return FHIRDateRange(low: epochMillis(year, 1, 1), high: epochMillis(year + 1, 1, 1))
        }
        guard b.count >= 7, b[4] == UInt8(ascii: "-"), let month = digits(5, 2), (1...12).contains(month) else { return nil }
        if b.count == 7 {
            let next = month == 12 ? (year + 1, 1) : (year, month + 1)
            return FHIRDateRange(low: epochMillis(year, month, 1), high: epochMillis(next.0, next.1, 1))
        }
        guard b.count >= 10, b[7] == UInt8(ascii: "-"), let day = digits(8, 2),
            day >= 1, day <= daysIn(year: year, month: month)
        else { return nil }
        let dayStart = epochMillis(year, month, day)
        if b.count == 10 { return FHIRDateRange(low: dayStart, high: dayStart + 86_400_000) }
        guard b[10] == UInt8(ascii: "T"), let hour = digits(11, 2), hour < 24, b.count > 13, b[13] == UInt8(ascii: ":"),
            let minute = digits(14, 2), minute < 60
        else { return nil }
        var index = 16
        var second = 0
        var millis = 0
        var precision: Int64 = 60_000
        if index < b.count, b[index] == UInt8(ascii: ":") {
            guard let s = digits(index + 1, 2), s < 60 else { return nil }
            second = s
            index += 3
            precision = 1000
            if index < b.count, b[index] == UInt8(ascii: ".") {
                index += 1
                var fraction = 0
                var count = 0
                while index < b.count, b[index] >= 0x30, b[index] <= 0x39 {
                    if count < 3 { fraction = fraction * 10 + Int(b[index] - 0x30) }
                    count += 1
                    index += 1
                }
                guard count > 0 else { return nil }
                var scale = count
                while scale < 3 {
                    fraction *= 10
                    scale += 1
                }
                millis = fraction
                precision = 1
            }
        }
        // Time zone is required when a time is given.
        guard index < b.count else { return nil }
        var offsetMinutes = 0
        if b[index] == UInt8(ascii: "Z") {
            index += 1
        } else if b[index] == UInt8(ascii: "+") || b[index] == UInt8(ascii: "-") {
            guard let oh = digits(index + 1, 2), oh <= 14, index + 3 < b.count, b[index + 3] == UInt8(ascii: ":"),
                let om = digits(index + 4, 2), om < 60
            else { return nil }
            offsetMinutes = (oh * 60 + om) * (b[index] == UInt8(ascii: "-") ? -1 : 1)
            index += 6
        } else {
            return nil
        }
        guard index == b.count else { return nil }
        let low = dayStart + Int64(hour) * 3_600_000 + Int64(minute) * 60_000 + Int64(second) * 1000 + Int64(millis)
            - Int64(offsetMinutes) * 60_000
        return FHIRDateRange(low: low, high: low + precision)
    }

    /// Days in a Gregorian month.
    package static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Epoch milliseconds of midnight UTC on a civil date (Howard Hinnant's days-from-civil).
    package static func epochMillis(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Int64(days) * 86_400_000
    }
}
