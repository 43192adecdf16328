/// The fields of a FHIR date, dateTime, instant or time, parsed by hand (no `DateFormatter` in hot paths)
/// following the regular expressions of the [R4 datatypes page](https://hl7.org/fhir/R4/datatypes.html).
struct DateTimeParts: Sendable, Hashable {
    var year = 0
    var month: Int?
    var day: Int?
    var hour: Int?
    var minute: Int?
    var second: Int?
    /// The fraction-of-second digits as written (`"123"` for `.123`), or `nil`.
    var fraction: String?
    /// Offset from UTC in minutes; `nil` when no time (and so no zone) was given.
    var offsetMinutes: Int?

    enum Shape {
        /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
        case date
        /// A date as above, or a full `YYYY-MM-DDThh:mm:ss(.f)?(Z|±hh:mm)`.
        case dateTime
        /// Only the full form with a zone.
        case instant
    }

    /// Parses `text` in the given shape; `nil` when it does not match or names a day that does not exist.
    static func parse(_ text: String, shape: Shape) -> DateTimeParts? {
        var reader = ByteReader(Array(text.utf8))
        var parts = DateTimeParts()
        guard let year = reader.digits(4), year >= 1 else { return nil }
        parts.year = year
        if reader.atEnd { return shape == .instant ? nil : parts }
        guard reader.consume(UInt8(ascii: "-")), let month = reader.digits(2), (1...12).contains(month) else {
            return nil
        }
        parts.month = month
        if reader.atEnd { return shape == .instant ? nil : parts }
        guard reader.consume(UInt8(ascii: "-")), let day = reader.digits(2),
            (1...CalendarMath.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        parts.day = day
        if reader.atEnd { return shape == .instant ? nil : parts }
        guard shape != .date, reader.consume(UInt8(ascii: "T")), reader.time(into: &parts) else { return nil }
        guard let offset = reader.zone() else { return nil }
        parts.offsetMinutes = offset
        return reader.atEnd ? parts : nil
    }

    /// Parses a FHIR `time`: `hh:mm:ss(.f+)?`.
    static func parseTime(_ text: String) -> DateTimeParts? {
        var reader = ByteReader(Array(text.utf8))
        var parts = DateTimeParts()
        guard reader.time(into: &parts), reader.atEnd else { return nil }
        return parts
    }

    /// The first millisecond covered, in UTC epoch milliseconds (dates without a time are taken as UTC).
    var lowMilliseconds: Int64 {
        let days = CalendarMath.daysFromCivil(year: year, month: month ?? 1, day: day ?? 1)
        var seconds = days * 86_400
        seconds += Int64(hour ?? 0) * 3_600 + Int64(minute ?? 0) * 60 + Int64(second ?? 0)
        seconds -= Int64(offsetMinutes ?? 0) * 60
        return seconds * 1_000 + Int64(fractionMilliseconds)
    }

    /// The milliseconds of the fraction, truncated (`.5` → 500, `.1239` → 123).
    var fractionMilliseconds: Int {
        guard let fraction else { return 0 }
        var value = 0
        var scale = 100
        for byte in fraction.utf8.prefix(3) {
            value += Int(byte - UInt8(ascii: "0")) * scale
            scale /= 10
        }
        return value
    }

    /// The first millisecond after the covered range: the precision of the text decides its width.
    var highMilliseconds: Int64 {
        let low = lowMilliseconds
        if hour != nil {
            switch fraction?.utf8.count ?? 0 {
            case 0: return low + 1_000
            case 1: return low + 100
            case 2: return low + 10
            default: return low + 1
            }
        }
        if let month, day != nil {
            return CalendarMath.daysFromCivil(year: year, month: month, day: day ?? 1) * 86_400_000 + 86_400_000
        }
        if let month {
            let next = month == 12 ? (year + 1, 1) : (year, month + 1)
            return CalendarMath.daysFromCivil(year: next.0, month: next.1, day: 1) * 86_400_000
        }
        return CalendarMath.daysFromCivil(year: year + 1, month: 1, day: 1) * 86_400_000
    }
}

/// A cursor over ASCII bytes for the date and time parsers.
struct ByteReader {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Exactly `count` decimal digits as a number.
    mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<count {
            let byte = bytes[index + offset]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += count
        return value
    }

    /// `hh:mm:ss(.f+)?`, seconds up to 60 for a leap second as FHIR's regex allows.
    mutating func time(into parts: inout DateTimeParts) -> Bool {
        guard let hour = digits(2), hour <= 23, consume(UInt8(ascii: ":")),
            let minute = digits(2), minute <= 59, consume(UInt8(ascii: ":")),
            let second = digits(2), second <= 60
        else { return false }
        parts.hour = hour
        parts.minute = minute
        parts.second = second
        if consume(UInt8(ascii: ".")) {
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                index += 1
            }
            guard index > start else { return false }
            parts.fraction = String(decoding: bytes[start..<index], as: UTF8.self)
        }
        return true
    }

    /// `Z` or `±hh:mm` (hours 00–13 with any minutes, or exactly 14:00), as minutes east of UTC.
    mutating func zone() -> Int? {
        if consume(UInt8(ascii: "Z")) { return 0 }
        let sign: Int
        if consume(UInt8(ascii: "+")) {
            sign = 1
        } else if consume(UInt8(ascii: "-")) {
            sign = -1
        } else {
            return nil
        }
        guard let hours = digits(2), consume(UInt8(ascii: ":")), let minutes = digits(2), minutes <= 59 else {
            return nil
        }
        guard hours <= 13 || (hours == 14 && minutes == 0) else { return nil }
        return sign * (hours * 60 + minutes)
    }
}

/// Proleptic Gregorian calendar arithmetic (Howard Hinnant's days-from-civil algorithms), all in UTC.
enum CalendarMath {
    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 for a civil date.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day number since 1970-01-01.
    static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}
