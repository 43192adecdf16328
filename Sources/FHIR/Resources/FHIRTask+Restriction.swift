extension FHIRTask {
    /// Limits on when and for whom a Task may be fulfilled.
    ///
    /// Zorgbrug reads `period.end` as the due date.
    /// See [Task.restriction](https://hl7.org/fhir/R4/task-definitions.html#Task.restriction).
    public struct Restriction: FHIRComplexElement {
        /// All members, exactly as received or edited.
        public var jsonObject: JSONObject

        /// Wraps an object without checking it.
        public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

        /// How many times it may be done.
        public var repetitions: Int? {
            get { jsonObject.int("repetitions") }
            set { jsonObject.setInt("repetitions", newValue) }
        }

        /// When it must be done; `end` is the due date.
        public var period: Period? {
            get { jsonObject.element("period") }
            set { jsonObject.setElement("period", newValue) }
        }

        /// For whom it may be done.
        public var recipient: [Reference] {
            get { jsonObject.elements("recipient") }
            set { jsonObject.setElements("recipient", newValue) }
        }
    }
}
