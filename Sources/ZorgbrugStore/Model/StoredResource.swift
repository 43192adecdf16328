import FHIR

/// One stored version of a resource, as read back from the store.
///
/// `json` always carries `resourceType`, `id`, `meta.versionId` and `meta.lastUpdated` matching the other
/// fields. A deletion is stored as a version too (a tombstone): then `isDeleted` is `true` and `json` holds
/// only `resourceType`, `id` and `meta`.
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
    /// The resource's JSON with `meta.versionId` and `meta.lastUpdated` set.
    package var json: JSONObject
    /// The patient whose compartment this version belongs to, if any (used by ``AccessScope/patient(_:)``).
    package var patientId: String?
    /// The organization this version belongs to, if any (used by ``AccessScope/organization(_:)``).
    package var organizationId: String?

    /// A stored version; the store builds these, callers mostly read them.
    package init(
        type: String, id: String, versionId: Int, lastUpdated: Int64, isDeleted: Bool, json: JSONObject,
        patientId: String?, organizationId: String?
    ) {
        self.type = type
        self.id = id
        self.versionId = versionId
        self.lastUpdated = lastUpdated
        self.isDeleted = isDeleted
        self.json = json
        self.patientId = patientId
        self.organizationId = organizationId
    }
}
