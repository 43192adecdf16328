import FHIR
import ZorgbrugCore
import ZorgbrugStore

extension ResourceService {
    /// The result of a create: the stored resource, and whether it was made now (`false`: an `If-None-Exist`
    /// match or an `Idempotency-Key` replay returned an existing one).
    package struct CreateResult: Sendable {
        package var resource: StoredResource
        package var created: Bool
    }

    /// `create` (https://hl7.org/fhir/R4/http.html#create): the server assigns the id (a client's `id` is ignored, as
    /// FHIR requires); `ifNoneExist` makes it conditional, race-free through a unique index in the store.
    package func create(
        type: String, resource body: JSONObject, ifNoneExist: String?, idempotency: IdempotencyRequest? = nil,
        caller: Caller, trace: TraceIDs
    ) async throws -> CreateResult {
        let definition = try definition(type)
        try AccessControl.requireInteraction(.create, by: caller, on: definition)
        var resource = body
        let id = newID()
        resource["id"] = .string(id)
        resource = Self.withoutServerMeta(resource)
        try ResourceValidation.validate(resource, type: type)
        let index = SearchIndexExtractor.entries(of: resource, definition: definition)
        let conditional = try ifNoneExist.map { criteria in
            try conditionalCreate(criteria, definition: definition, caller: caller)
        }
        let prepared = resource
        let result = try await store.write { writer in
            let owner = try Ownership.resolve(prepared, id: id, definition: definition, caller: caller, reader: writer)
            var fixed = prepared
            if definition.ownership == .patient, let organizationID = owner.organizationID {
                fixed["managingOrganization"] = ["reference": .string("Organization/\(organizationID)")]
            }
            let new = NewResource(
                type: type, id: id, json: fixed,
                index: definition.ownership == .patient ? SearchIndexExtractor.entries(of: fixed, definition: definition) : index,
                patientId: owner.patientID, organizationId: owner.organizationID)
            let result: CreateResult
            switch try writer.create(new, ifNoneExist: conditional) {
            case .created(let stored):
                try writer.appendAudit(AuditEntry(interaction: .create, resource: stored, caller: caller, trace: trace).record(at: audit.clock()))
                result = CreateResult(resource: stored, created: true)
            case .existing(let stored):
                // The caller gets an existing resource back: that is a read of it.
                try writer.appendAudit(AuditEntry(interaction: .read, resource: stored, caller: caller, trace: trace).record(at: audit.clock()))
                result = CreateResult(resource: stored, created: false)
            }
            if let idempotency {
                // Saved in the same transaction as the resource: a replay can never see one without the other.
                let response = idempotency.render(result)
                try writer.saveIdempotency(
                    clientID: idempotency.clientID, key: idempotency.key, requestHash: idempotency.requestHash,
                    status: response.status, headers: response.headers.map { ($0.name, $0.value) }, body: response.body)
            }
            return result
        }
        return result
    }

    /// `update` (https://hl7.org/fhir/R4/http.html#update) with a mandatory version check: `ifMatch` is the version the
    /// caller read. Update-as-create is not offered (ids are server-assigned).
    package func update(
        type: String, id: String, resource body: JSONObject, ifMatch: Int, caller: Caller, trace: TraceIDs
    ) async throws -> StoredResource {
        try await update(type: type, id: id, resource: body, ifMatch: ifMatch, caller: caller, trace: trace, recordedAs: .update)
    }

    /// `update`, recorded in the audit trail as `interaction` (`.patch` when it carries out a PATCH).
    func update(
        type: String, id: String, resource body: JSONObject, ifMatch: Int, caller: Caller, trace: TraceIDs,
        recordedAs interaction: AuditEntry.Action
    ) async throws -> StoredResource {
        let definition = try definition(type)
        try AccessControl.requireInteraction(.update, by: caller, on: definition)
        guard let bodyID = body["id"]?.stringValue else {
            throw ZorgbrugError(.resourceIdMismatch, expression: ["\(type).id"], arguments: ["bodyId": "", "urlId": id])
        }
        guard bodyID == id else {
            throw ZorgbrugError(.resourceIdMismatch, expression: ["\(type).id"], arguments: ["bodyId": bodyID, "urlId": id])
        }
        let resource = Self.withoutServerMeta(body)
        try ResourceValidation.validate(resource, type: type)
        let index = SearchIndexExtractor.entries(of: resource, definition: definition)
        return try await store.write { writer in
            let current = try visibleCurrent(
                try writer.current(type: type, id: id), type: type, id: id, caller: caller, definition: definition)
            try Ownership.requireWritable(current, by: caller, definition: definition)
            let owner = try Ownership.resolve(resource, id: id, definition: definition, caller: caller, reader: writer)
            guard owner.patientID == current.patientId else {
                throw ZorgbrugError(
                    .resourceInvalid, expression: ["\(type)"],
                    arguments: ["problem": "a resource cannot be moved to another patient; create a new one instead"])
            }
            var json = resource
            var entries = index
            if definition.ownership == .patient, let organizationID = current.organizationId {
                // The managing organization is the owner's; an update cannot drop or move it.
                json["managingOrganization"] = ["reference": .string("Organization/\(organizationID)")]
                entries = SearchIndexExtractor.entries(of: json, definition: definition)
            }
            let new = NewResource(
                type: type, id: id, json: json, index: entries,
                patientId: current.patientId, organizationId: current.organizationId ?? owner.organizationID)
            let stored: StoredResource
            do {
                guard case .updated(let updated) = try writer.update(new, ifMatch: ifMatch) else {
                    throw ZorgbrugError(.resourceNotFound, arguments: ["type": type, "id": id])
                }
                stored = updated
            } catch let error as StoreError {
                throw StoreErrorMapping.map(error, type: type, id: id, expectedVersion: ifMatch)
            }
            try writer.appendAudit(AuditEntry(interaction: interaction, resource: stored, caller: caller, trace: trace).record(at: audit.clock()))
            return stored
        }
    }

