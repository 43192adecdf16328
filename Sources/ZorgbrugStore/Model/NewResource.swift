import FHIR
import ZorgbrugCore

/// A resource to create or update, with everything the store needs to keep it findable.
///
/// The store overwrites `resourceType`, `id`, `meta.versionId` and `meta.lastUpdated` in `json`; all other
/// members are kept as given. `index` holds the search values extracted from `json` (duplicates are ignored).
package struct NewResource: Sendable {
    /// The resource type, e.g. `Task`.
    package var type: String
    /// The logical id: server-assigned on create, the existing id on update.
    package var id: String
    /// The resource's JSON.
    package var json: JSONObject
    /// The search values of this version; they replace those of the previous version.
    package var index: [SearchIndexEntry]
    /// The patient compartment the resource belongs to, if any (what ``AccessScope/patient(_:)`` filters on).
    package var patientId: String?
    /// The organization the resource belongs to, if any (what ``AccessScope/organization(_:)`` filters on).
    package var organizationId: String?

    /// A resource to write.
    package init(
        type: String, id: String, json: JSONObject, index: [SearchIndexEntry] = [],
        patientId: String? = nil, organizationId: String? = nil
    ) {
        self.type = type
        self.id = id
        self.json = json
        self.index = index
        self.patientId = patientId
        self.organizationId = organizationId
    }
}
