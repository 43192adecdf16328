/// A FHIR `dateTime`: a partial date (`2026`, `2026-11`, `2026-11-23`) or a full date and time with a zone
/// (`2026-11-23T10:15:30+01:00`).
///
/// A time without a zone (`2026-11-23T10:00:00`) is invalid, as in R4. ``range`` gives the covered interval
/// for search; partial dates are taken as UTC.
/// See [dateTime](https://hl7.org/fhir/R4/datatypes.html#dateTime).
public struct FHIRDateTime: FHIRElement, CustomStringConvertible {
    /// The text exactly as written.
    public let text: String
    let parts: DateTimeParts

    /// Parses a dateTime; `nil` for anything else, a day that does not exist, or a time without a zone.
    public init?(_ text: String) {
        guard let parts = DateTimeParts.parse(text, shape: .dateTime) else { return nil }
        self.text = text
        self.parts = parts
    }

    /// The full dateTime for UTC epoch milliseconds, written as ``FHIRInstant/format(milliseconds:)`` does
    /// (`2026-11-23T10:15:30.123Z`).
    public init(milliseconds: Int64) {
        let text = FHIRInstant.format(milliseconds: milliseconds)
        self.text = text
        self.parts = DateTimeParts.parse(text, shape: .dateTime) ?? DateTimeParts()
    }

    /// Reads a JSON string.
    /// - Throws: ``FHIRDecodingError`` `element-type-invalid` for a non-string, `value-invalid` for a bad value.
    public init(json: JSON) throws(FHIRDecodingError) {
        let text = try PrimitiveText.string(json, type: "dateTime")
        guard let value = FHIRDateTime(text) else {
            throw FHIRDecodingError(code: .valueInvalid, message: "\"\(text)\" is not a valid FHIR dateTime.")
        }
        self = value
    }

    /// The value as a JSON string.
    public var json: JSON { .string(text) }

    /// The year.
    public var year: Int { parts.year }
    /// The month, when given.
    public var month: Int? { parts.month }
    /// The day, when given.
    public var day: Int? { parts.day }
    /// `true` when a time (and so a zone) is given.
    public var hasTime: Bool { parts.hour != nil }
    /// The zone offset from UTC in minutes, when a time is given.
    public var offsetMinutes: Int? { parts.offsetMinutes }

    /// The covered interval `[low, high)` in UTC epoch milliseconds: a year, month or day for partial values,
    /// one second (or one unit of the last fraction digit) for full ones.
    public var range: Range<Int64> { parts.lowMilliseconds..<parts.highMilliseconds }

    /// The text as written.
    public var description: String { text }
}
