/// A FHIR `instant`: a full date and time with a zone, such as `meta.lastUpdated`.
///
/// See [instant](https://hl7.org/fhir/R4/datatypes.html#instant). ``format(milliseconds:)`` writes the form
/// Zorgbrug uses everywhere: UTC, exactly three fraction digits, `Z`.
public struct FHIRInstant: FHIRElement, Comparable, CustomStringConvertible {
    /// The text exactly as written.
    public let text: String
    /// The moment in UTC epoch milliseconds (digits past the third are truncated).
    public let milliseconds: Int64
    let parts: DateTimeParts

    /// Parses an instant; `nil` unless it is a full date and time with seconds and a zone.
    public init?(_ text: String) {
        guard let parts = DateTimeParts.parse(text, shape: .instant) else { return nil }
        self.text = text
        self.parts = parts
        self.milliseconds = parts.lowMilliseconds
    }

    /// The instant for UTC epoch milliseconds, written by ``format(milliseconds:)``.
    public init(milliseconds: Int64) {
        let text = FHIRInstant.format(milliseconds: milliseconds)
        self.text = text
        self.milliseconds = milliseconds
        self.parts = DateTimeParts.parse(text, shape: .instant) ?? DateTimeParts()
    }

    /// Reads a JSON string.
    /// - Throws: ``FHIRDecodingError`` `element-type-invalid` for a non-string, `value-invalid` for a bad value.
    public init(json: JSON) throws(FHIRDecodingError) {
        let text = try PrimitiveText.string(json, type: "instant")
        guard let value = FHIRInstant(text) else {
            throw FHIRDecodingError(code: .valueInvalid, message: "\"\(text)\" is not a valid FHIR instant.")
        }
        self = value
    }

    /// The value as a JSON string.
    public var json: JSON { .string(text) }

    /// The covered interval `[low, high)` in UTC epoch milliseconds (the precision of the text decides it).
    public var range: Range<Int64> { parts.lowMilliseconds..<parts.highMilliseconds }

    /// Formats UTC epoch milliseconds as `YYYY-MM-DDThh:mm:ss.sssZ`, e.g. `2026-11-23T10:15:30.123Z`.
    public static func format(milliseconds: Int64) -> String {
        let (days, dayMilliseconds) = floorDivide(milliseconds, 86_400_000)
        let date = CalendarMath.civil(fromDays: days)
        let hour = dayMilliseconds / 3_600_000
        let minute = dayMilliseconds / 60_000 % 60
        let second = dayMilliseconds / 1_000 % 60
        let millisecond = dayMilliseconds % 1_000
        return String(date.year).leftPadded(4) + "-" + String(date.month).leftPadded(2) + "-"
            + String(date.day).leftPadded(2) + "T" + String(hour).leftPadded(2) + ":" + String(minute).leftPadded(2)
            + ":" + String(second).leftPadded(2) + "." + String(millisecond).leftPadded(3) + "Z"
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value >= 0 ? value / divisor : (value - divisor + 1) / divisor
        return (quotient, value - quotient * divisor)
    }

    /// Orders by the moment, not the text.
    public static func < (lhs: FHIRInstant, rhs: FHIRInstant) -> Bool { lhs.milliseconds < rhs.milliseconds }

    /// The text as written.
    public var description: String { text }
}
