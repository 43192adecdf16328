import FHIR
import ZorgbrugStore

/// Builds `searchset` and `history` Bundles (https://hl7.org/fhir/R4/bundle.html) from stored resources, with the
/// FHIR target's builders (`Bundle.searchset`, `Bundle.history`, `Bundle.Entry`).
package enum BundleBuilder {
    /// A searchset with `self` and (when there is a next page) `next` links: matches, then included resources.
    package static func searchset(
        matches: [StoredResource], included: [StoredResource], total: Int?, selfURL: String, nextURL: String?, baseURL: String
    ) -> JSONObject {
        searchset(resources: matches.map(\.json), included: included.map(\.json), total: total, selfURL: selfURL, nextURL: nextURL, baseURL: baseURL)
    }

    /// A searchset of resource objects that are not stored resources (such as AuditEvents made from audit records).
    package static func searchset(
        resources: [JSONObject], included: [JSONObject] = [], total: Int?, selfURL: String, nextURL: String?, baseURL: String
    ) -> JSONObject {
        Bundle.searchset(matches: resources, included: included, total: total, selfURL: selfURL, nextURL: nextURL, baseURL: baseURL).json
    }

    /// A history Bundle: versions newest first; deletions appear as entries without a resource.
    package static func history(versions: [StoredResource], selfURL: String, nextURL: String?, baseURL: String) -> JSONObject {
        let entries = versions.map { version in
            Bundle.Entry(
                historyOf: version.type, id: version.id, versionId: version.versionId,
                lastModified: FHIRInstant(milliseconds: version.lastUpdated), resource: version.isDeleted ? nil : version.json,
                baseURL: baseURL)
        }
        return Bundle.history(total: nil, selfURL: selfURL, nextURL: nextURL, entries: entries).json
    }
}
