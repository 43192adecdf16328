/// A FHIR `decimal` that keeps its exact text, so precision survives (`1.50` stays `1.50`).
///
/// Compare and compute with ``double``; store and send ``text``.
/// See [decimal](https://hl7.org/fhir/R4/datatypes.html#decimal).
public struct FHIRDecimal: FHIRElement, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// The number as written, e.g. `"120.50"`.
    public let text: String

    /// A decimal from JSON number text; `nil` unless `text` is a valid JSON number.
    public init?(_ text: String) {
        guard JSONNumber(text: text) != nil else { return nil }
        self.text = text
    }

    /// A decimal from a `Double`, in its shortest exact form.
    public init(_ value: Double) {
        self.text = JSONNumber(value).text
    }

    /// A whole number.
    public init(integerLiteral value: Int) {
        self.text = String(value)
    }

    /// Reads a JSON number.
    /// - Throws: ``FHIRDecodingError`` `element-type-invalid` when `json` is not a number.
    public init(json: JSON) throws(FHIRDecodingError) {
        guard case .number(let number) = json else {
            throw FHIRDecodingError(
                code: .elementTypeInvalid, message: "Expected a JSON number for decimal, found \(json.typeName).")
        }
        self.text = number.text
    }

    /// The value as a `Double` (may round; never use it to write the value back).
    public var double: Double { Double(text) ?? 0 }

    /// The number of digits after the decimal point as written (`"1.50"` → 2).
    public var fractionDigits: Int {
        guard let dot = text.utf8.firstIndex(of: UInt8(ascii: ".")) else { return 0 }
        let after = text.utf8[text.utf8.index(after: dot)...]
        return after.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
    }

    /// The value as a JSON number with its text.
    public var json: JSON { .number(JSONNumber(validated: text)) }

    /// The text as written.
    public var description: String { text }
}
