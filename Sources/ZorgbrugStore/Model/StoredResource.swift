import FHIR

/// One stored version of a resource, as read back from the store.
///
/// `json` always carries `resourceType`, `id`, `meta.versionId` and `meta.lastUpdated` matching the other
/// fields. A deletion is stored as a version too (a tombstone): then `isDeleted` is `true` and `json` holds
/// only `resourceType`, `id` and `meta`.
///
/// A version read from the database keeps the JSON text it was stored as (``text``) and parses it only when
/// ``json`` is first asked for: a read or a search answers with the stored text as it is, so the hot paths never
/// parse and re-serialise a resource. A version built from an object serialises it once, when ``text`` is first
/// asked for. Both conversions are cached and shared by copies.
package struct StoredResource: Sendable, Hashable {
    /// The resource type, e.g. `Task`.
    package var type: String
    /// The logical id (server-assigned).
    package var id: String
    /// The version, starting at 1 and increasing by one per update or delete.
    package var versionId: Int
    /// When this version was written, in UTC epoch milliseconds. Never decreases within one resource.
    package var lastUpdated: Int64
    /// `true` when this version records a deletion.
    package var isDeleted: Bool
    /// The patient whose compartment this version belongs to, if any (used by ``AccessScope/patient(_:)``).
    package var patientId: String?
    /// The organization this version belongs to, if any (used by ``AccessScope/organization(_:)``).
    package var organizationId: String?
    private var body: StoredBody

    /// The resource's JSON with `meta.versionId` and `meta.lastUpdated` set.
    package var json: JSONObject {
        get { body.object }
        set { body = StoredBody(object: newValue) }
    }

    /// The compact UTF-8 JSON of ``json``, byte for byte as stored: the body of a read.
    package var text: [UInt8] { body.text }

    /// A stored version; the store builds these, callers mostly read them.
    package init(
        type: String, id: String, versionId: Int, lastUpdated: Int64, isDeleted: Bool, json: JSONObject,
        patientId: String?, organizationId: String?
    ) {
        self.init(
            type: type, id: id, versionId: versionId, lastUpdated: lastUpdated, isDeleted: isDeleted,
            body: StoredBody(object: json), patientId: patientId, organizationId: organizationId)
    }

    /// A version read from the database, with its stored JSON text (checked to be well-formed JSON by SQLite's
    /// `json_valid` in the same query).
    init(
        type: String, id: String, versionId: Int, lastUpdated: Int64, isDeleted: Bool, text: [UInt8],
        patientId: String?, organizationId: String?
    ) {
        self.init(
            type: type, id: id, versionId: versionId, lastUpdated: lastUpdated, isDeleted: isDeleted,
            body: StoredBody(text: text, type: type, id: id), patientId: patientId, organizationId: organizationId)
    }

    private init(
        type: String, id: String, versionId: Int, lastUpdated: Int64, isDeleted: Bool, body: StoredBody,
        patientId: String?, organizationId: String?
    ) {
        self.type = type
        self.id = id
        self.versionId = versionId
        self.lastUpdated = lastUpdated
        self.isDeleted = isDeleted
        self.body = body
        self.patientId = patientId
        self.organizationId = organizationId
    }

    /// Equal when every field and the JSON text are equal.
    package static func == (lhs: StoredResource, rhs: StoredResource) -> Bool {
        lhs.type == rhs.type && lhs.id == rhs.id && lhs.versionId == rhs.versionId
            && lhs.lastUpdated == rhs.lastUpdated && lhs.isDeleted == rhs.isDeleted && lhs.patientId == rhs.patientId
            && lhs.organizationId == rhs.organizationId && lhs.text == rhs.text
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(type)
        hasher.combine(id)
        hasher.combine(versionId)
        hasher.combine(text)
    }
}
