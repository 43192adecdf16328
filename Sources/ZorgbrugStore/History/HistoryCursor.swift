/// A position in a history listing: the key of the last version of a page (newest-first order:
/// `lastUpdated`, then type, id and versionId, all descending).
package struct HistoryCursor: Sendable, Hashable {
    /// `lastUpdated` of the last version returned (epoch ms).
    package var lastUpdated: Int64
    /// Its resource type.
    package var type: String
    /// Its id.
    package var id: String
    /// Its version.
    package var versionId: Int

    /// A cursor at this position.
    package init(lastUpdated: Int64, type: String, id: String, versionId: Int) {
        self.lastUpdated = lastUpdated
        self.type = type
        self.id = id
        self.versionId = versionId
    }

    /// The cursor as an opaque, URL-safe string (base64url, no padding) for `next` links.
    package var token: String {
        Base64URL.encode(Array("h1:\(lastUpdated):\(versionId):\(type):\(id)".utf8))
    }

    /// The cursor a ``token`` stands for; `nil` when `token` is not one.
    package init?(token: String) {
        guard let bytes = Base64URL.decode(token) else { return nil }
        let parts = String(decoding: bytes, as: UTF8.self).split(
            separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "h1", let lastUpdated = Int64(parts[1]), let versionId = Int(parts[2]),
            !parts[3].isEmpty, !parts[4].isEmpty
        else { return nil }
        self.init(lastUpdated: lastUpdated, type: String(parts[3]), id: String(parts[4]), versionId: versionId)
    }
}
