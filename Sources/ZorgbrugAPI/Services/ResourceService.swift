import FHIR
import Foundation
import ZorgbrugCore
import ZorgbrugStore

/// The FHIR REST interactions over the store, with authorization, validation and audit: what a route handler
/// calls after parsing the request.
///
/// Every method checks the caller's rights first, runs one store transaction, and records the access in the
/// audit trail. Resources outside the caller's reach are reported as not found.
package struct ResourceService: Sendable {
    package let store: ResourceStore
    package let audit: AuditTrail
    /// Makes new resource ids (UUIDv4 by default; injected in tests).
    package let newID: @Sendable () -> String
    /// JSON nesting limit for bodies.
    package let maxDepth: Int

    package init(store: ResourceStore, audit: AuditTrail, maxDepth: Int = 64, newID: @escaping @Sendable () -> String = { ResourceID.randomUUID() }) {
        self.store = store
        self.audit = audit
        self.maxDepth = maxDepth
        self.newID = newID
    }

    /// The catalog definition of `type`, or `resource-type-unknown`.
    package func definition(_ type: String) throws -> ResourceDefinition {
        guard let definition = ResourceCatalog.definition(type) else {
            throw ZorgbrugError(.resourceTypeUnknown, arguments: ["type": type])
        }
        return definition
    }

    /// `read`: the current version; 404 when missing or out of reach, 410 when deleted.
    package func read(type: String, id: String, caller: Caller, trace: TraceIDs) async throws -> StoredResource {
        let definition = try definition(type)
        try AccessControl.requireInteraction(.read, by: caller, on: definition)
        let current = try await store.read { reader in try reader.current(type: type, id: id) }
        let visible = try visibleCurrent(current, type: type, id: id, caller: caller, definition: definition)
        try await audit.record(.init(interaction: .read, resource: visible, caller: caller, trace: trace))
        return visible
    }

    /// `vread`: one historical version.
    package func vread(type: String, id: String, version: Int, caller: Caller, trace: TraceIDs) async throws -> StoredResource {
        let definition = try definition(type)
        try AccessControl.requireInteraction(.vread, by: caller, on: definition)
        let (current, old) = try await store.read { reader in
            (try reader.current(type: type, id: id), try reader.version(type: type, id: id, versionId: version))
        }
        guard let current, AccessControl.isVisible(current, to: caller, definition: definition) else {
            throw ZorgbrugError(.resourceNotFound, arguments: ["type": type, "id": id])
        }
        guard let old else {
            throw ZorgbrugError(.versionNotFound, arguments: ["type": type, "id": id, "version": String(version)])
        }
        if old.isDeleted {
            throw ZorgbrugError(.resourceGone, arguments: ["type": type, "id": id, "version": String(version)])
        }
        try await audit.record(.init(interaction: .vread, resource: current, caller: caller, trace: trace))
        return old
    }

    /// Checks that `current` exists, is visible and is not deleted.
    func visibleCurrent(
        _ current: StoredResource?, type: String, id: String, caller: Caller, definition: ResourceDefinition
    ) throws -> StoredResource {
        guard let current, AccessControl.isVisible(current, to: caller, definition: definition) else {
            throw ZorgbrugError(.resourceNotFound, arguments: ["type": type, "id": id])
        }
        if current.isDeleted {
            throw ZorgbrugError(.resourceGone, arguments: ["type": type, "id": id, "version": String(current.versionId)])
        }
        return current
    }
}

/// The trace identifiers of a request, carried into audit records and outbound calls.
package struct TraceIDs: Sendable, Hashable {
    package var requestID: String
    package var correlationID: String?
    package var traceID: String?
    package var remoteAddress: String?

    package init(requestID: String, correlationID: String? = nil, traceID: String? = nil, remoteAddress: String? = nil) {
        self.requestID = requestID
        self.correlationID = correlationID
        self.traceID = traceID
        self.remoteAddress = remoteAddress
    }
}
