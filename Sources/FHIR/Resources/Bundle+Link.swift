extension Bundle {
    /// A link of a Bundle, such as `self` or `next`.
    ///
    /// `relation` and `url` are required.
    /// See [Bundle.link](https://hl7.org/fhir/R4/bundle-definitions.html#Bundle.link).
    public struct Link: FHIRComplexElement {
        /// All members, exactly as received or edited.
        public var jsonObject: JSONObject

        /// Wraps an object without checking it.
        public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

        /// `self`, `next`, `previous`, … (required).
        public var relation: String? {
            get { jsonObject.string("relation") }
            set { jsonObject.setString("relation", newValue) }
        }

        /// The URL (required).
        public var url: String? {
            get { jsonObject.string("url") }
            set { jsonObject.setString("url", newValue) }
        }

        /// A link with its relation and URL.
        public init(relation: String, url: String) {
            self.jsonObject = ["relation": .string(relation), "url": .string(url)]
        }
    }
}
