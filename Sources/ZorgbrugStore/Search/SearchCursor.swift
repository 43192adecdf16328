/// A position in a search result: the sort key (`lastUpdated`, `id`) of the last resource of a page.
///
/// Keyset paging: the next page holds the resources strictly after this key in the query's order, so pages
/// stay exact when resources are created between page requests (each match is returned at most once; a
/// resource updated between pages moves to its new place in the order).
package struct SearchCursor: Sendable, Hashable {
    /// `lastUpdated` of the last resource returned (epoch ms).
    package var lastUpdated: Int64
    /// `id` of the last resource returned.
    package var id: String

    /// A cursor at this position.
    package init(lastUpdated: Int64, id: String) {
        self.lastUpdated = lastUpdated
        self.id = id
    }

    /// The cursor as an opaque, URL-safe string (base64url, no padding) for `next` links.
    package var token: String {
        Base64URL.encode(Array("s1:\(lastUpdated):\(id)".utf8))
    }

    /// The cursor a ``token`` stands for; `nil` when `token` is not one (tampered or from another kind of page).
    package init?(token: String) {
        guard let bytes = Base64URL.decode(token) else { return nil }
        let parts = String(decoding: bytes, as: UTF8.self).split(
            separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "s1", let lastUpdated = Int64(parts[1]), !parts[2].isEmpty else {
            return nil
        }
        self.init(lastUpdated: lastUpdated, id: String(parts[2]))
    }
}
