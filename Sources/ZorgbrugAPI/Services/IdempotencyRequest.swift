import HTTPServer

/// An `Idempotency-Key` on a create: the first response is stored with the resource and replayed for a repeat.
package struct IdempotencyRequest: Sendable {
    package var clientID: String
    package var key: String
    /// A hash of method, path and body: a repeat with a different body is refused (422).
    package var requestHash: String
    /// Renders the response that is stored for replays.
    package var render: @Sendable (ResourceService.CreateResult) -> HTTPResponse

    package init(clientID: String, key: String, requestHash: String, render: @escaping @Sendable (ResourceService.CreateResult) -> HTTPResponse) {
        self.clientID = clientID
        self.key = key
        self.requestHash = requestHash
        self.render = render
    }

    /// How long keys are kept (DESIGN.md §4): 24 hours, in milliseconds.
    package static let retention: Int64 = 24 * 3600 * 1000

    /// `true` for 1–128 visible ASCII characters.
    package static func isValidKey(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.count <= 128 && key.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }
}
