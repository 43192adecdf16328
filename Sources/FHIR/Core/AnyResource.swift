/// Any FHIR resource, modelled or not: its `resourceType` and its JSON.
///
/// Use it for generic handling (storage, Bundles, contained resources). ``typed()`` gives the typed view
/// when the type is one of ``ResourceType``. See [Resource](https://hl7.org/fhir/R4/resource.html).
public struct AnyResource: Sendable, Hashable, Codable {
    /// The `resourceType` string, e.g. `"Patient"` or `"Medication"`.
    public let resourceType: String
    /// The whole resource.
    public var json: JSONObject

    /// Wraps a resource object.
    /// - Throws: ``FHIRDecodingError`` `resource-type-missing` when there is no `resourceType` string.
    public init(json: JSONObject) throws(FHIRDecodingError) {
        guard case .string(let type)? = json["resourceType"], !type.isEmpty else {
            throw FHIRDecodingError(
                code: .resourceTypeMissing, message: "The resource has no resourceType string.", expression: nil)
        }
        self.resourceType = type
        self.json = json
    }

    /// Wraps a typed resource.
    public init(_ resource: some FHIRResource) {
        self.resourceType = type(of: resource).resourceType.rawValue
        self.json = resource.json
    }

    /// The logical id, if any; setting `nil` removes it.
    public var id: String? {
        get { json.string("id") }
        set { json.setString("id", newValue) }
    }

    /// The resource metadata (`Resource.meta`).
    public var meta: Meta? {
        get { json.element("meta") }
        set { json.setElement("meta", newValue) }
    }

    /// `meta.versionId`; setting it creates `meta` when absent and keeps its other members.
    public var versionId: String? {
        get { json.metaVersionId }
        set { json.metaVersionId = newValue }
    }

    /// `meta.lastUpdated`; setting it creates `meta` when absent and keeps its other members.
    public var lastUpdated: FHIRInstant? {
        get { json.metaLastUpdated }
        set { json.metaLastUpdated = newValue }
    }

    /// The modelled type, or `nil` for resource types Zorgbrug does not model.
    public var knownType: ResourceType? { ResourceType(rawValue: resourceType) }

    /// The typed view of this resource.
    /// - Throws: ``FHIRDecodingError`` as ``decodeResource(_:)`` does.
    public func typed() throws(FHIRDecodingError) -> any FHIRResource {
        try decodeResource(.object(json))
    }

    /// The typed view as `R`.
    /// - Throws: ``FHIRDecodingError`` `resource-type-mismatch` when this is another type.
    public func typed<R: FHIRResource>(as type: R.Type) throws(FHIRDecodingError) -> R {
        try R(json: json)
    }

    /// Decodes a resource object from any decoder.
    public init(from decoder: any Decoder) throws {
        let value = try JSON(from: decoder)
        guard case .object(let object) = value else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "A resource must be a JSON object."))
        }
        do {
            try self.init(json: object)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description, underlyingError: error))
        }
    }

    /// Encodes the resource as its JSON object.
    public func encode(to encoder: any Encoder) throws {
        try JSON.object(json).encode(to: encoder)
    }
}
