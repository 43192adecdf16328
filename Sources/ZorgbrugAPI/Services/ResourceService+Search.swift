import FHIR
import ZorgbrugCore
import ZorgbrugStore

extension ResourceService {
    /// A page of search results with what `_include`/`_revinclude` added.
    package struct SearchResult: Sendable {
        package var matches: [StoredResource]
        package var included: [StoredResource]
        package var total: Int?
        package var next: SearchCursor?
    }

    /// `search-type` (https://hl7.org/fhir/R4/search.html): only resources inside the caller's scope match, and
    /// only those are included; every patient whose data is returned gets an audit record.
    package func search(
        type: String, parameters: [(name: String, value: String)], caller: Caller, trace: TraceIDs
    ) async throws -> (SearchRequest, SearchResult) {
        let definition = try definition(type)
        try AccessControl.requireInteraction(.searchType, by: caller, on: definition)
        let request = try SearchRequestParser.parse(
            parameters, definition: definition, scope: AccessControl.scope(for: caller, on: definition))
        let includeScopes = try (request.includes.map { include -> (String, String, [String], AccessScope?) in
            // An include may point to several types; each target type is read under the caller's scope for it.
            let targets = definition.searchParameter(include.parameter)?.targets ?? []
            return (include.sourceType, include.parameter, targets, nil)
        })
        let revScopes = try request.revIncludes.map { rev -> (String, String, AccessScope) in
            let source = try self.definition(rev.sourceType)
            try AccessControl.requireInteraction(.searchType, by: caller, on: source)
            return (rev.sourceType, rev.parameter, AccessControl.scope(for: caller, on: source))
        }
        let result: SearchResult = try await store.read { reader in
            if request.summaryCount {
                return SearchResult(matches: [], included: [], total: try reader.count(request.query), next: nil)
            }
            let page = try reader.search(request.query)
            var included: [StoredResource] = []
            var seen = Set(page.resources.map { "\($0.type)/\($0.id)" })
            for (_, parameter, _, _) in includeScopes {
                let references = page.resources.flatMap { match -> [(type: String, id: String)] in
                    guard let parameterDefinition = definition.searchParameter(parameter) else { return [] }
                    return parameterDefinition.paths.flatMap { path in
                        SearchIndexExtractor.values(at: path, in: match.json).compactMap { value in
                            guard case .reference(let t, let i)? = SearchIndexExtractor.referenceValue(value) else { return nil }
                            return (t, i)
                        }
                    }
                }
                for resource in try reader.resources(references, scope: .unrestricted) {
                    guard let targetDefinition = ResourceCatalog.definition(resource.type),
                        caller.allowedInteractions(on: targetDefinition).contains(.read),
                        AccessControl.isVisible(resource, to: caller, definition: targetDefinition),
                        seen.insert("\(resource.type)/\(resource.id)").inserted
                    else { continue }
                    included.append(resource)
                }
            }
            let targets = page.resources.map { (type: $0.type, id: $0.id) }
            for (sourceType, parameter, scope) in revScopes where !targets.isEmpty {
                for resource in try reader.referencing(
                    sourceType: sourceType, parameter: parameter, targets: targets, scope: scope, limit: SearchRequestParser.maxCount)
                where seen.insert("\(resource.type)/\(resource.id)").inserted {
                    included.append(resource)
                }
            }
            return SearchResult(matches: page.resources, included: included, total: page.total, next: page.next)
        }
        var patients = Set<String>()
        for resource in result.matches + result.included {
            if let patientID = resource.patientId { patients.insert(patientID) }
        }
        for patientID in patients.sorted() {
            try await audit.record(
                AuditEntry(
                    interaction: .search, clientID: caller.clientID, actor: caller.actorReference, patientID: patientID,
                    resourceType: type, resourceID: nil, trace: trace))
        }
        return (request, result)
    }

    /// Instance or type `_history` (https://hl7.org/fhir/R4/http.html#history), newest first, scoped.
    package func history(
        type: String, id: String?, since: Int64?, count: Int, cursor: HistoryCursor?, caller: Caller, trace: TraceIDs
    ) async throws -> HistoryPage {
        let definition = try definition(type)
        try AccessControl.requireInteraction(id == nil ? .historyType : .historyInstance, by: caller, on: definition)
        let scope = AccessControl.scope(for: caller, on: definition)
        let page = try await store.read { reader in
            if let id {
                guard let current = try reader.current(type: type, id: id),
                    AccessControl.isVisible(current, to: caller, definition: definition)
                else {
                    throw ZorgbrugError(.resourceNotFound, arguments: ["type": type, "id": id])
                }
            }
            return try reader.history(type: type, id: id, since: since, scope: scope, count: count, cursor: cursor)
        }
        var patients = Set<String>()
        for version in page.versions { if let patientID = version.patientId { patients.insert(patientID) } }
        for patientID in patients.sorted() {
            try await audit.record(
                AuditEntry(
                    interaction: .history, clientID: caller.clientID, actor: caller.actorReference, patientID: patientID,
                    resourceType: type, resourceID: id, trace: trace))
        }
        return page
    }
}
