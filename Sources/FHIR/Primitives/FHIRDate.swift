/// A FHIR `date`: a year, a year and month, or a full date, without a time or zone.
///
/// Parsing follows the R4 regular expression and also rejects days that do not exist (`2026-02-30`).
/// ``range`` gives the covered interval for search, taking the date as UTC.
/// See [date](https://hl7.org/fhir/R4/datatypes.html#date).
public struct FHIRDate: FHIRElement, CustomStringConvertible {
    /// How much of the date is given.
    public enum Precision: Int, Sendable, Hashable, Comparable {
        case year, month, day

        /// Coarser precisions order first: year < month < day.
        public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The date exactly as written.
    public let text: String
    /// The year (1–9999).
    public let year: Int
    /// The month (1–12), when given.
    public let month: Int?
    /// The day of the month, when given.
    public let day: Int?

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `nil` for anything else or a day that does not exist.
    public init?(_ text: String) {
        guard let parts = DateTimeParts.parse(text, shape: .date) else { return nil }
        self.text = text
        self.year = parts.year
        self.month = parts.month
        self.day = parts.day
    }

    /// A full date from its fields; `nil` when the day does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year) else { return nil }
        let text = String(year).leftPadded(4) + "-" + String(month).leftPadded(2) + "-" + String(day).leftPadded(2)
        self.init(text)
    }

    /// Reads a JSON string.
    /// - Throws: ``FHIRDecodingError`` `element-type-invalid` for a non-string, `value-invalid` for a bad date.
    public init(json: JSON) throws(FHIRDecodingError) {
        let text = try PrimitiveText.string(json, type: "date")
        guard let date = FHIRDate(text) else {
            throw FHIRDecodingError(code: .valueInvalid, message: "\"\(text)\" is not a valid FHIR date.")
        }
        self = date
    }

    /// The date as a JSON string.
    public var json: JSON { .string(text) }

    /// How much of the date is given.
    public var precision: Precision {
        day != nil ? .day : month != nil ? .month : .year
    }

    /// The covered interval `[low, high)` in UTC epoch milliseconds: a whole year, month or day.
    public var range: Range<Int64> {
        let parts = DateTimeParts(year: year, month: month, day: day)
        return parts.lowMilliseconds..<parts.highMilliseconds
    }

    /// The date as written.
    public var description: String { text }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
