extension AuditEvent {
    /// An actor taking part in the event: a person, organization or piece of software.
    ///
    /// `requestor` is required. See
    /// [AuditEvent.agent](https://hl7.org/fhir/R4/auditevent-definitions.html#AuditEvent.agent).
    public struct Agent: FHIRComplexElement {
        /// All members, exactly as received or edited.
        public var jsonObject: JSONObject

        /// Wraps an object without checking it.
        public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

        /// An agent identified by `who`; `requestor` says whether it initiated the event.
        public init(who: Reference?, requestor: Bool) {
            self.jsonObject = JSONObject()
            self.who = who
            self.requestor = requestor
        }

        /// How the agent took part.
        public var type: CodeableConcept? {
            get { jsonObject.element("type") }
            set { jsonObject.setElement("type", newValue) }
        }

        /// The agent's roles.
        public var role: [CodeableConcept] {
            get { jsonObject.elements("role") }
            set { jsonObject.setElements("role", newValue) }
        }

        /// The agent: a reference, a logical identifier or a display text.
        public var who: Reference? {
            get { jsonObject.element("who") }
            set { jsonObject.setElement("who", newValue) }
        }

        /// An alternative user identity.
        public var altId: String? {
            get { jsonObject.string("altId") }
            set { jsonObject.setString("altId", newValue) }
        }

        /// A human-friendly name for the agent.
        public var name: String? {
            get { jsonObject.string("name") }
            set { jsonObject.setString("name", newValue) }
        }

        /// Whether this agent initiated the event (required).
        public var requestor: Bool? {
            get { jsonObject.bool("requestor") }
            set { jsonObject.setBool("requestor", newValue) }
        }

        /// Where the agent's request came from.
        public var network: AuditEvent.Network? {
            get { jsonObject.element("network") }
            set { jsonObject.setElement("network", newValue) }
        }
    }

    /// The network access point of an agent.
    ///
    /// See [AuditEvent.agent.network](https://hl7.org/fhir/R4/auditevent-definitions.html#AuditEvent.agent.network).
    public struct Network: FHIRComplexElement {
        /// All members, exactly as received or edited.
        public var jsonObject: JSONObject

        /// Wraps an object without checking it.
        public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

        /// An access point with its address and kind (e.g. an IP address, `.ipAddress`).
        public init(address: String, type: AuditEvent.NetworkType) {
            self.jsonObject = JSONObject()
            self.address = address
            self.type = type
        }

        /// The address, e.g. `192.0.2.1`.
        public var address: String? {
            get { jsonObject.string("address") }
            set { jsonObject.setString("address", newValue) }
        }

        /// The kind of address.
        public var type: AuditEvent.NetworkType? {
            get { jsonObject.code("type") }
            set { jsonObject.setCode("type", newValue) }
        }
    }

    /// The kind of a network address.
    ///
    /// A required binding: codes outside this set are invalid. See [the value
    /// set](https://hl7.org/fhir/R4/valueset-network-type.html).
    public enum NetworkType: String, Sendable, Hashable, CaseIterable, Codable {
        /// `1`: machine name, including DNS name.
        case machineName = "1"
        /// `2`: IP address.
        case ipAddress = "2"
        /// `3`: telephone number.
        case telephoneNumber = "3"
        /// `4`: email address.
        case emailAddress = "4"
        /// `5`: URI (user directory, HTTP-PUT, ftp, etc.).
        case uri = "5"
    }

    /// The system that reported the event.
    ///
    /// `observer` is required. See
    /// [AuditEvent.source](https://hl7.org/fhir/R4/auditevent-definitions.html#AuditEvent.source).
    public struct Source: FHIRComplexElement {
        /// All members, exactly as received or edited.
        public var jsonObject: JSONObject

        /// Wraps an object without checking it.
        public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

        /// A source with its observer and kinds.
        public init(observer: Reference, type: [Coding] = []) {
            self.jsonObject = JSONObject()
            self.observer = observer
            self.type = type
        }

        /// The logical location of the source.
        public var site: String? {
            get { jsonObject.string("site") }
            set { jsonObject.setString("site", newValue) }
        }

        /// The system that observed the event (required).
        public var observer: Reference? {
            get { jsonObject.element("observer") }
            set { jsonObject.setElement("observer", newValue) }
        }

        /// The kind of source (http://terminology.hl7.org/CodeSystem/security-source-type).
        public var type: [Coding] {
            get { jsonObject.elements("type") }
            set { jsonObject.setElements("type", newValue) }
        }
    }
}
