/// A PGO's notification registration (`rest-hook`, empty payload by default).
///
/// `status`, `reason`, `criteria` and `channel` are required.
/// See [Subscription](https://hl7.org/fhir/R4/subscription.html).
public struct Subscription: FHIRResource {
    /// `Subscription`.
    public static let resourceType = ResourceType.subscription

    /// The whole resource, exactly as received or edited.
    public var json: JSONObject

    /// Views `json` as a Subscription.
    /// - Throws: ``FHIRDecodingError`` when `resourceType` is not `Subscription` or a modelled element has the wrong
    ///   JSON type.
    public init(json: JSONObject) throws(FHIRDecodingError) {
        try Self.checkDecodable(json)
        self.json = json
    }

    /// An empty Subscription holding only its `resourceType`.
    public init() {
        self.json = ["resourceType": "Subscription"]
    }

    /// requested, active, error or off (required).
    public var status: Subscription.Status? {
        get { json.code("status") }
        set { json.setCode("status", newValue) }
    }

    /// Who to contact about it.
    public var contact: [ContactPoint] {
        get { json.elements("contact") }
        set { json.setElements("contact", newValue) }
    }

    /// When it ends.
    public var end: FHIRInstant? {
        get { json.element("end") }
        set { json.setElement("end", newValue) }
    }

    /// Why it exists (required).
    public var reason: String? {
        get { json.string("reason") }
        set { json.setString("reason", newValue) }
    }

    /// The search that triggers notifications, e.g. `Task?patient=…` (required).
    public var criteria: String? {
        get { json.string("criteria") }
        set { json.setString("criteria", newValue) }
    }

    /// The latest error.
    public var error: String? {
        get { json.string("error") }
        set { json.setString("error", newValue) }
    }

    /// How notifications are sent (required).
    public var channel: Subscription.Channel? {
        get { json.element("channel") }
        set { json.setElement("channel", newValue) }
    }
}
