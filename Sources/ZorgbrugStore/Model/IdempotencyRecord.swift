/// The first response to a request sent with an `Idempotency-Key`, kept so a repeat gets the same answer.
package struct IdempotencyRecord: Sendable, Equatable {
    /// A hash of the first request (method, path, body), to tell a true repeat from a reuse of the key.
    package var requestHash: String
    /// The HTTP status of the first response.
    package var status: Int
    /// The headers of the first response, in order (names as sent).
    package var headers: [(String, String)]
    /// The body of the first response.
    package var body: [UInt8]
    /// When the record was saved, in UTC epoch milliseconds (from the store's clock).
    package var createdAt: Int64

    /// A record as stored.
    package init(requestHash: String, status: Int, headers: [(String, String)], body: [UInt8], createdAt: Int64) {
        self.requestHash = requestHash
        self.status = status
        self.headers = headers
        self.body = body
        self.createdAt = createdAt
    }

    package static func == (lhs: IdempotencyRecord, rhs: IdempotencyRecord) -> Bool {
        lhs.requestHash == rhs.requestHash && lhs.status == rhs.status && lhs.body == rhs.body
            && lhs.createdAt == rhs.createdAt && lhs.headers.elementsEqual(rhs.headers, by: ==)
    }
}
