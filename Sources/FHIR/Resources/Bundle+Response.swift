extension Bundle {
    /// The outcome of a transaction or batch entry.
    ///
    /// `status` (the HTTP status, e.g. `201 Created`) is required.
    /// See [Bundle.entry.response](https://hl7.org/fhir/R4/bundle-definitions.html#Bundle.entry.response).
    public struct Response: FHIRComplexElement {
        /// All members, exactly as received or edited.
        public var jsonObject: JSONObject

        /// Wraps an object without checking it.
        public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

        /// The HTTP status code and optional phrase (required).
        public var status: String? {
            get { jsonObject.string("status") }
            set { jsonObject.setString("status", newValue) }
        }

        /// The location of a created resource, with its version.
        public var location: String? {
            get { jsonObject.string("location") }
            set { jsonObject.setString("location", newValue) }
        }

        /// The ETag of the resource version.
        public var etag: String? {
            get { jsonObject.string("etag") }
            set { jsonObject.setString("etag", newValue) }
        }

        /// When the resource was modified.
        public var lastModified: FHIRInstant? {
            get { jsonObject.element("lastModified") }
            set { jsonObject.setElement("lastModified", newValue) }
        }

        /// A response with its status text.
        public init(status: String) {
            self.jsonObject = ["status": .string(status)]
        }

        /// The OperationOutcome of a failed entry, if any.
        public var outcome: AnyResource? {
            get { jsonObject["outcome"]?.objectValue.flatMap { try? AnyResource(json: $0) } }
            set { jsonObject["outcome"] = newValue.map { .object($0.json) } }
        }
    }
}
