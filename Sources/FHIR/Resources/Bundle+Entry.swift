extension Bundle {
    /// One entry of a Bundle: a resource with its `fullUrl`, and search, request or response details.
    ///
    /// Which members appear depends on the Bundle type: `search` in searchsets, `request` in transactions, batches and
    /// history, `response` in their responses.
    /// See [Bundle.entry](https://hl7.org/fhir/R4/bundle-definitions.html#Bundle.entry).
    public struct Entry: FHIRComplexElement {
        /// All members, exactly as received or edited.
        public var jsonObject: JSONObject

        /// Wraps an object without checking it.
        public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

        /// The absolute URL of the resource (or a `urn:uuid:` in transactions).
        public var fullUrl: String? {
            get { jsonObject.string("fullUrl") }
            set { jsonObject.setString("fullUrl", newValue) }
        }

        /// Why the entry is in a searchset.
        public var search: Bundle.Search? {
            get { jsonObject.element("search") }
            set { jsonObject.setElement("search", newValue) }
        }

        /// The request of a transaction, batch or history entry.
        public var request: Bundle.Request? {
            get { jsonObject.element("request") }
            set { jsonObject.setElement("request", newValue) }
        }

        /// The outcome of a transaction or batch entry, or of a history entry.
        public var response: Bundle.Response? {
            get { jsonObject.element("response") }
            set { jsonObject.setElement("response", newValue) }
        }

        /// An entry with a resource, its full URL and (for searchsets) the search mode.
        public init(fullUrl: String?, resource: AnyResource?, searchMode: Bundle.SearchEntryMode? = nil) {
            self.jsonObject = JSONObject()
            self.fullUrl = fullUrl
            self.resource = resource
            if let searchMode { self.search = Bundle.Search(mode: searchMode) }
        }

        /// The resource, if the entry has one (a history delete or a batch error may not).
        public var resource: AnyResource? {
            get { jsonObject["resource"]?.objectValue.flatMap { try? AnyResource(json: $0) } }
            set { jsonObject["resource"] = newValue.map { .object($0.json) } }
        }
    }
}
