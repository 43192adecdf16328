extension Observation {
    /// A component of an observation, such as the systolic or diastolic pressure.
    ///
    /// `code` is required.
    /// See [Observation.component](https://hl7.org/fhir/R4/observation-definitions.html#Observation.component).
    public struct Component: FHIRComplexElement {
        /// All members, exactly as received or edited.
        public var jsonObject: JSONObject

        /// Wraps an object without checking it.
        public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

        /// What the component measures (required).
        public var code: CodeableConcept? {
            get { jsonObject.element("code") }
            set { jsonObject.setElement("code", newValue) }
        }

        /// The value, when it is a quantity.
        public var valueQuantity: Quantity? {
            get { jsonObject.element("valueQuantity") }
            set { jsonObject.setElement("valueQuantity", newValue) }
        }

        /// The value, when it is coded.
        public var valueCodeableConcept: CodeableConcept? {
            get { jsonObject.element("valueCodeableConcept") }
            set { jsonObject.setElement("valueCodeableConcept", newValue) }
        }

        /// The value, when it is text.
        public var valueString: String? {
            get { jsonObject.string("valueString") }
            set { jsonObject.setString("valueString", newValue) }
        }

        /// The value, when it is an integer.
        public var valueInteger: Int? {
            get { jsonObject.int("valueInteger") }
            set { jsonObject.setInt("valueInteger", newValue) }
        }

        /// Why there is no value.
        public var dataAbsentReason: CodeableConcept? {
            get { jsonObject.element("dataAbsentReason") }
            set { jsonObject.setElement("dataAbsentReason", newValue) }
        }

        /// H, HH, L, LL or N.
        public var interpretation: [CodeableConcept] {
            get { jsonObject.elements("interpretation") }
            set { jsonObject.setElements("interpretation", newValue) }
        }

        /// A component with a code and a quantity value.
        public init(code: CodeableConcept, valueQuantity: Quantity) {
            self.jsonObject = JSONObject()
            self.code = code
            self.valueQuantity = valueQuantity
        }
    }
}
