/// Decodes any modelled resource into its typed view, chosen by `resourceType`.
///
/// - Throws: ``FHIRDecodingError`` `json-invalid` when `json` is not an object, `resource-type-missing`,
///   `resource-type-unknown` for a type not in ``ResourceType``, or `element-type-invalid`.
/// See [Resource](https://hl7.org/fhir/R4/resource.html).
public func decodeResource(_ json: JSON) throws(FHIRDecodingError) -> any FHIRResource {
    guard case .object(let object) = json else {
        throw FHIRDecodingError(
            code: .jsonInvalid, message: "A resource must be a JSON object, found \(json.typeName).", expression: nil)
    }
    guard case .string(let name)? = object["resourceType"] else {
        throw FHIRDecodingError(
            code: .resourceTypeMissing, message: "The resource has no resourceType string.", expression: nil)
    }
    guard let type = ResourceType(rawValue: name) else {
        throw FHIRDecodingError(
            code: .resourceTypeUnknown, message: "The resource type \(name) is not supported.",
            expression: "resourceType")
    }
    return try type.swiftType.init(json: object)
}

/// Parses bytes as JSON and decodes the resource, mapping parse errors to `json-invalid`.
///
/// - Throws: ``FHIRDecodingError``; for malformed JSON the message carries the parser's line and column.
public func decodeResource(
    bytes: some Collection<UInt8>, parser: JSONParser = JSONParser()
) throws(FHIRDecodingError) -> any FHIRResource {
    let json: JSON
    do {
        json = try parser.parse(bytes)
    } catch {
        throw FHIRDecodingError(code: .jsonInvalid, message: "Invalid JSON: \(error.description).", expression: nil)
    }
    return try decodeResource(json)
}
