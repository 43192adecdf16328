extension Parameters {
    /// One named operation parameter: a `value[x]`, a `resource`, or nested `part`s.
    ///
    /// `name` is required.
    /// See [Parameters.parameter](https://hl7.org/fhir/R4/parameters-definitions.html#Parameters.parameter).
    public struct Parameter: FHIRComplexElement {
        /// All members, exactly as received or edited.
        public var jsonObject: JSONObject

        /// Wraps an object without checking it.
        public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

        /// The parameter name (required).
        public var name: String? {
            get { jsonObject.string("name") }
            set { jsonObject.setString("name", newValue) }
        }

        /// Nested parameters.
        public var part: [Parameters.Parameter] {
            get { jsonObject.elements("part") }
            set { jsonObject.setElements("part", newValue) }
        }

        /// A parameter with a value, e.g. `Parameter(name: "subject", valueType: "Reference", value: …)`.
        public init(name: String, valueType: String, value: JSON) {
            self.jsonObject = JSONObject()
            self.name = name
            self.value = (valueType, value)
        }

        /// A parameter holding a resource.
        public init(name: String, resource: AnyResource) {
            self.jsonObject = JSONObject()
            self.name = name
            self.resource = resource
        }

        /// The `value[x]` as (type name, value).
        public var value: (type: String, json: JSON)? {
            get { jsonObject.choice("value") }
            set { jsonObject.setChoice("value", newValue) }
        }

        /// The resource, when the parameter holds one.
        public var resource: AnyResource? {
            get { jsonObject["resource"]?.objectValue.flatMap { try? AnyResource(json: $0) } }
            set { jsonObject["resource"] = newValue.map { .object($0.json) } }
        }
    }
}
