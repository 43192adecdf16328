extension Questionnaire {
    /// One item of a Questionnaire: a group, display text or a question, possibly with nested items.
    ///
    /// `linkId` and `type` are required. Extensions (itemControl, minValue, …) stay in ``extension``.
    /// See [Questionnaire.item](https://hl7.org/fhir/R4/questionnaire-definitions.html#Questionnaire.item).
    public struct Item: FHIRComplexElement {
        /// All members, exactly as received or edited.
        public var jsonObject: JSONObject

        /// Wraps an object without checking it.
        public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

        /// The id that answers refer to (unique within the questionnaire).
        public var linkId: String? {
            get { jsonObject.string("linkId") }
            set { jsonObject.setString("linkId", newValue) }
        }

        /// The ElementDefinition this item comes from.
        public var definition: String? {
            get { jsonObject.string("definition") }
            set { jsonObject.setString("definition", newValue) }
        }

        /// Concepts for the item (e.g. LOINC).
        public var code: [Coding] {
            get { jsonObject.elements("code") }
            set { jsonObject.setElements("code", newValue) }
        }

        /// A label such as `1.` or `(a)`.
        public var prefix: String? {
            get { jsonObject.string("prefix") }
            set { jsonObject.setString("prefix", newValue) }
        }

        /// The question or display text.
        public var text: String? {
            get { jsonObject.string("text") }
            set { jsonObject.setString("text", newValue) }
        }

        /// The kind of item (required).
        public var type: Questionnaire.ItemType? {
            get { jsonObject.code("type") }
            set { jsonObject.setCode("type", newValue) }
        }

        /// Conditions under which the item is shown.
        public var enableWhen: [Questionnaire.EnableWhen] {
            get { jsonObject.elements("enableWhen") }
            set { jsonObject.setElements("enableWhen", newValue) }
        }

        /// Whether all or any of `enableWhen` must hold.
        public var enableBehavior: Questionnaire.EnableBehavior? {
            get { jsonObject.code("enableBehavior") }
            set { jsonObject.setCode("enableBehavior", newValue) }
        }

        /// Whether an answer is needed (defaults to false).
        public var required: Bool? {
            get { jsonObject.bool("required") }
            set { jsonObject.setBool("required", newValue) }
        }

        /// Whether more than one answer (or group) is allowed (defaults to false).
        public var repeats: Bool? {
            get { jsonObject.bool("repeats") }
            set { jsonObject.setBool("repeats", newValue) }
        }

        /// Whether the patient may not change the answer (defaults to false).
        public var readOnly: Bool? {
            get { jsonObject.bool("readOnly") }
            set { jsonObject.setBool("readOnly", newValue) }
        }

        /// The maximum number of characters of a string or text answer.
        public var maxLength: Int? {
            get { jsonObject.int("maxLength") }
            set { jsonObject.setInt("maxLength", newValue) }
        }

        /// The ValueSet of allowed answers (canonical, or `#id` for a contained one).
        public var answerValueSet: String? {
            get { jsonObject.string("answerValueSet") }
            set { jsonObject.setString("answerValueSet", newValue) }
        }

        /// The allowed answers.
        public var answerOption: [Questionnaire.AnswerOption] {
            get { jsonObject.elements("answerOption") }
            set { jsonObject.setElements("answerOption", newValue) }
        }

        /// Initial values.
        public var initial: [Questionnaire.Initial] {
            get { jsonObject.elements("initial") }
            set { jsonObject.setElements("initial", newValue) }
        }

        /// Nested items.
        public var item: [Questionnaire.Item] {
            get { jsonObject.elements("item") }
            set { jsonObject.setElements("item", newValue) }
        }

        /// An item with its id, type and text.
        public init(linkId: String, type: Questionnaire.ItemType, text: String? = nil) {
            self.jsonObject = JSONObject()
            self.linkId = linkId
            self.type = type
            self.text = text
        }
    }
}
