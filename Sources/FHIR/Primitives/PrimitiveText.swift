/// Shared checks for primitive values in JSON.
enum PrimitiveText {
    /// The string in `json`, or an `element-type-invalid` error naming the FHIR type.
    static func string(_ json: JSON, type: String) throws(FHIRDecodingError) -> String {
        guard case .string(let text) = json else {
            throw FHIRDecodingError(
                code: .elementTypeInvalid, message: "Expected a JSON string for \(type), found \(json.typeName).")
        }
        return text
    }

    /// `[A-Za-z0-9\-\.]{1,64}`, the R4 `id` pattern.
    static func isValidID(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard !utf8.isEmpty, utf8.count <= 64 else { return false }
        return utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."):
                true
            default: false
            }
        }
    }

    /// `[^\s]+(\s[^\s]+)*`, the R4 `code` pattern: no leading, trailing or doubled whitespace.
    static func isValidCode(_ text: String) -> Bool {
        var previousWasSpace = true
        for scalar in text.unicodeScalars {
            let isSpace = scalar.properties.isWhitespace
            if isSpace && previousWasSpace { return false }
            previousWasSpace = isSpace
        }
        return !previousWasSpace
    }

    /// `\S*`, the R4 `uri` pattern (and not empty, as no FHIR string may be).
    static func isValidURI(_ text: String) -> Bool {
        !text.isEmpty && !text.unicodeScalars.contains { $0.properties.isWhitespace }
    }
}
