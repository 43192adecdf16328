extension QuestionnaireResponse {
    /// One answer: a `value[x]` and, for questions with nested items, those items.
    ///
    /// Decimal answers keep their text (``valueDecimal``).
    /// See
    /// [QuestionnaireResponse.item.answer](https://hl7.org/fhir/R4/questionnaireresponse-definitions.html#QuestionnaireResponse.item.answer).
    public struct Answer: FHIRComplexElement {
        /// All members, exactly as received or edited.
        public var jsonObject: JSONObject

        /// Wraps an object without checking it.
        public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

        /// The value when it is a boolean.
        public var valueBoolean: Bool? {
            get { jsonObject.bool("valueBoolean") }
            set { jsonObject.setBool("valueBoolean", newValue) }
        }

        /// The value when it is a decimal, with its digits.
        public var valueDecimal: FHIRDecimal? {
            get { jsonObject.element("valueDecimal") }
            set { jsonObject.setElement("valueDecimal", newValue) }
        }

        /// The value when it is an integer.
        public var valueInteger: Int? {
            get { jsonObject.int("valueInteger") }
            set { jsonObject.setInt("valueInteger", newValue) }
        }

        /// The value when it is a date.
        public var valueDate: FHIRDate? {
            get { jsonObject.element("valueDate") }
            set { jsonObject.setElement("valueDate", newValue) }
        }

        /// The value when it is a dateTime.
        public var valueDateTime: FHIRDateTime? {
            get { jsonObject.element("valueDateTime") }
            set { jsonObject.setElement("valueDateTime", newValue) }
        }

        /// The value when it is a time.
        public var valueTime: FHIRTime? {
            get { jsonObject.element("valueTime") }
            set { jsonObject.setElement("valueTime", newValue) }
        }

        /// The value when it is a string.
        public var valueString: String? {
            get { jsonObject.string("valueString") }
            set { jsonObject.setString("valueString", newValue) }
        }

        /// The value when it is a uri.
        public var valueUri: String? {
            get { jsonObject.string("valueUri") }
            set { jsonObject.setString("valueUri", newValue) }
        }

        /// The value when it is a Coding.
        public var valueCoding: Coding? {
            get { jsonObject.element("valueCoding") }
            set { jsonObject.setElement("valueCoding", newValue) }
        }

        /// The value when it is a Quantity.
        public var valueQuantity: Quantity? {
            get { jsonObject.element("valueQuantity") }
            set { jsonObject.setElement("valueQuantity", newValue) }
        }

        /// The value when it is a Reference.
        public var valueReference: Reference? {
            get { jsonObject.element("valueReference") }
            set { jsonObject.setElement("valueReference", newValue) }
        }

        /// Items nested under this answer.
        public var item: [QuestionnaireResponse.Item] {
            get { jsonObject.elements("item") }
            set { jsonObject.setElements("item", newValue) }
        }

        /// An answer of the given type, e.g. `Answer(valueType: "Integer", value: 3)`.
        public init(valueType: String, value: JSON) {
            self.jsonObject = JSONObject()
            self.value = (valueType, value)
        }

        /// The `value[x]` as (type name, value); setting it replaces any other value.
        public var value: (type: String, json: JSON)? {
            get { jsonObject.choice("value") }
            set { jsonObject.setChoice("value", newValue) }
        }
    }
}
