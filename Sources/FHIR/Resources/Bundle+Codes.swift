extension Bundle {
    /// What a Bundle is for.
    ///
    /// A required binding: codes outside this set are invalid. See [the value
    /// set](https://hl7.org/fhir/R4/valueset-bundle-type.html).
    public enum BundleType: String, Sendable, Hashable, CaseIterable, Codable {
        /// `document`.
        case document = "document"
        /// `message`.
        case message = "message"
        /// `transaction`.
        case transaction = "transaction"
        /// `transaction-response`.
        case transactionResponse = "transaction-response"
        /// `batch`.
        case batch = "batch"
        /// `batch-response`.
        case batchResponse = "batch-response"
        /// `history`.
        case history = "history"
        /// `searchset`.
        case searchset = "searchset"
        /// `collection`.
        case collection = "collection"
    }
}

extension Bundle {
    /// Why an entry is in a searchset: a match, an `_include`d resource, or an outcome.
    ///
    /// A required binding: codes outside this set are invalid. See [the value
    /// set](https://hl7.org/fhir/R4/valueset-search-entry-mode.html).
    public enum SearchEntryMode: String, Sendable, Hashable, CaseIterable, Codable {
        /// `match`.
        case match = "match"
        /// `include`.
        case include = "include"
        /// `outcome`.
        case outcome = "outcome"
    }
}

extension Bundle {
    /// The HTTP method of a transaction or batch entry.
    ///
    /// A required binding: codes outside this set are invalid. See [the value
    /// set](https://hl7.org/fhir/R4/valueset-http-verb.html).
    public enum HTTPVerb: String, Sendable, Hashable, CaseIterable, Codable {
        /// `GET`.
        case get = "GET"
        /// `HEAD`.
        case head = "HEAD"
        /// `POST`.
        case post = "POST"
        /// `PUT`.
        case put = "PUT"
        /// `DELETE`.
        case delete = "DELETE"
        /// `PATCH`.
        case patch = "PATCH"
    }
}
