extension FHIRTask {
    /// A Task input or output: a `type` and one `value[x]`.
    ///
    /// Zorgbrug's questionnaire tasks carry an input of type `questionnaire` with `valueCanonical` `url|version`.
    /// See [Task.input](https://hl7.org/fhir/R4/task-definitions.html#Task.input).
    public struct Parameter: FHIRComplexElement {
        /// All members, exactly as received or edited.
        public var jsonObject: JSONObject

        /// Wraps an object without checking it.
        public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

        /// What the value is (required).
        public var type: CodeableConcept? {
            get { jsonObject.element("type") }
            set { jsonObject.setElement("type", newValue) }
        }

        /// A parameter of this type and value, e.g. `Parameter(type: …, valueType: "Canonical", value: "url|1.0")`.
        public init(type: CodeableConcept, valueType: String, value: JSON) {
            self.jsonObject = JSONObject()
            self.type = type
            self.value = (valueType, value)
        }

        /// The `value[x]` as (type name, value), e.g. `("Canonical", "http://…|1.0")`.
        public var value: (type: String, json: JSON)? {
            get { jsonObject.choice("value") }
            set { jsonObject.setChoice("value", newValue) }
        }

        /// The value when it is a `valueReference`.
        public var valueReference: Reference? { jsonObject.element("valueReference") }

        /// The value when it is a `valueCanonical`.
        public var valueCanonical: String? { jsonObject.string("valueCanonical") }

        /// The value when it is a `valueString`.
        public var valueString: String? { jsonObject.string("valueString") }
    }
}
