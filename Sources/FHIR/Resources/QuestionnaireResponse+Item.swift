extension QuestionnaireResponse {
    /// An answered item: its `linkId`, its answers, and nested items (for groups).
    ///
    /// `linkId` is required.
    /// See
    /// [QuestionnaireResponse.item](https://hl7.org/fhir/R4/questionnaireresponse-definitions.html#QuestionnaireResponse.item).
    public struct Item: FHIRComplexElement {
        /// All members, exactly as received or edited.
        public var jsonObject: JSONObject

        /// Wraps an object without checking it.
        public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

        /// The `linkId` of the questionnaire item.
        public var linkId: String? {
            get { jsonObject.string("linkId") }
            set { jsonObject.setString("linkId", newValue) }
        }

        /// The ElementDefinition this item comes from.
        public var definition: String? {
            get { jsonObject.string("definition") }
            set { jsonObject.setString("definition", newValue) }
        }

        /// The question text as shown.
        public var text: String? {
            get { jsonObject.string("text") }
            set { jsonObject.setString("text", newValue) }
        }

        /// The answers.
        public var answer: [QuestionnaireResponse.Answer] {
            get { jsonObject.elements("answer") }
            set { jsonObject.setElements("answer", newValue) }
        }

        /// Nested items (for groups).
        public var item: [QuestionnaireResponse.Item] {
            get { jsonObject.elements("item") }
            set { jsonObject.setElements("item", newValue) }
        }

        /// An item with its id and answers.
        public init(linkId: String, answer: [QuestionnaireResponse.Answer] = []) {
            self.jsonObject = JSONObject()
            self.linkId = linkId
            self.answer = answer
        }
    }
}