    /// `delete` (https://hl7.org/fhir/R4/http.html#delete): logical; later reads answer 410. Deleting an already
    /// deleted resource succeeds again (idempotent); a missing or unreachable one is 404.
    package func delete(type: String, id: String, caller: Caller, trace: TraceIDs) async throws {
        let definition = try definition(type)
        try AccessControl.requireInteraction(.delete, by: caller, on: definition)
        try await store.write { writer in
            guard let current = try writer.current(type: type, id: id),
                AccessControl.isVisible(current, to: caller, definition: definition)
            else {
                throw ZorgbrugError(.resourceNotFound, arguments: ["type": type, "id": id])
            }
            if current.isDeleted { return }
            try Ownership.requireWritable(current, by: caller, definition: definition)
            if let tombstone = try writer.delete(type: type, id: id) {
                try writer.appendAudit(AuditEntry(interaction: .delete, resource: tombstone, caller: caller, trace: trace).record(at: audit.clock()))
            }
        }
    }

    /// Removes `meta.versionId` and `meta.lastUpdated`, which only the server sets.
    static func withoutServerMeta(_ resource: JSONObject) -> JSONObject {
        guard var meta = resource["meta"]?.objectValue else { return resource }
        meta["versionId"] = nil
        meta["lastUpdated"] = nil
        var copy = resource
        copy["meta"] = meta.isEmpty ? nil : .object(meta)
        return copy
    }

    private func conditionalCreate(_ criteria: String, definition: ResourceDefinition, caller: Caller) throws -> ConditionalCreate {
        let parameters = QueryString.parse(criteria.hasPrefix("?") ? String(criteria.dropFirst()) : criteria)
        guard !parameters.isEmpty else {
            throw ZorgbrugError(.searchParameterInvalid, arguments: ["parameter": "If-None-Exist", "value": criteria, "reason": "give search parameters such as identifier=system|value"])
        }
        let request = try SearchRequestParser.parse(
            parameters, definition: definition, scope: AccessControl.scope(for: caller, on: definition))
        // The key includes the caller's scope: the same criteria from two organizations are two different keys,
        // so one organization's conditional create can never return another's resource.
        let scopeKey: String
        switch request.query.scope {
        case .unrestricted: scopeKey = "all"
        case .organization(let id): scopeKey = "organization:\(id)"
        case .patient(let id): scopeKey = "patient:\(id)"
        }
        let key = scopeKey + "?" + parameters.map { "\($0.name)=\($0.value)" }.sorted().joined(separator: "&")
        return ConditionalCreate(criteriaKey: key, query: request.query)
    }
}

extension ResourceService {
    /// `patch` with JSON Patch: applied to the current version, then handled exactly like an update (same
    /// validation, same version check).
    package func patch(
        type: String, id: String, patch: JSONPatch, ifMatch: Int, caller: Caller, trace: TraceIDs
    ) async throws -> StoredResource {
        let definition = try definition(type)
        try AccessControl.requireInteraction(.patch, by: caller, on: definition)
        let current = try await store.read { reader in try reader.current(type: type, id: id) }
        let visible = try visibleCurrent(current, type: type, id: id, caller: caller, definition: definition)
        guard visible.versionId == ifMatch else {
            throw ZorgbrugError(.versionConflict, arguments: ["expected": String(ifMatch), "current": String(visible.versionId)])
        }
        guard case .object(let patched) = try patch.apply(to: .object(visible.json)) else {
            throw ZorgbrugError(.resourceInvalid, arguments: ["problem": "the patched document is not a resource"])
        }
        guard patched["resourceType"]?.stringValue == type, patched["id"]?.stringValue == id else {
            throw ZorgbrugError(.resourceInvalid, arguments: ["problem": "a patch may not change resourceType or id"])
        }
        // The update re-checks the version inside its transaction, so a concurrent change still yields 412.
        return try await update(type: type, id: id, resource: patched, ifMatch: ifMatch, caller: caller, trace: trace, recordedAs: .patch)
    }
}
