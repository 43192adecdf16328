/// A FHIR `time` of day: `hh:mm:ss` with optional fraction, no zone.
///
/// See [time](https://hl7.org/fhir/R4/datatypes.html#time).
public struct FHIRTime: FHIRElement, CustomStringConvertible {
    /// The text exactly as written.
    public let text: String
    /// Hours (0–23).
    public let hour: Int
    /// Minutes (0–59).
    public let minute: Int
    /// Seconds (0–60; 60 only for a leap second).
    public let second: Int
    let fractionMilliseconds: Int

    /// Parses `hh:mm:ss(.f+)?`; `nil` for anything else.
    public init?(_ text: String) {
        guard let parts = DateTimeParts.parseTime(text) else { return nil }
        self.text = text
        self.hour = parts.hour ?? 0
        self.minute = parts.minute ?? 0
        self.second = parts.second ?? 0
        self.fractionMilliseconds = parts.fractionMilliseconds
    }

    /// Reads a JSON string.
    /// - Throws: ``FHIRDecodingError`` `element-type-invalid` for a non-string, `value-invalid` for a bad value.
    public init(json: JSON) throws(FHIRDecodingError) {
        let text = try PrimitiveText.string(json, type: "time")
        guard let value = FHIRTime(text) else {
            throw FHIRDecodingError(code: .valueInvalid, message: "\"\(text)\" is not a valid FHIR time.")
        }
        self = value
    }

    /// The value as a JSON string.
    public var json: JSON { .string(text) }

    /// Milliseconds since midnight (fraction digits past the third are truncated).
    public var millisecondsSinceMidnight: Int {
        ((hour * 60 + minute) * 60 + second) * 1_000 + fractionMilliseconds
    }

    /// The text as written.
    public var description: String { text }
}
