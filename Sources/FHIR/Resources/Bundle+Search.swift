extension Bundle {
    /// Why an entry is in a searchset.
    ///
    /// `mode` is `match`, `include` or `outcome`.
    /// See [Bundle.entry.search](https://hl7.org/fhir/R4/bundle-definitions.html#Bundle.entry.search).
    public struct Search: FHIRComplexElement {
        /// All members, exactly as received or edited.
        public var jsonObject: JSONObject

        /// Wraps an object without checking it.
        public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

        /// match, include or outcome.
        public var mode: Bundle.SearchEntryMode? {
            get { jsonObject.code("mode") }
            set { jsonObject.setCode("mode", newValue) }
        }

        /// The relevance score.
        public var score: FHIRDecimal? {
            get { jsonObject.element("score") }
            set { jsonObject.setElement("score", newValue) }
        }

        /// Search information with a mode.
        public init(mode: Bundle.SearchEntryMode) {
            self.jsonObject = ["mode": .string(mode.rawValue)]
        }
    }
}
