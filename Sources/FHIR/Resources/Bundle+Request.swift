extension Bundle {
    /// The HTTP request of a transaction, batch or history entry.
    ///
    /// `method` and `url` are required; the conditional headers are optional.
    /// See [Bundle.entry.request](https://hl7.org/fhir/R4/bundle-definitions.html#Bundle.entry.request).
    public struct Request: FHIRComplexElement {
        /// All members, exactly as received or edited.
        public var jsonObject: JSONObject

        /// Wraps an object without checking it.
        public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

        /// GET, HEAD, POST, PUT, DELETE or PATCH (required).
        public var method: Bundle.HTTPVerb? {
            get { jsonObject.code("method") }
            set { jsonObject.setCode("method", newValue) }
        }

        /// The URL relative to the base, e.g. `Observation` or `Patient/123` (required).
        public var url: String? {
            get { jsonObject.string("url") }
            set { jsonObject.setString("url", newValue) }
        }

        /// As the If-None-Match header.
        public var ifNoneMatch: String? {
            get { jsonObject.string("ifNoneMatch") }
            set { jsonObject.setString("ifNoneMatch", newValue) }
        }

        /// As the If-Modified-Since header.
        public var ifModifiedSince: FHIRInstant? {
            get { jsonObject.element("ifModifiedSince") }
            set { jsonObject.setElement("ifModifiedSince", newValue) }
        }

        /// As the If-Match header.
        public var ifMatch: String? {
            get { jsonObject.string("ifMatch") }
            set { jsonObject.setString("ifMatch", newValue) }
        }

        /// The search for a conditional create, e.g. `identifier=sys|123`.
        public var ifNoneExist: String? {
            get { jsonObject.string("ifNoneExist") }
            set { jsonObject.setString("ifNoneExist", newValue) }
        }

        /// A request with its method and URL.
        public init(method: Bundle.HTTPVerb, url: String) {
            self.jsonObject = ["method": .string(method.rawValue), "url": .string(url)]
        }
    }
}
