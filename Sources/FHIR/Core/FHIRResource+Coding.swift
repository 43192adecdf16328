extension FHIRResource {
    /// Parses `bytes` as JSON (keeping member order and number text) and views the object as `Self`.
    ///
    /// - Throws: ``FHIRDecodingError`` `json-invalid` for malformed JSON or a non-object (the message carries
    ///   the parser's line and column), otherwise as ``init(json:)``.
    public init(bytes: some Collection<UInt8>, parser: JSONParser = JSONParser()) throws(FHIRDecodingError) {
        let value: JSON
        do {
            value = try parser.parse(bytes)
        } catch {
            throw FHIRDecodingError(code: .jsonInvalid, message: "Invalid JSON: \(error.description).", expression: nil)
        }
        guard case .object(let object) = value else {
            throw FHIRDecodingError(
                code: .jsonInvalid, message: "A resource must be a JSON object, found \(value.typeName).",
                expression: nil)
        }
        try self.init(json: object)
    }

    /// The resource as UTF-8 JSON, members in their order and numbers as their text.
    public func serialized(pretty: Bool = false) -> [UInt8] {
        json.serialized(pretty: pretty)
    }

    /// The contained resource with this id (`Questionnaire.contained` for an `answerValueSet` of `#vs1`);
    /// a leading `#` is ignored.
    public func contained(id: String) -> AnyResource? {
        let bare = id.hasPrefix("#") ? String(id.dropFirst()) : id
        return contained.first { $0.id == bare }
    }
}
