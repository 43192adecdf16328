/// A collection of resources: search results, history, transactions, batches and care modules.
///
/// `type` is required. Builders make searchset and history Bundles; see
/// ``Bundle/searchset(total:selfURL:nextURL:entries:)``. Files that also import Foundation (which has its own `Bundle`)
/// can write ``FHIRBundle``.
/// See [Bundle](https://hl7.org/fhir/R4/bundle.html).
public struct Bundle: FHIRResource {
    /// `Bundle`.
    public static let resourceType = ResourceType.bundle

    /// The whole resource, exactly as received or edited.
    public var json: JSONObject

    /// Views `json` as a Bundle.
    /// - Throws: ``FHIRDecodingError`` when `resourceType` is not `Bundle` or a modelled element has the wrong
    ///   JSON type.
    public init(json: JSONObject) throws(FHIRDecodingError) {
        try Self.checkDecodable(json)
        self.json = json
    }

    /// An empty Bundle holding only its `resourceType`.
    public init() {
        self.json = ["resourceType": "Bundle"]
    }

    /// A persistent identifier.
    public var identifier: Identifier? {
        get { json.element("identifier") }
        set { json.setElement("identifier", newValue) }
    }

    /// document, message, transaction, batch, history, searchset, collection, … (required).
    public var type: Bundle.BundleType? {
        get { json.code("type") }
        set { json.setCode("type", newValue) }
    }

    /// When the Bundle was assembled.
    public var timestamp: FHIRInstant? {
        get { json.element("timestamp") }
        set { json.setElement("timestamp", newValue) }
    }

    /// For searchset and history: the number of matches (not entries).
    public var total: Int? {
        get { json.int("total") }
        set { json.setInt("total", newValue) }
    }

    /// Links such as `self` and `next`.
    public var link: [Bundle.Link] {
        get { json.elements("link") }
        set { json.setElements("link", newValue) }
    }

    /// The entries, in order.
    public var entry: [Bundle.Entry] {
        get { json.elements("entry") }
        set { json.setElements("entry", newValue) }
    }
}
