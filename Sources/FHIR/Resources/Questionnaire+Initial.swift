extension Questionnaire {
    /// An initial value of an item.
    ///
    /// The value is one `value[x]`.
    /// See
    /// [Questionnaire.item.initial](https://hl7.org/fhir/R4/questionnaire-definitions.html#Questionnaire.item.initial).
    public struct Initial: FHIRComplexElement {
        /// All members, exactly as received or edited.
        public var jsonObject: JSONObject

        /// Wraps an object without checking it.
        public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

        /// The `value[x]` as (type name, value).
        public var value: (type: String, json: JSON)? {
            get { jsonObject.choice("value") }
            set { jsonObject.setChoice("value", newValue) }
        }
    }
}
