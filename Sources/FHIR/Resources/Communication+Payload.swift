extension Communication {
    /// One part of a message: text, an attachment or a reference.
    ///
    /// Exactly one `content[x]`.
    /// See [Communication.payload](https://hl7.org/fhir/R4/communication-definitions.html#Communication.payload).
    public struct Payload: FHIRComplexElement {
        /// All members, exactly as received or edited.
        public var jsonObject: JSONObject

        /// Wraps an object without checking it.
        public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

        /// The text.
        public var contentString: String? {
            get { jsonObject.string("contentString") }
            set { jsonObject.setString("contentString", newValue) }
        }

        /// An attachment.
        public var contentAttachment: Attachment? {
            get { jsonObject.element("contentAttachment") }
            set { jsonObject.setElement("contentAttachment", newValue) }
        }

        /// A referenced resource.
        public var contentReference: Reference? {
            get { jsonObject.element("contentReference") }
            set { jsonObject.setElement("contentReference", newValue) }
        }
    }
}
