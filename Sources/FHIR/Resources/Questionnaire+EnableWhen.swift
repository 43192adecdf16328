extension Questionnaire {
    /// A condition on another item's answer that enables this item.
    ///
    /// `question`, `operator` and one `answer[x]` are required.
    /// See
    /// [Questionnaire.item.enableWhen](https://hl7.org/fhir/R4/questionnaire-definitions.html#Questionnaire.item.enableWhen).
    public struct EnableWhen: FHIRComplexElement {
        /// All members, exactly as received or edited.
        public var jsonObject: JSONObject

        /// Wraps an object without checking it.
        public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

        /// The `linkId` of the item whose answer is tested.
        public var question: String? {
            get { jsonObject.string("question") }
            set { jsonObject.setString("question", newValue) }
        }

        /// How the answer is compared.
        public var `operator`: Questionnaire.EnableWhenOperator? {
            get { jsonObject.code("operator") }
            set { jsonObject.setCode("operator", newValue) }
        }

        /// The `answer[x]` to compare with, as (type name, value), e.g. `("Coding", {…})`.
        public var answer: (type: String, json: JSON)? {
            get { jsonObject.choice("answer") }
            set { jsonObject.setChoice("answer", newValue) }
        }
    }
}
