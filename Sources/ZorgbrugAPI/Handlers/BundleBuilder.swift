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

    /// The same searchset as ``searchset(matches:included:total:selfURL:nextURL:baseURL:)``, byte for byte, as the
    /// response body: each resource's stored JSON text is copied in as it is, never parsed or re-serialised.
    package static func searchsetBody(
        matches: [StoredResource], included: [StoredResource], total: Int?, selfURL: String, nextURL: String?, baseURL: String
    ) -> [UInt8] {
        var out = Bundle.searchset(total: total, selfURL: selfURL, nextURL: nextURL, entries: []).json.serialized()
        let entries = matches.map { ($0, "match") } + included.map { ($0, "include") }
        guard !entries.isEmpty, out.last == UInt8(ascii: "}") else { return out }
        // `entry` is the Bundle's last member, as the builder puts it: reopen the object and append it.
        out.removeLast()
        out.append(contentsOf: #","entry":["#.utf8)
        for (index, (resource, mode)) in entries.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"fullUrl":"#.utf8)
            out.append(contentsOf: JSON.string("\(baseURL)/\(resource.type)/\(resource.id)").serialized())
            out.append(contentsOf: #","resource":"#.utf8)
            out.append(contentsOf: resource.text)
            out.append(contentsOf: #","search":{"mode":""#.utf8)
            out.append(contentsOf: mode.utf8)
            out.append(contentsOf: #""}}"#.utf8)
        }
        out.append(contentsOf: "]}".utf8)
        return out
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
