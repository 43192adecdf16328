extension Questionnaire {
    /// One allowed answer of a choice item.
    ///
    /// The value is one of `valueInteger`, `valueDate`, `valueTime`, `valueString`, `valueCoding`, `valueReference`.
    /// Scoring extensions (`ordinalValue`, `itemWeight`) stay in ``extension``.
    /// See
    /// [Questionnaire.item.answerOption](https://hl7.org/fhir/R4/questionnaire-definitions.html#Questionnaire.item.answerOption).
    public struct AnswerOption: FHIRComplexElement {
        /// All members, exactly as received or edited.
        public var jsonObject: JSONObject

        /// Wraps an object without checking it.
        public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

        /// Whether the option is selected initially.
        public var initialSelected: Bool? {
            get { jsonObject.bool("initialSelected") }
            set { jsonObject.setBool("initialSelected", newValue) }
        }

        /// The value when it is a Coding.
        public var valueCoding: Coding? {
            get { jsonObject.element("valueCoding") }
            set { jsonObject.setElement("valueCoding", newValue) }
        }

        /// The value when it is a string.
        public var valueString: String? {
            get { jsonObject.string("valueString") }
            set { jsonObject.setString("valueString", newValue) }
        }

        /// The value when it is an integer.
        public var valueInteger: Int? {
            get { jsonObject.int("valueInteger") }
            set { jsonObject.setInt("valueInteger", newValue) }
        }

        /// The `value[x]` as (type name, value).
        public var value: (type: String, json: JSON)? {
            get { jsonObject.choice("value") }
            set { jsonObject.setChoice("value", newValue) }
        }
    }
}
