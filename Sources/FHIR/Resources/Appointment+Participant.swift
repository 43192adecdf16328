extension Appointment {
    /// A participant of an appointment with their answer status.
    ///
    /// `status` is required.
    /// See [Appointment.participant](https://hl7.org/fhir/R4/appointment-definitions.html#Appointment.participant).
    public struct Participant: FHIRComplexElement {
        /// All members, exactly as received or edited.
        public var jsonObject: JSONObject

        /// Wraps an object without checking it.
        public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

        /// The participant's role.
        public var type: [CodeableConcept] {
            get { jsonObject.elements("type") }
            set { jsonObject.setElements("type", newValue) }
        }

        /// Who: the Patient, a Practitioner, …
        public var actor: Reference? {
            get { jsonObject.element("actor") }
            set { jsonObject.setElement("actor", newValue) }
        }

        /// required, optional or information-only.
        public var required: String? {
            get { jsonObject.string("required") }
            set { jsonObject.setString("required", newValue) }
        }

        /// accepted, declined, tentative or needs-action (required).
        public var status: ParticipationStatus? {
            get { jsonObject.code("status") }
            set { jsonObject.setCode("status", newValue) }
        }

        /// When the participant takes part.
        public var period: Period? {
            get { jsonObject.element("period") }
            set { jsonObject.setElement("period", newValue) }
        }
    }
}
