extension Subscription {
    /// How notifications are delivered.
    ///
    /// `type` is required; Zorgbrug supports `rest-hook`.
    /// See [Subscription.channel](https://hl7.org/fhir/R4/subscription-definitions.html#Subscription.channel).
    public struct Channel: FHIRComplexElement {
        /// All members, exactly as received or edited.
        public var jsonObject: JSONObject

        /// Wraps an object without checking it.
        public init(jsonObject: JSONObject) { self.jsonObject = jsonObject }

        /// rest-hook, websocket, email, sms or message (required).
        public var type: String? {
            get { jsonObject.string("type") }
            set { jsonObject.setString("type", newValue) }
        }

        /// Where to send notifications.
        public var endpoint: String? {
            get { jsonObject.string("endpoint") }
            set { jsonObject.setString("endpoint", newValue) }
        }

        /// The MIME type of the payload; absent for empty notifications.
        public var payload: String? {
            get { jsonObject.string("payload") }
            set { jsonObject.setString("payload", newValue) }
        }

        /// HTTP headers to send.
        public var header: [String] {
            get { jsonObject.strings("header") }
            set { jsonObject.setStrings("header", newValue) }
        }
    }
}
