extension AuditEvent {
    /// Data or objects used in the event: the resource touched, the patient, request details.
    ///
    /// See [AuditEvent.entity](https://hl7.org/fhir/R4/auditevent-definitions.html#AuditEvent.entity).
    public struct Entity: FHIRComplexElement {
        /// All members, exactly as received or edited.
        public var jsonObject: JSONObject

        /// Wraps an object without checking it.
        public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

        /// An entity from its parts; `nil` and empty parts are left out.
        public init(what: Reference? = nil, type: Coding? = nil, role: Coding? = nil, detail: [Detail] = []) {
            self.jsonObject = JSONObject()
            self.what = what
            self.type = type
            self.role = role
            self.detail = detail
        }

        /// The specific instance of the resource.
        public var what: Reference? {
            get { jsonObject.element("what") }
            set { jsonObject.setElement("what", newValue) }
        }

        /// The kind of entity (http://terminology.hl7.org/CodeSystem/audit-entity-type).
        public var type: Coding? {
            get { jsonObject.element("type") }
            set { jsonObject.setElement("type", newValue) }
        }

        /// What role the entity played (http://terminology.hl7.org/CodeSystem/object-role).
        public var role: Coding? {
            get { jsonObject.element("role") }
            set { jsonObject.setElement("role", newValue) }
        }

        /// A descriptor for the entity.
        public var name: String? {
            get { jsonObject.string("name") }
            set { jsonObject.setString("name", newValue) }
        }

        /// Descriptive text.
        public var description: String? {
            get { jsonObject.string("description") }
            set { jsonObject.setString("description", newValue) }
        }

        /// Additional information about the entity.
        public var detail: [Detail] {
            get { jsonObject.elements("detail") }
            set { jsonObject.setElements("detail", newValue) }
        }

        /// One named value about an entity, such as a request id.
        ///
        /// `type` and a `value[x]` are required. See
        /// [AuditEvent.entity.detail](https://hl7.org/fhir/R4/auditevent-definitions.html#AuditEvent.entity.detail).
        public struct Detail: FHIRComplexElement {
            /// All members, exactly as received or edited.
            public var jsonObject: JSONObject

            /// Wraps an object without checking it.
            public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

            /// A detail with a string value.
            public init(type: String, valueString: String) {
                self.jsonObject = JSONObject()
                self.type = type
                self.valueString = valueString
            }

            /// The name of the detail (required).
            public var type: String? {
                get { jsonObject.string("type") }
                set { jsonObject.setString("type", newValue) }
            }

            /// The value as a string.
            public var valueString: String? {
                get { jsonObject.string("valueString") }
                set { jsonObject.setString("valueString", newValue) }
            }
        }
    }
}
