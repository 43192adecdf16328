/// `Bundle` under a name that does not clash with Foundation's `Bundle`, for files that import both.
public typealias FHIRBundle = Bundle

extension Bundle {
    /// A `searchset` Bundle: `total` (omit it when not computed), a `self` link, a `next` link when there is
    /// another page, and the entries (each with `fullUrl` and `search.mode` `match` or `include`).
    ///
    /// See [Search results](https://hl7.org/fhir/R4/search.html#bundle).
    public static func searchset(total: Int?, selfURL: String, nextURL: String?, entries: [Entry]) -> Bundle {
        paged(type: .searchset, total: total, selfURL: selfURL, nextURL: nextURL, entries: entries)
    }

    /// A `history` Bundle: `total`, `self` and `next` links, and entries with `fullUrl`, `request` (method
    /// and URL) and `response` (status, etag, lastModified); deleted versions have no `resource`.
    ///
    /// See [history](https://hl7.org/fhir/R4/http.html#history).
    public static func history(total: Int?, selfURL: String, nextURL: String?, entries: [Entry]) -> Bundle {
        paged(type: .history, total: total, selfURL: selfURL, nextURL: nextURL, entries: entries)
    }

    private static func paged(
        type: BundleType, total: Int?, selfURL: String, nextURL: String?, entries: [Entry]
    ) -> Bundle {
        var bundle = Bundle()
        bundle.type = type
        bundle.total = total
        var links = [Link(relation: "self", url: selfURL)]
        if let nextURL { links.append(Link(relation: "next", url: nextURL)) }
        bundle.link = links
        bundle.entry = entries
        return bundle
    }

    /// A `searchset` Bundle of resource objects as they are stored: matches first (`search.mode` `match`), then
    /// included resources (`include`), each with `fullUrl` `baseURL/Type/id` taken from the resource itself.
    public static func searchset(
        matches: [JSONObject], included: [JSONObject] = [], total: Int?, selfURL: String, nextURL: String?,
        baseURL: String
    ) -> Bundle {
        let entries =
            matches.map { Entry(searchResult: $0, baseURL: baseURL, mode: .match) }
            + included.map { Entry(searchResult: $0, baseURL: baseURL, mode: .include) }
        return searchset(total: total, selfURL: selfURL, nextURL: nextURL, entries: entries)
    }

    /// A Bundle of the given type with entries (e.g. a `transaction` for sync-back, or its response).
    public init(type: BundleType, entries: [Entry]) {
        self.init()
        self.type = type
        self.entry = entries
    }

    /// The link with this relation (`self`, `next`, …).
    public func link(relation: String) -> String? {
        link.first { $0.relation == relation }?.url
    }

    /// `true` for `transaction` and `batch` Bundles, whose entries carry requests to process.
    public var isTransactionOrBatch: Bool {
        type == .transaction || type == .batch
    }

    /// The entries of a transaction or batch as requests, each with its position and FHIRPath
    /// (`Bundle.entry[3]`).
    ///
    /// - Throws: ``FHIRDecodingError`` `value-invalid` when an entry has no `request` with a known method
    ///   and a URL, or a POST/PUT entry has no resource.
    public func requests() throws(FHIRDecodingError) -> [EntryRequest] {
        var result: [EntryRequest] = []
        for (index, entry) in entry.enumerated() {
            let path = "Bundle.entry[\(index)]"
            guard let request = entry.request, let method = request.method, let url = request.url, !url.isEmpty
            else {
                throw FHIRDecodingError(
                    code: .valueInvalid, message: "Every entry needs request.method and request.url.",
                    expression: path + ".request")
            }
            let resource = entry.resource
            if (method == .post || method == .put) && resource == nil {
                throw FHIRDecodingError(
                    code: .valueInvalid, message: "A \(method.rawValue) entry needs a resource.",
                    expression: path + ".resource")
            }
            result.append(
                EntryRequest(
                    index: index, expression: path, fullUrl: entry.fullUrl, method: method, url: url,
                    resource: resource, request: request))
        }
        return result
    }

    /// One entry of a transaction or batch, ready to process.
    public struct EntryRequest: Sendable, Hashable {
        /// The entry's position in the Bundle.
        public let index: Int
        /// `Bundle.entry[index]`, for error expressions.
        public let expression: String
        /// The entry's `fullUrl` (often `urn:uuid:` for resources created in the transaction).
        public let fullUrl: String?
        /// The HTTP method.
        public let method: HTTPVerb
        /// The URL relative to the base, e.g. `Observation` or `Patient/123`.
        public let url: String
        /// The resource for POST and PUT.
        public let resource: AnyResource?
        /// The whole request element, for the conditional headers (`ifNoneExist`, `ifMatch`, …).
        public let request: Request
    }
}

extension Bundle.Entry {
    /// A searchset entry for a resource object: `fullUrl` `baseURL/Type/id` from its own `resourceType` and
    /// `id` (left out when it has no id), the resource as is, and `search.mode`.
    public init(searchResult resource: JSONObject, baseURL: String, mode: Bundle.SearchEntryMode) {
        self.jsonObject = JSONObject()
        if let type = resource.string("resourceType"), let id = resource.string("id") {
            self.fullUrl = "\(baseURL)/\(type)/\(id)"
        }
        self.jsonObject["resource"] = .object(resource)
        self.search = Bundle.Search(mode: mode)
    }

    /// A history entry for version `versionId` of `type/id`: `fullUrl` `baseURL/type/id`, the resource (`nil`
    /// for a deletion), and the interaction that made the version as `request` and `response`: `POST type` /
    /// `201` for the first version, `PUT type/id` / `200` for later ones, `DELETE type/id` / `204` for a
    /// deletion, each with `etag` `W/"versionId"` and `lastModified`.
    ///
    /// See [history](https://hl7.org/fhir/R4/http.html#history).
    public init(
        historyOf type: String, id: String, versionId: Int, lastModified: FHIRInstant, resource: JSONObject?,
        baseURL: String
    ) {
        self.jsonObject = JSONObject()
        self.fullUrl = "\(baseURL)/\(type)/\(id)"
        if let resource { self.jsonObject["resource"] = .object(resource) }
        let (method, url, status): (Bundle.HTTPVerb, String, String) =
            switch (resource == nil, versionId == 1) {
            case (true, _): (.delete, "\(type)/\(id)", "204")
            case (false, true): (.post, type, "201")
            case (false, false): (.put, "\(type)/\(id)", "200")
            }
        self.request = Bundle.Request(method: method, url: url)
        var response = Bundle.Response(status: status)
        response.etag = "W/\"\(versionId)\""
        response.lastModified = lastModified
        self.response = response
    }
}
