import FHIR
import ZorgbrugStore

/// Builds `searchset` and `history` Bundles (https://hl7.org/fhir/R4/bundle.html).
package enum BundleBuilder {
    /// A searchset with `self` and (when there is a next page) `next` links.
    package static func searchset(
        matches: [StoredResource], included: [StoredResource], total: Int?, selfURL: String, nextURL: String?, baseURL: String
    ) -> JSONObject {
        var bundle: JSONObject = ["resourceType": "Bundle", "type": "searchset"]
        if let total { bundle["total"] = .number(JSONNumber(total)) }
        var links: [JSON] = [["relation": "self", "url": .string(selfURL)]]
        if let nextURL { links.append(["relation": "next", "url": .string(nextURL)]) }
        bundle["link"] = .array(links)
        let entries = matches.map { entry($0, mode: "match", baseURL: baseURL) } + included.map { entry($0, mode: "include", baseURL: baseURL) }
        if !entries.isEmpty { bundle["entry"] = .array(entries) }
        return bundle
    }

    /// A history Bundle: versions newest first; deletions appear as entries without a resource.
    package static func history(versions: [StoredResource], selfURL: String, nextURL: String?, baseURL: String) -> JSONObject {
        var bundle: JSONObject = ["resourceType": "Bundle", "type": "history"]
        var links: [JSON] = [["relation": "self", "url": .string(selfURL)]]
        if let nextURL { links.append(["relation": "next", "url": .string(nextURL)]) }
        bundle["link"] = .array(links)
        let entries: [JSON] = versions.map { version in
            var entry: JSONObject = ["fullUrl": .string("\(baseURL)/\(version.type)/\(version.id)")]
            if !version.isDeleted { entry["resource"] = .object(version.json) }
            let method: String = version.isDeleted ? "DELETE" : (version.versionId == 1 ? "POST" : "PUT")
            entry["request"] = [
                "method": .string(method),
                "url": .string(version.versionId == 1 && !version.isDeleted ? version.type : "\(version.type)/\(version.id)"),
            ]
            entry["response"] = [
                "status": .string(version.isDeleted ? "204" : (version.versionId == 1 ? "201" : "200")),
                "etag": .string("W/\"\(version.versionId)\""),
                "lastModified": .string(FHIRInstant.format(milliseconds: version.lastUpdated)),
            ]
            return .object(entry)
        }
        if !entries.isEmpty { bundle["entry"] = .array(entries) }
        return bundle
    }

    private static func entry(_ resource: StoredResource, mode: String, baseURL: String) -> JSON {
        [
            "fullUrl": .string("\(baseURL)/\(resource.type)/\(resource.id)"),
            "resource": .object(resource.json),
            "search": ["mode": .string(mode)],
        ]
    }
}
