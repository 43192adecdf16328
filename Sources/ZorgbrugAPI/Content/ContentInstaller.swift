import FHIR
import ZorgbrugCore
import ZorgbrugStore

/// Installs the shipped content (questionnaires and the resources inside module bundles) as shared resources,
/// at start-up, after `ContentValidator` passed.
///
/// Idempotent: an unchanged resource is left alone, a changed one gets a new version, so restarts do not pile up
/// versions. Shipped content has no owning organization, so no API caller can change it.
package enum ContentInstaller {
    /// What an installation did.
    package struct Report: Sendable, Hashable {
        package var created = 0
        package var updated = 0
        package var unchanged = 0
    }

    /// Installs every resource of `questionnaires` and `modules` (already validated) in one transaction.
    package static func install(questionnaires: [ContentFile], modules: [ContentFile], into store: ResourceStore) async throws -> Report {
        var resources: [JSONObject] = []
        for file in questionnaires {
            guard case .object(let object) = try JSONParser().parse(file.bytes) else { continue }
            resources.append(withID(object, fallback: stem(file.path)))
        }
        for file in modules {
            guard case .object(let bundle) = try JSONParser().parse(file.bytes) else { continue }
            for (index, entry) in (bundle["entry"]?.arrayValue ?? []).enumerated() {
                guard let resource = entry["resource"]?.objectValue,
                    let type = resource["resourceType"]?.stringValue, ResourceCatalog.definition(type) != nil
                else { continue }
                resources.append(withID(resource, fallback: "\(stem(file.path))-\(index)"))
            }
        }
        let prepared = resources
        return try await store.write { writer in
            var report = Report()
            for resource in prepared {
                guard let type = resource["resourceType"]?.stringValue, let id = resource["id"]?.stringValue,
                    let definition = ResourceCatalog.definition(type)
                else { continue }
                let new = NewResource(
                    type: type, id: id, json: resource, index: SearchIndexExtractor.entries(of: resource, definition: definition),
                    patientId: nil, organizationId: nil)
                if let current = try writer.current(type: type, id: id), !current.isDeleted {
                    if ResourceService.withoutServerMeta(current.json) == ResourceService.withoutServerMeta(resource) {
                        report.unchanged += 1
                    } else {
                        _ = try writer.update(new, ifMatch: nil)
                        report.updated += 1
                    }
                } else {
                    _ = try writer.create(new, ifNoneExist: nil)
                    report.created += 1
                }
            }
            return report
        }
    }

    private static func withID(_ resource: JSONObject, fallback: String) -> JSONObject {
        var copy = resource
        if copy["id"]?.stringValue.map(ResourceID.isValid) != true { copy["id"] = .string(fallback) }
        return copy
    }

    private static func stem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let base = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
        let cleaned = String(base.map { ResourceID.isValid(String($0)) ? $0 : "-" })
        return String(cleaned.prefix(64))
    }
}
